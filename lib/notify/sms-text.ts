import type { OrderTypeValue } from '@/lib/domain/codes';
import { ORDER_TYPE_LABELS } from '@/lib/remediation/orders-text';
import { SMS_WINDOW_HOURS } from '@/lib/orders/state-machine';

/** The 工信部 verification SMS: the order by its type's name and number, never by a key. */
export function smsCodeText(order: { type: OrderTypeValue; number: string }, code: string): string {
  return `【工信部ICP备案】您的${ORDER_TYPE_LABELS[order.type]}申请（订单 ${order.number}）短信核验码为 ${code}，请在${SMS_WINDOW_HOURS}小时内登录完成核验。如非本人操作请忽略。`;
}
