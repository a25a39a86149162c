import { describe, expect, it } from 'vitest';
import { errorForLog, maskAllButLast, maskIdNumber, maskMobile, maskPersonalText } from './mask';

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

  it('masks ID numbers and mobiles inside free text, and nothing else', () => {
    expect(maskPersonalText('负责人 330106198503120311，电话 13805710001。')).toBe('负责人 3301**********0311，电话 138****0001。');
    expect(maskPersonalText('33010619850312001x/138-0571-0001/+86 138 0571 0001')).toBe('3301**********001x/138****0001/+86 138****0001');
    expect(maskPersonalText('13805710001@163.com')).toBe('138****0001@163.com');
    // Links stay usable: the magic link carries the address it was sent to.
    const link = 'https://beian.example.cn/api/auth/callback/email?token=abc&email=13805710001%40163.com';
    expect(maskPersonalText(`请点击 ${link} 登录（13805710001）`)).toBe(`请点击 ${link} 登录（138****0001）`);
    expect(maskPersonalText(`<a href="${link}">13805710001</a>`)).toBe(`<a href="${link}">138****0001</a>`);
    // Order, ICP and tracking numbers, UUIDs, dates and longer digit runs stay as they are.
    const untouched = 'BA2026110001 浙ICP备2019031245号-1 6f1d2c3b-1111-4a4a-9b9b-013805710001 2026-11-30 1380571000123 123456789012345678901 12805710001';
    expect(maskPersonalText(untouched)).toBe(untouched);
    expect(maskPersonalText('')).toBe('');
    expect(maskPersonalText(null)).toBeNull();
    expect(maskPersonalText(undefined)).toBeUndefined();
  });

  it('logs an error as its name and masked message only', () => {
    const err = new TypeError('invalid input syntax for type uuid: "330106198503120311" (13805710001)');
    expect(errorForLog(err)).toBe('TypeError: invalid input syntax for type uuid: "3301**********0311" (138****0001)');
    expect(errorForLog('gateway said 13805710001')).toBe('gateway said 138****0001');
  });
});
