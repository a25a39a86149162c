import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  USCC_CHARSET,
  isValidResidentId,
  isValidUscc,
  parseIcpNumber,
  residentIdCheckChar,
  subjectNumberOf,
  usccCheckChar,
} from './ids';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  // 91330100799655058B checked by hand: Σ(value × 3^i mod 31) = 1384; 1384 mod 31 = 20; 31 − 20 = 11 → 'B'.
  it.each(['91330100799655058B', '91330000MA27XL0E2B', '91440300MA5FXXXX0U', '11100000000013127D'])('accepts %s', (code) => {
    expect(isValidUscc(code)).toBe(true);
  });

  it.each([
    ['91330100799655058A', 'wrong check character'],
    ['91330000MA27XL0E2D', 'wrong check character'],
    ['91330100799655058b', 'lower case'],
    ['91330100799655058', 'too short'],
    ['91330100799655058B0', 'too long'],
    ['9133010079965505IB', 'I is not in the code set'],
    ['91A30100799655058B', 'division code not digits'],
    ['', 'empty'],
  ])('rejects %s (%s)', (code) => {
    expect(isValidUscc(code)).toBe(false);
  });

  it('has no check character for a malformed body', () => {
    expect(usccCheckChar('9133010079965505')).toBeNull();
    expect(usccCheckChar('9133010079965505O')).toBeNull();
  });

  const usccArb = fc
    .tuple(
      fc.string({ unit: fc.constantFrom(...USCC_CHARSET), minLength: 2, maxLength: 2 }),
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 6, maxLength: 6 }),
      fc.string({ unit: fc.constantFrom(...USCC_CHARSET), minLength: 9, maxLength: 9 }),
    )
    .map(([a, b, c]) => a + b + c + usccCheckChar(a + b + c));

  it('accepts every generated code', () => {
    fc.assert(fc.property(usccArb, (code) => isValidUscc(code)));
  });

  it('detects every single-character substitution', () => {
    const alphabet = [...USCC_CHARSET, ...'IOSVZabcxyz-中 '];
    fc.assert(
      fc.property(usccArb, fc.nat(17), fc.constantFrom(...alphabet), (code, at, c) => {
        fc.pre(code[at] !== c);
        return !isValidUscc(code.slice(0, at) + c + code.slice(at + 1));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('居民身份证号码 (GB 11643-1999)', () => {
  const withCheck = (body: string) => body + residentIdCheckChar(body);

  it.each(['11010519491231002X', withCheck('44030419900307123'), withCheck('33010620000229001'), withCheck('81000019800101001')])(
    'accepts %s',
    (id) => expect(isValidResidentId(id)).toBe(true),
  );

  it.each([
    ['110105194912310021', 'wrong check character'],
    ['11010519491231002x', 'lower-case x'],
    [withCheck('11010519490230002'), 'February 30'],
    [withCheck('33010619990229001'), '1999 was not a leap year'],
    [withCheck('33010619851301001'), 'month 13'],
    [withCheck('33010618991231001'), 'before 1900'],
    [withCheck('33010620991231001'), 'born in the future'],
    [withCheck('99010519491231002'), 'no such region'],
    ['1101051949123100', 'too short'],
    ['11010519491231002XX', 'too long'],
  ])('rejects %s (%s)', (id) => {
    expect(isValidResidentId(id)).toBe(false);
  });

  it('has no check character for a malformed body', () => {
    expect(residentIdCheckChar('1101051949123100X')).toBeNull();
  });

  const region = fc.constantFrom('11', '12', '13', '15', '23', '33', '44', '51', '65', '71', '81', '82', '83');
  const idArb = fc
    .tuple(
      region,
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 4, maxLength: 4 }),
      fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z'), noInvalidDate: true }),
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 3, maxLength: 3 }),
    )
    .map(([r, area, d, seq]) => withCheck(r + area + d.toISOString().slice(0, 10).replaceAll('-', '') + seq));

  it('accepts every generated number', () => {
    fc.assert(fc.property(idArb, (id) => isValidResidentId(id)));
  });

  it('detects every single-character substitution', () => {
    fc.assert(
      fc.property(idArb, fc.nat(17), fc.constantFrom(...'0123456789Xx A'), (id, at, c) => {
        fc.pre(id[at] !== c);
        return !isValidResidentId(id.slice(0, at) + c + id.slice(at + 1));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('备案号', () => {
  it('parses 主体, 网站 and 经营性 numbers', () => {
    expect(parseIcpNumber('浙ICP备12345678号')).toStrictEqual({ province: '33', serial: '12345678', kind: 'filing' });
    expect(parseIcpNumber('京ICP备123456号-2')).toStrictEqual({ province: '11', serial: '123456', site: 2, kind: 'filing' });
    expect(parseIcpNumber('浙B2-20080101')).toStrictEqual({ province: '33', serial: '20080101', kind: 'license' });
    expect(parseIcpNumber('粤B2-20090059-1')).toStrictEqual({ province: '44', serial: '20090059', site: 1, kind: 'license' });
    expect(parseIcpNumber(' 蜀ICP备2021000001号-12 ')).toStrictEqual({ province: '51', serial: '2021000001', site: 12, kind: 'filing' });
  });

  it.each(['', '浙ICP备号', '浙ICP备12345678', '浙ICP备12345678号-0', '浙ICP备12345678号-', '川ICP备12345678号', '中ICP备1号', 'XICP备1号', '浙ICP证030173号', '浙B2-', 'ICP备12345678号'])(
    'rejects %j',
    (s) => expect(parseIcpNumber(s)).toBeNull(),
  );

  it('finds the 主体备案号 of a 网站备案号', () => {
    expect(subjectNumberOf('浙ICP备12345678号-3')).toBe('浙ICP备12345678号');
    expect(subjectNumberOf('浙ICP备12345678号')).toBe('浙ICP备12345678号');
    expect(subjectNumberOf('浙B2-20080101')).toBeNull();
    expect(subjectNumberOf('nonsense')).toBeNull();
  });
});
