'use client';
import Link from 'next/link';
import { FindingStatusBadge } from '@/components/ui/finding-status-badge';
import { Deadline } from '@/components/deadline';
import type { FindingStatus } from '@/lib/domain/codes';

// The notices and their findings, laid out from a compact view model the page computes on the server: as
// server components every row crossed to the browser as serialised elements (issue 7, as on 我的备案).

export type NoticeView = {
  id: string;
  title: string;
  meta: string;
  findings: { id: string; title: string; status: FindingStatus; site: string; labelSite: string; deadline: string; live: boolean }[];
};

/** `now` comes from the server so the days left are the same in the HTML and after hydration. */
export function NoticeList({ notices, now }: { notices: NoticeView[]; now: string }) {
  const at = new Date(now);
  return (
    <ul className="space-y-4">
      {notices.map((n) => (
        <li key={n.id}>
          <article aria-labelledby={`n-${n.id}`} className="rounded-lg border border-slate-200 bg-white">
            <header className="border-b border-slate-200 p-4">
              <h2 id={`n-${n.id}`} className="font-semibold">{n.title}</h2>
              <p className="text-sm text-slate-600">{n.meta}</p>
            </header>
            <ul className="divide-y divide-slate-100 *:flex *:flex-wrap *:items-center *:gap-3 *:p-4">
              {n.findings.map((f) => (
                <li key={f.id}>
                  <div className="min-w-0 flex-1">
                    <p className="font-medium">{f.title}</p>
                    <p className="mt-0.5 flex flex-wrap items-center gap-2 text-sm text-slate-600">
                      <FindingStatusBadge status={f.status} />
                      <span>{f.site}</span>
                      {f.live ? <Deadline date={f.deadline} now={at} prefix="· 截止 " /> : null}
                    </p>
                  </div>
                  <Link
                    href={`/rectifications/${f.id}`}
                    aria-label={`${f.live ? '去整改' : '查看'}：${f.title}（${f.labelSite}）`}
                    className={f.live ? 'btn-primary' : 'text-sm font-medium text-brand-700 underline'}
                  >
                    {f.live ? '去整改' : '查看'}
                  </Link>
                </li>
              ))}
            </ul>
          </article>
        </li>
      ))}
    </ul>
  );
}
