import type { OrderState } from '@/lib/domain/codes';
import { ORDER_EVENT_LABELS, ORDER_STATE_LABELS, type OrderEvent } from './state-machine';

// One line per order history row, in words: the event, and the state it led to when the event's name does
// not already say it (never "初审驳回 → 初审驳回").

export function eventLabel(event: string): string {
  if (event === 'create') return '创建订单';
  return Object.prototype.hasOwnProperty.call(ORDER_EVENT_LABELS, event) ? ORDER_EVENT_LABELS[event as OrderEvent] : '订单更新';
}

export function stateLabel(state: string): string {
  return Object.prototype.hasOwnProperty.call(ORDER_STATE_LABELS, state) ? ORDER_STATE_LABELS[state as OrderState] : '其他状态';
}

export function historyLine(event: string, toState: string): string {
  const what = eventLabel(event);
  const to = stateLabel(toState);
  return what.includes(to) ? what : `${what}，订单${to}`;
}
