import type { FindingCodeValue, OrderState } from '@/lib/domain/codes';
import type { OrderPayload, PrincipalData, RejectionEntry, SubjectData } from '@/lib/orders/payload';
import type { SeedIds } from './index';

// Which demo filing failed which check, and the orders already in flight. Together they cover every
// finding code of SPEC 3 and every order state of SPEC 5.

export type DemoFinding = {
  subject: string;
  code: FindingCodeValue;
  site?: number;
  domain?: string;
  days: number; // deadline relative to today; negative = overdue
  status?: 'open' | 'in_progress' | 'overdue' | 'access_cancelled';
  filed?: string;
  observed?: string;
  detail?: string;
  id?: string;
};

export const DEMO_FINDINGS: DemoFinding[] = [
  { subject: 'yunqi', code: 'FOOTER_ICP_NUMBER_MISSING', site: 0, days: 12, filed: '浙ICP备2019031245号-1', observed: '首页底部未找到备案号' },
  { subject: 'yunqi', code: 'DNS_NOT_AT_PROVIDER', site: 0, domain: 'yunqitech.com', days: 12, filed: '47.96.12.34', observed: '203.0.113.15' },
  { subject: 'yunqi', code: 'SITE_TITLE_MISMATCH', site: 1, days: 2, filed: '云栖开发者社区', observed: 'Yunqi Dev Forum - 首页' },
  { subject: 'yunqi', code: 'DOMAIN_EXPIRED', site: 2, domain: 'docs-yunqi.cn', days: 6, observed: '域名已于注册商处过期' },
  { subject: 'qhsl', code: 'SUBJECT_CONTACT_INVALID', days: 10, status: 'in_progress', filed: '13923450003', observed: '电话核验：空号' },
  { subject: 'qhsl', code: 'WEBSITE_CONTACT_INVALID', site: 1, days: 10, filed: '13923450016', observed: '电话核验：非本人' },
  { subject: 'qhsl', code: 'DOMAIN_OWNER_MISMATCH', site: 0, domain: 'qhsl.net.cn', days: 10, filed: '深圳市前海数联信息技术有限公司', observed: '域名持有者：唐宇' },
  { subject: 'chenxm', code: 'CONTENT_COMMERCIAL', site: 1, days: 5, observed: '页面含作品售卖及在线支付' },
  { subject: 'chenxm', code: 'CONTENT_SUBJECT_MISMATCH', site: 0, days: -2, observed: '个人网站内容涉及企业产品宣传' },
  { subject: 'zhiyuan', code: 'SUBJECT_BUSINESS_CLOSED', days: 15, observed: '国家企业信用信息公示系统：吊销，未注销' },
  { subject: 'zhiyuan', code: 'SITE_UNREACHABLE', site: 1, days: 15, observed: '连续3次访问超时' },
  { subject: 'xyljd', code: 'CONTENT_VIOLATION', site: 1, days: 8, observed: '栏目“便民信息”含违规广告链接' },
  { subject: 'xhlib', code: 'SUBJECT_CERT_ADDRESS_MISMATCH', days: 9, status: 'in_progress', filed: '上海市徐汇区南丹东路80号', observed: '证件住所：上海市徐汇区南丹东路80号（新馆）' },
  { subject: 'xhlib', code: 'VERIFICATION_MATERIAL_INVALID', site: 1, days: 9, observed: '幕布照片非网站负责人本人' },
  { subject: 'lina', code: 'SITE_NAME_VIOLATION', site: 0, days: 3, filed: 'linareads.cn', observed: '网站名称不能为域名' },
  { subject: 'xingchen', code: 'SUBJECT_PRINCIPAL_ID_MISMATCH', days: -40, status: 'access_cancelled', observed: '负责人证件查询不一致' },
  { subject: 'haichuan', code: 'SUBJECT_CERT_NUMBER_MISMATCH', days: 20, status: 'in_progress', observed: '已三证合一，备案为旧营业执照号' },
  { subject: 'haichuan', code: 'CONTENT_PRE_APPROVAL_REQUIRED', site: 1, days: 20, observed: '网站含药品进出口信息，需前置审批' },
  { subject: 'scsia', code: 'SUBJECT_PRINCIPAL_ID_EXPIRED', days: -3, status: 'in_progress', observed: '主体负责人身份证已过有效期' },
  { subject: 'scsia', code: 'WEBSITE_PRINCIPAL_ID_EXPIRED', site: 1, days: -3, observed: '网站负责人身份证已过有效期' },
  { subject: 'jcyinshi', code: 'SUBJECT_NAME_MISMATCH', days: 7, status: 'in_progress', filed: '武汉江城餐饮管理有限公司', observed: '单位名称已变更为：武汉江城餐饮集团有限公司' },
  { subject: 'lushan', code: 'SUBJECT_LEGAL_REP_MISMATCH', days: 7, status: 'in_progress', filed: '郑敏', observed: '负责人（执业许可证）：邓建国' },
  { subject: 'jcwl', code: 'DOMAIN_EXPIRED', site: 0, domain: 'jinchengwuliu.cn', days: -1, status: 'in_progress', observed: '域名已过期' },
  { subject: 'wanglei', code: 'FOOTER_ICP_NUMBER_MISSING', site: 0, days: 25, filed: '沪ICP备2023011156号-1', observed: '备案号未链接至 beian.miit.gov.cn' },
];

type Snapshot = { subject: SubjectData; principal: PrincipalData };

export type DemoOrder = {
  subject: string;
  site?: number;
  path: OrderState[];
  hoursAgo?: number;
  findings?: FindingCodeValue[];
  rejection?: RejectionEntry[];
  rejectionNote?: string;
  payload: (snap: Snapshot, ids: SeedIds) => OrderPayload;
};

const changeSubject = (patch: Partial<SubjectData>, principal?: Partial<PrincipalData>) => (snap: Snapshot): OrderPayload => ({
  type: 'CHANGE_SUBJECT',
  subject: { ...snap.subject, ...patch },
  principal: { ...snap.principal, ...principal },
});

export const DEMO_ORDERS: DemoOrder[] = [
  {
    subject: 'qhsl', path: ['DRAFT', 'SUBMITTED'], hoursAgo: 30, findings: ['SUBJECT_CONTACT_INVALID'],
    payload: changeSubject({}, { mobile: '13923451003' }),
  },
  {
    subject: 'lushan', path: ['DRAFT', 'SUBMITTED'], hoursAgo: 3, findings: ['SUBJECT_LEGAL_REP_MISMATCH'],
    payload: changeSubject({ legalRepName: '邓建国' }),
  },
  {
    subject: 'xyljd', site: 1, path: ['DRAFT', 'SUBMITTED', 'PENDING_SMS'], hoursAgo: 26,
    payload: (snap) => ({ type: 'CHANGE_WEBSITE', website: { name: '学院路社区服务信息', serviceContent: '政务服务' }, principal: { ...snap.principal, landline: '010-62345679' }, removeDomainIds: [] }),
  },
  {
    subject: 'xhlib', path: ['DRAFT', 'SUBMITTED', 'PENDING_SMS', 'REGULATOR_REVIEW'], hoursAgo: 72, findings: ['SUBJECT_CERT_ADDRESS_MISMATCH'],
    payload: changeSubject({ certAddress: '上海市徐汇区南丹东路80号（新馆）' }),
  },
  {
    subject: 'haichuan', path: ['DRAFT', 'SUBMITTED', 'FIRST_REVIEW_REJECTED'], hoursAgo: 50, findings: ['SUBJECT_CERT_NUMBER_MISMATCH'],
    rejection: [{ code: 'CERT_NUMBER_INCONSISTENT', field: 'subject.certNumber', note: '请填写三证合一后的统一社会信用代码' }],
    rejectionNote: '证件号码与上传的营业执照不一致，请核对后重新提交。',
    payload: changeSubject({ certNumber: '370202000123456' }),
  },
  {
    subject: 'scsia', path: ['DRAFT', 'SUBMITTED', 'PENDING_SMS', 'RETURNED'], hoursAgo: 80, findings: ['SUBJECT_PRINCIPAL_ID_EXPIRED'],
    payload: changeSubject({}, { idValidUntil: '2046-11-11' }),
  },
  {
    subject: 'jcyinshi', path: ['DRAFT', 'SUBMITTED', 'PENDING_SMS', 'REGULATOR_REVIEW', 'REGULATOR_REJECTED'], hoursAgo: 120,
    findings: ['SUBJECT_NAME_MISMATCH'], rejectionNote: '管局：主办单位名称与营业执照不一致。',
    rejection: [{ code: 'SUBJECT_NAME_INCONSISTENT', field: 'subject.name', note: '名称应与最新营业执照完全一致' }],
    payload: changeSubject({ name: '武汉江城餐饮集团公司' }),
  },
  {
    subject: 'jcwl', site: 0, path: ['DRAFT'], hoursAgo: 5, findings: ['DOMAIN_EXPIRED'],
    payload: (snap, ids) => ({
      type: 'CHANGE_WEBSITE', website: { name: '锦城物流官网', serviceContent: '综合门户' }, principal: snap.principal,
      removeDomainIds: [ids.domains['jinchengwuliu.cn']!],
    }),
  },
  {
    subject: 'yunqi', site: 0, path: ['DRAFT', 'SUBMITTED', 'PENDING_SMS', 'REGULATOR_REVIEW', 'APPROVED'], hoursAgo: 24 * 40,
    payload: () => ({ type: 'CHANGE_ACCESS', ips: ['47.96.12.34'] }),
  },
  {
    subject: 'chenxm', site: 1, path: ['DRAFT', 'ABANDONED'], hoursAgo: 24 * 9,
    payload: () => ({ type: 'CANCEL_WEBSITE', reason: '网站不再使用', confirmed: false }),
  },
  {
    subject: 'zhiyuan', path: ['DRAFT', 'SUBMITTED', 'WITHDRAWN'], hoursAgo: 24 * 12,
    payload: changeSubject({ mailingAddress: '北京市朝阳区望京街10号望京SOHO T1 1503室' }),
  },
  {
    subject: 'lina', site: 0, path: ['DRAFT', 'SUBMITTED', 'FIRST_REVIEW_REJECTED', 'EXPIRED'], hoursAgo: 24 * 50,
    payload: (snap) => ({ type: 'CHANGE_WEBSITE', website: { name: '李娜读书', serviceContent: '博客/个人空间' }, principal: snap.principal, removeDomainIds: [] }),
  },
];

/** 整改延期 requests waiting for an operator (appended for the operator console demo). */
export const DEMO_EXTENSIONS: { subject: string; code: FindingCodeValue; reason: string }[] = [
  { subject: 'lina', code: 'SITE_NAME_VIOLATION', reason: '正在准备变更网站名称所需材料，需要多两周时间。' },
  { subject: 'scsia', code: 'WEBSITE_PRINCIPAL_ID_EXPIRED', reason: '网站负责人身份证正在补办，新证件预计下周领取，领取后立即提交变更。' },
];

// The 取消接入 demo filing (see data.ts): overdue, with a 变更接入 still in draft that the operator abandons first.
DEMO_FINDINGS.push({ subject: 'mingde', code: 'SITE_UNREACHABLE', site: 1, days: -5, observed: '连续7天无法访问（连接超时）' });
DEMO_ORDERS.push({
  subject: 'mingde', site: 1, path: ['DRAFT'], hoursAgo: 48, findings: ['SITE_UNREACHABLE'],
  payload: () => ({ type: 'CHANGE_ACCESS', ips: ['121.43.70.12'] }),
});
