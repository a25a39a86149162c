import { requirePageUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { upcomingDeadlines } from '@/db/queries/admin';
import { PageTitle, SubjectLink, TableCard, Td, Th, linkClass } from '@/components/admin/ui';
import { Badge } from '@/components/ui/status-badge';
import { FINDING_CATALOGUE } from '@/lib/remediation';
import { FINDING_STATUS_LABELS } from '@/lib/filings/status';
import { daysUntil } from '@/lib/time';
import Link from 'next/link';

export const metadata = { title: '期限跟踪' };

type Row = Awaited<ReturnType<typeof upcomingDeadlines>>[number];

const GROUPS = [
  { key: 'overdue', title: '已逾期', test: (d: number) => d < 0, tone: 'red' as const },
  { key: 'd3', title: '3 天内到期', test: (d: number) => d >= 0 && d <= 3, tone: 'amber' as const },
  { key: 'd7', title: '7 天内到期（4–7 天）', test: (d: number) => d > 3 && d <= 7, tone: 'blue' as const },
];

export default async function DeadlinesPage() {
  await requirePageUser(['admin']);
  const rows = await upcomingDeadlines(await getDb());
  const now = new Date();
  const withDays = rows.map((r) => ({ ...r, days: daysUntil(r.deadline, now) }));
  return (
    <div className="space-y-6">
      <PageTitle title="期限跟踪">
        <Link href="/admin/cancel-access" className={linkClass}>逾期主体取消接入</Link>
      </PageTitle>
      <p className="text-sm text-slate-700">未解决（待整改、整改中、已逾期）的不合格项，按整改期限分组。</p>
      {GROUPS.map((g) => {
        const list = withDays.filter((r) => g.test(r.days));
        return (
          <section key={g.key} aria-labelledby={g.key}>
            <h2 id={g.key} className="mb-2 flex items-center gap-2 text-lg font-semibold">
              {g.title} <Badge tone={g.tone}>{list.length} 项</Badge>
            </h2>
            {list.length === 0 ? <p className="text-sm text-slate-600">暂无。</p> : <DeadlineTable caption={g.title} rows={list} />}
          </section>
        );
      })}
    </div>
  );
}

function DeadlineTable({ caption, rows }: { caption: string; rows: (Row & { days: number })[] }) {
  return (
    <TableCard caption={caption}>
      <thead className="bg-slate-50">
        <tr><Th>备案主体</Th><Th>网站 / 域名</Th><Th>不合格项</Th><Th>整改期限</Th><Th>剩余天数</Th><Th>状态</Th></tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-t border-slate-100">
            <Td><SubjectLink id={r.subjectId} name={r.subjectName} icp={r.subjectIcp} /></Td>
            <Td>{r.websiteName ? <>{r.websiteName}<div className="text-xs text-slate-600">{r.websiteIcp}{r.domain ? ` · ${r.domain}` : ''}</div></> : '—'}</Td>
            <Td>{FINDING_CATALOGUE[r.code].notice}</Td>
            <Td className="whitespace-nowrap">{r.deadline}</Td>
            <Td className={`whitespace-nowrap ${r.days <= 3 ? 'font-medium text-red-700' : ''}`}>{r.days < 0 ? `已逾期 ${-r.days} 天` : r.days === 0 ? '今天到期' : `${r.days} 天`}</Td>
            <Td className="whitespace-nowrap">{FINDING_STATUS_LABELS[r.status]}</Td>
          </tr>
        ))}
      </tbody>
    </TableCard>
  );
}
