import type { ActionCode, SeedRef } from './types';
import { SEED_000, SEED_001, SEED_002, SEED_003, SEED_004, ref } from './seeds';

export type ActionText = { label: string; explanation: string; steps: readonly string[]; source: SeedRef };

/** Step-by-step instructions for everything the filer does outside the portal. */
export const ACTION_LABELS: Readonly<Record<ActionCode, ActionText>> = {
  RENEW_DOMAIN: {
    label: '续费域名',
    explanation: '域名过期后解析会被暂停，续费后才能恢复访问并通过核查。',
    steps: [
      '在 WHOIS 查询中输入域名，确认到期日期。',
      '登录域名注册商控制台（或联系注册商）为域名续费。',
      '续费成功后下载新的域名证书，复核时上传。',
    ],
    source: ref(SEED_000, '备案信息不合格提示：域名过期'),
  },
  UPDATE_DOMAIN_REAL_NAME: {
    label: '修改域名实名信息',
    explanation: '域名持有者须与备案主体一致：个人备案比对负责人姓名、证件类型和证件号码，单位备案比对主办单位名称或法定代表人。',
    steps: [
      '登录域名注册商控制台（或联系注册商），查看域名持有者和实名认证信息。',
      '修改实名信息或办理域名过户，使持有者名称、证件类型、证件号码与备案主体一致。',
      '实名认证通过后等待约 2~3 天，待实名信息入库工信部后再申请复核。',
    ],
    source: ref(SEED_003, '域名所有者不一致'),
  },
  FIX_DNS: {
    label: '修改域名解析',
    explanation: '域名须解析到备案的、本接入商的服务器 IP。',
    steps: [
      '登录域名解析服务商控制台，找到该域名的 A / AAAA 记录。',
      '把主域名和 www 记录修改为备案的服务器 IP 地址。',
      '等待解析生效（可用解析测试工具确认）后申请复核。',
    ],
    source: ref(SEED_003, '网站解析 IP 与备案 IP 不一致'),
  },
  FIX_FOOTER: {
    label: '在首页底部悬挂备案号',
    explanation: '备案号须显示在网站首页底部，并链接到工信部备案官网 https://beian.miit.gov.cn/。',
    steps: [
      '确认应悬挂的备案号：广东省备案悬挂主体备案号（如 粤ICP备12345678号），其他省份悬挂网站备案号（如 浙ICP备12345678号-1）。',
      '请网站开发人员在首页底部加入代码：<a href="https://beian.miit.gov.cn/" target="_blank">您的备案号</a>。',
      '确认主域名和 www 域名都能打开，且底部备案号可点击跳转到工信部备案官网。',
      '完成后申请复核。',
    ],
    source: ref(SEED_004, '网站首页底部备案号未添加等'),
  },
  FIX_SITE_TITLE: {
    label: '修改网站标题',
    explanation: '网站首页标题须与备案网站名称完全一致，或完整包含备案网站名称。',
    steps: [
      '请网站开发人员修改首页 <title>，使其包含完整的备案网站名称。',
      '在浏览器中打开首页，确认标签页标题已更新。',
      '完成后申请复核。',
    ],
    source: ref(SEED_003, '实际网站标题与备案网站名称不一致'),
  },
  EDIT_CONTENT: {
    label: '修改网站内容',
    explanation: '网站内容须与备案主体、备案性质相符，不得含违法违规信息或未取得审批的前置审批内容。',
    steps: [
      '对照整改通知，找出不符合要求的页面和内容。',
      '删除或修改这些内容：个人备案只保留个人内容分享，单位备案只展示本单位、经营范围内的内容。',
      '确认首页底部备案号正确并链接到工信部备案官网。',
      '完成后申请复核。',
    ],
    source: ref(SEED_003, '网站内容与备案主体信息不符'),
  },
  RESTORE_SITE_ACCESS: {
    label: '恢复网站访问',
    explanation: '已备案的网站须能正常访问。',
    steps: [
      '在 WHOIS 查询中确认域名没有过期或被锁定（Serverhold / Clienthold）。',
      '确认域名解析指向本接入商的服务器，且解析已生效。',
      '确认服务器和网站程序运行正常、没有设置访问限制。',
      '网站能正常打开后申请复核。',
    ],
    source: ref(SEED_001, '2.5. 域名或网站无法访问如何排查?'),
  },
  UPDATE_BUSINESS_REGISTRATION: {
    label: '更新工商经营状态',
    explanation: '企业仍在正常经营但登记状态异常时，须先在市场监督管理部门更正。',
    steps: [
      '到属地市场监督管理部门办理经营状态更新。',
      '在国家企业信用信息公示系统确认状态已更新为存续（在营、开业、在册）。',
      '完成后申请复核。',
    ],
    source: ref(SEED_003, '企业经营状态为已注销、吊销未注销、作废'),
  },
  RENEW_ID_DOCUMENT: {
    label: '换领身份证件',
    explanation: '负责人证件过期后须换领新证件，新证件有效期自提交之日起须不少于 3 个月。',
    steps: [
      '到户籍所在地或居住地公安机关换领新的身份证件。',
      '换领时间较长时，联系我们说明情况，可申请适当延长整改期。',
      '拿到新证件后，在本门户提交变更申请并上传新证件照片。',
    ],
    source: ref(SEED_001, '备案信息不合格提示: 主体负责人身份证件已过有效期'),
  },
  APPLY_ICP_LICENSE: {
    label: '办理经营性 ICP 许可证',
    explanation: '网站从事经营性互联网信息服务的，须取得增值电信业务经营许可证（经营性 ICP 许可证）。',
    steps: [
      '联系当地通信管理局，咨询并办理增值电信业务经营许可证。',
      '取得许可证后，在本门户提交变更网站并上传许可证。',
    ],
    source: ref(SEED_002, '网站备案信息未通过', '网站内容涉及经营性'),
  },
  OBTAIN_PRE_APPROVAL: {
    label: '办理前置审批',
    explanation: '新闻、出版、药品和医疗器械、文化、广播电影电视、教育、医疗保健、网约车、电子公告、金融、游戏等内容须先取得主管部门的审批。',
    steps: [
      '确认网站内容涉及的行业和对应的主管部门。',
      '到主管部门办理前置审批，取得审批文件和审批号。',
      '在本门户提交变更网站，填写审批号并上传清晰、完整、在有效期内的审批文件。',
    ],
    source: ref(SEED_001, '前置审批不合格'),
  },
  OFFLINE_CANCEL: {
    label: '线下注销备案',
    explanation: '备案已不在任何接入商处（例如只剩没有网站的空壳主体）时，须向管局书面申请注销。',
    steps: [
      '准备注销申请及主体证件、负责人证件等材料。',
      '向备案所在省的通信管理局提交书面注销申请。',
      '在工信部备案管理系统查询，确认备案信息已不存在后再提交新的备案。',
    ],
    source: ref(SEED_001, '如何注销备案?'),
  },
  CHANGE_AT_OTHER_PROVIDER: {
    label: '在其他接入商处变更备案',
    explanation: '备案仍由其他接入商接入时，可在那里先更新负责人手机号等信息。',
    steps: [
      '联系仍接入该备案的其他接入商。',
      '在该接入商处提交变更备案，把网站负责人手机号等信息改为正确、可用的信息。',
      '变更通过后回到本门户提交接入备案。',
    ],
    source: ref(SEED_001, '超期未整改, 备案已经被取消接入(工信部仍有该网站的备案信息)怎么办?'),
  },
};
