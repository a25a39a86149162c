// The closed vocabularies of the domain (SPEC sections 2–5). Database enums, zod schemas and the
// remediation catalogue all derive from these lists, so a new code is added in one place.

export const SUBJECT_NATURES = [
  'personal',
  'enterprise',
  'government',
  'public_institution',
  'social_organization',
  'other',
] as const;
export type SubjectNature = (typeof SUBJECT_NATURES)[number];

export const SUBJECT_NATURE_LABELS: Record<SubjectNature, string> = {
  personal: '个人',
  enterprise: '企业',
  government: '政府机关',
  public_institution: '事业单位',
  social_organization: '社会团体',
  other: '其他单位',
};

export const FINDING_CODES = [
  'SUBJECT_NAME_MISMATCH',
  'SUBJECT_CERT_NUMBER_MISMATCH',
  'SUBJECT_CERT_ADDRESS_MISMATCH',
  'SUBJECT_BUSINESS_CLOSED',
  'SUBJECT_LEGAL_REP_MISMATCH',
  'SUBJECT_PRINCIPAL_ID_EXPIRED',
  'SUBJECT_PRINCIPAL_ID_MISMATCH',
  'SUBJECT_CONTACT_INVALID',
  'WEBSITE_PRINCIPAL_ID_EXPIRED',
  'WEBSITE_CONTACT_INVALID',
  'VERIFICATION_MATERIAL_INVALID',
  'SITE_UNREACHABLE',
  'CONTENT_SUBJECT_MISMATCH',
  'CONTENT_COMMERCIAL',
  'CONTENT_PRE_APPROVAL_REQUIRED',
  'CONTENT_VIOLATION',
  'SITE_TITLE_MISMATCH',
  'SITE_NAME_VIOLATION',
  'FOOTER_ICP_NUMBER_MISSING',
  'DOMAIN_EXPIRED',
  'DOMAIN_OWNER_MISMATCH',
  'DNS_NOT_AT_PROVIDER',
] as const;
export type FindingCodeValue = (typeof FINDING_CODES)[number];

export const ORDER_TYPES = [
  'CHANGE_SUBJECT',
  'CHANGE_WEBSITE',
  'CHANGE_ACCESS',
  'CANCEL_SUBJECT',
  'CANCEL_WEBSITE',
  'CANCEL_ACCESS',
  'ACCESS_FILING',
  'NEW_WEBSITE',
  'FIRST_FILING',
] as const;
export type OrderTypeValue = (typeof ORDER_TYPES)[number];

export const ORDER_STATES = [
  'DRAFT',
  'SUBMITTED',
  'FIRST_REVIEW_REJECTED',
  'PENDING_SMS',
  'REGULATOR_REVIEW',
  'APPROVED',
  'REGULATOR_REJECTED',
  'RETURNED',
  'ABANDONED',
  'WITHDRAWN',
  'EXPIRED',
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

/** States in which an order still occupies its subject (SPEC 5: at most one open order per subject). */
export const OPEN_ORDER_STATES = [
  'DRAFT',
  'SUBMITTED',
  'FIRST_REVIEW_REJECTED',
  'PENDING_SMS',
  'REGULATOR_REVIEW',
  'REGULATOR_REJECTED',
  'RETURNED',
] as const satisfies readonly OrderState[];

/** States in which the filer may edit the order's data and its materials (the wizard is open). */
export const EDITABLE_ORDER_STATES = ['DRAFT', 'FIRST_REVIEW_REJECTED', 'RETURNED', 'REGULATOR_REJECTED'] as const satisfies readonly OrderState[];

export const FINDING_STATUSES = ['open', 'in_progress', 'resolved', 'overdue', 'access_cancelled'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const UNRESOLVED_FINDING_STATUSES = ['open', 'in_progress', 'overdue'] as const satisfies readonly FindingStatus[];

export const ROLES = ['filer', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
