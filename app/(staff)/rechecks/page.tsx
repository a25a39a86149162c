import type { Metadata } from 'next';
import { requirePageUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { listPendingRechecks } from '@/db/queries/rechecks';
import { Badge } from '@/components/ui/status-badge';
import { Deadline } from '@/components/deadline';
import { ACTION_LABELS, FINDING_CATALOGUE } from '@/lib/remediation';
import { FINDING_STATUS_LABELS } from '@/lib/filings/status';
import { formatDateTime } from '@/lib/time';
import { RecheckDecision } from './recheck-decision';
import { Item } from '@/components/ui/item';
import { maskPersonalText } from '@/lib/privacy/mask';

export const metadata: Metadata = { title: '复核队列' };

type StoredSelfCheck = {
  checkedAt?: string;
  passed?: boolean;
  findings?: { code: string; observed: string }[];
  domains?: { domain: string; reachable: boolean; detail: string; addresses: string[] }[];
};

/** The filer's latest 立即自查 before asking (db/checks/self-check.ts): verdict, problems, then each domain. */
function SelfCheck({ value }: { value: unknown }) {
  if (!value || typeof value !== 'object') return <p className="text-slate-600">未进行自查。</p>;
  const v = value as StoredSelfCheck;
  return (
    <div className="space-y-1">
      <p>
        {v.passed === undefined ? null : v.passed ? <Badge tone="green" icon="✓">自查通过</Badge> : <Badge tone="red" icon="✕">自查未通过</Badge>}
        {v.checkedAt ? <span className="ml-2 text-slate-600">{formatDateTime(v.checkedAt)}</span> : null}
      </p>
      <ul className="text-xs text-slate-700">
        {(v.findings ?? []).map((f, i) => (
          <li key={`f${i}`} className="text-red-800">{FINDING_CATALOGUE[f.code as keyof typeof FINDING_CATALOGUE]?.notice ?? f.code}：{maskPersonalText(f.observed)}</li>
        ))}
        {(v.domains ?? []).map((d) => (
          <li key={d.domain}>{d.domain}：{d.reachable ? '可访问' : '无法访问'}（{d.detail}），解析 {d.addresses.join('、') || '无'}</li>
        ))}
      </ul>
    </div>
  );
}

const DONE = { accept: '复核通过，整改事项已完成，已邮件通知备案用户。', return: '已退回，原因已邮件通知备案用户。' } as const;

export default async function RechecksPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  await requirePageUser(['reviewer', 'admin']);
  const { done } = await searchParams;
  const rechecks = await listPendingRechecks(await getDb());
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">复核队列</h1>
        <p className="mt-1 text-sm text-slate-600">备案用户已在门户外完成整改并申请复核。核实后复核通过（整改事项完成），或退回并说明原因。</p>
      </div>
      {done === 'accept' || done === 'return' ? <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-900">{DONE[done]}</p> : null}
      <p className="text-sm text-slate-700">共 {rechecks.length} 个复核申请待处理。</p>
      {rechecks.length === 0 ? (
        <p className="rounded border border-green-200 bg-green-50 p-4 text-sm text-green-900">暂无待处理的复核申请。</p>
      ) : (
        <ul className="space-y-4">
          {rechecks.map((r) => {
            const entry = FINDING_CATALOGUE[r.code];
            const action = r.actionCode && r.actionCode in ACTION_LABELS ? ACTION_LABELS[r.actionCode as keyof typeof ACTION_LABELS].label : null;
            const target = r.websiteName ? `${r.websiteName}（${r.websiteIcpNumber}）` : `${r.subjectName}（${r.subjectIcpNumber}）`;
            return (
              <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
                <article aria-labelledby={`rc-${r.id}`} className="grid gap-4 lg:grid-cols-[1fr_20rem]">
                  <div className="space-y-2">
                    <h2 id={`rc-${r.id}`} className="text-base font-semibold">{entry.notice}</h2>
                    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">
                      <Item label="备案主体" value={`${r.subjectName}（${r.subjectIcpNumber}）`} />
                      <Item label="网站 / 域名" value={[r.websiteName ? target : null, r.domainName].filter(Boolean).join(' · ') || '—'} />
                      {/* A list: a 身份证号 or mobile among the values (联系方式无效) is masked. */}
                      <Item label="核查结果" value={maskPersonalText([r.filedValue ? `备案：${r.filedValue}` : null, r.observedValue ? `实际：${r.observedValue}` : null].filter(Boolean).join('；')) || '—'} />
                      <div>
                        <dt className="text-slate-600">整改期限</dt>
                        <dd><Deadline date={r.deadline} /> · {FINDING_STATUS_LABELS[r.findingStatus]}</dd>
                      </div>
                      <Item label="申请人" value={`${r.requester ?? '—'}，${formatDateTime(r.createdAt)}`} />
                      <Item label="已完成的整改" value={action ?? '—'} />
                    </dl>
                    <div>
                      <p className="text-slate-600">备案用户说明</p>
                      <p className="whitespace-pre-wrap">{maskPersonalText(r.note) || '（未填写）'}</p>
                    </div>
                    <div>
                      <p className="text-slate-600">自查结果</p>
                      <SelfCheck value={r.selfCheck} />
                    </div>
                    <div>
                      <p className="text-slate-600">证明材料</p>
                      {r.materials.length === 0 ? (
                        <p>未上传证明材料。</p>
                      ) : (
                        <ul className="mt-1 flex flex-wrap gap-3">
                          {r.materials.map((m) => (
                            <li key={m.id}>
                              <a href={`/materials/${m.id}`} target="_blank" rel="noreferrer">
                                {/* eslint-disable-next-line @next/next/no-img-element -- served by the authorised materials route */}
                                <img src={`/materials/${m.id}`} alt={`${m.kind}：${m.fileName}`} className="h-32 w-44 rounded border border-slate-200 bg-slate-50 object-contain" loading="lazy" />
                              </a>
                            </li>
                          ))}
                        </ul>
                      )}
                    </div>
                  </div>
                  <RecheckDecision recheckId={r.id} title={`${entry.notice}（${target}）`} />
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

