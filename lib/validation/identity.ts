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
