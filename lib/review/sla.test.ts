import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDuration, isWorkingDay, SLA_MS, slaCutoff, slaDueAt, slaStatus, workingMsBetween } from './sla';

// 2026-11-23 is a Monday. All instants are written in Shanghai time (+08:00).
const at = (s: string) => new Date(`${s}+08:00`);
const H = 3600_000;

describe('working time (Mon–Fri, Asia/Shanghai)', () => {
  it('knows the Shanghai weekday, not the UTC one', () => {
    expect(isWorkingDay(at('2026-11-23T00:30:00'))).toBe(true); // Monday 00:30 Shanghai = Sunday 16:30 UTC
    expect(isWorkingDay(at('2026-11-22T23:59:00'))).toBe(false); // Sunday
    expect(isWorkingDay(at('2026-11-27T23:59:00'))).toBe(true); // Friday
    expect(isWorkingDay(at('2026-11-28T00:00:00'))).toBe(false); // Saturday
  });

  it('counts only weekdays', () => {
    expect(workingMsBetween(at('2026-11-23T10:00:00'), at('2026-11-23T15:00:00'))).toBe(5 * H);
    // Friday 10:00 → Monday 10:00: 14 h on Friday, none at the weekend, 10 h on Monday.
    expect(workingMsBetween(at('2026-11-27T10:00:00'), at('2026-11-30T10:00:00'))).toBe(24 * H);
    // Saturday → Sunday: nothing.
    expect(workingMsBetween(at('2026-11-28T09:00:00'), at('2026-11-29T20:00:00'))).toBe(0);
    expect(workingMsBetween(at('2026-11-24T00:00:00'), at('2026-11-23T00:00:00'))).toBe(0);
  });

  it('an order submitted on Friday morning is due on Monday morning, not on Saturday', () => {
    expect(slaDueAt(at('2026-11-27T10:00:00'))).toEqual(at('2026-11-30T10:00:00'));
    expect(slaDueAt(at('2026-11-24T09:30:00'))).toEqual(at('2026-11-25T09:30:00'));
    // Submitted at the weekend: the clock starts on Monday.
    expect(slaDueAt(at('2026-11-28T15:00:00'))).toEqual(at('2026-12-01T00:00:00'));
  });

  it('marks overdue only after one full working day', () => {
    const sub = at('2026-11-27T10:00:00');
    expect(slaStatus(sub, at('2026-11-29T23:00:00')).overdue).toBe(false); // Sunday: 37 h waiting, 14 h working
    expect(slaStatus(sub, at('2026-11-30T10:00:00')).overdue).toBe(false);
    const late = slaStatus(sub, at('2026-11-30T10:01:00'));
    expect(late.overdue).toBe(true);
    expect(late.waitingMs).toBe(72 * H + 60_000);
    expect(late.workingMs).toBe(SLA_MS + 60_000);
  });

  it('the cutoff agrees with slaStatus for any submission time', () => {
    const minute = 60_000;
    const base = at('2026-11-02T00:00:00').getTime();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * 24 * 40 }), fc.integer({ min: 0, max: 60 * 24 * 20 }), (nowMin, backMin) => {
        const now = new Date(base + 60 * 24 * 20 * minute + nowMin * minute);
        const sub = new Date(now.getTime() - backMin * minute);
        expect(sub < slaCutoff(now)).toBe(slaStatus(sub, now).overdue);
      }),
      { numRuns: 500 },
    );
  });

  it('the cutoff skips a weekend that adds no working time', () => {
    // Tuesday 00:00: the last working day is Monday; a Saturday submission has exactly one working day → not overdue.
    expect(slaCutoff(at('2026-12-01T00:00:00'))).toEqual(at('2026-11-28T00:00:00'));
    expect(slaCutoff(at('2026-11-25T12:00:00'))).toEqual(at('2026-11-24T12:00:00'));
    expect(slaCutoff(at('2026-11-30T08:00:00'))).toEqual(at('2026-11-27T08:00:00'));
  });

  it('formats durations in Chinese', () => {
    expect(formatDuration(12 * 60_000)).toBe('12 分钟');
    expect(formatDuration(5 * H + 20 * 60_000)).toBe('5 小时 20 分钟');
    expect(formatDuration(5 * H)).toBe('5 小时');
    expect(formatDuration(76 * H)).toBe('3 天 4 小时');
    expect(formatDuration(48 * H)).toBe('2 天');
    expect(formatDuration(-5)).toBe('0 分钟');
  });
});

describe('China\'s holidays and 调休 (chinese-days)', () => {
  it('2026 National Day week is off and its make-up Saturday counts', () => {
    for (let d = 1; d <= 7; d++) expect(isWorkingDay(at(`2026-10-0${d}T12:00:00`)), `10-0${d}`).toBe(false);
    expect(isWorkingDay(at('2026-10-10T12:00:00'))).toBe(true); // Saturday worked in lieu
    expect(isWorkingDay(at('2026-10-11T12:00:00'))).toBe(false); // an ordinary Sunday
    expect(isWorkingDay(at('2026-09-20T12:00:00'))).toBe(true); // Sunday worked in lieu
  });
  it('an order submitted before the holiday is due after it; one on Friday 10-09 is due on the make-up Saturday', () => {
    expect(slaDueAt(at('2026-09-30T10:00:00'))).toEqual(at('2026-10-08T10:00:00'));
    expect(slaDueAt(at('2026-10-09T10:00:00'))).toEqual(at('2026-10-10T10:00:00'));
    expect(workingMsBetween(at('2026-09-30T00:00:00'), at('2026-10-09T00:00:00'))).toBe(2 * 24 * H); // 09-30 and 10-08
    expect(slaStatus(at('2026-09-30T10:00:00'), at('2026-10-07T10:00:00')).overdue).toBe(false);
    expect(slaCutoff(at('2026-10-08T10:00:00'))).toEqual(at('2026-09-30T10:00:00'));
  });
});
