import type { FindingStatus } from '@/lib/domain/codes';

// SPEC 2: the statuses filers see. Derived from the stored lifecycle status and the open findings, so the
// display can never disagree with the findings it summarises.
export type DisplayStatus = 'normal' | 'rectifying' | 'overdue' | 'access_cancelled' | 'cancelled';

export const DISPLAY_STATUS_LABELS: Record<DisplayStatus, string> = {
  normal: '正常',
  rectifying: '备案整改',
  overdue: '整改逾期',
  access_cancelled: '已取消接入',
  cancelled: '已注销',
};

export function displayStatus(stored: 'active' | 'access_cancelled' | 'cancelled', findings: readonly { status: FindingStatus }[]): DisplayStatus {
  if (stored === 'cancelled') return 'cancelled';
  if (stored === 'access_cancelled') return 'access_cancelled';
  if (findings.some((f) => f.status === 'overdue')) return 'overdue';
  if (findings.some((f) => f.status === 'open' || f.status === 'in_progress')) return 'rectifying';
  return 'normal';
}

export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = {
  open: '待整改',
  in_progress: '整改中',
  resolved: '已整改',
  overdue: '已逾期',
  access_cancelled: '已取消接入',
};
