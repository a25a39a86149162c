import type { FindingCodeValue } from '@/lib/domain/codes';

// A finding records the filed value the check compared (findings.filed_value): a snapshot of that day. After a
// change order (a renamed subject or website) the filing says something else, so the rectification page labels
// the snapshot as 核查时的备案信息 and shows what is filed now beside it.

export type FiledNow = {
  subject: { name: string; certNumber: string; certAddress: string };
  website: { name: string; icpNumber: string } | null;
  domain: { name: string } | null;
};

/** What the filing holds now for the value a finding of `code` recorded, or null where the page cannot tell. */
export function filedValueNow(code: FindingCodeValue, now: FiledNow): string | null {
  switch (code) {
    case 'SUBJECT_NAME_MISMATCH':
      return now.subject.name;
    case 'SUBJECT_CERT_NUMBER_MISMATCH':
      return now.subject.certNumber;
    case 'SUBJECT_CERT_ADDRESS_MISMATCH':
      return now.subject.certAddress;
    case 'SITE_TITLE_MISMATCH':
    case 'SITE_NAME_VIOLATION':
      return now.website?.name ?? null;
    case 'FOOTER_ICP_NUMBER_MISSING':
      return now.website?.icpNumber ?? null;
    case 'DOMAIN_EXPIRED':
      return now.domain?.name ?? null;
    default:
      // Contacts, people, IPs and registrants are not on the page's view of the filing.
      return null;
  }
}

/** The filed value as checked, and the one filed now when it has changed since (null when unchanged or unknown). */
export function filedFacts(code: FindingCodeValue, atCheck: string | null, now: FiledNow): { atCheck: string | null; changedTo: string | null } {
  const current = filedValueNow(code, now);
  return { atCheck, changedTo: atCheck && current !== null && current.trim() !== atCheck.trim() ? current : null };
}
