import { TZDate } from '@date-fns/tz';
import { differenceInCalendarDays, format } from 'date-fns';

// Every date the portal shows or compares is in Asia/Shanghai (SPEC 1), whatever the server's zone.
export const TIME_ZONE = 'Asia/Shanghai';

export function inShanghai(d: Date | string | number): TZDate {
  return new TZDate(new Date(d), TIME_ZONE);
}

export function formatDate(d: Date | string | number): string {
  return format(inShanghai(d), 'yyyy-MM-dd');
}

export function formatDateTime(d: Date | string | number): string {
  return format(inShanghai(d), 'yyyy-MM-dd HH:mm');
}

/** Today's calendar date in Shanghai as ISO `yyyy-MM-dd`. */
export function todayIso(now: Date = new Date()): string {
  return formatDate(now);
}

/** Whole days from today (Shanghai) to an ISO date deadline; negative once past. */
export function daysUntil(deadlineIso: string, now: Date = new Date()): number {
  return differenceInCalendarDays(inShanghai(`${deadlineIso}T00:00:00+08:00`), inShanghai(now));
}

export function addDaysIso(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00+08:00`);
  d.setUTCDate(d.getUTCDate() + days);
  return formatDate(d);
}
