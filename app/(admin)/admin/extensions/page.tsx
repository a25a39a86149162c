import { requirePageUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { extensionRequests } from '@/db/queries/admin';
import { Notice, PageTitle, SubjectLink, TableCard, Td, Th, card, inputClass } from '@/components/admin/ui';
import { ActionForm, SubmitButton } from '@/components/admin/action-form';
import { Badge } from '@/components/ui/status-badge';
import { FINDING_CATALOGUE } from '@/lib/remediation';
import { FINDING_STATUS_LABELS } from '@/lib/filings/status';
import { addDaysIso, daysUntil, formatDateTime, todayIso } from '@/lib/time';
import { grantExtensionAction, refuseExtensionAction } from './actions';

export const metadata = { title: '延期申请' };

export default async function ExtensionsPage({ searchParams }: { searchParams: Promise<{ decided?: string }> }) {
  await requirePageUser(['admin']);
  const { decided: outcome } = await searchParams;
  const db = await getDb();
  const [pending, decided] = await Promise.all([extensionRequests(db, 'pending'), extensionRequests(db, 'decided')]);
  return (
    <div className="space-y-6">
      <PageTitle title="延期申请" />
      {outcome === 'granted' ? <Notice tone="ok">已批准延期，新的整改期限已生效，已通知申请人。</Notice> : null}
      {outcome === 'refused' ? <Notice tone="ok">已拒绝延期申请，已通知申请人。</Notice> : null}
      <p className="text-sm text-slate-700">每个不合格项只能申请一次延期。批准时新的整改期限须晚于当前期限；已逾期的不合格项批准后恢复为待整改。</p>
      <section aria-labelledby="pending">
        <h2 id="pending" className="mb-2 text-lg font-semibold">待处理（{pending.length}）</h2>
        {pending.length === 0 ? <p className="text-sm text-slate-600">暂无待处理的延期申请。</p> : null}
        <ul className="space-y-3">
          {pending.map((r) => {
            const days = daysUntil(r.deadline);
            const label = `${r.subjectName} ${FINDING_CATALOGUE[r.code].notice}`;
            return (
              <li key={r.id} className={`${card} p-4 text-sm`} aria-label={`延期申请：${label}`}>
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div>
                    <SubjectLink id={r.subjectId} name={r.subjectName} icp={r.subjectIcp} />
                    <p className="mt-1 font-medium">{FINDING_CATALOGUE[r.code].notice}{r.websiteIcp ? <span className="ml-2 font-normal text-slate-600">{r.websiteIcp}</span> : null}</p>
                  </div>
                  <Badge tone={days < 0 ? 'red' : days <= 3 ? 'amber' : 'slate'}>
                    {FINDING_STATUS_LABELS[r.findingStatus]} · 当前期限 {r.deadline}（{days < 0 ? `已逾期 ${-days} 天` : `剩余 ${days} 天`}）
                  </Badge>
                </div>
                <p className="mt-2"><span className="text-slate-600">申请理由：</span>{r.reason}</p>
                <p className="text-xs text-slate-600">{r.requester} 于 {formatDateTime(r.createdAt)} 申请</p>
                <div className="mt-3 grid gap-4 md:grid-cols-2">
                  <ActionForm action={grantExtensionAction} label={`批准延期：${label}`}>
                    <input type="hidden" name="requestId" value={r.id} />
                    <label htmlFor={`d-${r.id}`} className="mb-1 block font-medium">新的整改期限</label>
                    <div className="flex gap-2">
                      <input id={`d-${r.id}`} name="newDeadline" type="date" required min={addDaysIso(r.deadline, 1)} defaultValue={addDaysIso(r.deadline > todayIso() ? r.deadline : todayIso(), 14)} className={inputClass} />
                      <SubmitButton pendingText="处理中…">批准延期</SubmitButton>
                    </div>
                  </ActionForm>
                  <ActionForm action={refuseExtensionAction} label={`拒绝延期：${label}`}>
                    <input type="hidden" name="requestId" value={r.id} />
                    <label htmlFor={`r-${r.id}`} className="mb-1 block font-medium">拒绝理由</label>
                    <div className="flex gap-2">
                      <input id={`r-${r.id}`} name="reason" required maxLength={500} className={inputClass} />
                      <SubmitButton pendingText="处理中…" className="rounded border border-red-700 px-4 py-2 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-60">拒绝</SubmitButton>
                    </div>
                  </ActionForm>
                </div>
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="decided">
        <h2 id="decided" className="mb-2 text-lg font-semibold">最近处理</h2>
        <TableCard caption="最近处理的延期申请">
          <thead className="bg-slate-50"><tr><Th>备案主体</Th><Th>不合格项</Th><Th>结果</Th><Th>处理时间</Th></tr></thead>
          <tbody>
            {decided.map((r) => (
              <tr key={r.id} className="border-t border-slate-100">
                <Td><SubjectLink id={r.subjectId} name={r.subjectName} icp={r.subjectIcp} /></Td>
                <Td>{FINDING_CATALOGUE[r.code].notice}</Td>
                <Td>{r.state === 'granted' ? <Badge tone="green">已批准，延至 {r.newDeadline}</Badge> : r.state === 'closed' ? <Badge tone="slate">已结束（整改事项已关闭）</Badge> : <Badge tone="slate">已拒绝</Badge>}</Td>
                <Td>{r.decidedAt ? formatDateTime(r.decidedAt) : '—'}</Td>
              </tr>
            ))}
            {decided.length === 0 ? <tr><Td className="text-slate-600">暂无。</Td></tr> : null}
          </tbody>
        </TableCard>
      </section>
    </div>
  );
}
