import { FINDING_CATALOGUE, isFindingCode } from '@/lib/remediation';
import { ORDER_STATE_LABELS } from '@/lib/orders/state-machine';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { FIELD_LABELS } from '@/lib/orders/field-labels';
import { FINDING_STATUS_LABELS } from '@/lib/filings/status';
import { mailKindLabel } from '@/lib/notify/kinds';
import { provinceName } from '@/lib/filings/labels';
import { ACTION_LABELS as REMEDY_ACTIONS } from '@/lib/remediation/actions-text';
import { ORDER_TYPE_LABELS } from '@/lib/remediation/orders-text';
import { SUBJECT_NATURE_LABELS, type FindingStatus, type OrderState, type OrderTypeValue, type Role, type SubjectNature } from '@/lib/domain/codes';
import { maskPersonalText } from '@/lib/privacy/mask';
import { AUDIT_ACTIONS, AUDIT_ACTION_LABELS, isAuditAction } from './actions';

// Audit events as sentences an operator can read, never raw JSON or internal keys.

export { AUDIT_ACTIONS };

export function actionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTION_LABELS[action] : '其他操作';
}

type D = Record<string, unknown> | null | undefined;
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const known = <T extends string>(labels: Readonly<Record<T, string>>, v: unknown, fallback = '') =>
  typeof v === 'string' && Object.prototype.hasOwnProperty.call(labels, v) ? labels[v as T] : fallback || str(v);
const state = (v: unknown) => known<OrderState>(ORDER_STATE_LABELS, v);
const role = (v: unknown) => known<Role>(ROLE_LABELS, v);
const findingName = (v: unknown) => (typeof v === 'string' && isFindingCode(v) ? FINDING_CATALOGUE[v].notice : '不合格项');
const fieldName = (v: unknown) => {
  const path = str(v);
  const leaf = path.split('.').pop() ?? path;
  const label = FIELD_LABELS[path] ?? FIELD_LABELS[leaf] ?? '证件号码';
  return path.startsWith('website.principal') ? `网站负责人${label}` : path.startsWith('principal') ? `负责人${label}` : label;
};

/** How many findings a notice.issue row lists (the count, not the names: a notice may carry hundreds). */
export function noticeIssueCount(d: D): number {
  if (!d) return 0;
  if (typeof d.findings === 'number') return d.findings;
  return Array.isArray(d.codes) ? d.codes.length : 0;
}

/** The audit page is a list: whatever the details hold, a 身份证号 or mobile in them is shown masked. */
export function describeAudit(action: string, d: D): string {
  return maskPersonalText(describe(action, d));
}

function describe(action: string, d: D): string {
  if (!d) return '';
  if (action.startsWith('order.') && action !== 'order.create') {
    const from = state(d.from);
    const to = state(d.to);
    const parts = [from === to || !from ? `订单 ${str(d.number)}：${to}` : `订单 ${str(d.number)}：${from} → ${to}`];
    if (d.reason) parts.push(`原因：${str(d.reason)}`);
    return parts.join('；');
  }
  switch (action) {
    case 'order.create':
      return `${known<OrderTypeValue>(ORDER_TYPE_LABELS, d.type, '订单')}${d.findingId ? '，由整改事项发起' : ''}`;
    case 'notice.issue': {
      if (d.source === 'import') return '由批量导入生成';
      const codes = Array.isArray(d.codes) ? d.codes.filter(isFindingCode) : [];
      const distinct = [...new Set(codes)];
      const names = distinct.length <= 3 ? `：${distinct.map((c) => FINDING_CATALOGUE[c].notice).join('、')}` : `，涉及 ${distinct.length} 类问题`;
      return `${noticeIssueCount(d)} 项不合格项${names}；整改期限 ${str(d.deadline)}`;
    }
    case 'import.upload':
      return `文件 ${str(d.fileName)}，共 ${str(d.rows)} 行，其中有错误 ${str(d.errorRows)} 行`;
    case 'import.start':
      return '';
    case 'import.done':
      return `共 ${str(d.rows)} 行，新建不合格项 ${str(d.createdFindings)} 项，跳过 ${str(d.skippedRows)} 行，涉及整改通知 ${str(d.notices)} 份`;
    case 'import.discard':
      return `文件 ${str(d.fileName)}，共 ${str(d.rows)} 行，未导入`;
    case 'check.start': {
      const parts = [
        d.province ? `省份：${provinceName(str(d.province))}` : null,
        d.nature ? `主体性质：${known<SubjectNature>(SUBJECT_NATURE_LABELS, d.nature)}` : null,
        Array.isArray(d.codes) && d.codes.length ? `核查项：${d.codes.map(findingName).join('、')}` : null,
        d.website === true ? '含网站访问检查' : d.website === false ? '不含网站访问检查' : null,
      ].filter(Boolean);
      return parts.length ? parts.join('；') : '全部主体';
    }
    case 'check.issue_notices':
      return `下发整改通知 ${str(d.notices)} 份，不合格项 ${str(d.findings)} 项，跳过 ${str(d.skipped)} 项`;
    case 'extension.request':
      return `原期限 ${str(d.deadline)}`;
    case 'extension.grant':
      return `整改期限由 ${str(d.from)} 延至 ${str(d.to)}`;
    case 'extension.refuse':
      return d.reason ? `拒绝理由：${str(d.reason)}` : '';
    case 'recheck.request': {
      const action = typeof d.actionCode === 'string' && d.actionCode in REMEDY_ACTIONS ? REMEDY_ACTIONS[d.actionCode as keyof typeof REMEDY_ACTIONS].label : null;
      return [action ? `已完成：${action}` : null, d.materialId ? '附证明材料' : null].filter(Boolean).join('；');
    }
    case 'recheck.accept':
    case 'recheck.return': {
      const parts = [findingName(d.code)];
      if (d.findingStatus) parts.push(`现为${known<FindingStatus>(FINDING_STATUS_LABELS, d.findingStatus)}`);
      if (d.reason) parts.push(`原因：${str(d.reason)}`);
      return parts.join('；');
    }
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
      return `查看字段：${Array.isArray(d.fields) ? d.fields.map(fieldName).join('、') : ''}`;
    case 'outbox.retry':
      return `${mailKindLabel(str(d.template))}，收件人 ${str(d.recipient)}`;
    case 'review.takeover':
      return `订单 ${str(d.number)}，从${str(d.from) || '其他专员'}处接手`;
    default:
      return '';
  }
}
