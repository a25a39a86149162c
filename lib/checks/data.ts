import type { FindingCode, SubjectNature } from '../remediation/types';
import { factValue, getProvince } from '../rules/provinces';
import { checkSiteName } from '../validation/site-name';
import { mobileSchema } from '../validation/contact';

// Data checks of the 专项核查 over stored filings. Pure: the caller loads filings in batches and
// a contact index over all principals; each check returns findings of SPEC section 3.

export type PrincipalFacts = {
  id: string;
  name: string;
  idValidUntil: string | null; // ISO date; null = 长期
  mobile: string;
  email: string;
  emergencyMobile: string | null;
};

export type FilingFacts = {
  subject: {
    id: string;
    nature: SubjectNature;
    provinceCode: string;
    legalRepName: string | null;
    principal: PrincipalFacts;
  };
  websites: {
    id: string;
    name: string;
    principal: PrincipalFacts;
    domains: { id: string; name: string; expiresOn: string }[];
  }[];
};

export type DataFinding = {
  code: FindingCode;
  websiteId?: string;
  domainId?: string;
  /** What the check saw, shown to the filer next to the filed value. */
  observed: string;
  filed?: string;
};

/** Which principals use each mobile / e-mail (lower-cased), built once per run over all principals. */
export type ContactIndex = Map<string, Set<string>>;

export function buildContactIndex(principals: Iterable<PrincipalFacts>): ContactIndex {
  const index: ContactIndex = new Map();
  const add = (key: string, id: string) => {
    const set = index.get(key) ?? new Set<string>();
    set.add(id);
    index.set(key, set);
  };
  for (const p of principals) {
    add(`m:${p.mobile}`, p.id);
    if (p.emergencyMobile) add(`m:${p.emergencyMobile}`, p.id);
    add(`e:${p.email.trim().toLowerCase()}`, p.id);
  }
  return index;
}

/**
 * 002 主体/网站负责人证件已过期 means expired: the day after the last valid day. The "≥ 3 months left" rule of
 * 001 4.5 上传资料有什么要求? (自提交ICP备案单订单当日起…应大于或等于3个月) is for new submissions and lives in the
 * wizard's validation (lib/validation isDocumentValidFor), never in a finding about a filed document.
 */
export function idExpired(validUntil: string | null, today: string): boolean {
  return validUntil !== null && validUntil < today;
}

/** 000/002 联系方式无效: "不同负责人使用相同手机号/邮箱". */
function sharesContact(p: PrincipalFacts, index: ContactIndex): string | null {
  const keys = [`m:${p.mobile}`, `e:${p.email.trim().toLowerCase()}`, ...(p.emergencyMobile ? [`m:${p.emergencyMobile}`] : [])];
  for (const key of keys) {
    const users = index.get(key);
    if (users && [...users].some((id) => id !== p.id)) return key.slice(2);
  }
  return null;
}

/**
 * Words that make a 个人 site name read as a business (001 1.2: 个人备案 may not carry 企业、行业、交易 content;
 * 002 "个人网站涉及企业"). Company forms and trade words, plus the 个人 naming words of lib/validation.
 */
export const BUSINESS_WORDS = ['公司', '有限', '集团', '企业', '工厂', '商城', '商店', '商行', '批发', '代理', '加盟', '招商', '贸易', '科技', '官网'] as const;

/** Something a person should look at; never a finding by itself. */
export type DataHint = { websiteId: string; message: string };

/**
 * 001 2.7 网站内容与备案性质不符 judges what the site actually shows ("实际网站内容为某个单位的相关信息"), so a
 * personal site's name alone is no 网站内容与主体不符 finding — only a prompt to look at the content.
 */
export function dataHints(filing: FilingFacts): DataHint[] {
  return filing.websites.flatMap((w) => {
    const message = siteNameHint(filing.subject.nature, w.name);
    return message ? [{ websiteId: w.id, message }] : [];
  });
}

/** The "please check the content" prompt for one personal site name, or null. */
export function siteNameHint(nature: SubjectNature, name: string): string | null {
  if (nature !== 'personal') return null;
  const words = BUSINESS_WORDS.filter((word) => name.includes(word));
  return words.length === 0 ? null : `个人备案的网站名称“${name}”含有${words.join('、')}：请查看网站实际内容是否涉及企业、行业或交易信息（仅凭名称不构成不合格项）`;
}

function contactProblem(p: PrincipalFacts, index: ContactIndex): string | null {
  if (!p.emergencyMobile || !mobileSchema.safeParse(p.emergencyMobile).success) return '未填写有效的应急联系电话';
  const shared = sharesContact(p, index);
  return shared ? `联系方式 ${shared} 与其他负责人相同` : null;
}

export function checkFilingData(filing: FilingFacts, ctx: { today: string; contacts: ContactIndex }): DataFinding[] {
  const out: DataFinding[] = [];
  const { subject } = filing;
  const p = subject.principal;
  if (idExpired(p.idValidUntil, ctx.today)) {
    out.push({ code: 'SUBJECT_PRINCIPAL_ID_EXPIRED', filed: p.idValidUntil ?? '', observed: `证件有效期至 ${p.idValidUntil}，已过期` });
  }
  const subjectContact = contactProblem(p, ctx.contacts);
  if (subjectContact) out.push({ code: 'SUBJECT_CONTACT_INVALID', observed: subjectContact });

  const province = getProvince(subject.provinceCode);
  const mustBeLegalRep = province ? factValue(province.principalMustBeLegalRep, false) : false;
  if (mustBeLegalRep && subject.nature !== 'personal' && subject.legalRepName && subject.legalRepName.trim() !== p.name.trim()) {
    out.push({ code: 'SUBJECT_LEGAL_REP_MISMATCH', filed: p.name, observed: `法定代表人为 ${subject.legalRepName}` });
  }

  const isStateBody = subject.nature === 'government';
  for (const w of filing.websites) {
    const wp = w.principal;
    if (wp.id !== p.id && idExpired(wp.idValidUntil, ctx.today)) {
      out.push({ code: 'WEBSITE_PRINCIPAL_ID_EXPIRED', websiteId: w.id, filed: wp.idValidUntil ?? '', observed: `证件有效期至 ${wp.idValidUntil}，已过期` });
    }
    const siteContact = wp.id !== p.id ? contactProblem(wp, ctx.contacts) : null;
    if (siteContact) out.push({ code: 'WEBSITE_CONTACT_INVALID', websiteId: w.id, observed: siteContact });

    const violations = checkSiteName(w.name, { nature: subject.nature, domains: w.domains.map((d) => d.name), isStateBody })
      .filter((v) => v.rule !== 'personal_forbidden_word');
    if (violations.length > 0) {
      out.push({ code: 'SITE_NAME_VIOLATION', websiteId: w.id, filed: w.name, observed: violations.map((v) => v.message).join('；') });
    }
    for (const d of w.domains) {
      if (d.expiresOn < ctx.today) {
        out.push({ code: 'DOMAIN_EXPIRED', websiteId: w.id, domainId: d.id, filed: d.name, observed: `域名已于 ${d.expiresOn} 到期` });
      }
    }
  }
  return out;
}
