import type { Province } from '../rules/provinces';
import { type Draft, RECHECK, action, order } from './steps';
import type { FindingCode, SubjectNature } from './types';

// T1 — the filing stays in use: per finding, the remedy the seeds give, preferred first.

export type KeepContext = { nature: SubjectNature; province: Province; websiteCount: number };

const changeSubject = (title: string): Draft => ({ id: 'change-subject', title, steps: [order('CHANGE_SUBJECT')] });
const changeWebsite = (title: string): Draft => ({ id: 'change-website', title, steps: [order('CHANGE_WEBSITE')] });
const editContent = (title: string): Draft => ({ id: 'edit-content-recheck', title, steps: [action('EDIT_CONTENT'), RECHECK] });

/** Retiring the personal filing to refile as a 单位: cancel what would otherwise be left behind. */
function cancelAndRefile(ctx: KeepContext): Draft {
  const cancel = ctx.websiteCount > 1 ? 'CANCEL_WEBSITE' : 'CANCEL_SUBJECT';
  return {
    id: 'cancel-and-refile',
    title: '注销个人备案，以单位名义重新备案',
    steps: [order(cancel), order('FIRST_FILING')],
  };
}

/** 001 section 6: whether 个人 may become 单位 by a change depends on the 管局. */
function contentSubjectMismatch(ctx: KeepContext): Draft[] {
  if (ctx.nature !== 'personal') {
    return [
      editContent('修改网站内容，使其与备案主体一致'),
      changeSubject('变更主体信息，使其与网站内容一致'),
    ];
  }
  const drafts = [editContent('删除企业、行业内容，只保留个人内容')];
  const allowed = ctx.province.natureChange;
  if (allowed === 'unknown' || allowed.value) {
    const suffix = allowed === 'unknown' ? '（是否允许由管局决定）' : '';
    drafts.push({ id: 'change-subject-nature', title: `把备案性质变更为单位${suffix}`, steps: [order('CHANGE_SUBJECT')] });
  }
  if (allowed === 'unknown' || !allowed.value) drafts.push(cancelAndRefile(ctx));
  return drafts;
}

function commercial(ctx: KeepContext): Draft[] {
  const drafts = [editContent('删除经营性内容')];
  // 经营性 ICP 许可证 is a 单位 matter (001 1.2: 个人备案 内容不可涉及企业、行业、交易; 经营性业务 is listed
  // under 单位备案 only). A personal filing keeps commercial content only by becoming a 单位 filing first.
  if (ctx.nature !== 'personal') {
    drafts.push({
      id: 'apply-icp-license-change-website',
      title: '办理经营性 ICP 许可证后变更备案',
      steps: [action('APPLY_ICP_LICENSE'), order('CHANGE_WEBSITE')],
    });
  } else {
    const refile = cancelAndRefile(ctx);
    drafts.push({
      id: 'refile-as-organisation-with-license',
      title: '以单位名义重新备案，并办理经营性 ICP 许可证',
      steps: [...refile.steps, action('APPLY_ICP_LICENSE')],
    });
  }
  return drafts;
}

const KEEP: Record<FindingCode, (ctx: KeepContext) => Draft[]> = {
  SUBJECT_NAME_MISMATCH: () => [
    changeSubject('变更主体，更新主办单位名称'),
    {
      id: 'update-domain-real-name-recheck',
      title: '名称无误、域名持有者有误：修改域名实名信息后复核',
      steps: [action('UPDATE_DOMAIN_REAL_NAME'), RECHECK],
    },
  ],
  SUBJECT_CERT_NUMBER_MISMATCH: () => [changeSubject('变更主体，更新为统一社会信用代码')],
  SUBJECT_CERT_ADDRESS_MISMATCH: () => [changeSubject('变更主体，更新证件住所')],
  SUBJECT_BUSINESS_CLOSED: () => [
    {
      id: 'update-business-registration-recheck',
      title: '到市场监督管理部门更新经营状态后复核',
      steps: [action('UPDATE_BUSINESS_REGISTRATION'), RECHECK],
    },
  ],
  SUBJECT_LEGAL_REP_MISMATCH: () => [changeSubject('变更主体，把负责人改为现任法定代表人')],
  SUBJECT_PRINCIPAL_ID_EXPIRED: () => [
    { id: 'renew-id-change-subject', title: '换领证件后变更主体', steps: [action('RENEW_ID_DOCUMENT'), order('CHANGE_SUBJECT')] },
    changeSubject('已换领新证件：直接变更主体'),
  ],
  SUBJECT_PRINCIPAL_ID_MISMATCH: () => [changeSubject('变更主体，更新负责人证件信息')],
  SUBJECT_CONTACT_INVALID: () => [changeSubject('变更主体，更新负责人联系方式')],
  WEBSITE_PRINCIPAL_ID_EXPIRED: () => [
    { id: 'renew-id-change-website', title: '换领证件后变更网站', steps: [action('RENEW_ID_DOCUMENT'), order('CHANGE_WEBSITE')] },
    changeWebsite('已换领新证件：直接变更网站'),
  ],
  WEBSITE_CONTACT_INVALID: () => [changeWebsite('变更网站，更新负责人联系方式')],
  VERIFICATION_MATERIAL_INVALID: () => [changeWebsite('变更网站，重新上传核验材料')],
  SITE_UNREACHABLE: () => [
    { id: 'restore-site-recheck', title: '恢复网站访问后复核', steps: [action('RESTORE_SITE_ACCESS'), RECHECK] },
  ],
  CONTENT_SUBJECT_MISMATCH: contentSubjectMismatch,
  CONTENT_COMMERCIAL: commercial,
  CONTENT_PRE_APPROVAL_REQUIRED: () => [
    {
      id: 'pre-approval-change-website',
      title: '办理前置审批后变更网站',
      steps: [action('OBTAIN_PRE_APPROVAL'), order('CHANGE_WEBSITE')],
    },
    editContent('删除涉及前置审批的内容'),
  ],
  CONTENT_VIOLATION: () => [editContent('删除违规内容')],
  SITE_TITLE_MISMATCH: () => [
    { id: 'fix-title-recheck', title: '修改网站标题后复核', steps: [action('FIX_SITE_TITLE'), RECHECK] },
    { id: 'rename-site', title: '变更网站，把备案名称改成实际标题', steps: [order('CHANGE_WEBSITE')] },
  ],
  SITE_NAME_VIOLATION: () => [
    {
      id: 'rename-site',
      title: '变更网站名称并同步修改网站标题',
      steps: [order('CHANGE_WEBSITE'), action('FIX_SITE_TITLE')],
    },
  ],
  FOOTER_ICP_NUMBER_MISSING: () => [
    { id: 'fix-footer-recheck', title: '在首页底部悬挂备案号后复核', steps: [action('FIX_FOOTER'), RECHECK] },
  ],
  DOMAIN_EXPIRED: () => [{ id: 'renew-domain-recheck', title: '续费域名后复核', steps: [action('RENEW_DOMAIN'), RECHECK] }],
  DOMAIN_OWNER_MISMATCH: () => [
    {
      id: 'update-domain-real-name-recheck',
      title: '修改域名实名信息后复核',
      steps: [action('UPDATE_DOMAIN_REAL_NAME'), RECHECK],
    },
    changeSubject('备案主体信息有误：变更主体'),
  ],
  DNS_NOT_AT_PROVIDER: () => [
    { id: 'fix-dns-recheck', title: '把域名解析改回备案 IP 后复核', steps: [action('FIX_DNS'), RECHECK] },
    { id: 'change-access', title: '变更接入，备案新服务器的 IP', steps: [order('CHANGE_ACCESS'), action('FIX_DNS')] },
  ],
};

export function keepDrafts(finding: FindingCode, ctx: KeepContext): Draft[] {
  return KEEP[finding](ctx);
}
