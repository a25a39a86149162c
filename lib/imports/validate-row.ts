import { createHash } from 'node:crypto';
import { FINDING_CATALOGUE, FINDING_CODES, type FindingCode } from '@/lib/remediation';

// One row of a batch of check results (批量导入检查结果). Pure: the caller looks the filings up (per chunk)
// and passes them in, so the same validator serves the preview and the import run.

export const IMPORT_COLUMNS = {
  subject: '主体备案号',
  website: '网站备案号',
  domain: '域名',
  code: '不合格项代码',
  observed: '检查发现',
  deadline: '整改期限',
} as const;

export type RawRow = Record<string, string | undefined>;

export type LookupSubject = { id: string; status: 'active' | 'access_cancelled' | 'cancelled' };
export type LookupWebsite = { id: string; subjectIcp: string; status: 'active' | 'access_cancelled' | 'cancelled' };
export type LookupDomain = { id: string; websiteId: string };

/** The filings the rows of one chunk refer to, keyed by normalised 备案号 / lower-case domain name. */
export type RowLookup = {
  subjects: ReadonlyMap<string, LookupSubject>;
  websites: ReadonlyMap<string, LookupWebsite>;
  domains: ReadonlyMap<string, LookupDomain>;
};

export type ValidRow = {
  subjectId: string;
  websiteId: string | null;
  domainId: string | null;
  code: FindingCode;
  observedValue: string | null;
  /** A domain named on a website-level row: kept as the finding's detail (which domain the check saw it on). */
  detail: string | null;
  /** The row's own deadline; null = the batch's deadline. */
  deadline: string | null;
  /** sha256 of the normalised row: the same row imported twice is the same finding. */
  externalKey: string;
};

export type RowResult = { ok: true; row: ValidRow } | { ok: false; errors: string[] };

const MAX_OBSERVED = 500;

/** 备案号 as typed in spreadsheets: stray spaces and full-width hyphens are common. */
export function normaliseIcp(s: string | undefined): string {
  return (s ?? '').replace(/\s+/g, '').replace(/[－—–]/g, '-');
}

export function normaliseDomain(s: string | undefined): string {
  return (s ?? '').trim().toLowerCase().replace(/\.$/, '');
}

const NOTICE_TO_CODE = new Map<string, FindingCode>(FINDING_CODES.map((c) => [FINDING_CATALOGUE[c].notice, c]));

/** A FindingCode, or the catalogue's Chinese notice text for it (as the check reports word it). */
export function resolveFindingCode(s: string | undefined): FindingCode | null {
  const v = (s ?? '').trim();
  if ((FINDING_CODES as readonly string[]).includes(v.toUpperCase())) return v.toUpperCase() as FindingCode;
  return NOTICE_TO_CODE.get(v) ?? null;
}

function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function rowKey(parts: { subject: string; website: string; domain: string; code: FindingCode; observed: string; deadline: string }): string {
  const canonical = [parts.subject, parts.website, parts.domain, parts.code, parts.observed, parts.deadline].join('\u001f');
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Validates one row against the filings it names. Every problem of the row is reported (not just the
 * first), in Chinese, so the operator can fix the file in one pass.
 */
export function validateRow(raw: RawRow, lookup: RowLookup, today: string): RowResult {
  const errors: string[] = [];
  const subjectIcp = normaliseIcp(raw[IMPORT_COLUMNS.subject]);
  const websiteIcp = normaliseIcp(raw[IMPORT_COLUMNS.website]);
  const domainName = normaliseDomain(raw[IMPORT_COLUMNS.domain]);
  const codeText = (raw[IMPORT_COLUMNS.code] ?? '').trim();
  const observed = (raw[IMPORT_COLUMNS.observed] ?? '').trim();
  const deadline = (raw[IMPORT_COLUMNS.deadline] ?? '').trim();

  const subject = subjectIcp ? lookup.subjects.get(subjectIcp) : undefined;
  if (!subjectIcp) errors.push('缺少主体备案号。');
  else if (!subject) errors.push(`主体备案号“${subjectIcp}”不存在。`);
  else if (subject.status !== 'active') errors.push(`主体“${subjectIcp}”${subject.status === 'cancelled' ? '已注销' : '已取消接入'}，不能再下发整改通知。`);

  const code = resolveFindingCode(codeText);
  if (!codeText) errors.push('缺少不合格项代码。');
  else if (!code) errors.push(`不合格项“${codeText}”无法识别，请填写不合格项代码或整改通知原文。`);

  let websiteId: string | null = null;
  let domainId: string | null = null;
  let detail: string | null = null;
  if (code) {
    const scope = FINDING_CATALOGUE[code].scope;
    if (scope === 'subject') {
      if (websiteIcp || domainName) errors.push(`“${FINDING_CATALOGUE[code].notice}”是主体类不合格项，不应填写网站备案号或域名。`);
    } else {
      const website = websiteIcp ? lookup.websites.get(websiteIcp) : undefined;
      if (!websiteIcp) errors.push(`“${FINDING_CATALOGUE[code].notice}”需要填写网站备案号。`);
      else if (!website) errors.push(`网站备案号“${websiteIcp}”不存在。`);
      else if (subject && website.subjectIcp !== subjectIcp) errors.push(`网站备案号“${websiteIcp}”不属于主体“${subjectIcp}”。`);
      else if (website.status !== 'active') errors.push(`网站“${websiteIcp}”已不在接入状态，不能再下发整改通知。`);
      else websiteId = website.id;

      if (scope === 'website' && domainName) {
        // The check names the domain it saw the problem on: accepted, and kept as the finding's detail.
        const domain = lookup.domains.get(domainName);
        if (domain && website && domain.websiteId !== website.id) errors.push(`域名“${domainName}”不属于网站“${websiteIcp}”。`);
        else detail = domainName;
      }
      if (scope === 'domain') {
        const domain = domainName ? lookup.domains.get(domainName) : undefined;
        if (!domainName) errors.push(`“${FINDING_CATALOGUE[code].notice}”需要填写域名。`);
        else if (!domain) errors.push(`域名“${domainName}”不在备案信息中。`);
        else if (website && domain.websiteId !== website.id) errors.push(`域名“${domainName}”不属于网站“${websiteIcp}”。`);
        else domainId = domain.id;
      }
    }
  }

  if (observed.length > MAX_OBSERVED) errors.push(`检查发现不能超过 ${MAX_OBSERVED} 个字。`);
  if (deadline) {
    if (!isIsoDate(deadline)) errors.push(`整改期限“${deadline}”格式有误，请按 yyyy-mm-dd 填写（如 2026-12-31）。`);
    else if (deadline < today) errors.push(`整改期限“${deadline}”早于今天。`);
  }

  if (errors.length > 0 || !subject || !code) return { ok: false, errors };
  return {
    ok: true,
    row: {
      subjectId: subject.id,
      websiteId,
      domainId,
      code,
      observedValue: observed || null,
      detail,
      deadline: deadline || null,
      externalKey: rowKey({ subject: subjectIcp, website: websiteIcp, domain: domainName, code, observed, deadline }),
    },
  };
}
