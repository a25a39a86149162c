'use client';
import { useActionState } from 'react';
import type { ActionState } from '@/lib/actions/state';
import type { SelfCheck } from '@/db/checks/self-check';
import { Badge } from './ui/status-badge';

type Remedy = Record<string, { notice: string; remedy: string }>;

/** 立即自查: runs the website checks now and lists each result with what to fix. */
export function SelfCheckPanel({ websiteId, websiteName, path, latest, remedies, run }: {
  websiteId: string;
  websiteName: string;
  path: string;
  latest: SelfCheck | null;
  remedies: Remedy;
  /** The route's 立即自查 server action. */
  run: (prev: ActionState<SelfCheck>, fd: FormData) => Promise<ActionState<SelfCheck>>;
}) {
  const [state, action, pending] = useActionState(run, null);
  const result = state?.ok && state.data ? state.data : latest;
  return (
    <section aria-labelledby={`sc-${websiteId}`} className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id={`sc-${websiteId}`} className="font-semibold">网站自查：{websiteName}</h2>
        <form action={action}>
          <input type="hidden" name="websiteId" value={websiteId} />
          <input type="hidden" name="path" value={path} />
          <button type="submit" disabled={pending} className="rounded border border-brand-700 px-3 py-1 text-sm font-medium text-brand-700 disabled:opacity-60">
            {pending ? '正在自查…' : '立即自查'}
          </button>
        </form>
      </div>
      <p className="mt-1 text-sm text-slate-600">访问已备案域名的首页，检查底部备案号、网站标题、域名解析和可访问性。申请复核时，最近一次自查结果会提供给审核专员。</p>
      {state && !state.ok ? <p role="alert" className="mt-2 text-sm text-red-700">{state.message}</p> : null}
      <div aria-live="polite">
        {result ? (
          <div className="mt-3 space-y-2 text-sm">
            <p className="text-slate-600">自查时间：{new Date(result.createdAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}</p>
            {result.findings.length === 0 ? (
              <p><Badge tone="green" icon="✓">通过</Badge> 未发现问题。</p>
            ) : (
              <ul className="space-y-2">
                {result.findings.map((f, i) => (
                  <li key={i} className="rounded border border-red-200 bg-red-50 p-2">
                    <Badge tone="red" icon="✕">未通过</Badge> <span className="font-medium">{remedies[f.code]?.notice ?? f.code}</span>
                    <span className="block text-red-900">{f.observed}</span>
                    {remedies[f.code] ? <span className="block text-slate-700">如何整改：{remedies[f.code]!.remedy}</span> : null}
                  </li>
                ))}
              </ul>
            )}
            <ul className="text-slate-700">
              {result.domains.map((d) => (
                <li key={d.domain}>{d.domain}：{d.reachable ? '可访问' : '无法访问'}（{d.detail}），解析 {d.addresses.join('、') || '无'}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </section>
  );
}
