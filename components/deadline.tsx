import { daysUntil, formatDate } from '@/lib/time';

/** A deadline with the days left; red with an explicit word when ≤ 3 days or past (not colour alone). */
export function Deadline({ date, now }: { date: string; now?: Date }) {
  const days = daysUntil(date, now);
  const urgent = days <= 3;
  const text = days < 0 ? `已逾期 ${-days} 天` : days === 0 ? '今天截止' : `剩余 ${days} 天`;
  return (
    <span className={urgent ? 'font-medium text-red-700' : 'text-slate-700'}>
      {formatDate(`${date}T00:00:00+08:00`)}（{urgent && days >= 0 ? '即将到期，' : ''}
      {text}）
    </span>
  );
}
