import { createElement } from 'react';
import type { OrderState, OrderTypeValue } from '@/lib/domain/codes';
import { ORDER_TYPE_LABELS } from '@/lib/remediation/orders-text';
import { ORDER_STATE_LABELS, type OrderEvent } from '@/lib/orders/state-machine';
import { orderStateExplanation } from '@/lib/orders/state-text';
import type { RejectionEntry } from '@/lib/orders/payload';
import { maskPersonalText } from '@/lib/privacy/mask';
import type { MailKind } from './kinds';
import { rejectedFields } from '@/lib/orders/rejection-fields';
import { OrderEventBody } from './templates/order-event';
import { orderUrl, publicBaseUrl, renderEmail } from './templates/render';

export { publicBaseUrl };

// Which order events e-mail the filer (SPEC 8): every decision on their order.
const EMAILED_EVENTS = [
  'submit',
  // A resubmission is waiting for 初审 again: the same 待初审 mail as the first submission.
  'resubmit',
  'approve_first_review',
  'reject_first_review',
  'sms_return',
  'regulator_approve',
  'regulator_reject',
  'expire',
  'cancel_access',
] as const satisfies readonly OrderEvent[];
type EmailedEvent = (typeof EMAILED_EVENTS)[number];
const isEmailed = (e: OrderEvent): e is EmailedEvent => (EMAILED_EVENTS as readonly OrderEvent[]).includes(e);

/** The order types' names (one table, in lib/remediation). */
export const ORDER_TYPE_NAMES: Readonly<Record<OrderTypeValue, string>> = ORDER_TYPE_LABELS;

/**
 * The e-mail for an order event, or null when the event does not e-mail the filer. Rendered through
 * react-email (async), so the caller awaits it inside the transition's transaction.
 */
export async function orderEventEmail(input: {
  order: { id: string; number: string; type: OrderTypeValue; rejection?: RejectionEntry[] | null; rejectionNote?: string | null };
  event: OrderEvent;
  to: OrderState;
  reason: string | null;
  baseUrl?: string;
}): Promise<{ subject: string; text: string; html: string; template: MailKind; data: Record<string, unknown> } | null> {
  const event = input.event;
  if (!isEmailed(event)) return null;
  const { order, to } = input;
  const base = publicBaseUrl(input.baseUrl);
  const url = orderUrl(base, order.id);
  const cancelled = event === 'cancel_access';
  const title = cancelled ? `${ORDER_TYPE_NAMES[order.type]}：运营人员取消接入（订单 ${order.number}）` : `${ORDER_TYPE_NAMES[order.type]}订单 ${order.number}：${ORDER_STATE_LABELS[to]}`;
  const rejected = to === 'FIRST_REVIEW_REJECTED' || to === 'REGULATOR_REJECTED';
  // Reviewers' notes are free text: any 身份证号 or mobile typed into them is masked (SECURITY.md).
  const view = {
    title,
    explanation: cancelled ? `运营人员已取消接入。${orderStateExplanation(order.type, to)}` : orderStateExplanation(order.type, to),
    reason: maskPersonalText(input.reason),
    rejection: rejected
      ? rejectedFields(order, order.rejection ?? []).map((r) => ({ ...r, note: maskPersonalText(r.note) ?? null, href: `${base}${r.href}` }))
      : [],
    rejectionNote: rejected ? (maskPersonalText(order.rejectionNote) ?? null) : null,
    url,
  };
  const rendered = await renderEmail(`【备案整改】${title}`, createElement(OrderEventBody, { view }));
  // A resubmission waiting for 初审 sends the very mail a first submission sends.
  const template: MailKind = event === 'resubmit' && to === 'SUBMITTED' ? 'order.submit' : `order.${event}`;
  return { ...rendered, template, data: { orderId: order.id, url } };
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
