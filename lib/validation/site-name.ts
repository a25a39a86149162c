import { z } from 'zod';
import type { SubjectNature } from '../remediation/types';
import { toAsciiDomain } from './network';

// 网站名称 rules: 001 2.3 "网站名称不合格" (命名规范) and 003 "网站名称违规".

export type SiteNameContext = { nature: SubjectNature; domains: readonly string[]; isStateBody: boolean };
export type SiteNameViolation = { rule: string; message: string };

/** 001 2.3: "非国家单位,不得以中国、中华、中央、人民、人大、国家等字头命名". */
export const STATE_PREFIXES = ['中国', '中华', '中央', '人民', '人大', '国家'] as const;

/** 001 2.3 names these as examples of 敏感词语 a site name must not use; the 管局 lists are longer and unpublished. */
export const SENSITIVE_WORDS = ['反腐', '赌博', '廉政', '色情'] as const;

/**
 * Words a 个人 site name must not carry. 001 only says 个人网站命名 "有更多限制规则" and that personal
 * filings may not show 企业、行业、交易 content (1.2) nor be a 门户 (4.4); these words are that rule made concrete.
 */
export const PERSONAL_FORBIDDEN_WORDS = ['公司', '企业', '集团', '官网', '官方', '门户', '政府', '商城', '商店', '交易'] as const;

const HAN = /\p{Script=Han}/gu;
const ALLOWED_CHARS = /^[\p{Script=Han}A-Za-z0-9]+$/u;
const ONLY_DIGITS_OR_LETTERS = /^[A-Za-z0-9]+$/;

function domainForms(domain: string): string[] {
  const raw = domain.trim().toLowerCase().replace(/^www\./, '');
  const ascii = toAsciiDomain(raw) ?? raw;
  const firstLabel = raw.split('.')[0] ?? raw;
  return [raw, ascii, firstLabel, raw.replaceAll('.', '')].filter((f) => f.length > 0);
}

/** Every naming rule the name breaks, each with a message for the filer; empty when the name is fine. */
export function checkSiteName(name: string, ctx: SiteNameContext): SiteNameViolation[] {
  const text = name.trim();
  if (!text) return [{ rule: 'required', message: '请输入网站名称' }];
  const out: SiteNameViolation[] = [];
  if ((text.match(HAN) ?? []).length < 3) {
    out.push({ rule: 'min_chinese_chars', message: '网站名称须包含三个或三个以上汉字' });
  }
  if (ONLY_DIGITS_OR_LETTERS.test(text)) {
    out.push({ rule: 'only_digits_or_letters', message: '网站名称不能是纯数字或纯英文字母' });
  }
  if (!ALLOWED_CHARS.test(text)) {
    out.push({ rule: 'symbols', message: '网站名称不能包含空格、标点等特殊符号' });
  }
  const lower = text.toLowerCase();
  if (ctx.domains.some((d) => domainForms(d).includes(lower))) {
    out.push({ rule: 'domain_as_name', message: '不能直接用网站域名作为网站名称' });
  }
  const prefix = STATE_PREFIXES.find((p) => text.startsWith(p));
  if (prefix && !ctx.isStateBody) {
    out.push({ rule: 'state_prefix', message: `非国家单位的网站名称不能以“${prefix}”开头` });
  }
  const sensitive = SENSITIVE_WORDS.filter((w) => text.includes(w));
  if (sensitive.length > 0) {
    out.push({ rule: 'sensitive_word', message: `网站名称不能使用敏感词：${sensitive.join('、')}` });
  }
  if (ctx.nature === 'personal') {
    const words = PERSONAL_FORBIDDEN_WORDS.filter((w) => text.includes(w));
    if (words.length > 0) {
      out.push({
        rule: 'personal_forbidden_word',
        message: `个人网站名称不能含有企业、门户或交易类词语：${words.join('、')}（涉及企业内容请以单位性质备案）`,
      });
    }
  }
  return out;
}

/** The rules that hold without knowing the subject: use siteNameSchemaFor once the subject is known. */
export const siteNameSchema = siteNameSchemaFor({ nature: 'enterprise', domains: [], isStateBody: true });

export function siteNameSchemaFor(ctx: SiteNameContext) {
  return z
    .string()
    .trim()
    .superRefine((value, issues) => {
      for (const v of checkSiteName(value, ctx)) issues.addIssue({ code: 'custom', message: v.message, params: { rule: v.rule } });
    });
}
