import Link from 'next/link';
import { UUID_PATTERN } from '@/lib/domain/ids';
import { z } from 'zod';
import { requirePageUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { ADMIN_ORDERS_PAGE, listOrdersForAdmin } from '@/db/queries/admin-orders';
import { ORDER_STATES, ORDER_TYPES } from '@/lib/domain/codes';
import { ORDER_STATE_LABELS } from '@/lib/orders/state-machine';
import { ORDER_TYPE_NAMES } from '@/lib/notify/order-emails';
import { PROVINCES, PROVINCE_CODES } from '@/lib/rules/provinces';
import { formatDateTime } from '@/lib/time';
import { OrderStateBadge } from '@/components/orders/order-state-badge';
import { ScrollRegion } from '@/components/ui/scroll-region';

export const metadata = { title: '订单' };

const params = z.object({
  state: z.enum(ORDER_STATES).optional().catch(undefined),
  type: z.enum(ORDER_TYPES).optional().catch(undefined),
  province: z.string().regex(/^\d{2}$/).optional().catch(undefined),
  q: z.string().trim().max(80).optional().catch(undefined),
  before: z.string().regex(new RegExp(`^\\d{1,15}_${UUID_PATTERN.source.slice(1)}`, 'i')).optional().catch(undefined),
});

export default async function AdminOrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePageUser(['admin']);
  const p = params.parse(await searchParams);
  const before = p.before ? { at: new Date(Number(p.before.split('_')[0])), id: p.before.split('_')[1]! } : undefined;
  const rows = await listOrdersForAdmin(await getDb(), { ...p, q: p.q || undefined, before });
  const page = rows.slice(0, ADMIN_ORDERS_PAGE);
  const last = page[page.length - 1];
  const next = rows.length > ADMIN_ORDERS_PAGE && last ? new URLSearchParams({ ...clean(p), before: `${last.createdAt.getTime()}_${last.id}` }).toString() : null;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">订单</h1>
      <form method="get" className="grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-5" aria-label="筛选订单">
        <Filter label="状态" name="state" value={p.state} options={ORDER_STATES.map((s) => [s, ORDER_STATE_LABELS[s]])} />
        <Filter label="类型" name="type" value={p.type} options={ORDER_TYPES.map((s) => [s, ORDER_TYPE_NAMES[s]])} />
        <Filter label="省份" name="province" value={p.province} options={PROVINCE_CODES.map((c) => [c, PROVINCES[c]!.name])} />
        <div>
          <label htmlFor="q" className="mb-1 block text-sm font-medium">订单号 / 备案号 / 主体名称</label>
          <input id="q" name="q" defaultValue={p.q} className="w-full rounded border border-slate-400 px-2 py-2 text-sm" />
        </div>
        <div className="flex items-end"><button type="submit" className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white">筛选</button></div>
      </form>
      <ScrollRegion label="订单列表" className="rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              {['订单号', '类型', '主体', '省份', '状态', '创建时间', '提交时间'].map((h) => <th key={h} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">{h}</th>)}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {page.length === 0 ? (
              <tr><td colSpan={7} className="px-3 py-6 text-center text-slate-600">没有符合条件的订单。</td></tr>
            ) : page.map((o) => (
              <tr key={o.id}>
                <td className="px-3 py-2"><Link href={`/review/${o.id}`} className="text-brand-700 underline">{o.number}</Link></td>
                <td className="px-3 py-2">{ORDER_TYPE_NAMES[o.type]}</td>
                <td className="px-3 py-2">{o.subjectName ?? '（首次备案）'}<span className="block text-xs text-slate-600">{o.subjectIcp ?? o.ownerEmail}</span></td>
                <td className="px-3 py-2">{PROVINCES[o.provinceCode]?.name ?? o.provinceCode}</td>
                <td className="px-3 py-2"><OrderStateBadge state={o.state} /></td>
                <td className="whitespace-nowrap px-3 py-2">{formatDateTime(o.createdAt)}</td>
                <td className="whitespace-nowrap px-3 py-2">{o.submittedAt ? formatDateTime(o.submittedAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {next ? <Link href={`/admin/orders?${next}`} className="inline-block text-brand-700 underline">下一页</Link> : null}
    </div>
  );
}

function clean(p: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(p).filter(([k, v]) => v && k !== 'before')) as Record<string, string>;
}

function Filter({ label, name, value, options }: { label: string; name: string; value?: string; options: [string, string][] }) {
  return (
    <div>
      <label htmlFor={`f-${name}`} className="mb-1 block text-sm font-medium">{label}</label>
      <select id={`f-${name}`} name={name} defaultValue={value ?? ''} className="w-full rounded border border-slate-400 bg-white px-2 py-2 text-sm">
        <option value="">全部</option>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </div>
  );
}
