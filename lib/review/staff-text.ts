import type { OrderState } from '@/lib/domain/codes';

// What each order state means to a reviewer (the filer reads ORDER_STATE_EXPLANATIONS on their own pages).

export const STAFF_STATE_TEXT = {
  DRAFT: '备案用户尚未提交，无需初审。',
  SUBMITTED: '等待初审：核对变更内容、材料与省份规则后作出结论。',
  FIRST_REVIEW_REJECTED: '已初审驳回，等待备案用户按驳回原因修改后重新提交；重新提交后回到初审队列。',
  PENDING_SMS: '已通过初审并提交管局，等待负责人完成工信部短信核验（24 小时内）。',
  REGULATOR_REVIEW: '负责人已完成短信核验，订单在管局审核中，初审无需再处理。',
  APPROVED: '管局已审核通过，备案信息已更新。',
  REGULATOR_REJECTED: '管局驳回，备案用户修改后重新提交将再次进入初审队列。',
  RETURNED: '短信核验超时或失败，订单已退回备案用户，重新提交管局后再次核验。',
  ABANDONED: '备案用户已放弃此订单。',
  WITHDRAWN: '备案用户已撤销此订单。',
  EXPIRED: '订单超过 45 天未完成，已失效。',
} as const satisfies Record<OrderState, string>;

/** The 初审 conclusion a history event records, for the reviewer. */
export function conclusionText(event: string): string {
  return event === 'approve_first_review' ? '通过，已提交管局' : event === 'reject_first_review' ? '驳回' : '已处理';
}
