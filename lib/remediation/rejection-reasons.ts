import type { SeedRef } from './types';
import { SEED_001, ref } from './seeds';

// The 驳回 catalogue reviewers pick from: 001 section 2.3 (备案驳回FAQ), 2.7 (网站内容与备案信息不符)
// and the upload rules of 4.5. Texts are addressed to the filer, who reads them in the rejection e-mail.

/** The parts of a filing a catalogue reason points at, with the name the filer and reviewer read. */
export const REJECTION_FIELDS = [
  'subject',
  'subject.name',
  'subject.nature',
  'subject.province',
  'subject.certNumber',
  'subject.certAddress',
  'principal.name',
  'principal.mobile',
  'website',
  'website.name',
  'website.preApproval',
  'website.principal.idNumber',
  'website.principal.mobile',
  'domain',
  'materials',
] as const;
export type RejectionField = (typeof REJECTION_FIELDS)[number];

export const REJECTION_FIELD_LABELS = {
  subject: '主办单位信息',
  'subject.name': '主办单位名称',
  'subject.nature': '主办单位性质',
  'subject.province': '所属区域',
  'subject.certNumber': '主办单位证件号码',
  'subject.certAddress': '主办单位证件住所',
  'principal.name': '主体负责人姓名',
  'principal.mobile': '主体负责人手机号码',
  website: '网站信息',
  'website.name': '网站名称',
  'website.preApproval': '前置审批',
  'website.principal.idNumber': '网站负责人证件号码',
  'website.principal.mobile': '网站负责人手机号码',
  domain: '域名',
  materials: '上传材料',
} as const satisfies Record<RejectionField, string>;

export function isRejectionField(s: string): s is RejectionField {
  return Object.prototype.hasOwnProperty.call(REJECTION_FIELD_LABELS, s);
}

export type RejectionReason = { code: string; reason: string; fix: string; field?: RejectionField; source: SeedRef };

const r23 = (heading: string) => ref(SEED_001, heading);
const H27 = '2.7. 网站内容与备案信息不符被驳回怎么办?';
const r27 = (row: string) => ref(SEED_001, H27, row);

export const REJECTION_REASONS: readonly RejectionReason[] = [
  { code: 'DOMAIN_NOT_REAL_NAME', field: 'domain', reason: '域名未完成实名认证。', fix: '请完成域名实名认证，实名信息须与备案主体一致，认证后等待 2~3 天再提交。', source: r23('域名未实名认证') },
  { code: 'DOMAIN_NOT_IN_REGISTRY', field: 'domain', reason: '域名不在注册商验证库中：实名认证信息尚未入库工信部，或 2018 年入库要求前的实名认证需重新认证。', fix: '2018 年前完成实名认证的请重新认证；刚完成认证的请等待 2~3 天入库后再提交。', source: r23('域名不存在注册商验证库中') },
  { code: 'DOMAIN_NOT_SYNCED', field: 'domain', reason: '域名实名信息尚未入库管局。', fix: '请在实名认证完成 2~3 天后再提交；仍被驳回请咨询域名注册商。', source: r23('域名未入库') },
  { code: 'DOMAIN_OWNER_MISMATCH', field: 'domain', reason: '域名实名认证信息（姓名、证件类型、证件号码）与备案主体信息不一致。', fix: '请将域名过户至备案主体名下，或修改备案主体信息，使两者一致。', source: r23('域名实名认证信息与备案主体信息不一致') },
  { code: 'DOMAIN_CERT_TYPE_MISMATCH', field: 'domain', reason: '域名注册人证件类型与备案使用的证件类型不一致。', fix: '请修改域名实名认证证件或备案主体证件，使证件类型一致。', source: r23('注册人证件类型不一致') },
  { code: 'SITE_NAME_INVALID', field: 'website.name', reason: '网站名称不符合命名规范（少于三个汉字、纯数字或字母、含符号、以域名命名、使用国家字头或敏感词等）。', fix: '请按网站命名规范修改网站名称；涉及企业或行业内容的不能以个人性质备案。', source: r23('网站名称不合格') },
  { code: 'CROSS_PROVINCE', field: 'subject.province', reason: '主办单位或个人证件不是备案所在省份颁发的（跨省备案）。', fix: '单位请把所属区域改为证件住所所在省份；个人请按当地管局规则提供居住证等证明，或更换备案省份。', source: r23('跨省备案') },
  { code: 'FILED_SITE_UNREACHABLE', field: 'website', reason: '已备案成功的网站无法访问。', fix: '请确保已备案的网站解析到中国内地服务器并能正常访问后再提交。', source: r23('已备案成功的网站无法访问') },
  { code: 'FOOTER_NUMBER_MISSING', field: 'website', reason: '已备案成功的网站底部未添加备案号。', fix: '请在网站底部添加对应的主体备案号或网站备案号后再提交。', source: r23('已备案成功的网站底部未添加备案号') },
  { code: 'FOOTER_NOT_LINKED', field: 'website', reason: '网站底部备案号未链接到工信部备案官网。', fix: '请把备案号链接到 https://beian.miit.gov.cn/ 后再提交。', source: r23('网站底部已添加备案号但未链接到工信部网站') },
  { code: 'CONTENT_INVALID', field: 'website', reason: '网站内容不合格：涉及不被允许的内容或需办理前置审批。', fix: '请调整网站内容使其合法合规；涉及企业内容的请以单位性质备案；需前置审批的请先办理。', source: r23('网站内容不合格') },
  { code: 'DOCUMENTS_INCOMPLETE', field: 'materials', reason: '证件图片不清晰，或没有提交管局要求的全部证件。', fix: '请重新上传管局要求的全部证件，确保图片清晰、完整。', source: r23('证件不合格') },
  { code: 'PRINCIPAL_NOT_LEGAL_REP', field: 'principal.name', reason: '单位备案填写的主体负责人不是单位的法定代表人。', fix: '请把主体负责人改为法定代表人；所在省份允许时，也可提供法定代表人授权委托书。', source: r23('主体负责人非法定代表人') },
  { code: 'PHONE_PROBLEM', field: 'principal.mobile', reason: '联系电话不是备案地区号段、电话不通或无人接听。', fix: '建议填写备案所在省份号段的电话，并保持电话畅通、有人接听；使用虚拟运营商号段前请确认管局是否支持。', source: r23('电话号码问题') },
  { code: 'MOBILE_OR_ID_REUSED', field: 'principal.mobile', reason: '手机号码或证件号码已用于其他备案主体（备案频率大于 1）。', fix: '请更换手机号码或证件。', source: r23('手机号码或证件号码的备案频率大于1') },
  { code: 'WRONG_FILING_TYPE', field: 'subject.certNumber', reason: '备案类型判断错误，通常是主办单位名称、证件号码、所属区域或域名填写有误。', fix: '请核对所属区域、主办单位性质、证件类型、证件号码和域名，改为正确的信息。', source: r23('备案类型错误') },
  { code: 'ALREADY_FILED_IN_MIIT', field: 'subject.certNumber', reason: '该主体已在工信部用其他证件备案过（例如三证合一前的旧执照）。', fix: '证件未更换的，请放弃本次申请并用原证件办理；证件已更换的，请先变更原备案的证件信息再提交。', source: r23('工信部中已存在备案记录') },
  { code: 'ORDER_IN_PROGRESS', field: 'subject.certNumber', reason: '该证件已有进行中的备案订单。', fix: '请登录原账号放弃进行中的订单后再提交。', source: r23('此证件存在进行中的订单') },
  { code: 'PRE_APPROVAL_MISSING', field: 'website.preApproval', reason: '网站内容涉及需前置审批的行业，但未提供前置审批文件。', fix: '请到相关主管部门办理前置审批，填写审批号并上传审批文件。', source: r23('前置审批不合格') },
  { code: 'PRE_APPROVAL_EXPIRED', field: 'website.preApproval', reason: '前置审批文件已过期，或上传的文件不清晰、不完整。', fix: '过期的请重新办理，并上传清晰、完整的审批文件。', source: r23('前置审批不合格') },
  { code: 'SUBJECT_CONFLICT', field: 'subject.name', reason: '同一主体在其他服务商处也提交了备案（网站主办者冲突）。', fix: '请在其中一家服务商处放弃备案后再继续。', source: r23('网站主办者冲突') },
  { code: 'WEBSITE_PRINCIPAL_DUPLICATE', field: 'website.principal.idNumber', reason: '同一人担任了不同备案主体的网站负责人。', fix: '管局允许时提供授权书后重新提交，或先通过变更备案修改原备案中的网站负责人。', source: r23('网站负责人证件号码重复') },
  { code: 'ACCESS_DATA_MISMATCH', field: 'subject', reason: '接入备案或新增网站时填写的信息与已备案成功的信息不一致。', fix: '主体名称、证件号等已变更的，请先在原接入商变更备案后再接入。', source: r23('接入商信息不一致') },
  { code: 'ADDRESS_NOT_IN_PROVINCE', field: 'subject.certAddress', reason: '主办单位证件住所不在备案省份，且未提交居住证等证明材料。', fix: '请按所在省份管局规则上传地址证明材料。', source: r23('证件住所非"XXX"本省') },
  { code: 'WEBSITE_CANCELLED', field: 'website', reason: '备案过程中网站已被注销。', fix: '主体下还有其他网站的，请改为新增网站；没有其他网站的，请注销主体后重新首次备案。', source: r23('网站已注销,您的备案请求被拒绝') },
  { code: 'SUBJECT_CANCELLED', field: 'subject', reason: '备案主体已被注销（空壳主体或超期未接入被注销），或管局审核有误、主体实际仍存在。', fix: '只剩空壳主体的，请放弃当前订单，注销主体后重新提交首次备案；备案号已被注销的，请放弃当前订单重新首次备案；在备案信息查询中仍能查到主体的（管局审核有误），信息无误时可将订单再次提交审核，信息有误时修改正确后再次提交。', source: r23('主体已注销,您的备案请求被拒绝') },
  { code: 'NOT_IN_MIIT_DATABASE', field: 'subject', reason: '审核期间该主体有注销操作，管局查询不到备案信息。', fix: '注销审核中的请等注销成功后首次备案；已注销的请放弃订单重新首次备案；否则核对信息后再次提交。', source: r23('备案申请中的数据在备案信息库中不存在,请核实后再次报备') },
  { code: 'CONTENT_NOT_VIEWABLE', field: 'website', reason: '管局审核时无法查看已备案网站的内容。', fix: '请保证已备案的网站可以正常访问后再提交。', source: r27('网站内容无法查看') },
  { code: 'CONTENT_NATURE_MISMATCH', field: 'subject.nature', reason: '网站内容与备案性质不符，例如个人备案展示单位信息。', fix: '请修改网站内容，或变更备案性质，使内容与性质一致。', source: r27('网站内容与备案性质不符') },
  { code: 'CONTENT_ORG_TYPE_MISMATCH', field: 'subject.nature', reason: '网站内容与单位类型不符，例如普通企业展示政府或军队信息。', fix: '请按单位类型修改网站内容后重新提交。', source: r27('网站内容与单位类型不符') },
  { code: 'CONTENT_SUBJECT_MISMATCH', field: 'subject.name', reason: '网站内容显示的主体与备案主体不一致且无关联（例如备案 A 公司，网站展示 B 公司）。', fix: '请修改网站内容或变更备案主体；存在合作、隶属等关联的，请提供证明。', source: r27('网站内容与备案主体信息不符') },
  { code: 'CONTENT_OUTSIDE_SCOPE', field: 'website', reason: '网站内容超出主体证件的经营范围。', fix: '请变更营业执照经营范围，或删除经营范围以外的业务内容后重新提交。', source: r27('网站内容与经营范围不符') },
  { code: 'CONTENT_ILLEGAL', field: 'website', reason: '网站内容涉嫌违法违规。', fix: '请删除相关信息后重新提交。', source: r27('网站内容涉嫌违法违规内容') },
  // 001 1.7 未通过域名核验的原因及解决方法.
  { code: 'DOMAIN_CERT_NUMBER_MISMATCH', field: 'domain', reason: '域名注册人证件号码与备案主体证件号码比对不一致。', fix: '请修改域名实名认证证件号码或备案主体证件号码，使两者一致（可办理域名持有者过户）。', source: ref(SEED_001, '域名注册人证件号码比对不一致') },
  { code: 'TLD_NOT_APPROVED', field: 'domain', reason: '域名对应的顶级域未经中国工信部批复（TLD未批复），不能备案。', fix: '请联系域名注册服务机构核实；未经批复的域名后缀无法备案，请更换已批复后缀的域名。', source: ref(SEED_001, '域名对应的顶级域未经中国工信部批复') },
  { code: 'REGISTRAR_NOT_APPROVED', field: 'domain', reason: '域名注册商未经中国工信部批复（注册商未批复）。', fix: '请将域名转移到已获得工信部批复的域名注册服务机构管理后再提交。', source: ref(SEED_001, '域名注册商未经中国工信部批复') },
  // 001 5 接入备案不成功怎么办?
  { code: 'ACCESS_SUBJECT_CHANGED', field: 'subject', reason: '接入前后备案主体不一致（部分省市管局要求接入前后备案主体保持一致）。', fix: '备案主体已变更的，请先在原接入商修改备案信息，再提交接入备案。', source: ref(SEED_001, '接入备案不成功怎么办?', '接入前后备案主体不一致') },
  { code: 'ACCESS_MOBILE_MISMATCH', field: 'website.principal.mobile', reason: '接入备案的网站负责人联系方式1与原接入商处网站负责人联系方式1不一致，短信验证未通过。', fix: '请填写与原接入商处一致的网站负责人联系方式1；该号码已无法使用的，请先在原接入商变更备案后再接入。', source: ref(SEED_001, '接入备案不成功怎么办?', '短信验证未通过') },
  { code: 'REAL_NAME_TOO_RECENT', field: 'domain', reason: '域名刚完成实名认证，完成实名认证的时间不足三个工作日，信息尚未同步至工信部。', fix: '请在实名认证成功 3 个工作日后再提交接入备案。', source: ref(SEED_001, '接入备案不成功怎么办?', '完成实名认证的时间不足三个工作日') },
  // 001 2.2 (初审电话): 首次未接听等待1小时再拨，仍未接听拨打应急联系电话，应急联系电话仍无人接听则驳回.
  { code: 'FIRST_REVIEW_PHONE_UNREACHABLE', field: 'principal.mobile', reason: '初审专员两次拨打负责人联系电话（间隔 1 小时）及应急联系电话均无人接听，无法完成初审核验。', fix: '请保持电话畅通并注意接听备案外呼电话后重新提交；如需约定沟通时间，可联系备案客服。', source: ref(SEED_001, '阿里云初审时需注意什么?', '如初审专员拨打您的应急联系电话仍无人接听,将驳回您的备案审核订单') },
  { code: 'DOCUMENT_VALIDITY_TOO_SHORT', field: 'materials', reason: '证件（身份证、营业执照等）自提交之日起的剩余有效期不足 3 个月。', fix: '请换领新证件后上传最新证件。', source: ref(SEED_001, '上传资料有什么要求?') },
  { code: 'PROOF_TOO_OLD', field: 'materials', reason: '授权书或证明的办理日期距提交日期超过规定时限（一般 3 个月，部分省份 45 天或 6 个月）。', fix: '请重新办理授权书或证明后上传。', source: ref(SEED_001, '上传资料有什么要求?') },
  { code: 'MATERIAL_NOT_ORIGINAL', field: 'materials', reason: '上传的是复印件、黑白扫描件、翻拍照片或电子证件，或不是最新版证件。', fix: '请上传最新证件原件的拍照或彩色扫描件（包含完整边框）。', source: ref(SEED_001, '上传资料有什么要求?') },
];
