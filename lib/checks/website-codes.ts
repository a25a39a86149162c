import type { FindingCode } from '../remediation/types';
import { FINDING_CATALOGUE } from '../remediation/catalogue';

/** The findings a website check can find (and a 立即自查 can confirm fixed). */
export const WEBSITE_CHECK_CODES: readonly FindingCode[] = ['FOOTER_ICP_NUMBER_MISSING', 'SITE_TITLE_MISMATCH', 'SITE_UNREACHABLE', 'DNS_NOT_AT_PROVIDER'];

/** Notice and remedy text of those codes, small enough to hand to a client component. */
export function websiteCheckRemedies(): Record<string, { notice: string; remedy: string }> {
  return Object.fromEntries(WEBSITE_CHECK_CODES.map((c) => [c, { notice: FINDING_CATALOGUE[c].notice, remedy: FINDING_CATALOGUE[c].remedy }]));
}
