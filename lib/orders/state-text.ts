import type { OrderState, OrderTypeValue } from '@/lib/domain/codes';
import { goesStraightToRegulator, ORDER_STATE_EXPLANATIONS, takesEffectAtOnce } from './state-machine';

// The sentence under an order's state, chosen for its type: 注销 goes straight to the 管局 (no 初审, no 短信核验),
// 取消接入 takes effect at once, and what "approved" did differs by type. Shown on the order page, the review
// page and in the order e-mails.

const APPROVED: Record<OrderTypeValue, string> = {
  CHANGE_SUBJECT: '管局已审核通过，主体备案信息已更新。',
  CHANGE_WEBSITE: '管局已审核通过，网站备案信息已更新。',
  CHANGE_ACCESS: '管局已审核通过，网站的接入信息（IP 地址）已更新。',
  CANCEL_SUBJECT: '管局已审核通过，主体备案及其下全部网站备案已注销。',
  CANCEL_WEBSITE: '管局已审核通过，该网站备案已注销。',
  CANCEL_ACCESS: '已取消接入：备案信息与本接入商的关联已解除，网站在本接入商处无法访问。备案号仍然存在，如需恢复访问，请尽快办理接入备案。',
  ACCESS_FILING: '管局已审核通过，网站已接入本接入商并恢复访问。请按整改事项的提示，在期限内完成原不合格项的整改。',
  NEW_WEBSITE: '管局已审核通过，新网站已备案。',
  FIRST_FILING: '管局已审核通过，已取得新的备案号。',
};

/** 注销: submitted straight to the 管局, so no sentence may mention 初审 or 短信核验. */
const CANCELLATION: Partial<Record<OrderState, string>> = {
  DRAFT: '注销申请尚未提交，您填写的内容已自动保存，可随时继续填写并提交。',
  REGULATOR_REVIEW: '注销申请已提交管局审核，审核结果将通过邮件通知您，此阶段无法撤销。',
  REGULATOR_REJECTED: '管局审核未通过，请按驳回原因修改后重新提交管局，或放弃此订单。',
  ABANDONED: '订单已放弃，备案未被注销。',
};

/** 取消接入: no review at all; it is approved the moment it is submitted. */
const ACCESS_CANCELLATION: Partial<Record<OrderState, string>> = {
  DRAFT: '取消接入尚未提交；提交后立即生效且不可撤销。',
  ABANDONED: '订单已放弃，接入未被取消。',
};

export function orderStateExplanation(type: OrderTypeValue, state: OrderState): string {
  if (state === 'APPROVED') return APPROVED[type];
  if (takesEffectAtOnce(type)) return ACCESS_CANCELLATION[state] ?? ORDER_STATE_EXPLANATIONS[state];
  if (goesStraightToRegulator(type)) return CANCELLATION[state] ?? ORDER_STATE_EXPLANATIONS[state];
  return ORDER_STATE_EXPLANATIONS[state];
}

/** Words a state text must not contain for the type (the model test and the unit test check every pair). */
export function foreignWords(type: OrderTypeValue): string[] {
  if (takesEffectAtOnce(type)) return ['初审', '短信', '管局审核'];
  if (goesStraightToRegulator(type)) return ['初审', '短信'];
  return [];
}
