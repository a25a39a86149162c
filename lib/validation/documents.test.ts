import { describe, expect, it } from 'vitest';
import { LONG_TERM, addWindow, isDocumentValidFor, isProofFresh, shanghaiDay } from './documents';

describe('calendar days in Asia/Shanghai', () => {
  it('reads dates and instants', () => {
    expect(shanghaiDay('1970-01-02')).toBe(1);
    expect(shanghaiDay(new Date('2026-11-30T15:59:59Z'))).toBe(shanghaiDay('2026-11-30'));
    expect(shanghaiDay(new Date('2026-11-30T16:00:00Z'))).toBe(shanghaiDay('2026-12-01'));
  });
  it('rejects impossible dates', () => {
    expect(shanghaiDay('2026-02-30')).toBeNull();
    expect(shanghaiDay('2026/11/30')).toBeNull();
    expect(shanghaiDay(new Date('nonsense'))).toBeNull();
  });
  it('adds months, clamping to the end of the month', () => {
    const day = (s: string) => shanghaiDay(s) ?? Number.NaN;
    expect(addWindow(day('2026-11-30'), { months: 3 })).toBe(day('2027-02-28'));
    expect(addWindow(day('2027-11-30'), { months: 3 })).toBe(day('2028-02-29'));
    expect(addWindow(day('2026-01-15'), { months: 6 })).toBe(day('2026-07-15'));
    expect(addWindow(day('2026-10-16'), { days: 45 })).toBe(day('2026-11-30'));
  });
});

describe('certificates valid ≥ 3 months after submission (001 4.5)', () => {
  it('accepts exactly three months and more', () => {
    expect(isDocumentValidFor('2027-02-28', '2026-11-30')).toBe(true);
    expect(isDocumentValidFor('2030-01-01', '2026-11-30')).toBe(true);
    expect(isDocumentValidFor(LONG_TERM, '2026-11-30')).toBe(true);
  });
  it('rejects less than three months, expired and unreadable dates', () => {
    expect(isDocumentValidFor('2027-02-27', '2026-11-30')).toBe(false);
    expect(isDocumentValidFor('2026-11-01', '2026-11-30')).toBe(false);
    expect(isDocumentValidFor('someday', '2026-11-30')).toBe(false);
    expect(isDocumentValidFor('2027-12-31', 'today')).toBe(false);
  });
  it('counts the submission day in Shanghai', () => {
    // 2026-11-30T16:30Z is already 12-01 in Shanghai: 2027-02-28 is then short of three months.
    expect(isDocumentValidFor('2027-02-28', new Date('2026-11-30T16:30:00Z'))).toBe(false);
  });
});

describe('authorisation letters and proofs ≤ 3 months old, with provincial windows (001 4.5)', () => {
  it('uses three months by default', () => {
    expect(isProofFresh('2026-08-30', '2026-11-30', '33')).toBe(true);
    expect(isProofFresh('2026-08-29', '2026-11-30', '33')).toBe(false);
    expect(isProofFresh('2026-08-30', '2026-11-30', '99')).toBe(true); // unknown province → national rule
  });
  it('allows six months for 河北 授权书 and 湖北 经营性说明书', () => {
    expect(isProofFresh('2026-06-01', '2026-11-30', '13')).toBe(true);
    expect(isProofFresh('2026-06-01', '2026-11-30', '42', 'commercial_statement')).toBe(true);
    expect(isProofFresh('2026-06-01', '2026-11-30', '42')).toBe(false);
    expect(isProofFresh('2026-05-29', '2026-11-30', '13')).toBe(false);
  });
  it('allows only 45 days for 四川 工作证明 and 湖南 域名证书', () => {
    expect(isProofFresh('2026-10-16', '2026-11-30', '51', 'work_certificate')).toBe(true);
    expect(isProofFresh('2026-10-15', '2026-11-30', '51', 'work_certificate')).toBe(false);
    expect(isProofFresh('2026-10-15', '2026-11-30', '43', 'domain_certificate')).toBe(false);
    expect(isProofFresh('2026-10-15', '2026-11-30', '33', 'domain_certificate')).toBe(true);
  });
  it('rejects papers dated after submission and unreadable dates', () => {
    expect(isProofFresh('2026-12-01', '2026-11-30', '33')).toBe(false);
    expect(isProofFresh('later', '2026-11-30', '33')).toBe(false);
  });
});
