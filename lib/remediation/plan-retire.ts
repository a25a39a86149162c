import { type Draft, order } from './steps';
import type { FindingCode, Scope } from './types';

// T2 — the filing is no longer in use: retire exactly what the finding concerns, and never leave an
// empty subject behind (管局 clean such 空壳 subjects up; 001 section 8).

export type RetireContext = {
  finding: FindingCode;
  scope: Scope;
  websiteCount: number;
  domainCount: number;
  /**
   * What the MIIT query shows beyond this portal: true when the subject also has websites filed through other
   * providers. This portal counts only its own websites, and 注销主体 would delete those too (001 section 8
   * 注销主体: 同时注销该主体下备案的所有网站; section 10 说明: 查询备案主体下备案的所有网站).
   */
  miitOtherWebsites?: boolean;
};

const cancelSubject: Draft = { id: 'cancel-subject', title: '注销主体（主体下所有网站一并注销）', steps: [order('CANCEL_SUBJECT')] };
const cancelWebsite: Draft = { id: 'cancel-website', title: '注销这个网站', steps: [order('CANCEL_WEBSITE')] };
const deleteDomain: Draft = { id: 'delete-domain', title: '变更网站，删除不再使用的域名', steps: [order('CHANGE_WEBSITE')] };
const deleteSomeDomains: Draft = { ...deleteDomain, title: '只是部分域名不再使用：变更网站删除这些域名' };

/** The subject keeps websites at other providers: retire only what this provider hosts. */
const cancelOurWebsite: Draft = {
  id: 'cancel-website',
  title: '只注销在本接入商接入的网站（主体在其他接入商处还有网站，不能注销主体）',
  steps: [order('CANCEL_WEBSITE')],
};
const cancelOurAccess: Draft = {
  id: 'cancel-access',
  title: '取消在本接入商的接入（备案号保留，其他接入商处的网站不受影响）',
  steps: [order('CANCEL_ACCESS')],
};
/** 003/004: subject-level failures "若网站不再使用，请提交注销主体或注销网站". */
const cancelSomeWebsites: Draft = {
  id: 'cancel-website',
  title: '只是部分网站不再使用：注销这些网站（主体信息仍须按通知整改）',
  steps: [order('CANCEL_WEBSITE')],
};

// Website-scope findings for which 003/004 also offer "变更网站删除不使用域名" when a domain, not the
// whole site, is what is no longer used (网站内容与备案主体信息不符; 网站首页底部备案号未添加等).
const DOMAIN_LEVEL_RETIRE: ReadonlySet<FindingCode> = new Set(['CONTENT_SUBJECT_MISMATCH', 'FOOTER_ICP_NUMBER_MISSING']);

// Subject-level findings whose 003/004 row names 注销网站 next to 注销主体 (主体证件不一致, 企业法定代表人信息不一致,
// 负责人证件已过期, 负责人证件查询不一致; 联系方式无效 names 注销网站). 企业经营状态 names 注销主体 only.
const SUBJECT_ROWS_WITH_CANCEL_WEBSITE: ReadonlySet<FindingCode> = new Set([
  'SUBJECT_NAME_MISMATCH',
  'SUBJECT_CERT_NUMBER_MISMATCH',
  'SUBJECT_CERT_ADDRESS_MISMATCH',
  'SUBJECT_LEGAL_REP_MISMATCH',
  'SUBJECT_PRINCIPAL_ID_EXPIRED',
  'SUBJECT_PRINCIPAL_ID_MISMATCH',
  'SUBJECT_CONTACT_INVALID',
]);

/** True when the plan would recommend 注销主体, so the MIIT question must be answered first. */
export function retireWouldCancelSubject(ctx: Omit<RetireContext, 'miitOtherWebsites'>): boolean {
  if (ctx.scope === 'domain' && ctx.domainCount > 1) return false;
  return !(ctx.scope !== 'subject' && ctx.websiteCount > 1);
}

export function retireDrafts(ctx: RetireContext): Draft[] {
  if (ctx.scope === 'domain' && ctx.domainCount > 1) return [deleteDomain];
  if (retireWouldCancelSubject(ctx) && ctx.miitOtherWebsites === true) {
    return ctx.websiteCount === 0 ? [cancelOurAccess] : [cancelOurWebsite, cancelOurAccess];
  }
  const main = retireWouldCancelSubject(ctx) ? cancelSubject : cancelWebsite;
  if (ctx.scope === 'subject') {
    return ctx.websiteCount > 1 && SUBJECT_ROWS_WITH_CANCEL_WEBSITE.has(ctx.finding) ? [main, cancelSomeWebsites] : [main];
  }
  const partial = ctx.scope === 'website' && ctx.domainCount > 1 && DOMAIN_LEVEL_RETIRE.has(ctx.finding);
  return partial ? [main, deleteSomeDomains] : [main];
}
