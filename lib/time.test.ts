import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TZDate } from '@date-fns/tz';
import { differenceInCalendarDays, format } from 'date-fns';
import { addDaysIso, daysUntil, formatCalendarDate, formatDate, formatDateTime, TIME_ZONE, todayIso } from './time';

// The fixed-offset arithmetic must agree with the time-zone library on every instant the portal meets.
const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });
const shanghai = (d: Date) => new TZDate(d, TIME_ZONE);
const isoDay = instant.map((d) => format(shanghai(d), 'yyyy-MM-dd'));

describe('lib/time (Asia/Shanghai)', () => {
  it('formats dates and times as date-fns does in Asia/Shanghai', () => {
    fc.assert(
      fc.property(instant, (d) => {
        expect(formatDate(d)).toBe(format(shanghai(d), 'yyyy-MM-dd'));
        expect(formatDateTime(d)).toBe(format(shanghai(d), 'yyyy-MM-dd HH:mm'));
        expect(todayIso(d)).toBe(formatDate(d));
      }),
      { numRuns: 2000 },
    );
  });

  it('counts calendar days to a deadline as date-fns does', () => {
    fc.assert(
      fc.property(isoDay, instant, (deadline, now) => {
        expect(daysUntil(deadline, now)).toBe(differenceInCalendarDays(shanghai(new Date(`${deadline}T00:00:00+08:00`)), shanghai(now)));
      }),
      { numRuns: 2000 },
    );
  });

  it('shows a calendar date as the date it is', () => {
    fc.assert(fc.property(isoDay, (day) => {
      expect(formatCalendarDate(day)).toBe(formatDate(`${day}T00:00:00+08:00`));
    }), { numRuns: 2000 });
  });

  it('turns the day at midnight Shanghai time, not UTC', () => {
    expect(formatDate('2026-11-22T15:59:59Z')).toBe('2026-11-22');
    expect(formatDate('2026-11-22T16:00:00Z')).toBe('2026-11-23');
    expect(daysUntil('2026-11-23', new Date('2026-11-22T16:00:00Z'))).toBe(0);
    expect(daysUntil('2026-11-23', new Date('2026-11-22T15:59:59Z'))).toBe(1);
    expect(daysUntil('2026-11-20', new Date('2026-11-23T01:00:00Z'))).toBe(-3);
    expect(formatDateTime('2026-11-22T16:05:00Z')).toBe('2026-11-23 00:05');
  });

  it('adds days across month and year ends', () => {
    expect(addDaysIso('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDaysIso('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysIso('2026-03-01', -1)).toBe('2026-02-28');
  });
});
