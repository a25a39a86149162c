import type { OrderState, OrderTypeValue } from '@/lib/domain/codes';
import { ORDER_STATE_EXPLANATIONS, ORDER_STATE_LABELS, type OrderEvent } from '@/lib/orders/state-machine';
import type { RejectionEntry } from '@/lib/orders/payload';

// Which order events e-mail the filer (SPEC 8): every decision on their order.
const EMAILED: ReadonlySet<OrderEvent> = new Set([
  'submit',
  'approve_first_review',
  'reject_first_review',
  'sms_return',
  'regulator_approve',
  'regulator_reject',
  'expire',
]);

export const ORDER_TYPE_NAMES: Record<OrderTypeValue, string> = {
  CHANGE_SUBJECT: '变更主体',
  CHANGE_WEBSITE: '变更网站',
  CHANGE_ACCESS: '变更接入',
  CANCEL_SUBJECT: '注销主体',
  CANCEL_WEBSITE: '注销网站',
  CANCEL_ACCESS: '取消接入',
  ACCESS_FILING: '接入备案',
  NEW_WEBSITE: '新增网站',
  FIRST_FILING: '首次备案',
};

export function publicBaseUrl(explicit?: string): string {
  return (explicit ?? process.env.PUBLIC_BASE_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
}

export function orderEventEmail(input: {
  order: { id: string; number: string; type: OrderTypeValue; rejection?: RejectionEntry[] | null; rejectionNote?: string | null };
  event: OrderEvent;
  to: OrderState;
  reason: string | null;
  baseUrl?: string;
}): { subject: string; text: string; html: string; template: string; data: Record<string, unknown> } | null {
  if (!EMAILED.has(input.event)) return null;
  const { order, to } = input;
  const url = `${publicBaseUrl(input.baseUrl)}/orders/${order.id}`;
  const title = `${ORDER_TYPE_NAMES[order.type]}订单 ${order.number}：${ORDER_STATE_LABELS[to]}`;
  const lines = [ORDER_STATE_EXPLANATIONS[to]];
  if (input.reason) lines.push(`原因：${input.reason}`);
  const text = `您好：\n\n您的${title}。\n${lines.join('\n')}\n\n查看订单：${url}\n\n此邮件由系统自动发送，请勿直接回复。`;
  const html = `<p>您好：</p><p>您的${escapeHtml(title)}。</p>${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}<p><a href="${escapeHtml(url)}">查看订单</a></p><p style="color:#555">此邮件由系统自动发送，请勿直接回复。</p>`;
  return { subject: `【备案整改】${title}`, text, html, template: `order.${input.event}`, data: { orderId: order.id, url } };
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
