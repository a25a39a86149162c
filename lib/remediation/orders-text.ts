import type { OrderType, SeedRef } from './types';
import { SEED_001, ref } from './seeds';

export const ORDER_TYPE_LABELS: Readonly<Record<OrderType, string>> = {
  CHANGE_SUBJECT: '变更主体',
  CHANGE_WEBSITE: '变更网站',
  CHANGE_ACCESS: '变更接入',
  CANCEL_SUBJECT: '注销主体',
  CANCEL_WEBSITE: '注销网站',
  CANCEL_ACCESS: '取消接入',
  ACCESS_FILING: '接入备案',
  NEW_WEBSITE: '新增网站',
  FIRST_FILING: '首次备案',
};

const IMPACT = '1.6. 备案期间对网站访问的影响';

/** What each order does and what it means for the site while and after it runs (001 section 1.6 and 6–8). */
export const ORDER_TYPE_EXPLANATIONS: Readonly<Record<OrderType, { explanation: string; source: SeedRef }>> = {
  CHANGE_SUBJECT: {
    explanation: '在本门户填写变更主体申请，更新主办单位或主体负责人信息，经初审、短信核验和管局审核后生效。变更期间已备案网站可正常访问。',
    source: ref(SEED_001, '变更备案对网站访问的影响'),
  },
  CHANGE_WEBSITE: {
    explanation:
      '在本门户填写变更网站申请，可修改网站名称、网站负责人、核验材料等，也可删除不再使用的域名（不能新增或修改域名）。只改信息不影响访问；删除的域名在管局审核通过后将无法访问。',
    source: ref(SEED_001, '变更备案可以添加新的域名吗?'),
  },
  CHANGE_ACCESS: {
    explanation: '在本门户提交变更接入申请，把备案的服务器 IP 更新为网站实际使用的本接入商服务器 IP。',
    source: ref(SEED_001, '更换阿里云其他服务器,需重新备案或变更备案吗?'),
  },
  CANCEL_SUBJECT: {
    explanation:
      '注销主体会删除该主体在工信部的全部备案信息，主体下所有网站一并注销，所有域名都将无法访问。注销申请直接提交管局，提交后不能撤回。',
    source: ref(SEED_001, '注销主体与注销网站有什么区别?'),
  },
  CANCEL_WEBSITE: {
    explanation:
      '注销网站只删除这个网站的备案，主体和其他网站不受影响；该网站下的所有域名将无法访问。注销申请直接提交管局，提交后不能撤回。',
    source: ref(SEED_001, '注销主体与注销网站有什么区别?'),
  },
  CANCEL_ACCESS: {
    explanation:
      '取消接入只解除备案与本接入商的关联，工信部的备案号仍在；解析到本接入商服务器的域名将无法访问。若没有其他接入商，管局可能很快注销备案号。取消接入立即生效，不能撤回。',
    source: ref(SEED_001, '取消接入对网站访问的影响'),
  },
  ACCESS_FILING: {
    explanation:
      '把已在工信部备案的主体和网站接入本接入商，接入过程中不修改备案信息。接入成功后网站即可恢复访问，备案信息有变化的，再提交变更。',
    source: ref(SEED_001, '接入备案能否变更主体信息或网站信息?'),
  },
  NEW_WEBSITE: {
    explanation: '在已有的备案主体下新增一个网站备案。新网站取得备案号之前不能开通访问。',
    source: ref(SEED_001, IMPACT),
  },
  FIRST_FILING: {
    explanation: '主体和网站在工信部都没有备案信息时，重新提交完整的备案申请，在当前证件所在省份办理（证件已迁往其他省份的，选择新省份；单位备案不可以跨省）。取得备案号之前网站不能开通访问。',
    source: ref(SEED_001, '首次备案对网站访问的影响'),
  },
};
