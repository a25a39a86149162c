import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { listNoticesForOwner } from '@/db/queries/findings';
import { NoticeList, type NoticeView } from './notice-list';
import { FINDING_CATALOGUE } from '@/lib/remediation';
import { UNRESOLVED_FINDING_STATUSES, type FindingStatus } from '@/lib/domain/codes';
import { formatCalendarDate, formatDate } from '@/lib/time';

export const metadata: Metadata = { title: '整改通知' };

const FILTERS: { value: FindingStatus | undefined; label: string }[] = [
  { value: undefined, label: '全部' },
  { value: 'open', label: '待整改' },
  { value: 'in_progress', label: '整改中' },
  { value: 'resolved', label: '已整改' },
  { value: 'overdue', label: '已逾期' },
];

type Props = { searchParams: Promise<{ status?: string | string[] }> };

/** The filer's 整改通知 with their findings, filterable by finding status through the URL. */
export default async function NoticesPage({ searchParams }: Props) {
  const user = await requirePageUser(['filer']);
  const raw = (await searchParams).status;
  const filter = FILTERS.find((f) => f.value && f.value === raw) ?? FILTERS[0]!;
  const notices = await listNoticesForOwner(await getDb(), user.id, filter.value);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">整改通知</h1>
        <p className="mt-1 text-sm text-slate-600">接入商核查您的备案信息后下发的整改通知。每个不合格项都可单独打开，按指引整改。</p>
      </div>
      <nav aria-label="按状态筛选">
        <ul className="flex flex-wrap gap-2">
          {FILTERS.map((f) => {
            const active = f === filter;
            return (
              <li key={f.label}>
                <Link
                  href={f.value ? `/notices?status=${f.value}` : '/notices'}
                  aria-current={active ? 'page' : undefined}
                  className={`inline-block rounded-full border px-3 py-1 text-sm ${active ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-50'}`}
                >
                  {f.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      {notices.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
          {filter.value
            ? `没有“${filter.label}”的整改项。可选择“全部”查看所有整改通知。`
            : '您暂未收到整改通知。接入商核查发现问题时，会通过邮件通知您，并在这里列出。'}
        </p>
      ) : (
        <NoticeList notices={notices.map(noticeView)} now={new Date().toISOString()} />
      )}
    </div>
  );
}

type NoticeRow = Awaited<ReturnType<typeof listNoticesForOwner>>[number];

function noticeView(n: NoticeRow): NoticeView {
  return {
    id: n.id,
    title: `${n.subjectName} 的整改通知`,
    meta: `主体备案号 ${n.subjectIcpNumber} · 下发于 ${formatDate(n.createdAt)} · 通知截止 ${formatCalendarDate(n.deadline)}`,
    findings: n.findings.map((f) => ({
      id: f.id,
      title: FINDING_CATALOGUE[f.code].notice,
      status: f.status,
      where: f.websiteName ?? '主体信息',
      labelSite: f.websiteName ?? n.subjectName,
      deadline: f.deadline,
      live: (UNRESOLVED_FINDING_STATUSES as readonly FindingStatus[]).includes(f.status),
    })),
  };
}
