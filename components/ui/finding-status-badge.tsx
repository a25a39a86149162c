import type { FindingStatus } from '@/lib/domain/codes';
import { FINDING_STATUS_LABELS } from '@/lib/filings/status';
import { Badge, type Tone } from './status-badge';

// Colour and an icon reinforce the text; the text alone carries the meaning.
const TONE: Record<FindingStatus, [Tone, string]> = {
  open: ['amber', '!'],
  in_progress: ['blue', '…'],
  resolved: ['green', '✓'],
  overdue: ['red', '✕'],
  access_cancelled: ['slate', '⊘'],
};

export function FindingStatusBadge({ status }: { status: FindingStatus }) {
  const [tone, icon] = TONE[status];
  return (
    <Badge tone={tone} icon={icon}>
      {FINDING_STATUS_LABELS[status]}
    </Badge>
  );
}
