import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { getCheckRun } from '@/db/queries/check-runs';
import { runReport } from '@/db/checks/run';
import { isUuid } from '@/db/queries/filings';
import { FINDING_CATALOGUE } from '@/lib/remediation';
import { maskPersonalText } from '@/lib/privacy/mask';
import { formatDateTime } from '@/lib/time';
import { RunStatusBadge } from '../run-status';
import { AutoRefresh, CancelRunButton, IssueNoticesForm } from './controls';
import { addDaysIso, todayIso } from '@/lib/time';

export const metadata = { title: '核查结果' };

export default async function CheckRunPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser(['admin']);
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const db = await getDb();
  const run = await getCheckRun(db, id);
  if (!run) notFound();
  const report = await runReport(db, run.id);
  const pct = run.totalSubjects ? Math.round((run.processedSubjects / run.totalSubjects) * 100) : 100;
  return (
    <div className="space-y-6">
      <nav aria-label="面包屑" className="text-sm text-slate-600"><Link href="/admin/checks" className="underline">专项核查</Link> / 核查结果</nav>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">核查结果</h1>
        <RunStatusBadge status={run.status} />
        <span className="text-sm text-slate-600">开始于 {formatDateTime(run.createdAt)}</span>
      </header>
      <section aria-labelledby="progress-label" className="rounded-lg border border-slate-200 bg-white p-4">
        <p id="progress-label" className="mb-2 text-sm font-medium">进度：已核查 {run.processedSubjects} / {run.totalSubjects} 个主体（{pct}%），发现 {run.resultCount} 个问题</p>
        <progress aria-labelledby="progress-label" max={Math.max(run.totalSubjects, 1)} value={run.processedSubjects} className="h-3 w-full" />
        {run.status === 'running' ? (
          <div className="mt-3 flex items-center gap-3">
            <AutoRefresh />
            <CancelRunButton runId={run.id} />
          </div>
        ) : null}
        {run.error ? <p className="mt-2 text-sm text-red-700">核查中断：{run.error}</p> : null}
      </section>
      {run.status === 'done' && report.length > 0 ? (
        <IssueNoticesForm runId={run.id} defaultDeadline={addDaysIso(todayIso(), 15)} issuedAt={run.noticesIssuedAt ? formatDateTime(run.noticesIssuedAt) : null} />
      ) : null}
      <section aria-labelledby="report">
        <h2 id="report" className="mb-2 text-lg font-semibold">按不合格项汇总</h2>
        {report.length === 0 ? (
          <p className="text-sm text-slate-700">{run.status === 'running' ? '核查进行中…' : '未发现问题。'}</p>
        ) : (
          <table className="w-full rounded-lg border border-slate-200 bg-white text-left text-sm">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">不合格项</th>
                <th scope="col" className="whitespace-nowrap px-3 py-2 font-medium">数量</th>
                <th scope="col" className="px-3 py-2 font-medium">示例</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {report.map((r) => (
                <tr key={r.code}>
                  <td className="px-3 py-2 align-top">{FINDING_CATALOGUE[r.code].notice}</td>
                  <td className="px-3 py-2 align-top font-semibold">{r.n}</td>
                  <td className="px-3 py-2">
                    <ul className="space-y-1">
                      {r.examples.map((e, i) => (
                        <li key={i}>{e.subject_name}{e.website_name ? ` · ${e.website_name}` : ''}：{maskPersonalText(e.observed)}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
