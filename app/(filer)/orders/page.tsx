import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { ORDER_GROUPS, listOrdersForOwner, type OrderGroup } from '@/db/queries/orders';
import { OrderStateBadge } from '@/components/orders/order-state-badge';
import { ORDER_TYPE_LABELS } from '@/lib/remediation';
import { FILER_NEXT_STEP } from '@/lib/orders/next-step';
import { formatDateTime } from '@/lib/time';
import { ScrollRegion } from '@/components/ui/scroll-region';

export const metadata: Metadata = { title: '我的订单' };

const GROUPS = Object.keys(ORDER_GROUPS) as OrderGroup[];

export default async function OrdersPage({ searchParams }: { searchParams: Promise<{ state?: string }> }) {
  const user = await requirePageUser(['filer']);
  const { state } = await searchParams;
  const group = GROUPS.includes(state as OrderGroup) ? (state as OrderGroup) : undefined;
  const orders = await listOrdersForOwner(await getDb(), user.id, group);
  const tab = (g: OrderGroup | undefined, label: string) => (
    <li key={g ?? 'all'}>
      <Link
        href={g ? `/orders?state=${g}` : '/orders'}
        aria-current={group === g ? 'page' : undefined}
        className={`inline-block rounded-full px-3 py-1 text-sm ${group === g ? 'bg-brand-700 text-white' : 'bg-white text-brand-700 underline ring-1 ring-slate-300'}`}
      >
        {label}
      </Link>
    </li>
  );
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">我的订单</h1>
      <nav aria-label="按状态筛选">
        <ul className="flex flex-wrap gap-2">
          {tab(undefined, '全部')}
          {GROUPS.map((g) => tab(g, ORDER_GROUPS[g].label))}
        </ul>
      </nav>
      {orders.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
          {group ? `没有${ORDER_GROUPS[group].label}的订单。` : '您还没有备案订单。需要整改或变更备案时，请从'}
          {group ? null : <><Link href="/dashboard" className="text-brand-700 underline">我的备案</Link>中选择要办理的事项。</>}
        </p>
      ) : (
        <ScrollRegion label="订单列表" className="rounded-lg border border-slate-200 bg-white">
          <table className="w-full min-w-[36rem] text-sm">
            <caption className="sr-only">订单列表</caption>
            <thead>
              <tr className="border-b border-slate-200 text-left">
                <th scope="col" className="p-3">订单</th>
                <th scope="col" className="p-3">备案主体 / 网站</th>
                <th scope="col" className="p-3">状态</th>
                <th scope="col" className="p-3">更新时间</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.id} className="border-b border-slate-100 align-top">
                  <th scope="row" className="p-3 text-left font-normal">
                    <Link href={`/orders/${o.id}`} className="font-medium text-brand-700 underline">{ORDER_TYPE_LABELS[o.type]}</Link>
                    <span className="block text-xs text-slate-600">{o.number}</span>
                  </th>
                  <td className="p-3">
                    {o.subjectName ?? (o.payload.type === 'FIRST_FILING' ? `${o.payload.subject.name}（首次备案）` : '—')}
                    {o.websiteName ? <span className="block text-slate-600">{o.websiteName}</span> : null}
                  </td>
                  <td className="p-3">
                    <OrderStateBadge state={o.state} />
                    <span className="block text-xs text-slate-600">{FILER_NEXT_STEP[o.state]}</span>
                  </td>
                  <td className="p-3 whitespace-nowrap">{formatDateTime(o.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
