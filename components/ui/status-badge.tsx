import type { DisplayStatus } from '@/lib/filings/status';
import { DISPLAY_STATUS_LABELS } from '@/lib/filings/status';

// Colour and text together: the label carries the meaning, colour only reinforces it (WCAG 1.4.1).
const TONES = {
  green: 'bg-green-50 text-green-800 ring-green-600/30',
  amber: 'bg-amber-50 text-amber-900 ring-amber-600/30',
  red: 'bg-red-50 text-red-800 ring-red-600/30',
  slate: 'bg-slate-100 text-slate-700 ring-slate-500/30',
  blue: 'bg-blue-50 text-blue-800 ring-blue-600/30',
} as const;
export type Tone = keyof typeof TONES;

export function Badge({ tone, children, icon }: { tone: Tone; children: React.ReactNode; icon?: string }) {
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`}>
      {icon ? <span aria-hidden>{icon}</span> : null}
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
