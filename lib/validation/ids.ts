import { provinceByAbbreviation } from '../rules/provinces';

// Check characters of the two identity numbers filers type most, and the 备案号 format.

/** GB 32100-2015 code set: digits and capitals without I, O, S, V, Z. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const; // 3^i mod 31

/** The check character for the first 17 characters of a 统一社会信用代码, or null if they are malformed. */
export function usccCheckChar(body: string): string | null {
  if (body.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(body.charAt(i));
    if (v < 0) return null;
    sum += v * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

export function isValidUscc(code: string): boolean {
  // Positions 3–8 are the administrative division code: always digits.
  if (code.length !== 18 || !/^[0-9A-Z]{2}\d{6}/.test(code)) return false;
  return usccCheckChar(code.slice(0, 17)) === code.charAt(17);
}

const RIC_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const; // 2^(17-i) mod 11
const RIC_CHECK = '10X98765432';
// First two digits: the 31 mainland provinces, plus 台湾 (71) and the 港澳台居民居住证 prefixes (81, 82, 83).
const RIC_REGIONS = /^(1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[1-3])/;

/** GB 11643-1999 check character for the first 17 digits of a 居民身份证号码, or null if malformed. */
export function residentIdCheckChar(body: string): string | null {
  if (!/^\d{17}$/.test(body)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body.charAt(i)) * (RIC_WEIGHTS[i] ?? 0);
  return RIC_CHECK.charAt(sum % 11);
}

function isRealBirthDate(yyyymmdd: string, today: Date): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return real && y >= 1900 && date.getTime() <= today.getTime();
}

export function isValidResidentId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id) || !RIC_REGIONS.test(id)) return false;
  if (!isRealBirthDate(id.slice(6, 14), new Date())) return false;
  return residentIdCheckChar(id.slice(0, 17)) === id.charAt(17);
}

const FILING = /^(\p{Script=Han})ICP备(\d{1,12})号(?:-([1-9]\d{0,3}))?$/u;
// 经营性 license: {简称}B2-{digits}; 004 shows it with a site suffix too (粤B2-20****59-1).
const LICENSE = /^(\p{Script=Han})B2-(\d{1,12})(?:-([1-9]\d{0,3}))?$/u;

/**
 * Parses a 备案号: 主体 `浙ICP备12345678号`, 网站 `浙ICP备12345678号-1`, 经营性 `浙B2-20080101`.
 * `province` is the GB/T 2260 code of the 简称.
 */
export function parseIcpNumber(
  s: string,
): { province: string; serial: string; site?: number; kind: 'filing' | 'license' } | null {
  const text = s.trim();
  const filing = FILING.exec(text);
  const match = filing ?? LICENSE.exec(text);
  if (!match) return null;
  const [, abbr = '', serial = '', site] = match;
  const province = provinceByAbbreviation(abbr);
  if (!province) return null;
  const kind = filing ? 'filing' : 'license';
  return site === undefined ? { province: province.code, serial, kind } : { province: province.code, serial, site: Number(site), kind };
}

/** The 主体备案号 a 网站备案号 belongs to (drops the -n suffix); null for anything else. */
export function subjectNumberOf(siteNumber: string): string | null {
  const parsed = parseIcpNumber(siteNumber);
  if (!parsed || parsed.kind !== 'filing') return null;
  return siteNumber.trim().replace(/-\d+$/, '');
}
