import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { getOrderForOwner, reviewBasis } from '@/db/orders/drafts';
import { CancelConfirmation, DiffTable } from '@/components/orders/diff-table';
import { orderLabels, orderTimeline, type TimelineEntry } from '@/db/queries/orders';
import { ConfirmEventButton, EditLink, ResubmitRegulatorButton, SmsCodeForm, SubmitButton } from './order-actions';
import { OrderStateBadge } from '@/components/orders/order-state-badge';
import { ORDER_TYPE_LABELS } from '@/lib/remediation';
import { REJECTION_REASONS } from '@/lib/remediation/rejection-reasons';
import { orderStateExplanation } from '@/lib/orders/state-text';
import { EVENT_ACTORS, ORDER_STATE_LABELS, SMS_TOLERATED_FAILURES, allowedEvents } from '@/lib/orders/state-machine';
import { eventLabel } from '@/lib/orders/history';
import { diffView } from '@/lib/orders/diff';
import { fieldLabel } from '@/lib/orders/field-labels';
import { rejectionPath } from '@/lib/orders/steps';
import { daysUntil, formatDateTime, todayIso } from '@/lib/time';
import { NotFoundError } from '@/lib/errors';

export const metadata: Metadata = { title: '订单详情' };

const NOTICES: Record<string, string> = {
  existing: '该备案已有一个进行中的订单，同一主体同时只能办理一个订单，已为您打开它。',
  submitted: '订单已提交。',
};

function who(e: TimelineEntry): string {
  if (e.event === 'regulator_approve' || e.event === 'regulator_reject') return '管局';
  if (e.actorRole === 'filer') return '您';
  if (e.actorRole === 'admin') return '运营人员';
  if (e.actorRole === 'reviewer') return '初审专员';
  return '系统';
}


export default async function OrderPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string; confirm?: string }> }) {
  const user = await requirePageUser(['filer']);
  const [{ id }, { notice, confirm }] = await Promise.all([params, searchParams]);
  const db = await getDb();
  const order = await getOrderForOwner(db, id, user.id).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const [timeline, labels, basis] = await Promise.all([orderTimeline(db, order.id), orderLabels(db, order), reviewBasis(db, order)]);
  // Exactly the moves the filer may make now (the state machine, filtered to the owner's events).
  const allowed = new Set(allowedEvents(order.type, order.state).filter((e) => EVENT_ACTORS[e] === 'owner'));
  const ref = { orderId: order.id, expectedState: order.state };
  const rejections = (order.rejection ?? []).map((r) => {
    const reason = REJECTION_REASONS.find((x) => x.code === r.code);
    const path = rejectionPath(order.type, r.field ?? reason?.field);
    // A code outside the catalogue still shows the reviewer's note.
    return { field: path ? fieldLabel(order.type, path) : null, reason: reason?.reason ?? '', fix: reason?.fix ?? '', note: r.note };
  });
  // expiresAt is the first instant after the 45th day (自提交当天开始计算): show and count to the last valid day.
  const lastValidDay = order.expiresAt ? todayIso(new Date(order.expiresAt.getTime() - 1)) : null;
  const daysLeft = lastValidDay ? daysUntil(lastValidDay) : null;
  const typeLabel = ORDER_TYPE_LABELS[order.type];
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <nav aria-label="面包屑" className="text-sm text-slate-600">
        <Link href="/orders" className="underline">我的订单</Link> / {order.number}
      </nav>
      {notice && NOTICES[notice] ? <p role="status" className="rounded border border-blue-300 bg-blue-50 p-3 text-sm text-blue-900">{NOTICES[notice]}</p> : null}
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">{typeLabel}订单</h1>
          <OrderStateBadge state={order.state} />
        </div>
        <p className="text-sm text-slate-700">
          订单号 {order.number}
          {labels.subject ? <> · <Link href={`/subjects/${order.subjectId}`} className="text-brand-700 underline">{labels.subject.name}</Link></> : null}
          {labels.website ? ` · ${labels.website.name}（${labels.website.icpNumber}）` : ''}
        </p>
      </header>

      <section aria-labelledby="now" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="now" className="mb-2 text-lg font-semibold">当前状态：{ORDER_STATE_LABELS[order.state]}</h2>
        <p className="text-sm text-slate-800">{orderStateExplanation(order.type, order.state)}</p>
        {order.expiresAt && daysLeft !== null && allowed.size > 0 ? (
          <p className={`mt-2 text-sm ${daysLeft <= 7 ? 'font-medium text-red-800' : 'text-slate-700'}`}>
            订单有效期至 {lastValidDay}（自提交起45天），{daysLeft >= 0 ? `还剩 ${daysLeft} 天` : '已过期'}。
          </p>
        ) : null}
        {rejections.length ? (
          <div className="mt-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            <h3 className="font-medium">驳回原因</h3>
            {order.rejectionNote ? <p className="mb-1">{order.rejectionNote}</p> : null}
            <ul className="list-disc space-y-1 pl-5">
              {rejections.map((r, i) => (
                <li key={i}>
                  {r.field ? <strong>{r.field}：</strong> : null}
                  {[r.reason, r.fix, r.note].filter(Boolean).join(' ')}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="mt-4 flex flex-wrap items-start gap-3">
          {order.state === 'DRAFT' ? <EditLink orderId={order.id} label="继续填写" /> : null}
          {allowed.has('submit') ? <SubmitButton {...ref} version={order.version} label="提交订单" /> : null}
          {allowed.has('resubmit') ? <EditLink orderId={order.id} label="修改后重新提交" /> : null}
          {allowed.has('resubmit_to_regulator') ? <ResubmitRegulatorButton {...ref} /> : null}
          {allowed.has('withdraw') ? <ConfirmEventButton {...ref} event="withdraw" open={confirm === 'withdraw'} label="撤销订单" warning="撤销后订单结束，备案信息不会有任何修改；如仍需办理，需要重新发起订单。" /> : null}
          {allowed.has('abandon') ? <ConfirmEventButton {...ref} event="abandon" open={confirm === 'abandon'} label="放弃订单" warning="放弃后订单结束，已填写的内容不再提交，备案信息不会有任何修改。" /> : null}
        </div>
        {allowed.has('sms_verified') ? (
          <div className="mt-4 border-t border-slate-200 pt-4">
            <h3 className="mb-2 font-medium">短信核验</h3>
            <SmsCodeForm orderId={order.id} attemptsLeft={Math.max(0, SMS_TOLERATED_FAILURES - order.smsFailures)} />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="content" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="content" className="mb-3 text-lg font-semibold">申请内容</h2>
        {/* Once approved the filing already shows the new data: compare only while the order runs. */}
        {order.state === 'APPROVED' ? <p className="text-sm text-slate-700">订单已通过，申请的内容已写入备案信息。</p> : <DiffTable rows={diffView(basis.current, order.payload)} />}
        {'confirmed' in order.payload && order.payload.confirmed ? <CancelConfirmation typeLabel={typeLabel} /> : null}
      </section>

      <section aria-labelledby="history" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="history" className="mb-3 text-lg font-semibold">办理记录</h2>
        <ol className="space-y-3 border-l-2 border-slate-200 pl-4">
          {timeline.map((e) => (
            <li key={e.id} className="text-sm">
              <p className="font-medium">
                {who(e)} · {eventLabel(e.event)}
              </p>
              <p className="text-slate-700">
                <time dateTime={e.at.toISOString()}>{formatDateTime(e.at)}</time> ·{' '}
                {e.fromState ? `${ORDER_STATE_LABELS[e.fromState]} → ` : ''}
                {ORDER_STATE_LABELS[e.toState]}
              </p>
              {e.reason ? <p className="text-slate-700">原因：{e.reason}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
