'use client';
import { FindingRow, type FindingRowView } from '@/components/finding-row';

// The notices and their findings, laid out from a compact view model the page computes on the server: as
// server components every row crossed to the browser as serialised elements (as on 我的备案).

export type NoticeView = {
  id: string;
  title: string;
  meta: string;
  findings: FindingRowView[];
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
                  <FindingRow f={f} now={at} />
                </li>
              ))}
            </ul>
          </article>
        </li>
      ))}
    </ul>
  );
}
