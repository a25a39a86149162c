import { z } from 'zod';

// Principal contact fields (SPEC section 6; landline format from 001 2.8 "座机联系方式").

export const MOBILE_MESSAGE = '请输入正确的11位手机号码';
export const LANDLINE_MESSAGE = '请输入正确的固定电话，格式为“区号-号码”，区号3~4位、号码7~8位，如 010-12345678';
export const EMAIL_MESSAGE = '请输入正确的电子邮件地址';

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
export const LANDLINE_PATTERN = /^0\d{2,3}-\d{7,8}$/;

export const mobileSchema = z.string().trim().regex(MOBILE_PATTERN, { error: MOBILE_MESSAGE });
export const landlineSchema = z.string().trim().regex(LANDLINE_PATTERN, { error: LANDLINE_MESSAGE });
export const emailSchema = z.string().trim().pipe(z.email({ error: EMAIL_MESSAGE }));

export const isValidMobile = (s: string): boolean => MOBILE_PATTERN.test(s);
export const isValidLandline = (s: string): boolean => LANDLINE_PATTERN.test(s);

export type ContactOwner = { idNumber: string; mobile: string; email: string };
export type SharedContact = { field: 'mobile' | 'email'; value: string; indexes: number[]; message: string };

/**
 * Different principals must not share a mobile or an e-mail (002: "不同负责人使用相同手机号码/邮箱").
 * The same person (same ID number) filling both the subject and the website principal is fine (001 section 6).
 */
export function findSharedContacts(principals: readonly ContactOwner[]): SharedContact[] {
  const shared: SharedContact[] = [];
  for (const field of ['mobile', 'email'] as const) {
    const groups = new Map<string, number[]>();
    principals.forEach((p, i) => {
      const key = field === 'email' ? p[field].trim().toLowerCase() : p[field].trim();
      if (key) groups.set(key, [...(groups.get(key) ?? []), i]);
    });
    for (const [value, indexes] of groups) {
      const people = new Set(indexes.map((i) => principals[i]?.idNumber.trim().toUpperCase()));
      if (people.size > 1) {
        const what = field === 'mobile' ? '手机号码' : '电子邮件地址';
        shared.push({ field, value, indexes, message: `不同负责人不能使用相同的${what}` });
      }
    }
  }
  return shared;
}
