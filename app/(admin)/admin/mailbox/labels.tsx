import { Badge, type Tone } from '@/components/ui/status-badge';
import type { OutboxStatus } from '@/db/queries/mailbox';
import { MAIL_KIND_GROUPS, mailKindLabel } from '@/lib/notify/kinds';

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

/** Kind groups the filter offers, in the words an operator uses (one list, lib/notify/kinds.ts). */
export const TEMPLATE_FILTERS = MAIL_KIND_GROUPS;

export const templateLabel = mailKindLabel;
