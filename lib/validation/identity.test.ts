import { describe, expect, it } from 'vitest';
import { id } from '@/tests/support/order-fixtures';
import { isAnotherPerson } from './identity';

// 001 1.2 如何选择备案类型? 变更备案的类型: 备案成功后个人性质备案不可变更为其他个人;
// 003/004 负责人证件查询不一致: 证件信息发生变更（例如：姓名变更/户籍地变更） — the same person may change either.
describe('isAnotherPerson', () => {
  const zhang = { name: '张伟', idNumber: id('33010619850312031') };
  it('the same person: unchanged, a new name, or a new ID number with the same birth date', () => {
    expect(isAnotherPerson(zhang, zhang)).toBe(false);
    expect(isAnotherPerson(zhang, { name: '张 伟', idNumber: zhang.idNumber.toLowerCase() })).toBe(false);
    expect(isAnotherPerson(zhang, { ...zhang, name: '张维' })).toBe(false);
    expect(isAnotherPerson(zhang, { ...zhang, idNumber: id('44030519850312031') })).toBe(false);
  });
  it('another person: a different birth date, or both name and number changed', () => {
    expect(isAnotherPerson(zhang, { ...zhang, idNumber: id('33010619900101031') })).toBe(true);
    expect(isAnotherPerson(zhang, { name: '李娜', idNumber: id('44030519850312031') })).toBe(true);
    expect(isAnotherPerson(zhang, { name: '李娜', idNumber: 'H12345678' })).toBe(true);
    expect(isAnotherPerson(zhang, { name: '张伟', idNumber: 'H12345678' })).toBe(false);
  });
});
