import { Badge, type Tone } from '@/components/ui/status-badge';
import type { OutboxStatus } from '@/db/queries/mailbox';

export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = { pending: '待发送', sent: '已送达', parked: '发送失败' };
const TONE: Record<OutboxStatus, [Tone, string]> = { pending: ['blue', '…'], sent: ['green', '✓'], parked: ['red', '✕'] };

export function OutboxStatusBadge({ status }: { status: OutboxStatus }) {
  const [tone, icon] = TONE[status];
  return (
    <Badge tone={tone} icon={icon}>
      {OUTBOX_STATUS_LABELS[status]}
    </Badge>
  );
}

/** Template prefixes the filter offers, in the words an operator uses. */
export const TEMPLATE_FILTERS = [
  { value: 'notice', label: '整改通知' },
  { value: 'reminder', label: '整改提醒' },
  { value: 'order.', label: '订单通知' },
  { value: 'magic_link', label: '登录链接' },
] as const;

export function templateLabel(template: string): string {
  if (template === 'order.expiring') return '订单即将过期';
  return TEMPLATE_FILTERS.find((f) => template.startsWith(f.value))?.label ?? template;
}
