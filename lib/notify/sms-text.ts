import type { OrderTypeValue } from '@/lib/domain/codes';
import { ORDER_TYPE_LABELS } from '@/lib/remediation/orders-text';
import { SMS_WINDOW_HOURS } from '@/lib/orders/state-machine';
import { CODE_TTL_MS } from '@/lib/contacts/verification';

/** The 工信部 verification SMS: the order by its type's name and number, never by a key. */
export function smsCodeText(order: { type: OrderTypeValue; number: string }, code: string): string {
  return `【工信部ICP备案】您的${ORDER_TYPE_LABELS[order.type]}申请（订单 ${order.number}）短信核验码为 ${code}，请在${SMS_WINDOW_HOURS}小时内登录完成核验。如非本人操作请忽略。`;
}

/**
 * The code that confirms a 负责人's new mobile number from the order wizard. It names the order and what is
 * being confirmed, so whoever receives it by mistake knows it is not theirs to pass on.
 */
export function contactCodeSmsText(input: { orderNumber: string; label: string }, code: string): string {
  return `【备案整改门户】验证码 ${code}，用于确认备案订单 ${input.orderNumber} 的${input.label}，${CODE_TTL_MS / 60_000} 分钟内有效。如非本人操作请忽略。`;
}
