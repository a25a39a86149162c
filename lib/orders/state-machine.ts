import type { OrderState, OrderTypeValue } from '@/lib/domain/codes';
import { addDaysIso, startOfDayShanghai, todayIso } from '@/lib/time';

// SPEC section 5. Every order state change in the portal asks this table first; the database function
// `transitionOrder` then writes the move conditionally on the state read here.

export const ORDER_EVENTS = [
  'submit',
  'resubmit',
  'approve_first_review',
  'reject_first_review',
  'sms_verified',
  'sms_return',
  'resubmit_to_regulator',
  'regulator_approve',
  'regulator_reject',
  'withdraw',
  'abandon',
  'expire',
  'cancel_access',
] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];

/** 注销 orders go straight to the 管局: no 初审, no 短信核验, no 撤销. */
export function goesStraightToRegulator(type: OrderTypeValue): boolean {
  return type === 'CANCEL_SUBJECT' || type === 'CANCEL_WEBSITE';
}

/** 取消接入 takes effect at once and cannot be undone. */
export function takesEffectAtOnce(type: OrderTypeValue): boolean {
  return type === 'CANCEL_ACCESS';
}

export class TransitionError extends Error {
  constructor(
    readonly type: OrderTypeValue,
    readonly from: OrderState,
    readonly event: OrderEvent,
  ) {
    super(`订单当前状态（${ORDER_STATE_LABELS[from]}）不允许此操作`);
    this.name = 'TransitionError';
  }
}

/** The next state for `event`, or null when the event is not allowed from `from` for this order type. */
export function nextState(type: OrderTypeValue, from: OrderState, event: OrderEvent): OrderState | null {
  const direct = goesStraightToRegulator(type);
  const instant = takesEffectAtOnce(type);
  switch (event) {
    case 'submit':
      if (from !== 'DRAFT') return null;
      return instant ? 'APPROVED' : direct ? 'REGULATOR_REVIEW' : 'SUBMITTED';
    case 'resubmit':
      if (RESUBMIT_THROUGH_FIRST_REVIEW.has(from) && !direct && !instant) return 'SUBMITTED';
      if (from === 'REGULATOR_REJECTED') return direct ? 'REGULATOR_REVIEW' : 'SUBMITTED';
      return null;
    case 'approve_first_review':
      return from === 'SUBMITTED' ? 'PENDING_SMS' : null;
    case 'reject_first_review':
      return from === 'SUBMITTED' ? 'FIRST_REVIEW_REJECTED' : null;
    case 'sms_verified':
      return from === 'PENDING_SMS' ? 'REGULATOR_REVIEW' : null;
    case 'sms_return':
      return from === 'PENDING_SMS' ? 'RETURNED' : null;
    case 'resubmit_to_regulator':
      return from === 'RETURNED' ? 'PENDING_SMS' : null;
    case 'regulator_approve':
      return from === 'REGULATOR_REVIEW' ? 'APPROVED' : null;
    case 'regulator_reject':
      return from === 'REGULATOR_REVIEW' ? 'REGULATOR_REJECTED' : null;
    case 'withdraw':
      if (direct || instant) return null;
      return WITHDRAWABLE.has(from) ? 'WITHDRAWN' : null;
    case 'abandon':
      return ABANDONABLE.has(from) ? 'ABANDONED' : null;
    case 'expire':
      return EXPIRABLE.has(from) ? 'EXPIRED' : null;
    case 'cancel_access':
      // An operator's 取消接入 of an overdue filing: its own event, so history, audit and mail say who and why.
      return instant && from === 'DRAFT' ? 'APPROVED' : null;
  }
}

export function assertTransition(type: OrderTypeValue, from: OrderState, event: OrderEvent): OrderState {
  const to = nextState(type, from, event);
  if (!to) throw new TransitionError(type, from, event);
  return to;
}

/** Events the given actor kind may trigger; the UI shows exactly these as buttons. */
export function allowedEvents(type: OrderTypeValue, from: OrderState): OrderEvent[] {
  return ORDER_EVENTS.filter((e) => nextState(type, from, e) !== null);
}

const ABANDONABLE = new Set<OrderState>(['DRAFT', 'FIRST_REVIEW_REJECTED', 'RETURNED', 'REGULATOR_REJECTED']);
// 001 4.6 短信验证未通过: 备案信息或资料需要修改时 "订单将会被驳回，您需要重新提交备案申请，通过阿里云审核后再次进入
// 短信验证环节" — a returned order may be edited and goes through 初审 again (or back to the 管局 unchanged).
const RESUBMIT_THROUGH_FIRST_REVIEW = new Set<OrderState>(['FIRST_REVIEW_REJECTED', 'RETURNED']);
// 001 备案审核FAQ 如何撤回审核中的备案订单?: 刚提交备案初审 may be withdrawn; "已提交至管局的订单无法撤销". 初审通过
// hands the order to the 管局 (PENDING_SMS: the 工信部 SMS arrives once it is there, 001 2.8), so only SUBMITTED.
const WITHDRAWABLE = new Set<OrderState>(['SUBMITTED']);
// 备案订单有效期为45天（自提交当天开始计算） — seed 001; once with the 管局 the provider no longer expires it.
const EXPIRABLE = new Set<OrderState>(['SUBMITTED', 'FIRST_REVIEW_REJECTED', 'PENDING_SMS', 'RETURNED', 'REGULATOR_REJECTED']);
export const ORDER_VALIDITY_DAYS = 45;
export const SMS_WINDOW_HOURS = 24;
/** 001 4.6: 证件号码、手机号码、验证码任意信息共计输错5次后，第6次验证时工信部系统会将您的备案申请信息退回. */
export const SMS_TOLERATED_FAILURES = 5;
/** The attempt that returns the order, whatever is typed. */
export const SMS_MAX_FAILURES = SMS_TOLERATED_FAILURES + 1;

/** One SMS verification attempt after `failuresSoFar` wrong ones: the sixth returns the order even when correct. */
export function smsAttemptOutcome(failuresSoFar: number, correct: boolean): 'verified' | 'wrong' | 'returned' {
  if (failuresSoFar >= SMS_TOLERATED_FAILURES) return 'returned';
  return correct ? 'verified' : 'wrong';
}

/**
 * When a submitted order lapses: 45 days counted from the day of submission (自提交当天开始计算, 001 4.10), so the
 * submission day in Asia/Shanghai is day 1 and the order lapses at the start of day 46, whatever the hour it was sent.
 */
export function orderExpiresAt(submittedAt: Date): Date {
  return startOfDayShanghai(addDaysIso(todayIso(submittedAt), ORDER_VALIDITY_DAYS));
}

export const ORDER_STATE_LABELS: Record<OrderState, string> = {
  DRAFT: '草稿',
  SUBMITTED: '待初审',
  FIRST_REVIEW_REJECTED: '初审驳回',
  PENDING_SMS: '待短信核验',
  REGULATOR_REVIEW: '管局审核中',
  APPROVED: '已通过',
  REGULATOR_REJECTED: '管局驳回',
  RETURNED: '已退回',
  ABANDONED: '已放弃',
  WITHDRAWN: '已撤销',
  EXPIRED: '已失效',
};

/** One sentence saying what happens now and who acts next, shown on the order page. */
export const ORDER_STATE_EXPLANATIONS: Record<OrderState, string> = {
  DRAFT: '订单尚未提交，您填写的内容已自动保存，可随时继续填写并提交。',
  SUBMITTED: '订单已提交，初审专员将在1个工作日内完成审核，期间可能致电核实信息，请保持电话畅通。',
  FIRST_REVIEW_REJECTED: '初审未通过，请按驳回原因修改标注的字段后重新提交，或放弃此订单。',
  PENDING_SMS: '初审已通过并提交管局，负责人手机将收到工信部短信验证码，请在24小时内完成短信核验。',
  REGULATOR_REVIEW: '短信核验已完成，订单正在管局审核中，审核结果将通过短信和邮件通知您，此阶段无法撤销。',
  APPROVED: '订单已审核通过，备案信息已更新。',
  REGULATOR_REJECTED: '管局审核未通过，请按驳回原因修改后重新提交（将再次经过初审），或放弃此订单。',
  RETURNED: '短信核验超时或验证码错误次数过多，订单已退回。信息无需修改的，可直接重新提交管局并再次完成短信核验；需要修改的，修改后重新提交，将再次经过初审。',
  ABANDONED: '订单已放弃，未对备案信息做任何修改。',
  WITHDRAWN: '订单已撤销，未对备案信息做任何修改。',
  EXPIRED: '订单自提交起超过45天未完成，已自动失效，请重新发起。',
};

export const ORDER_EVENT_LABELS: Record<OrderEvent, string> = {
  submit: '提交订单',
  resubmit: '修改后重新提交',
  approve_first_review: '初审通过，提交管局',
  reject_first_review: '初审驳回',
  sms_verified: '短信核验通过',
  sms_return: '短信核验失败，订单退回',
  resubmit_to_regulator: '重新提交管局',
  regulator_approve: '管局审核通过',
  regulator_reject: '管局驳回',
  withdraw: '撤销订单',
  abandon: '放弃订单',
  expire: '订单超期失效',
  cancel_access: '运营人员取消接入',
};

/**
 * 取消接入 is the provider's decision (SPEC 1: operators cancel access for overdue filings). For it an operator
 * may stop the filer's open order (放弃 / 撤销: the database allows one open order per subject) and submit the
 * CANCEL_ACCESS order on the filer's behalf — never silently: a reason is required and lands in the history.
 */
export function operatorMayAct(type: OrderTypeValue, event: OrderEvent, reason: string | null | undefined): boolean {
  if (!reason?.trim()) return false;
  return event === 'abandon' || event === 'withdraw' || (event === 'cancel_access' && type === 'CANCEL_ACCESS');
}

/** Who may trigger each event. `system` covers the scheduler (expiry, SMS window) and the gateway. */
export type EventActor = 'owner' | 'reviewer' | 'regulator' | 'operator' | 'system';
export const EVENT_ACTORS = {
  submit: 'owner',
  resubmit: 'owner',
  approve_first_review: 'reviewer',
  reject_first_review: 'reviewer',
  sms_verified: 'owner',
  sms_return: 'system',
  resubmit_to_regulator: 'owner',
  regulator_approve: 'regulator',
  regulator_reject: 'regulator',
  withdraw: 'owner',
  abandon: 'owner',
  expire: 'system',
  cancel_access: 'operator',
} as const satisfies Record<OrderEvent, EventActor>;
