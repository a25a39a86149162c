import { z } from 'zod';
import { PROVINCE_CODES } from '../rules/provinces';
import { isValidResidentId, isValidUscc, parseIcpNumber } from './ids';

export const USCC_MESSAGE = '请输入正确的18位统一社会信用代码';
export const RESIDENT_ID_MESSAGE = '请输入正确的18位居民身份证号码';
export const ICP_NUMBER_MESSAGE = '请输入正确的备案号，如 浙ICP备12345678号 或 浙ICP备12345678号-1';

// Canonical form is upper case; filers often type the trailing x of an ID number in lower case.
export const usccSchema = z.string().trim().toUpperCase().refine(isValidUscc, { error: USCC_MESSAGE });
export const residentIdSchema = z.string().trim().toUpperCase().refine(isValidResidentId, { error: RESIDENT_ID_MESSAGE });

export const icpNumberSchema = z.string().trim().refine((s) => parseIcpNumber(s) !== null, { error: ICP_NUMBER_MESSAGE });
export const subjectIcpNumberSchema = z.string().trim().refine(
  (s) => {
    const p = parseIcpNumber(s);
    return p?.kind === 'filing' && p.site === undefined;
  },
  { error: '请输入正确的主体备案号，如 浙ICP备12345678号' },
);
export const siteIcpNumberSchema = z.string().trim().refine(
  (s) => {
    const p = parseIcpNumber(s);
    return p?.kind === 'filing' && p.site !== undefined;
  },
  { error: '请输入正确的网站备案号，如 浙ICP备12345678号-1' },
);

export const provinceCodeSchema = z.string().refine((s) => PROVINCE_CODES.includes(s), { error: '请选择所属省份' });

/**
 * 001 1.2 变更备案的类型: 备案成功后个人性质备案不可变更为其他个人. A person may change name or ID number (003/004
 * 负责人证件查询不一致: 姓名变更/户籍地变更), but not both at once, and the birth date a resident ID carries never
 * changes: either of those means another person.
 */
export function isAnotherPerson(filed: { name: string; idNumber: string }, next: { name: string; idNumber: string }): boolean {
  const norm = (s: string) => s.replace(/\s+/g, '').toUpperCase();
  const [a, b] = [norm(filed.idNumber), norm(next.idNumber)];
  const nameChanged = norm(filed.name) !== norm(next.name);
  if (a === b) return false;
  const birth = (id: string) => (isValidResidentId(id) ? id.slice(6, 14) : null);
  const [ba, bb] = [birth(a), birth(b)];
  if (ba && bb && ba !== bb) return true;
  return nameChanged;
}

export const ANOTHER_PERSON_MESSAGE = '个人性质备案不可变更为其他个人：如网站改由他人开办，请注销本备案后由新的个人重新首次备案';
