// Domain vocabulary of the remediation library (SPEC sections 3, 4 and 7).

import { FINDING_CODES, ORDER_TYPES, SUBJECT_NATURES, type FindingCodeValue, type OrderTypeValue, type SubjectNature } from '../domain/codes';

// The vocabularies live in lib/domain/codes (the database enums derive from them too).
export { FINDING_CODES, ORDER_TYPES, SUBJECT_NATURES, type SubjectNature };
export type FindingCode = FindingCodeValue;

/** What "no longer in use" retires: the whole subject, one website, or one domain. */
export type Scope = 'subject' | 'website' | 'domain';

export type OrderType = OrderTypeValue;

/** Things the filer does outside the portal (then asks for 复核, or goes on with an order). */
export const ACTION_CODES = [
  'RENEW_DOMAIN',
  'UPDATE_DOMAIN_REAL_NAME',
  'FIX_DNS',
  'FIX_FOOTER',
  'FIX_SITE_TITLE',
  'EDIT_CONTENT',
  'RESTORE_SITE_ACCESS',
  'UPDATE_BUSINESS_REGISTRATION',
  'RENEW_ID_DOCUMENT',
  'APPLY_ICP_LICENSE',
  'OBTAIN_PRE_APPROVAL',
  'OFFLINE_CANCEL',
  'CHANGE_AT_OTHER_PROVIDER',
  'ACCESS_AT_NEW_PROVIDER',
  'WAIT_FOR_AUTO_CANCEL',
] as const;
export type ActionCode = (typeof ACTION_CODES)[number];

export type Step =
  | { kind: 'order'; order: OrderType }
  | { kind: 'action'; action: ActionCode }
  | { kind: 'recheck' }
  | { kind: 'abandon_open_order' };

/** Exactly one option of a plan has recommended: true, and it comes first. */
export type RemediationOption = { id: string; title: string; recommended: boolean; steps: Step[] };


/** Where a text or rule comes from: a seed document and the heading (and table row) in it. */
export type SeedRef = { file: string; heading: string; row?: string };

export type FindingEntry = {
  code: FindingCode;
  scope: Scope;
  /** The notice as the seeds word it. */
  notice: string;
  /** Likely cause, addressed to the filer. */
  cause: string;
  /** What the filer must do to keep the filing. */
  remedy: string;
  /** What happens to the site while the 整改期 runs. */
  duringPeriod: string;
  /** What happens when the 整改期 passes without a fix. */
  afterPeriod: string;
  source: SeedRef;
  /** Further seed sections that say the same or add detail. */
  alsoIn: readonly SeedRef[];
};
