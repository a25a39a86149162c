'use client';
import Link from 'next/link';
import { Badge } from '@/components/ui/status-badge';

// The queue's 50 orders, laid out from rows the page formats on the server. As server components they
// crossed to the browser as ~100 KB of serialised elements (cards and table both), most of the page's
// server time; as props they cross as data (as 我的备案's lists.tsx).

/** One waiting order, every text already formatted (Beijing time; waiting time against the 1-working-day SLA). */
export type QueueRowView = {
  id: string;
  number: string;
  type: string;
  subject: string;
  icpNumber: string;
  province: string;
  submittedAt: string;
  waiting: string;
  /** How long past the SLA, when it is. */
  overdueBy: string | null;
  dueAt: string;
  /** "许晴正在审核，剩余 N 分钟" while another reviewer's claim runs. */
  claim: string | null;
};

export function QueueList({ rows, query }: { rows: QueueRowView[]; query: string }) {
  const href = (id: string) => (query ? `/review/${id}?${query}` : `/review/${id}`);
  return (
    <>
      {/* Narrow screens: one card per order, waiting time first, so nothing important scrolls out of view. */}
      <ul className="space-y-3 sm:hidden">
        {rows.map((o) => (
          <li key={o.id} className={`rounded-lg border p-3 text-sm ${o.overdueBy ? 'border-red-300 bg-red-50' : 'border-slate-200 bg-white'}`}>
            <p className="flex flex-wrap items-center gap-2">
              <Link href={href(o.id)} data-queue-link className="font-medium text-brand-700 underline">{o.number}</Link>
              {o.overdueBy ? <Badge tone="red" icon="!">{`已超时 ${o.overdueBy}`}</Badge> : null}
              {o.claim ? <Badge tone="amber" icon="●">{o.claim}</Badge> : null}
            </p>
            <p>{`${o.type} · ${o.subject} · ${o.province}`}</p>
            <p className="text-slate-600">{o.icpNumber}</p>
            <p className="text-slate-600">{`提交于 ${o.submittedAt}，已等待 ${o.waiting}`}</p>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white sm:block">
        {/* Cell padding set once on the table, not on each of its 350 cells. */}
        <table className="w-full min-w-[720px] text-left text-sm [&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2 [&_th]:font-medium">
          <caption className="sr-only">待初审订单</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
            <tr>
              <th scope="col">订单号</th>
              <th scope="col">类型</th>
              <th scope="col">备案主体</th>
              <th scope="col">省份</th>
              <th scope="col">提交时间</th>
              <th scope="col">等待时间</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {rows.map((o) => (
              <tr key={o.id} className={o.overdueBy ? 'bg-red-50' : undefined}>
                <th scope="row">
                  <Link href={href(o.id)} data-queue-link className="text-brand-700 underline">{o.number}</Link>
                  {o.claim ? <span className="mt-1 block"><Badge tone="amber" icon="●">{o.claim}</Badge></span> : null}
                </th>
                <td>{o.type}</td>
                <td>
                  <span className="block">{o.subject}</span>
                  <span className="block text-xs text-slate-600">{o.icpNumber}</span>
                </td>
                <td>{o.province}</td>
                <td className="whitespace-nowrap">{o.submittedAt}</td>
                <td>
                  <span className="block whitespace-nowrap">{o.waiting}</span>
                  {o.overdueBy ? <Badge tone="red" icon="!">{`已超时 ${o.overdueBy}`}</Badge> : <span className="block text-xs text-slate-600">{`${o.dueAt} 前完成`}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
