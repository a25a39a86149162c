import type { SeedRef } from './types';
import { SEED_001, ref } from './seeds';

// The 初审 checklist (001 section 2.8: what is checked from submission to the 管局's decision).

export type ChecklistItem = { id: string; label: string; source: SeedRef };

const FILL = ref(SEED_001, '备案信息填写需注意什么?');
const FIRST = ref(SEED_001, '阿里云初审时需注意什么?');
const TO_REGULATOR = ref(SEED_001, '备案提交后至管局审核前需注意什么?');
const REGULATOR = ref(SEED_001, '管局审核时需注意什么?');

export const REVIEW_CHECKLIST: readonly ChecklistItem[] = [
  { id: 'account-real-name', label: '提交备案的账号已完成实名认证', source: FILL },
  { id: 'license-validity', label: '营业执照等证件自提交之日起有效期大于 3 个月', source: FILL },
  { id: 'address-matches-certificate', label: '主办单位证件住所与证件一致，精确到门牌号', source: FILL },
  { id: 'landline-format', label: '固定电话按“区号-号码”填写（区号 3~4 位，号码 7~8 位）', source: FILL },
  { id: 'pre-approval', label: '主办单位名称、经营范围、网站名称或内容涉及前置审批的，已上传前置审批文件', source: FILL },
  { id: 'domain-owner-matches', label: '域名实名信息（姓名、证件类型、证件号码）与备案主体一致', source: FILL },
  { id: 'province-rules', label: '资料符合备案所在省份管局的要求（负责人、授权书、特殊材料等）', source: FILL },
  { id: 'phone-verified', label: '已电话联系主体负责人和网站负责人（联系方式1），核实身份、域名并确认本人知晓备案', source: FIRST },
  {
    id: 'phone-procedure',
    label: '电话未接通时按规程处理并在订单上记录每次拨打：首次未接通 1 小时后再拨；仍未接通拨打应急联系电话；应急联系电话也无人接听才以“初审电话无法接通”驳回',
    source: ref(SEED_001, '阿里云初审时需注意什么?', '如第二次拨打您的联系电话仍未接听到,初审专员将拨打您备案信息填写的应急联系电话'),
  },
  { id: 'extra-materials', label: '按场景要求补充了其他资料或完成了视频核验', source: FIRST },
  { id: 'sms-reminded', label: '已提醒负责人提交管局后 24 小时内完成工信部短信核验', source: TO_REGULATOR },
  { id: 'site-accessible', label: '已备案的网站能正常访问且内容符合要求', source: REGULATOR },
  { id: 'phone-reachable', label: '负责人电话保持畅通，以便管局抽检回访', source: REGULATOR },
];
