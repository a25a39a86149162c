import { daysUntil, formatCalendarDate } from '@/lib/time';

/** The words for a deadline: the date and the days left, with an explicit word when ≤ 3 days or past. */
function describe(date: string, now?: Date): { text: string; urgent: boolean } {
  const days = daysUntil(date, now);
  const urgent = days <= 3;
  const left = days < 0 ? `已逾期 ${-days} 天` : days === 0 ? '今天截止' : `剩余 ${days} 天`;
  return { text: `${formatCalendarDate(date)}（${urgent && days >= 0 ? '即将到期，' : ''}${left}）`, urgent };
}

/**
 * A deadline with the days left; red with an explicit word when ≤ 3 days or past (not colour alone). One
 * text node: long lists render dozens of these, and each separate text part costs the renderer a marker.
 */
export function Deadline({ date, now, prefix = '' }: { date: string; now?: Date; prefix?: string }) {
  const { text, urgent } = describe(date, now);
  return <span className={urgent ? 'font-medium text-red-700' : 'text-slate-700'}>{prefix + text}</span>;
}
