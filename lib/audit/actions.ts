import type { FindingCodeValue, OrderState, OrderTypeValue, Role } from '@/lib/domain/codes';
import { ORDER_EVENTS, ORDER_EVENT_LABELS, type OrderEvent } from '@/lib/orders/state-machine';

// Every action the portal writes to the audit log, the shape of its details and its name for operators.
// A new action is added here first: the writer (db/audit.ts) accepts only these, and a missing label or
// details type fails the type check.

type OrderTransitionDetails = { number: string; from: OrderState; to: OrderState; reason: string | null };

export type AuditDetails = {
  'order.create': { type: OrderTypeValue; findingId: string | null };
  'notice.issue':
    | { deadline: string; codes: FindingCodeValue[]; findings: number; source?: 'manual' | 'check' }
    | { batchId: string; source: 'import' };
  'import.upload': { fileName: string; rows: number; errorRows: number };
  'import.start': Record<string, never>;
  'import.done': { rows: number; createdFindings: number; skippedRows: number; notices: number };
  'import.discard': { fileName: string; rows: number };
  'check.start': { province?: string; nature?: string; codes?: string[]; website?: boolean };
  'check.issue_notices': { notices: number; findings: number; skipped: number };
  'extension.request': { extensionId: string; deadline: string };
  'extension.grant': { from: string; to: string };
  'extension.refuse': { reason: string | null };
  'recheck.request': { recheckId: string; actionCode: string | null; materialId: string | null };
  'recheck.accept': { findingId: string; code: FindingCodeValue | null; findingStatus: string | null; reason: string | null };
  'recheck.return': { findingId: string; code: FindingCodeValue | null; findingStatus: string | null; reason: string | null };
  'recheck.close': { findingId: string; findingStatus: string; cause: string };
  'extension.close': { extensionId: string; findingStatus: string; cause: string };
  'subject.cancel_access': { number: string; scope: 'subject' | 'website'; reason: string; websites: string[]; stoppedOrders: string[]; findings: number };
  'user.invite': { email: string; name: string; role: Role };
  'user.role': { email: string; from: Role; to: Role };
  'user.disable': { email: string };
  'user.enable': { email: string };
  'pii.view': { fields: string[] };
  'outbox.retry': { recipient: string; template: string; lastError: string | null };
  'review.takeover': { number: string; from: string | null };
} & { [E in OrderEvent as `order.${E}`]: OrderTransitionDetails };

export type AuditAction = keyof AuditDetails;
type StaticAction = Exclude<AuditAction, `order.${OrderEvent}`>;

/** What each audit row is about (the row's entity_type). */
export const AUDIT_ENTITIES = ['order', 'notice', 'finding', 'recheck', 'subject', 'user', 'import_batch', 'check_run', 'outbox'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

const STATIC_LABELS = {
  'order.create': '创建订单',
  'notice.issue': '下发整改通知',
  'import.upload': '上传导入文件',
  'import.start': '开始批量导入',
  'import.done': '批量导入完成',
  'import.discard': '放弃导入批次',
  'check.start': '发起专项核查',
  'check.issue_notices': '按核查结果下发整改通知',
  'extension.request': '申请整改延期',
  'extension.grant': '批准整改延期',
  'extension.refuse': '拒绝整改延期',
  'recheck.request': '申请复核',
  'recheck.accept': '复核通过',
  'recheck.return': '复核退回',
  'recheck.close': '复核申请随整改事项结束',
  'extension.close': '延期申请随整改事项结束',
  'subject.cancel_access': '取消接入',
  'user.invite': '邀请用户',
  'user.role': '修改用户角色',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'pii.view': '查看完整证件号',
  'outbox.retry': '重试发送失败的消息',
  'review.takeover': '接手他人正在审核的订单',
} as const satisfies Record<StaticAction, string>;

const ORDER_ACTION_LABELS = Object.fromEntries(ORDER_EVENTS.map((e) => [`order.${e}`, `订单：${ORDER_EVENT_LABELS[e]}`])) as Record<
  `order.${OrderEvent}`,
  string
>;

export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = { ...STATIC_LABELS, ...ORDER_ACTION_LABELS };

/** Every action the portal audits, for the filter (a fixed list: no scan of a growing table). */
export const AUDIT_ACTIONS: readonly AuditAction[] = [...(Object.keys(STATIC_LABELS) as StaticAction[]), ...ORDER_EVENTS.map((e) => `order.${e}` as const)];

export function isAuditAction(s: string): s is AuditAction {
  return Object.prototype.hasOwnProperty.call(AUDIT_ACTION_LABELS, s);
}
