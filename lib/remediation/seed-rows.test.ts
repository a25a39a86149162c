import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type FindingCode, type Step, planRemediation } from './index';

// Every row of the failure tables of seeds 002, 003 and 004, and every 不合格 heading of 000 and of 001
// section 2.6, with the plan the portal offers for it. `quote` is the seed's own wording and is checked
// against the passage quoted from that seed document in docs/sources.

// The seed passages the product relies on are quoted verbatim in docs/sources (one file per seed document);
// quotes and citations are checked against those files, so the repository is self-contained.
const SOURCES = fileURLToPath(new URL('../../docs/sources/', import.meta.url));
const squash = (s: string) => s.replace(/\s+/g, '');
/** The quoted text of a seed document: blockquote markers dropped, whitespace squashed like the quotes. */
const sourceText = (file: string) =>
  squash(readFileSync(join(SOURCES, file.replace(/\.txt$/, '.md')), 'utf8').split('\n').map((l) => l.replace(/^> ?/, '')).join('\n'));
const seedText = sourceText;
const fmt = (steps: readonly Step[]) =>
  steps.map((s) => (s.kind === 'order' ? `order:${s.order}` : s.kind === 'action' ? `action:${s.action}` : s.kind));

type Row = {
  seed: string;
  quote: string;
  finding: FindingCode;
  nature?: 'personal' | 'enterprise';
  keep: { id: string; steps: string[]; alternatives?: string[] };
  /** Retire with one website and one domain, or with more where the seed names 变更网站删除域名. */
  retire?: { websiteCount: number; domainCount: number; id: string; steps: string[]; alternatives?: string[] };
};

const S000 = '000_dba9c9c4249e25c8.txt';
const S001 = '001_c2f9db2b4f566150.txt';
const S002 = '002_5156400736c8003b.txt';
const S003 = '003_76638778018492ba.txt';
const S004 = '004_6ba88f399b14c9a7.txt';

const CHANGE_SUBJECT = { id: 'change-subject', steps: ['order:CHANGE_SUBJECT'] };
const CHANGE_WEBSITE = { id: 'change-website', steps: ['order:CHANGE_WEBSITE'] };
const RENEW_ID_SUBJECT = { id: 'renew-id-change-subject', steps: ['action:RENEW_ID_DOCUMENT', 'order:CHANGE_SUBJECT'], alternatives: ['change-subject'] };
const RENEW_ID_WEBSITE = { id: 'renew-id-change-website', steps: ['action:RENEW_ID_DOCUMENT', 'order:CHANGE_WEBSITE'], alternatives: ['change-website'] };
const EDIT_CONTENT = { id: 'edit-content-recheck', steps: ['action:EDIT_CONTENT', 'recheck'] };
const CONTENT_VS_SUBJECT = { ...EDIT_CONTENT, alternatives: ['change-subject'] };
const CONTENT_VS_PERSONAL = { ...EDIT_CONTENT, alternatives: ['change-subject-nature', 'cancel-and-refile'] };
const COMMERCIAL = { ...EDIT_CONTENT, alternatives: ['apply-icp-license-change-website'] };
const RENEW_DOMAIN = { id: 'renew-domain-recheck', steps: ['action:RENEW_DOMAIN', 'recheck'] };
const DOMAIN_REAL_NAME = { id: 'update-domain-real-name-recheck', steps: ['action:UPDATE_DOMAIN_REAL_NAME', 'recheck'], alternatives: ['change-subject'] };
const FIX_DNS = { id: 'fix-dns-recheck', steps: ['action:FIX_DNS', 'recheck'], alternatives: ['change-access'] };
const FIX_TITLE = { id: 'fix-title-recheck', steps: ['action:FIX_SITE_TITLE', 'recheck'], alternatives: ['rename-site'] };
const PRE_APPROVAL = { id: 'pre-approval-change-website', steps: ['action:OBTAIN_PRE_APPROVAL', 'order:CHANGE_WEBSITE'], alternatives: ['edit-content-recheck'] };
const FOOTER = { id: 'fix-footer-recheck', steps: ['action:FIX_FOOTER', 'recheck'] };
const NAME_SUBJECT = { ...CHANGE_SUBJECT, alternatives: ['update-domain-real-name-recheck'] };

const CANCEL_SUBJECT = { websiteCount: 2, domainCount: 1, id: 'cancel-subject', steps: ['order:CANCEL_SUBJECT'] };
// 003/004 "若网站不再使用，请在备案控制台提交注销主体或注销网站": with several websites, 注销网站 is offered too.
const CANCEL_SUBJECT_OR_WEBSITE = { ...CANCEL_SUBJECT, alternatives: ['cancel-website'] };
const CANCEL_WEBSITE = { websiteCount: 2, domainCount: 1, id: 'cancel-website', steps: ['order:CANCEL_WEBSITE'] };
const DELETE_DOMAIN = { websiteCount: 1, domainCount: 2, id: 'delete-domain', steps: ['order:CHANGE_WEBSITE'] };

const ROWS: Row[] = [
  // 002 主体备案信息未通过
  { seed: S002, quote: '主办单位证件未通过：查询无结果、新旧证件问题、已注销、吊销未注销、主办单位名称不一致。', finding: 'SUBJECT_NAME_MISMATCH', keep: NAME_SUBJECT },
  { seed: S002, quote: '主办单位证件号码非最新三证合一号码。', finding: 'SUBJECT_CERT_NUMBER_MISMATCH', keep: CHANGE_SUBJECT },
  { seed: S002, quote: '主办单位证件地址不一致。', finding: 'SUBJECT_CERT_ADDRESS_MISMATCH', keep: CHANGE_SUBJECT },
  { seed: S002, quote: '主办单位信息未通过：主体负责人姓名非法定代表人。', finding: 'SUBJECT_LEGAL_REP_MISMATCH', keep: CHANGE_SUBJECT },
  { seed: S002, quote: '主体信息未通过：主体负责人证件已过期。', finding: 'SUBJECT_PRINCIPAL_ID_EXPIRED', keep: RENEW_ID_SUBJECT },
  { seed: S002, quote: '联系方式未通过：不同负责人使用相同手机号码、不同负责人使用相同邮箱、无人接听、联系方式无效。', finding: 'SUBJECT_CONTACT_INVALID', keep: CHANGE_SUBJECT },
  { seed: S002, quote: '联系方式未通过：不同负责人使用相同手机号码、不同负责人使用相同邮箱、无人接听、联系方式无效。', finding: 'WEBSITE_CONTACT_INVALID', keep: CHANGE_WEBSITE },
  // 002 网站备案信息未通过
  { seed: S002, quote: '网站信息未通过：网站负责人证件已过期。', finding: 'WEBSITE_PRINCIPAL_ID_EXPIRED', keep: RENEW_ID_WEBSITE },
  { seed: S002, quote: '真实性核验材料未通过：核验单信息填写有误、幕布照片非网站负责人。', finding: 'VERIFICATION_MATERIAL_INVALID', keep: CHANGE_WEBSITE },
  { seed: S002, quote: '网站内容未通过：网站无法访问、网站内容与主体性质不符、个人网站涉及企业。', finding: 'SITE_UNREACHABLE', keep: { id: 'restore-site-recheck', steps: ['action:RESTORE_SITE_ACCESS', 'recheck'] } },
  { seed: S002, quote: '网站内容未通过：网站无法访问、网站内容与主体性质不符、个人网站涉及企业。', finding: 'CONTENT_SUBJECT_MISMATCH', nature: 'personal', keep: CONTENT_VS_PERSONAL },
  { seed: S002, quote: '网站内容未通过：网站内容涉及经营性。', finding: 'CONTENT_COMMERCIAL', keep: COMMERCIAL },
  { seed: S002, quote: '域名所有者未通过：域名所有者不一致、域名所有者已过期。域名所有者未注册。', finding: 'DOMAIN_EXPIRED', keep: RENEW_DOMAIN },
  { seed: S002, quote: '域名所有者未通过：域名所有者不一致、域名所有者已过期。域名所有者未注册。', finding: 'DOMAIN_OWNER_MISMATCH', keep: DOMAIN_REAL_NAME },
  { seed: S002, quote: '备案 IP 解析未通过：网站无解析、解析 IP 非腾讯云 IP、解析 IP 与备案 IP 不一致。', finding: 'DNS_NOT_AT_PROVIDER', keep: FIX_DNS },
  // 003 (QingCloud) — the same headings appear in 004 and are listed there too.
  { seed: S003, quote: '### 企业经营状态为已注销、吊销未注销、作废', finding: 'SUBJECT_BUSINESS_CLOSED', keep: { id: 'update-business-registration-recheck', steps: ['action:UPDATE_BUSINESS_REGISTRATION', 'recheck'] }, retire: CANCEL_SUBJECT },
  { seed: S003, quote: '### 主体证件不一致', finding: 'SUBJECT_NAME_MISMATCH', keep: NAME_SUBJECT, retire: CANCEL_SUBJECT_OR_WEBSITE },
  { seed: S003, quote: '### 主体证件不一致', finding: 'SUBJECT_CERT_ADDRESS_MISMATCH', keep: CHANGE_SUBJECT, retire: CANCEL_SUBJECT_OR_WEBSITE },
  { seed: S003, quote: '### 企业法定代表人信息不一致', finding: 'SUBJECT_LEGAL_REP_MISMATCH', keep: CHANGE_SUBJECT, retire: CANCEL_SUBJECT_OR_WEBSITE },
  { seed: S003, quote: '### 负责人证件已过期', finding: 'SUBJECT_PRINCIPAL_ID_EXPIRED', keep: RENEW_ID_SUBJECT, retire: CANCEL_SUBJECT_OR_WEBSITE },
  { seed: S003, quote: '### 负责人证件已过期', finding: 'WEBSITE_PRINCIPAL_ID_EXPIRED', keep: RENEW_ID_WEBSITE, retire: CANCEL_WEBSITE },
  { seed: S003, quote: '### 负责人证件查询不一致', finding: 'SUBJECT_PRINCIPAL_ID_MISMATCH', keep: CHANGE_SUBJECT, retire: CANCEL_SUBJECT_OR_WEBSITE },
  { seed: S003, quote: '### 域名所有者不一致', finding: 'DOMAIN_OWNER_MISMATCH', keep: DOMAIN_REAL_NAME, retire: DELETE_DOMAIN },
  { seed: S003, quote: '### 联系方式无效', finding: 'WEBSITE_CONTACT_INVALID', keep: CHANGE_WEBSITE, retire: CANCEL_WEBSITE },
  { seed: S003, quote: '### 域名已过期', finding: 'DOMAIN_EXPIRED', keep: RENEW_DOMAIN, retire: DELETE_DOMAIN },
  { seed: S003, quote: '### 网站解析 IP 与备案 IP 不一致', finding: 'DNS_NOT_AT_PROVIDER', keep: FIX_DNS, retire: DELETE_DOMAIN },
  { seed: S003, quote: '### 网站内容与备案主体信息不符', finding: 'CONTENT_SUBJECT_MISMATCH', keep: CONTENT_VS_SUBJECT, retire: { ...CANCEL_WEBSITE, domainCount: 2, alternatives: ['delete-domain'] } },
  { seed: S003, quote: '### 实际网站标题与备案网站名称不一致', finding: 'SITE_TITLE_MISMATCH', keep: FIX_TITLE },
  { seed: S003, quote: '### 网站内容涉及前置审批项', finding: 'CONTENT_PRE_APPROVAL_REQUIRED', keep: PRE_APPROVAL },
  { seed: S003, quote: '### 网站名称违规', finding: 'SITE_NAME_VIOLATION', keep: { id: 'rename-site', steps: ['order:CHANGE_WEBSITE', 'action:FIX_SITE_TITLE'] }, retire: CANCEL_WEBSITE },
  { seed: S003, quote: '### 部分内容违规', finding: 'CONTENT_VIOLATION', keep: EDIT_CONTENT, retire: CANCEL_WEBSITE },
  // 004 (Tencent Cloud)
  { seed: S004, quote: '### 企业经营状态为已注销、吊销未注销、作废', finding: 'SUBJECT_BUSINESS_CLOSED', keep: { id: 'update-business-registration-recheck', steps: ['action:UPDATE_BUSINESS_REGISTRATION', 'recheck'] }, retire: CANCEL_SUBJECT },
  { seed: S004, quote: '### 主体证件不一致', finding: 'SUBJECT_CERT_NUMBER_MISMATCH', keep: CHANGE_SUBJECT, retire: CANCEL_SUBJECT_OR_WEBSITE },
  { seed: S004, quote: '### 企业法定代表人信息不一致', finding: 'SUBJECT_LEGAL_REP_MISMATCH', keep: CHANGE_SUBJECT, retire: CANCEL_SUBJECT_OR_WEBSITE },
  { seed: S004, quote: '### 负责人证件已过期', finding: 'SUBJECT_PRINCIPAL_ID_EXPIRED', keep: RENEW_ID_SUBJECT, retire: CANCEL_SUBJECT_OR_WEBSITE },
  { seed: S004, quote: '### 主体负责人证件查询不一致', finding: 'SUBJECT_PRINCIPAL_ID_MISMATCH', keep: CHANGE_SUBJECT, retire: CANCEL_SUBJECT_OR_WEBSITE },
  { seed: S004, quote: '### 域名所有者不一致', finding: 'DOMAIN_OWNER_MISMATCH', keep: DOMAIN_REAL_NAME, retire: { ...CANCEL_WEBSITE } },
  { seed: S004, quote: '### 联系方式无效', finding: 'SUBJECT_CONTACT_INVALID', keep: CHANGE_SUBJECT, retire: CANCEL_SUBJECT_OR_WEBSITE },
  { seed: S004, quote: '### 域名已过期', finding: 'DOMAIN_EXPIRED', keep: RENEW_DOMAIN, retire: { ...CANCEL_WEBSITE } },
  { seed: S004, quote: '### 网站解析 IP 与备案 IP 不一致', finding: 'DNS_NOT_AT_PROVIDER', keep: FIX_DNS, retire: DELETE_DOMAIN },
  { seed: S004, quote: '### 网站内容与备案主体信息不符', finding: 'CONTENT_SUBJECT_MISMATCH', nature: 'personal', keep: CONTENT_VS_PERSONAL, retire: CANCEL_WEBSITE },
  { seed: S004, quote: '### 实际网站标题与备案网站名称不一致', finding: 'SITE_TITLE_MISMATCH', keep: FIX_TITLE },
  { seed: S004, quote: '网站首页底部备案号未添加、网站首页底部备案号添加错误、备案号未链接至工信部备案官网首页', finding: 'FOOTER_ICP_NUMBER_MISSING', keep: FOOTER, retire: { ...CANCEL_SUBJECT, websiteCount: 1, domainCount: 2, alternatives: ['delete-domain'] } },
  { seed: S004, quote: '### 部分内容违规', finding: 'CONTENT_VIOLATION', keep: EDIT_CONTENT, retire: CANCEL_WEBSITE },
  { seed: S004, quote: '### 网站内容涉及前置审批项', finding: 'CONTENT_PRE_APPROVAL_REQUIRED', keep: PRE_APPROVAL },
  // 000 不合格 headings
  { seed: S000, quote: '## 备案信息不合格提示：主办单位名称不合格', finding: 'SUBJECT_NAME_MISMATCH', keep: NAME_SUBJECT },
  { seed: S000, quote: '## 备案信息不合格提示：主办单位证件号码不合格', finding: 'SUBJECT_CERT_NUMBER_MISMATCH', keep: CHANGE_SUBJECT },
  { seed: S000, quote: '## 备案信息不合格提示：主体负责人姓名不合格，非法定代表人', finding: 'SUBJECT_LEGAL_REP_MISMATCH', keep: CHANGE_SUBJECT },
  { seed: S000, quote: '## 备案信息不合格提示：备案主体/网站负责人联系电话不合格', finding: 'SUBJECT_CONTACT_INVALID', keep: CHANGE_SUBJECT },
  { seed: S000, quote: '## 备案信息不合格提示：备案主体/网站负责人联系电话不合格', finding: 'WEBSITE_CONTACT_INVALID', keep: CHANGE_WEBSITE },
  { seed: S000, quote: '## 备案信息不合格提示：域名过期', finding: 'DOMAIN_EXPIRED', keep: RENEW_DOMAIN },
  { seed: S000, quote: '## 备案信息不合格提示：网站内容与主体不符', finding: 'CONTENT_SUBJECT_MISMATCH', keep: CONTENT_VS_SUBJECT },
  { seed: S000, quote: '## 备案信息不合格提示：网站内容与主体不符', finding: 'CONTENT_SUBJECT_MISMATCH', nature: 'personal', keep: CONTENT_VS_PERSONAL },
  // 001 section 2.6 不合格 headings
  { seed: S001, quote: '备案信息不合格提示:主办单位名称不合格', finding: 'SUBJECT_NAME_MISMATCH', keep: NAME_SUBJECT },
  { seed: S001, quote: '备案信息不合格提示: 主办单位证件号码不合格', finding: 'SUBJECT_CERT_NUMBER_MISMATCH', keep: CHANGE_SUBJECT },
  { seed: S001, quote: '备案信息不合格提示: 主体负责人姓名不合格, 非法定代表人', finding: 'SUBJECT_LEGAL_REP_MISMATCH', keep: CHANGE_SUBJECT },
  { seed: S001, quote: '备案信息不合格提示:备案主体/网站负责人联系电话不合格', finding: 'SUBJECT_CONTACT_INVALID', keep: CHANGE_SUBJECT },
  { seed: S001, quote: '备案信息不合格提示:备案主体/网站负责人联系电话不合格', finding: 'WEBSITE_CONTACT_INVALID', keep: CHANGE_WEBSITE },
  { seed: S001, quote: '备案信息不合格提示: 主体负责人身份证件已过有效期', finding: 'SUBJECT_PRINCIPAL_ID_EXPIRED', keep: RENEW_ID_SUBJECT },
  { seed: S001, quote: '备案信息不合格提示: 域名过期', finding: 'DOMAIN_EXPIRED', keep: RENEW_DOMAIN },
  { seed: S001, quote: '备案信息不合格提示:网站内容与主体不符', finding: 'CONTENT_SUBJECT_MISMATCH', keep: CONTENT_VS_SUBJECT },
  { seed: S001, quote: '备案信息不合格提示:网站内容涉及经营性', finding: 'CONTENT_COMMERCIAL', keep: COMMERCIAL },
  { seed: S001, quote: '备案信息不合格提示:网站负责人身份证件已过有效期', finding: 'WEBSITE_PRINCIPAL_ID_EXPIRED', keep: RENEW_ID_WEBSITE },
  { seed: S001, quote: '网站下方未显示正确的备案编号或编号未指向工信部', finding: 'FOOTER_ICP_NUMBER_MISSING', keep: FOOTER },
];

const plan = (row: Row, intent: 'keep' | 'retire', websiteCount = 2, domainCount = 2) =>
  planRemediation({
    finding: row.finding,
    intent,
    subject: { nature: row.nature ?? 'enterprise', province: '33', websiteCount },
    website: { domainCount },
  });

describe('seed failure rows → plans', () => {
  it.each(ROWS)('$seed 「$quote」 → $finding keeps via $keep.id', (row) => {
    const { options } = plan(row, 'keep');
    const [first, ...rest] = options;
    expect(first?.id).toBe(row.keep.id);
    expect(first?.recommended).toBe(true);
    expect(fmt(first?.steps ?? [])).toEqual(row.keep.steps);
    expect(rest.map((o) => o.id)).toEqual(row.keep.alternatives ?? []);
  });

  it.each(ROWS.filter((r) => r.retire))('$seed 「$quote」 → $finding retires via $retire.id', (row) => {
    const r = row.retire!;
    const { options } = plan(row, 'retire', r.websiteCount, r.domainCount);
    expect(options.map((o) => o.id)).toEqual([r.id, ...(r.alternatives ?? [])]);
    expect(fmt(options[0]?.steps ?? [])).toEqual(r.steps);
  });

  it('quotes every row as the seed words it (docs/sources)', () => {
    const missing = ROWS.filter((row) => !seedText(row.seed).includes(squash(row.quote)));
    expect(missing).toEqual([]);
  });

  it('covers every finding code at least once', async () => {
    const { FINDING_CODES } = await import('./types');
    const seen = new Set(ROWS.map((r) => r.finding));
    expect(FINDING_CODES.filter((c) => !seen.has(c))).toEqual([]);
  });
});
