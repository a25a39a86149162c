// Every kind of message the outbox carries (its `template` column), with the name operators see in the
// development mailbox. A new kind is added here: the outbox accepts only these, and a missing label fails the
// type check.

export const MAIL_KINDS = [
  'notice',
  'reminder.7',
  'reminder.3',
  'reminder.1',
  'reminder.0',
  'order.submit',
  'order.resubmit',
  'order.approve_first_review',
  'order.reject_first_review',
  'order.sms_return',
  'order.regulator_approve',
  'order.regulator_reject',
  'order.expire',
  'order.expiring',
  'order.cancel_access',
  'recheck.accept',
  'recheck.return',
  'recheck.closed',
  'extension.granted',
  'extension.refused',
  'extension.closed',
  'user.invite',
  'magic_link',
  'sms_code',
  'contact_code.sms',
  'contact_code.email',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const MAIL_KIND_LABELS = {
  notice: '整改通知',
  'reminder.7': '整改提醒（提前 7 天）',
  'reminder.3': '整改提醒（提前 3 天）',
  'reminder.1': '整改提醒（提前 1 天）',
  'reminder.0': '整改提醒（期限当天）',
  'order.submit': '订单已提交',
  'order.resubmit': '订单已重新提交',
  'order.approve_first_review': '初审通过',
  'order.reject_first_review': '初审驳回',
  'order.sms_return': '短信核验失败退回',
  'order.regulator_approve': '管局审核通过',
  'order.regulator_reject': '管局驳回',
  'order.expire': '订单已失效',
  'order.expiring': '订单即将过期',
  'order.cancel_access': '运营人员取消接入',
  'recheck.accept': '复核通过',
  'recheck.return': '复核退回',
  'recheck.closed': '复核申请已结束',
  'extension.granted': '延期申请已通过',
  'extension.refused': '延期申请未通过',
  'extension.closed': '延期申请已结束',
  'user.invite': '账号开通',
  magic_link: '登录链接',
  sms_code: '短信核验码',
  'contact_code.sms': '联系方式验证码（短信）',
  'contact_code.email': '联系方式验证码（邮件）',
} as const satisfies Record<MailKind, string>;

/** Groups the development mailbox filters by (a prefix of the kind). */
export const MAIL_KIND_GROUPS = [
  { value: 'notice', label: '整改通知' },
  { value: 'reminder.', label: '整改提醒' },
  { value: 'order.', label: '订单通知' },
  { value: 'recheck.', label: '复核结果' },
  { value: 'extension.', label: '延期申请结果' },
  { value: 'user.', label: '账号开通' },
  { value: 'magic_link', label: '登录链接' },
  { value: 'sms_code', label: '短信核验码' },
  { value: 'contact_code.', label: '联系方式验证码' },
] as const;

export function isMailKind(s: string): s is MailKind {
  return Object.prototype.hasOwnProperty.call(MAIL_KIND_LABELS, s);
}

/** The operator's name for a stored kind; a kind the list does not know reads as a generic 系统消息. */
export function mailKindLabel(kind: string): string {
  return isMailKind(kind) ? MAIL_KIND_LABELS[kind] : '系统消息';
}
