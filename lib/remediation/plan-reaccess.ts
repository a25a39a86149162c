import { getProvince } from '../rules/provinces';
import { RemediationInputError } from './errors';
import { ABANDON_OPEN_ORDER, type Draft, action, order, ranked } from './steps';
import type { RemediationOption } from './types';

// T3 — access was cancelled after the 整改期 (001 2.6 and 1.10; 000 last three sections).

export type ReaccessInput = {
  miit: 'none' | 'subject_only' | 'subject_with_other_websites' | 'subject_and_website';
  principalMobileWorks: boolean;
  otherProviderHosts: boolean;
  provinceAllowsAccessThenChange: boolean;
  openChangeOrder: boolean;
};

const firstFiling: Draft = { id: 'first-filing', title: '重新提交首次备案', steps: [order('FIRST_FILING')] };
const offlineCancelThenFirstFiling: Draft = {
  id: 'offline-cancel-first-filing',
  title: '线下注销原备案后重新首次备案',
  steps: [action('OFFLINE_CANCEL'), order('FIRST_FILING')],
};
const newWebsite: Draft = { id: 'new-website', title: '在原主体下新增网站', steps: [order('NEW_WEBSITE')] };
const changeElsewhereThenAccess: Draft = {
  id: 'change-elsewhere-then-access',
  title: '在其他接入商处变更手机号后接入备案',
  steps: [action('CHANGE_AT_OTHER_PROVIDER'), order('ACCESS_FILING')],
};
// The follow-up change depends on the finding; the filer gets it from planRemediation once access is back.
const accessThenChange: Draft = {
  id: 'access-then-change',
  title: '先接入备案，接入成功后按整改通知变更',
  steps: [order('ACCESS_FILING')],
};

function drafts(input: ReaccessInput): Draft[] {
  switch (input.miit) {
    case 'none':
      return [firstFiling];
    case 'subject_only': // 空壳主体
      return [offlineCancelThenFirstFiling];
    case 'subject_with_other_websites':
      return [newWebsite];
    case 'subject_and_website':
      if (!input.principalMobileWorks) {
        return [input.otherProviderHosts ? changeElsewhereThenAccess : offlineCancelThenFirstFiling];
      }
      return [input.provinceAllowsAccessThenChange ? accessThenChange : offlineCancelThenFirstFiling];
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
  const [a, b] = [yes[0], no[0]];
  if (!a || !b || a.id === b.id) return { options: yes }; // the answer does not depend on the province
  return {
    options: [
      { ...a, title: `${a.title}（管局允许先接入后变更时）`, recommended: true },
      { ...b, title: `${b.title}（管局不允许先接入后变更时）`, recommended: false },
    ],
  };
}
