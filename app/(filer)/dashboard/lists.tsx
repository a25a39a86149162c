'use client';
import Link from 'next/link';
import { FilingStatusBadge } from '@/components/ui/status-badge';
import { FindingRow } from '@/components/finding-row';
import type { DisplayStatus } from '@/lib/filings/status';
import type { FindingStatus } from '@/lib/domain/codes';

// The dashboard's two long lists, laid out from a compact view model the page computes on the server.
// As server components they crossed to the browser as ~650 serialised elements (70 KB of RSC payload,
// a third of the page's server CPU); as props they cross as data.

/** One finding to rectify: `name`/`icpNumber` are the website's, or the subject's for a subject-level finding. */
export type TodoItem = { id: string; cancelled: boolean; title: string; status: FindingStatus; name: string; icpNumber: string; deadline: string };
export type SubjectCardView = {
  id: string;
  name: string;
  meta: string;
  status: DisplayStatus;
  order: { href: string; text: string; link: string } | null;
  websites: { icpNumber: string; name: string; domains: string; ips: string; status: DisplayStatus }[];
};

/** `now` comes from the server so the days left are the same in the HTML and after hydration. */
export function TodoList({ items, now }: { items: TodoItem[]; now: string }) {
  const at = new Date(now);
  return (
    <ul aria-label="待整改事项" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white *:flex *:flex-wrap *:items-center *:gap-3 *:p-4">
      {items.map((f) => (
        <li key={f.id}>
          {f.cancelled ? (
            <>
              <div className="min-w-0 flex-1">
                <p className="font-medium">{f.title}</p>
                <p className="text-sm text-slate-600">网站已无法在本接入商正常访问，请按指引重新接入备案。</p>
              </div>
              <Link href={`/rectifications/${f.id}`} className="btn-primary">查看重新接入方案</Link>
            </>
          ) : (
            <FindingRow f={{ ...f, where: `${f.name}（${f.icpNumber}）`, labelSite: f.name, live: true }} now={at} />
          )}
        </li>
      ))}
    </ul>
  );
}

export function SubjectCards({ subjects }: { subjects: SubjectCardView[] }) {
  return subjects.map((s) => (
    <article key={s.id} aria-labelledby={`s-${s.id}`} className="rounded-lg border border-slate-200 bg-white">
      <header className="flex flex-wrap items-start gap-3 border-b border-slate-200 p-4">
        <div className="min-w-0 flex-1">
          <h3 id={`s-${s.id}`} className="font-semibold">
            <Link href={`/subjects/${s.id}`} className="hover:underline">{s.name}</Link>
          </h3>
          <p className="text-sm text-slate-600">{s.meta}</p>
        </div>
        <FilingStatusBadge status={s.status} />
      </header>
      {s.order ? (
        <p className="border-b border-slate-200 bg-blue-50 px-4 py-2 text-sm text-blue-900">
          {s.order.text}{' '}
          <Link href={s.order.href} className="font-medium underline">{s.order.link}</Link>
        </p>
      ) : null}
      <div className="sm:overflow-x-auto">
        {/* Cell padding (and the 备案号 column's nowrap) set once on the table, not on each of its cells. On a
            phone each row becomes a card whose cells carry their column's name (data-label), so 状态 stays in
            view instead of behind a sideways scroll; from sm up it is the table. */}
        <table className="block w-full text-left text-sm sm:table sm:min-w-[40rem] [&_td]:px-4 [&_td]:py-0.5 sm:[&_td]:py-2 sm:[&_td:first-child]:whitespace-nowrap [&_th]:px-4 [&_th]:py-2 [&_th]:font-medium">
          <caption className="sr-only">{`${s.name}的网站`}</caption>
          <thead className="hidden bg-slate-50 text-slate-600 sm:table-header-group">
            <tr>
              {WEBSITE_COLUMNS.map((c) => <th key={c} scope="col">{c}</th>)}
            </tr>
          </thead>
          <tbody className="block divide-y divide-slate-100 sm:table-row-group">
            {s.websites.map((w) => (
              <tr key={w.icpNumber} className="block py-2 sm:table-row sm:py-0">
                {[w.icpNumber, w.name, w.domains, w.ips].map((v, i) => (
                  <td key={WEBSITE_COLUMNS[i]} data-label={WEBSITE_COLUMNS[i]} className={CARD_CELL}>{v}</td>
                ))}
                <td data-label="状态" className={CARD_CELL}><FilingStatusBadge status={w.status} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  ));
}

const WEBSITE_COLUMNS = ['网站备案号', '网站名称', '域名', '接入 IP', '状态'] as const;
/** A cell as a labelled line of a card on phones, a table cell from sm up. */
const CARD_CELL = 'flex gap-2 break-all sm:table-cell before:w-20 before:shrink-0 before:text-slate-500 before:content-[attr(data-label)] sm:before:content-none';
