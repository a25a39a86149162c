import type { OrderState } from '@/lib/domain/codes';

/** The next thing the filer must do for an order in each state, as a short imperative (dashboard). */
export const FILER_NEXT_STEP: Record<OrderState, string> = {
  DRAFT: '继续填写并提交',
  SUBMITTED: '等待初审，保持电话畅通',
  FIRST_REVIEW_REJECTED: '按驳回原因修改后重新提交',
  PENDING_SMS: '24小时内完成短信核验',
  REGULATOR_REVIEW: '等待管局审核',
  APPROVED: '无需操作',
  REGULATOR_REJECTED: '按驳回原因修改后重新提交',
  RETURNED: '重新提交管局并完成短信核验，或修改后重新提交初审',
  ABANDONED: '无需操作',
  WITHDRAWN: '无需操作',
  EXPIRED: '如仍需办理，请重新发起',
};
