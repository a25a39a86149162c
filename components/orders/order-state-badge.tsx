import { Badge, type Tone } from '@/components/ui/status-badge';
import type { OrderState } from '@/lib/domain/codes';
import { ORDER_STATE_LABELS } from '@/lib/orders/state-machine';

// Colour and text together: the label carries the meaning.
const TONE: Record<OrderState, Tone> = {
  DRAFT: 'slate',
  SUBMITTED: 'blue',
  FIRST_REVIEW_REJECTED: 'red',
  PENDING_SMS: 'amber',
  REGULATOR_REVIEW: 'blue',
  APPROVED: 'green',
  REGULATOR_REJECTED: 'red',
  RETURNED: 'amber',
  ABANDONED: 'slate',
  WITHDRAWN: 'slate',
  EXPIRED: 'slate',
};

export function OrderStateBadge({ state }: { state: OrderState }) {
  return <Badge tone={TONE[state]}>{ORDER_STATE_LABELS[state]}</Badge>;
}
