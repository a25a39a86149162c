import chineseDays from 'chinese-days';

// The package is CommonJS without named-export hints: Node's ESM loader (tsx scripts, the worker) sees only
// its default export, bundlers see both.
const { isWorkday } = chineseDays;

// 初审 is promised within one working day (SPEC 5, seed 001 "1个工作日"). Working days are China's: Monday to
// Friday except public holidays, plus the weekend days worked in lieu (调休), from the maintained calendar in
// `chinese-days`; whole days on the Asia/Shanghai calendar. Shanghai has no daylight saving, so the offset is
// fixed and the arithmetic stays pure (no time-zone library, no clock).

export const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;
/** The SLA: one working day of working time. */
export const SLA_MS = DAY_MS;

/** Start (UTC ms) of the Shanghai calendar day containing `ms`. */
function shanghaiDayStart(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
}

const workingDays = new Map<string, boolean>();

/** A working day in China (holidays off, 调休 weekends on), by the Shanghai date of `at`. */
export function isWorkingDay(at: Date | number): boolean {
  const date = new Date(+at + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
  let working = workingDays.get(date);
  if (working === undefined) {
    working = isWorkday(date);
    if (workingDays.size > 5000) workingDays.clear();
    workingDays.set(date, working);
  }
  return working;
}

/** Working milliseconds in [from, to); 0 when `to` is not after `from`. */
export function workingMsBetween(from: Date, to: Date): number {
  let total = 0;
  let p = from.getTime();
  const end = to.getTime();
  while (p < end) {
    const next = Math.min(shanghaiDayStart(p) + DAY_MS, end);
    if (isWorkingDay(p)) total += next - p;
    p = next;
  }
  return total;
}

/** When an order submitted at `submittedAt` becomes overdue: one working day of working time later. */
export function slaDueAt(submittedAt: Date, budget = SLA_MS): Date {
  let p = submittedAt.getTime();
  let remaining = budget;
  for (;;) {
    const dayEnd = shanghaiDayStart(p) + DAY_MS;
    if (isWorkingDay(p)) {
      if (dayEnd - p >= remaining) return new Date(p + remaining);
      remaining -= dayEnd - p;
    }
    p = dayEnd;
  }
}

/**
 * The earliest submission time that is not yet overdue at `now`: an order is overdue exactly when it was
 * submitted before this instant. Lets the queue filter "overdue only" as an index range (submitted_at < cutoff).
 */
export function slaCutoff(now: Date, budget = SLA_MS): Date {
  let p = now.getTime();
  let remaining = budget;
  for (;;) {
    const dayStart = shanghaiDayStart(p - 1);
    if (isWorkingDay(dayStart)) {
      if (p - dayStart > remaining) return new Date(p - remaining);
      remaining -= p - dayStart;
      p = dayStart;
      if (remaining === 0) {
        // Time just before a Monday is a weekend: moving the submission back over it adds no working time.
        while (!isWorkingDay(shanghaiDayStart(p - 1))) p = shanghaiDayStart(p - 1);
        return new Date(p);
      }
    } else {
      p = dayStart;
    }
  }
}

export type SlaStatus = { waitingMs: number; workingMs: number; dueAt: Date; overdue: boolean };

export function slaStatus(submittedAt: Date, now: Date): SlaStatus {
  const workingMs = workingMsBetween(submittedAt, now);
  return { waitingMs: Math.max(0, now.getTime() - submittedAt.getTime()), workingMs, dueAt: slaDueAt(submittedAt), overdue: workingMs > SLA_MS };
}

/** "3 天 4 小时", "5 小时 20 分钟", "12 分钟" — for waiting times. */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return h > 0 ? `${d} 天 ${h} 小时` : `${d} 天`;
  if (h > 0) return m > 0 ? `${h} 小时 ${m} 分钟` : `${h} 小时`;
  return `${m} 分钟`;
}
