import { FINDING_CATALOGUE, isFindingCode } from '@/lib/remediation';
import { ORDER_EVENTS, ORDER_EVENT_LABELS, ORDER_STATE_LABELS, type OrderEvent } from '@/lib/orders/state-machine';
import { ROLE_LABELS } from '@/lib/auth/roles';
import type { OrderState, Role } from '@/lib/domain/codes';
import { maskPersonalText } from '@/lib/privacy/mask';

// Audit events as sentences an operator can read, instead of raw JSON.

const ACTION_LABELS: Record<string, string> = {
  'notice.issue': '下发整改通知',
  'import.upload': '上传导入文件',
  'import.start': '开始批量导入',
  'import.done': '批量导入完成',
  'extension.request': '申请整改延期',
  'extension.grant': '批准整改延期',
  'extension.refuse': '拒绝整改延期',
  'subject.cancel_access': '取消接入',
  'user.invite': '邀请用户',
  'user.role': '修改用户角色',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'pii.view': '查看完整证件号',
  'outbox.retry': '重试发送失败的消息',
};

/** Every action the portal audits, for the filter (a fixed list: no scan of a growing table). */
export const AUDIT_ACTIONS: readonly string[] = [...Object.keys(ACTION_LABELS), ...ORDER_EVENTS.map((e) => `order.${e}`)];

export function actionLabel(action: string): string {
  if (ACTION_LABELS[action]) return ACTION_LABELS[action];
  const event = action.startsWith('order.') ? (action.slice(6) as OrderEvent) : null;
  if (event && event in ORDER_EVENT_LABELS) return `订单：${ORDER_EVENT_LABELS[event]}`;
  return action;
}

type D = Record<string, unknown> | null | undefined;
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const state = (v: unknown) => (typeof v === 'string' && v in ORDER_STATE_LABELS ? ORDER_STATE_LABELS[v as OrderState] : str(v));
const role = (v: unknown) => (typeof v === 'string' && v in ROLE_LABELS ? ROLE_LABELS[v as Role] : str(v));

/** The audit page is a list: whatever the details hold, a 身份证号 or mobile in them is shown masked. */
export function describeAudit(action: string, d: D): string {
  return maskPersonalText(describe(action, d));
}

function describe(action: string, d: D): string {
  if (!d) return '';
  if (action.startsWith('order.')) {
    const parts = [`订单 ${str(d.number)}：${state(d.from)} → ${state(d.to)}`];
    if (d.reason) parts.push(`原因：${str(d.reason)}`);
    return parts.join('；');
  }
  switch (action) {
    case 'notice.issue': {
      const codes = Array.isArray(d.codes) ? d.codes.filter(isFindingCode).map((c) => FINDING_CATALOGUE[c].notice) : [];
      if (d.source === 'import') return '由批量导入生成';
      return `${codes.length} 项不合格项（${codes.join('、')}），整改期限 ${str(d.deadline)}`;
    }
    case 'import.upload':
      return `文件 ${str(d.fileName)}，共 ${str(d.rows)} 行，其中有错误 ${str(d.errorRows)} 行`;
    case 'import.done':
      return `共 ${str(d.rows)} 行，新建不合格项 ${str(d.createdFindings)} 项，跳过 ${str(d.skippedRows)} 行，涉及整改通知 ${str(d.notices)} 份`;
    case 'extension.request':
      return `理由：${str(d.reason)}（原期限 ${str(d.deadline)}）`;
    case 'extension.grant':
      return `整改期限由 ${str(d.from)} 延至 ${str(d.to)}`;
    case 'extension.refuse':
      return `拒绝理由：${str(d.reason)}`;
    case 'subject.cancel_access': {
      const sites = Array.isArray(d.websites) ? d.websites.map(str).join('、') : '';
      const stopped = Array.isArray(d.stoppedOrders) && d.stoppedOrders.length ? `；先终止订单 ${d.stoppedOrders.map(str).join('、')}` : '';
      return `订单 ${str(d.number)}；停止接入网站 ${sites || '无'}；关闭不合格项 ${str(d.findings)} 项${stopped}`;
    }
    case 'user.invite':
      return `${str(d.name)}（${str(d.email)}），角色 ${role(d.role)}`;
    case 'user.role':
      return `${str(d.email)}：${role(d.from)} → ${role(d.to)}`;
    case 'user.disable':
    case 'user.enable':
      return str(d.email);
    case 'pii.view':
      return `查看字段：${Array.isArray(d.fields) ? d.fields.map(str).join('、') : ''}`;
    default:
      return Object.entries(d).map(([k, v]) => `${k}：${typeof v === 'object' ? JSON.stringify(v) : str(v)}`).join('；');
  }
}
