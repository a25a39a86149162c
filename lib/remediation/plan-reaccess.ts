import { getProvince } from '../rules/provinces';
import { RemediationInputError } from './errors';
import { ABANDON_OPEN_ORDER, type Draft, action, order, ranked } from './steps';
import type { RemediationOption, Step } from './types';

// T3 — access was cancelled after the 整改期 (001 2.6 and 1.10; 000 last three sections).

export type ReaccessInput = {
  miit: 'none' | 'subject_only' | 'subject_with_other_websites' | 'subject_and_website';
  principalMobileWorks: boolean;
  otherProviderHosts: boolean;
  provinceAllowsAccessThenChange: boolean;
  openChangeOrder: boolean;
  /** What the filer does once access is back (000: 接入备案成功后…进行自查并操作变更备案); CHANGE_SUBJECT when not given. */
  followUp?: readonly Step[];
};

const firstFiling: Draft = { id: 'first-filing', title: '重新提交首次备案', steps: [order('FIRST_FILING')] };
const offlineCancelThenFirstFiling: Draft = {
  id: 'offline-cancel-first-filing',
  title: '线下注销原备案后重新首次备案',
  steps: [action('OFFLINE_CANCEL'), order('FIRST_FILING')],
};
// 001 section 5 vs 2.6: where the province does not allow 先接入后变更, 2.6 sends the filer to 线下注销, which
// deletes the filing; section 5 (备案信息有变化可以接入阿里云吗?) keeps it: change at the provider still hosting
// the filing, then 接入. The route that keeps the filing comes first; 线下注销 stays as the fallback.
const offlineCancelAsFallback: Draft = {
  ...offlineCancelThenFirstFiling,
  title: '无法在原接入商变更时：线下注销原备案后重新首次备案（原备案号将被删除）',
};
// 001 11.2: an empty subject is cancelled either offline or, after a while, by the 管局 itself.
const waitForAutoCancelThenFirstFiling: Draft = {
  id: 'wait-auto-cancel-first-filing',
  title: '等待管局自动注销空壳主体后重新首次备案',
  steps: [action('WAIT_FOR_AUTO_CANCEL'), order('FIRST_FILING')],
};
const newWebsite: Draft = { id: 'new-website', title: '在原主体下新增网站', steps: [order('NEW_WEBSITE')] };
const changeElsewhereThenAccess: Draft = {
  id: 'change-elsewhere-then-access',
  title: '在其他接入商处变更手机号后接入备案',
  steps: [action('CHANGE_AT_OTHER_PROVIDER'), order('ACCESS_FILING')],
};
const changeAtOriginalThenAccess: Draft = {
  id: 'change-elsewhere-then-access',
  title: '先在仍接入该备案的接入商处变更备案信息，再接入备案（保留原备案号）',
  steps: [action('CHANGE_AT_OTHER_PROVIDER'), order('ACCESS_FILING')],
};
const DEFAULT_FOLLOW_UP: readonly Step[] = [order('CHANGE_SUBJECT')];
const accessThenChange = (followUp: readonly Step[]): Draft => ({
  id: 'access-then-change',
  title: '先接入备案，接入成功后按整改通知变更',
  steps: [order('ACCESS_FILING'), ...followUp],
});

function drafts(input: ReaccessInput): Draft[] {
  switch (input.miit) {
    case 'none':
      return [firstFiling];
    case 'subject_only': // 空壳主体
      return [offlineCancelThenFirstFiling, waitForAutoCancelThenFirstFiling];
    case 'subject_with_other_websites':
      return [newWebsite];
    case 'subject_and_website':
      if (!input.principalMobileWorks) {
        return [input.otherProviderHosts ? changeElsewhereThenAccess : offlineCancelThenFirstFiling];
      }
      if (input.provinceAllowsAccessThenChange) return [accessThenChange(input.followUp ?? DEFAULT_FOLLOW_UP)];
      return input.otherProviderHosts ? [changeAtOriginalThenAccess, offlineCancelAsFallback] : [offlineCancelThenFirstFiling];
    default:
      throw new RemediationInputError('UNKNOWN_MIIT_STATE', `unknown MIIT query result: ${String(input.miit)}`);
  }
}

/** A change order still open at cancellation must be abandoned before any new order (001 2.6). */
function withAbandon(list: Draft[], open: boolean): Draft[] {
  return open ? list.map((d) => ({ ...d, steps: [ABANDON_OPEN_ORDER, ...d.steps] })) : list;
}

export function planReaccessDrafts(input: ReaccessInput): RemediationOption[] {
  return ranked(withAbandon(drafts(input), input.openChangeOrder));
}

/**
 * T3 for a province from the table. When the seeds do not say whether the province allows
 * 先接入后变更, both paths are offered, access first, each saying the 管局 decides.
 */
export function planReaccessInProvince(
  input: Omit<ReaccessInput, 'provinceAllowsAccessThenChange'> & { province: string },
): { options: RemediationOption[] } {
  const province = getProvince(input.province);
  if (!province) throw new RemediationInputError('UNKNOWN_PROVINCE', `unknown province code: ${input.province}`);
  const { province: _code, ...rest } = input;
  const allows = province.accessThenChange;
  if (allows !== 'unknown') return { options: planReaccessDrafts({ ...rest, provinceAllowsAccessThenChange: allows.value }) };

  const yes = planReaccessDrafts({ ...rest, provinceAllowsAccessThenChange: true });
  const no = planReaccessDrafts({ ...rest, provinceAllowsAccessThenChange: false });
  const same = yes.length === no.length && yes.every((o, i) => o.id === no[i]?.id);
  if (same) return { options: yes }; // the answer does not depend on the province
  const tagged = [
    ...yes.map((o) => ({ ...o, title: `${o.title}（管局允许先接入后变更时）` })),
    ...no.filter((o) => !yes.some((y) => y.id === o.id)).map((o) => ({ ...o, title: `${o.title}（管局不允许先接入后变更时）` })),
  ];
  return { options: tagged.map((o, i) => ({ ...o, recommended: i === 0 })) };
}
