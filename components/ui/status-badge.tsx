import type { DisplayStatus } from '@/lib/filings/status';
import { DISPLAY_STATUS_LABELS } from '@/lib/filings/status';

// Colour and text together: the label carries the meaning, colour only reinforces it (WCAG 1.4.1).
// The classes are defined once in app/globals.css (`badge`, `badge-<tone>`).
const TONES = {
  green: 'badge badge-green',
  amber: 'badge badge-amber',
  red: 'badge badge-red',
  slate: 'badge badge-slate',
  blue: 'badge badge-blue',
} as const;
export type Tone = keyof typeof TONES;

/** `icon` is drawn by CSS beside the text (app/globals.css), hidden from screen readers like the text's echo it is. */
export function Badge({ tone, children, icon }: { tone: Tone; children: React.ReactNode; icon?: string }) {
  return (
    <span className={TONES[tone]} data-icon={icon}>
      {children}
    </span>
  );
}

const STATUS_TONE: Record<DisplayStatus, [Tone, string]> = {
  normal: ['green', '✓'],
  rectifying: ['amber', '!'],
  overdue: ['red', '✕'],
  access_cancelled: ['slate', '⊘'],
  cancelled: ['slate', '–'],
};

export function FilingStatusBadge({ status }: { status: DisplayStatus }) {
  const [tone, icon] = STATUS_TONE[status];
  return (
    <Badge tone={tone} icon={icon}>
      {DISPLAY_STATUS_LABELS[status]}
    </Badge>
  );
}
