import Link from 'next/link';
import { requirePageUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { listCheckRuns } from '@/db/queries/check-runs';
import { FINDING_CATALOGUE } from '@/lib/remediation';
import { FINDING_CODES, SUBJECT_NATURES, SUBJECT_NATURE_LABELS } from '@/lib/domain/codes';
import { PROVINCES, PROVINCE_CODES } from '@/lib/rules/provinces';
import { formatDateTime } from '@/lib/time';
import { RunStatusBadge } from './run-status';
import { StartRunForm } from './start-form';

export const metadata = { title: '专项核查' };

export default async function ChecksPage() {
  await requirePageUser(['admin']);
  const runs = await listCheckRuns(await getDb());
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">专项核查</h1>
        <p className="mt-1 text-sm text-slate-600">对已备案信息运行数据核查与网站核查（首页备案号、标题、解析、可访问性），在管局发现之前找出不合格项。</p>
      </div>
      <StartRunForm
        provinces={PROVINCE_CODES.map((c) => ({ value: c, label: PROVINCES[c]!.name }))}
        natures={SUBJECT_NATURES.map((n) => ({ value: n, label: SUBJECT_NATURE_LABELS[n] }))}
        codes={FINDING_CODES.map((c) => ({ value: c, label: FINDING_CATALOGUE[c].notice }))}
      />
      <section aria-labelledby="runs">
        <h2 id="runs" className="mb-2 text-lg font-semibold">最近的核查</h2>
        {runs.length === 0 ? (
          <p className="text-sm text-slate-700">尚未运行过核查。</p>
        ) : (
          <table className="w-full rounded-lg border border-slate-200 bg-white text-left text-sm">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">开始时间</th>
                <th scope="col" className="px-3 py-2 font-medium">状态</th>
                <th scope="col" className="px-3 py-2 font-medium">进度</th>
                <th scope="col" className="px-3 py-2 font-medium">发现问题</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {runs.map((r) => (
                <tr key={r.id}>
                  <td className="px-3 py-2"><Link className="text-brand-700 underline" href={`/admin/checks/${r.id}`}>{formatDateTime(r.createdAt)}</Link></td>
                  <td className="px-3 py-2"><RunStatusBadge status={r.status} /></td>
                  <td className="px-3 py-2">{r.processedSubjects} / {r.totalSubjects} 个主体</td>
                  <td className="px-3 py-2">{r.resultCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
