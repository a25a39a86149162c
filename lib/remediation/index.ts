import { getProvince } from '../rules/provinces';
import { FINDING_CATALOGUE, isFindingCode } from './catalogue';
import { RemediationInputError } from './errors';
import { keepDrafts } from './plan-keep';
import { type ReaccessInput, planReaccessDrafts } from './plan-reaccess';
import { retireDrafts } from './plan-retire';
import { ranked } from './steps';
import { type FindingCode, type RemediationOption, SUBJECT_NATURES, type SubjectNature } from './types';

export type { ActionCode, FindingCode, FindingEntry, OrderType, RemediationOption, Scope, SeedRef, Step, SubjectNature } from './types';
export { ACTION_CODES, FINDING_CODES, ORDER_TYPES, SUBJECT_NATURES } from './types';
export { FINDING_CATALOGUE, isFindingCode } from './catalogue';
export { ACTION_LABELS, type ActionText } from './actions-text';
export { ORDER_TYPE_EXPLANATIONS, ORDER_TYPE_LABELS } from './orders-text';
export { describeStep } from './describe';
export { RemediationInputError, type RemediationInputErrorCode } from './errors';
export { planReaccessInProvince, type ReaccessInput } from './plan-reaccess';

const isCount = (n: unknown, min: number): n is number => typeof n === 'number' && Number.isInteger(n) && n >= min;

/** T1 (keep) and T2 (retire) of SPEC section 4 for one finding. */
export function planRemediation(input: {
  finding: FindingCode;
  intent: 'keep' | 'retire';
  subject: {
    nature: 'personal' | 'enterprise' | 'government' | 'public_institution' | 'social_organization' | 'other';
    province: string;
    websiteCount: number;
  };
  website?: { domainCount: number };
}): { finding: FindingCode; scope: 'subject' | 'website' | 'domain'; options: RemediationOption[] } {
  const { finding, intent, subject, website } = input;
  if (!isFindingCode(finding)) throw new RemediationInputError('UNKNOWN_FINDING', `unknown finding code: ${String(finding)}`);
  const { scope } = FINDING_CATALOGUE[finding];
  if (intent !== 'keep' && intent !== 'retire') {
    throw new RemediationInputError('UNKNOWN_INTENT', `unknown intent: ${String(intent)}`);
  }
  if (!SUBJECT_NATURES.includes(subject.nature as SubjectNature)) {
    throw new RemediationInputError('UNKNOWN_NATURE', `unknown subject nature: ${String(subject.nature)}`);
  }
  const province = getProvince(subject.province);
  if (!province) throw new RemediationInputError('UNKNOWN_PROVINCE', `unknown province code: ${subject.province}`);
  if (!isCount(subject.websiteCount, 0)) {
    throw new RemediationInputError('INVALID_COUNT', 'subject.websiteCount must be a whole number ≥ 0');
  }
  if (scope !== 'subject') {
    if (!website) throw new RemediationInputError('MISSING_WEBSITE', `${finding} concerns a website: website facts are required`);
    if (!isCount(website.domainCount, 1)) {
      throw new RemediationInputError('INVALID_COUNT', 'website.domainCount must be a whole number ≥ 1');
    }
    if (subject.websiteCount < 1) {
      throw new RemediationInputError('INVALID_COUNT', 'a website-scope finding needs subject.websiteCount ≥ 1');
    }
  }

  const drafts =
    intent === 'keep'
      ? keepDrafts(finding, { nature: subject.nature, province, websiteCount: subject.websiteCount })
      : retireDrafts({ finding, scope, websiteCount: subject.websiteCount, domainCount: website?.domainCount ?? 0 });
  return { finding, scope, options: ranked(drafts) };
}

/** T3 of SPEC section 4: what to do once access was cancelled after the 整改期. */
export function planReaccess(input: {
  miit: 'none' | 'subject_only' | 'subject_with_other_websites' | 'subject_and_website';
  principalMobileWorks: boolean;
  otherProviderHosts: boolean;
  provinceAllowsAccessThenChange: boolean;
  openChangeOrder: boolean;
}): { options: RemediationOption[] } {
  const reaccess: ReaccessInput = input;
  return { options: planReaccessDrafts(reaccess) };
}
