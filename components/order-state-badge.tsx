import type { OrderState } from '@/lib/domain/codes';
import { ORDER_STATE_LABELS } from '@/lib/orders/state-machine';
import { Badge, type Tone } from './ui/status-badge';

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

/** An order's state in colour and words. */
export function OrderStateBadge({ state }: { state: OrderState }) {
  return <Badge tone={TONE[state]}>{ORDER_STATE_LABELS[state]}</Badge>;
}
