import { NATIONAL_DOCUMENT_VALIDITY, type ProofKind, type ProofWindow, proofWindowFor } from '../rules/provinces';

// Validity windows of documents measured against the submission date (001 4.5 "时效要求"), in
// calendar days of Asia/Shanghai (UTC+8 all year, no daylight saving).

export type DateInput = string | Date;
export const LONG_TERM = 'long_term'; // 长期 ID cards and licences

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Day number (days since 1970-01-01) of a 'YYYY-MM-DD' date or of an instant in Shanghai; null if invalid. */
export function shanghaiDay(input: DateInput): number | null {
  if (input instanceof Date) {
    const t = input.getTime();
    return Number.isNaN(t) ? null : Math.floor((t + SHANGHAI_OFFSET_MS) / DAY_MS);
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.getTime() / DAY_MS;
}

/** The day `window` after `day`; month arithmetic clamps to the month's last day (11-30 + 3 months = 02-28/29). */
export function addWindow(day: number, window: ProofWindow): number {
  if ('days' in window) return day + window.days;
  const date = new Date(day * DAY_MS);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + window.months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(date.getUTCDate(), lastDay)) / DAY_MS;
}

/** IDs and certificates must stay valid for at least 3 months after the order is submitted. */
export function isDocumentValidFor(validUntil: DateInput | typeof LONG_TERM, submittedAt: DateInput): boolean {
  if (validUntil === LONG_TERM) return true;
  const until = shanghaiDay(validUntil);
  const submitted = shanghaiDay(submittedAt);
  if (until === null || submitted === null) return false;
  return until >= addWindow(submitted, NATIONAL_DOCUMENT_VALIDITY.value);
}

/**
 * Authorisation letters and proofs must be at most 3 months old at submission, or the province's
 * own window for that kind of paper (四川 工作证明 / 湖南 域名证书 45 days, 湖北 经营性说明书 / 河北 授权书 6 months).
 */
export function isProofFresh(
  issuedAt: DateInput,
  submittedAt: DateInput,
  provinceCode: string,
  kind: ProofKind = 'authorisation',
): boolean {
  const issued = shanghaiDay(issuedAt);
  const submitted = shanghaiDay(submittedAt);
  if (issued === null || submitted === null || issued > submitted) return false;
  return submitted <= addWindow(issued, proofWindowFor(provinceCode, kind));
}

export const DOCUMENT_VALIDITY_MESSAGE = '证件有效期自提交之日起须不少于3个月，请换领新证件后上传';
export const PROOF_AGE_MESSAGE = '授权书或证明的办理日期距提交日期超过规定时限，请重新办理';
