import { getProvince } from '../rules/provinces';
import { FINDING_CATALOGUE, isFindingCode } from './catalogue';
import { RemediationInputError } from './errors';
import { keepDrafts } from './plan-keep';
import { type ReaccessInput, planReaccessDrafts } from './plan-reaccess';
import { retireDrafts, retireWouldCancelSubject } from './plan-retire';
import { type Draft, RECHECK, action, order, ranked } from './steps';
import { type FindingCode, type RemediationOption, SUBJECT_NATURES, type Step, type SubjectNature } from './types';

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
  /** Keep: the site is now hosted by another provider (the filer says so, or DNS points elsewhere). */
  hostedElsewhere?: boolean;
  /** Retire: the MIIT query shows websites of this subject filed through other providers. */
  miitOtherWebsites?: boolean;
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
    intent === 'retire'
      ? retireDrafts({ finding, scope, websiteCount: subject.websiteCount, domainCount: website?.domainCount ?? 0, miitOtherWebsites: input.miitOtherWebsites })
      : input.hostedElsewhere === true
        ? movedDrafts(finding)
        : keepDrafts(finding, { nature: subject.nature, province, websiteCount: subject.websiteCount });
  return { finding, scope, options: ranked(drafts) };
}

/**
 * The site moved to another provider (001 1.1 取消接入 and 6 更换服务商: 需要将ICP备案信息接入新的服务商). The
 * filing stays valid; 注销 would delete the record the new provider needs. Access at the new provider comes
 * first: once access here is cancelled and no other provider has it, the 管局 may soon cancel the number
 * (001 1.6 取消接入对网站访问的影响).
 */
function movedDrafts(finding: FindingCode): Draft[] {
  const move: Draft = {
    id: 'move-to-new-provider',
    title: '网站已改由其他接入商托管：到新接入商接入备案，再在本接入商取消接入（不要注销备案）',
    steps: [action('ACCESS_AT_NEW_PROVIDER'), order('CANCEL_ACCESS')],
  };
  if (finding !== 'DNS_NOT_AT_PROVIDER') return [move];
  return [move, { id: 'fix-dns-recheck', title: '仍要使用本接入商的服务器：把域名解析改回备案 IP 后复核', steps: [action('FIX_DNS'), RECHECK] }];
}

/** Whether the retire plan would recommend 注销主体: then the filer must first say what the MIIT query shows. */
export function retireNeedsMiitAnswer(input: { finding: FindingCode; subject: { websiteCount: number }; website?: { domainCount: number } }): boolean {
  if (!isFindingCode(input.finding)) return false;
  const { scope } = FINDING_CATALOGUE[input.finding];
  return retireWouldCancelSubject({ finding: input.finding, scope, websiteCount: input.subject.websiteCount, domainCount: input.website?.domainCount ?? 1 });
}

/**
 * What follows a successful 接入备案 for a finding (000: 接入备案成功后…按通知邮件进行自查并操作变更备案): the
 * finding's own recommended remedy, e.g. 变更主体 for subject data, 续费域名 and 复核 for an expired domain.
 */
export function followUpAfterAccess(finding: FindingCode, ctx: { nature: SubjectNature; province: string }): Step[] {
  const province = getProvince(ctx.province);
  if (!province || !isFindingCode(finding)) return [order('CHANGE_SUBJECT')];
  const [first] = keepDrafts(finding, { nature: ctx.nature, province, websiteCount: 1 });
  return first ? [...first.steps] : [order('CHANGE_SUBJECT')];
}

/** T3 of SPEC section 4: what to do once access was cancelled after the 整改期. */
export function planReaccess(input: {
  miit: 'none' | 'subject_only' | 'subject_with_other_websites' | 'subject_and_website';
  principalMobileWorks: boolean;
  otherProviderHosts: boolean;
  provinceAllowsAccessThenChange: boolean;
  openChangeOrder: boolean;
  /** The finding that led to 取消接入: its remedy follows the 接入备案 (000). */
  finding?: FindingCode;
}): { options: RemediationOption[] } {
  const { finding, ...rest } = input;
  const reaccess: ReaccessInput = finding ? { ...rest, followUp: followUpAfterAccess(finding, { nature: 'enterprise', province: '11' }) } : rest;
  return { options: planReaccessDrafts(reaccess) };
}
