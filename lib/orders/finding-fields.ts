import type { FindingCodeValue, OrderTypeValue } from '@/lib/domain/codes';

// Which payload fields a finding concerns. In a change order the wizard opens exactly these by default;
// everything else is shown read-only with a 修改 toggle, so a filer fixing one thing does not retype (or
// mistype) the rest.

const CONTACT = ['principal.mobile', 'principal.email', 'principal.emergencyMobile'];
const PERSON = ['principal.name', 'principal.idType', 'principal.idNumber', 'principal.idValidUntil', ...CONTACT];

export const FINDING_FIELDS: Readonly<Record<FindingCodeValue, readonly string[]>> = {
  SUBJECT_NAME_MISMATCH: ['subject.name'],
  SUBJECT_CERT_NUMBER_MISMATCH: ['subject.certType', 'subject.certNumber'],
  SUBJECT_CERT_ADDRESS_MISMATCH: ['subject.certAddress'],
  SUBJECT_BUSINESS_CLOSED: ['subject.name', 'subject.certNumber'],
  // A new principal is a new person: every personal field changes.
  SUBJECT_LEGAL_REP_MISMATCH: ['subject.legalRepName', ...PERSON],
  SUBJECT_PRINCIPAL_ID_EXPIRED: ['principal.idValidUntil'],
  SUBJECT_PRINCIPAL_ID_MISMATCH: ['principal.name', 'principal.idNumber', 'principal.idValidUntil'],
  SUBJECT_CONTACT_INVALID: CONTACT,
  WEBSITE_PRINCIPAL_ID_EXPIRED: ['principal.idValidUntil'],
  WEBSITE_CONTACT_INVALID: CONTACT,
  VERIFICATION_MATERIAL_INVALID: ['materials'],
  SITE_UNREACHABLE: ['ips'],
  CONTENT_SUBJECT_MISMATCH: ['website.name', 'website.serviceContent'],
  CONTENT_COMMERCIAL: ['website.serviceContent'],
  CONTENT_PRE_APPROVAL_REQUIRED: ['website.serviceContent'],
  CONTENT_VIOLATION: ['website.serviceContent'],
  SITE_TITLE_MISMATCH: ['website.name'],
  SITE_NAME_VIOLATION: ['website.name'],
  FOOTER_ICP_NUMBER_MISSING: [],
  DOMAIN_EXPIRED: ['removeDomainIds'],
  DOMAIN_OWNER_MISMATCH: ['removeDomainIds'],
  DNS_NOT_AT_PROVIDER: ['ips'],
};

/**
 * Orders with nothing filed to carry over: a new website (or a new filing) is typed in full, and a 注销 asks
 * only for its reason and confirmation. Their fields are all open, whatever finding or 驳回 led to them.
 */
const NOTHING_TO_KEEP: ReadonlySet<OrderTypeValue> = new Set(['NEW_WEBSITE', 'FIRST_FILING', 'CANCEL_SUBJECT', 'CANCEL_WEBSITE', 'CANCEL_ACCESS']);

/**
 * The fields open by default: those the linked findings concern plus those a reviewer rejected. With no
 * finding and no rejection (a change the filer started), or for an order with nothing filed to keep,
 * `null` = everything is open.
 */
export function openFieldsFor(type: OrderTypeValue, findings: readonly FindingCodeValue[], rejectedFields: readonly (string | null | undefined)[] = []): Set<string> | null {
  if (NOTHING_TO_KEEP.has(type)) return null;
  const fields = [...findings.flatMap((f) => FINDING_FIELDS[f]), ...rejectedFields.filter((f): f is string => !!f)];
  if (findings.length === 0 && fields.length === 0) return null;
  return new Set(fields);
}

/** Whether `path` (e.g. `principal.mobile`) starts open: listed itself, or a listed section contains it. */
export function isFieldOpen(open: Set<string> | null, path: string): boolean {
  if (open === null) return true;
  for (const f of open) if (path === f || path.startsWith(`${f}.`) || f.startsWith(`${path}.`)) return true;
  return false;
}
