// Every date the portal shows or compares is in Asia/Shanghai (SPEC 1), whatever the server's zone.
// China Standard Time is UTC+8 all year (no daylight saving since 1991), so a fixed offset is exact for
// every date the portal handles. It replaced @date-fns/tz on the hot path: building TZDate objects for
// each deadline took 14% of the dashboard's server CPU (bench/cpu.ts). lib/time.test.ts checks these
// functions against date-fns + @date-fns/tz on random instants.
import { now as clockNow } from './clock';

export const TIME_ZONE = 'Asia/Shanghai';

const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant shifted so that its UTC fields read as Shanghai wall-clock time. */
function wallClock(d: Date | string | number): Date {
  return new Date(new Date(d).getTime() + OFFSET_MS);
}

export function formatDate(d: Date | string | number): string {
  return wallClock(d).toISOString().slice(0, 10);
}

export function formatDateTime(d: Date | string | number): string {
  const iso = wallClock(d).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** Today's calendar date in Shanghai as ISO `yyyy-MM-dd`. */
export function todayIso(now: Date = clockNow()): string {
  return formatDate(now);
}

/** The Shanghai calendar day of an instant, counted in days since 1970-01-01. */
function dayNumber(d: Date | string | number): number {
  return Math.floor(wallClock(d).getTime() / DAY_MS);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a calendar date `yyyy-MM-dd`, by arithmetic: long lists compute dozens of these per render. */
function isoDayNumber(iso: string): number {
  const m = ISO_DATE.exec(iso);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS : dayNumber(startOfDayShanghai(iso));
}

/** The instant a Shanghai calendar day `yyyy-MM-dd` begins: the one place the +08:00 offset is written. */
export function startOfDayShanghai(iso: string): Date {
  return new Date(`${iso}T00:00:00+08:00`);
}

/** Whole days from today (Shanghai) to an ISO date deadline; negative once past. */
export function daysUntil(deadlineIso: string, now: Date = clockNow()): number {
  return isoDayNumber(deadlineIso) - dayNumber(now);
}

/** A calendar date `yyyy-MM-dd` as shown: it already is one (other input goes the long way, as before). */
export function formatCalendarDate(iso: string): string {
  return ISO_DATE.test(iso) ? iso : formatDate(startOfDayShanghai(iso));
}

export function addDaysIso(iso: string, days: number): string {
  const d = startOfDayShanghai(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return formatDate(d);
}
