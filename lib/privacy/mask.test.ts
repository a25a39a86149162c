import { describe, expect, it } from 'vitest';
import { maskAllButLast, maskIdNumber, maskMobile } from './mask';

describe('masking personal numbers', () => {
  it('masks a resident ID to its first and last four characters', () => {
    expect(maskIdNumber('330106198503120311')).toBe('3301**********0311');
    expect(maskIdNumber('33010619850312001X')).toBe('3301**********001X');
    expect(maskIdNumber(' 330106198503120011 ')).toBe('3301**********0011');
    expect(maskIdNumber('91330106MA27XK1234')).toHaveLength(18);
  });

  it('never shows a short number whole', () => {
    expect(maskIdNumber('12345678')).toBe('******78');
    expect(maskIdNumber('12')).toBe('**');
    expect(maskIdNumber('')).toBe('');
  });

  it('masks a mobile to 138****0001', () => {
    expect(maskMobile('13800010001')).toBe('138****0001');
    expect(maskMobile('1380001')).toBe('*****01');
  });

  it('keeps only the last four for the SMS inbox', () => {
    expect(maskAllButLast('13805710001')).toBe('*******0001');
    expect(maskAllButLast('123')).toBe('***');
  });
});
