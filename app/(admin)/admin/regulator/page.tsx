import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { listRegulatorQueue } from '@/db/queries/regulator';
import { currentFilingFor } from '@/db/queries/review-order';
import { diffView } from '@/lib/orders/diff';
import { maskIdNumber, maskPersonalText } from '@/lib/privacy/mask';
import { ORDER_TYPE_NAMES } from '@/lib/notify/order-emails';
import { provinceName } from '@/lib/filings/labels';
import { formatDateTime } from '@/lib/time';
import { RegulatorDecision } from './regulator-decision';

export const metadata: Metadata = { title: '管局模拟' };

const DONE = { approve: '管局审核通过，变更已生效，关联整改事项已完成。', reject: '已驳回，原因已通知备案用户。' } as const;

export default async function RegulatorPage({ searchParams }: { searchParams: Promise<{ done?: string; order?: string }> }) {
  await requirePageUser(['admin']);
  const { done, order } = await searchParams;
  const db = await getDb();
  // What each approval would write to the filing, so the stand-in 管局 sees what it decides.
  const orders = await Promise.all(
    (await listRegulatorQueue(db)).map(async (o) => ({ ...o, changes: diffView(await currentFilingFor(db, o.subjectId, o.websiteId), o.payload) })),
  );
  const confirmation = done === 'approve' || done === 'reject' ? `订单 ${String(order ?? '').slice(0, 40)}：${DONE[done]}` : null;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">管局模拟</h1>
        <p className="mt-1 text-sm text-slate-600">
          未配置真实管局接口时，由运营管理员代为作出管局审核结论。通过后变更立即写入备案信息，关联整改事项随之完成；驳回后备案用户可修改后重新提交。
        </p>
      </div>
      {confirmation ? <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-900">{confirmation}</p> : null}
      <p className="text-sm text-slate-700">共 {orders.length} 个订单在管局审核中。</p>
      {orders.length === 0 ? (
        <p className="rounded border border-green-200 bg-green-50 p-4 text-sm text-green-900">没有管局审核中的订单。</p>
      ) : (
        <ul className="space-y-4">
          {orders.map((o) => (
            <li key={o.id} className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm md:grid-cols-[1fr_22rem]">
              <div>
                <h2 className="text-base font-semibold">
                  {ORDER_TYPE_NAMES[o.type]}订单 <Link href={`/review/${o.id}`} className="text-brand-700 underline">{o.number}</Link>
                </h2>
                <p>{o.subjectName ?? '—'}（{o.subjectIcpNumber ?? '首次备案'}）· {provinceName(o.provinceCode)}</p>
                <p className="text-slate-600">提交管局审核：{formatDateTime(o.updatedAt)}</p>
                {o.changes.length > 0 ? (
                  <ul className="mt-2 space-y-0.5 text-slate-800" aria-label={`订单 ${o.number} 的变更内容`}>
                    {o.changes.slice(0, 8).map((c) => {
                      // A list: 证件号码 and any mobile among the values are masked (the order page shows them).
                      const v = (x: string | null) => (x === null ? '—' : c.sensitive ? maskIdNumber(x) : maskPersonalText(x));
                      return <li key={c.field}>{c.label}：{v(c.before)} → {v(c.after)}</li>;
                    })}
                    {o.changes.length > 8 ? <li className="text-slate-600">等共 {o.changes.length} 项，详见订单页。</li> : null}
                  </ul>
                ) : null}
              </div>
              <RegulatorDecision orderId={o.id} number={o.number} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
