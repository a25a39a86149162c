import { type Draft, order } from './steps';
import type { FindingCode, Scope } from './types';

// T2 — the filing is no longer in use: retire exactly what the finding concerns, and never leave an
// empty subject behind (管局 clean such 空壳 subjects up; 001 section 8).

export type RetireContext = { finding: FindingCode; scope: Scope; websiteCount: number; domainCount: number };

const cancelSubject: Draft = { id: 'cancel-subject', title: '注销主体（主体下所有网站一并注销）', steps: [order('CANCEL_SUBJECT')] };
const cancelWebsite: Draft = { id: 'cancel-website', title: '注销这个网站', steps: [order('CANCEL_WEBSITE')] };
const deleteDomain: Draft = { id: 'delete-domain', title: '变更网站，删除不再使用的域名', steps: [order('CHANGE_WEBSITE')] };
const deleteSomeDomains: Draft = { ...deleteDomain, title: '只是部分域名不再使用：变更网站删除这些域名' };

// Website-scope findings for which 003/004 also offer "变更网站删除不使用域名" when a domain, not the
// whole site, is what is no longer used (网站内容与备案主体信息不符; 网站首页底部备案号未添加等).
const DOMAIN_LEVEL_RETIRE: ReadonlySet<FindingCode> = new Set(['CONTENT_SUBJECT_MISMATCH', 'FOOTER_ICP_NUMBER_MISSING']);

export function retireDrafts(ctx: RetireContext): Draft[] {
  if (ctx.scope === 'domain' && ctx.domainCount > 1) return [deleteDomain];
  const main = ctx.scope !== 'subject' && ctx.websiteCount > 1 ? cancelWebsite : cancelSubject;
  const partial = ctx.scope === 'website' && ctx.domainCount > 1 && DOMAIN_LEVEL_RETIRE.has(ctx.finding);
  return partial ? [main, deleteSomeDomains] : [main];
}
