import type { FindingEntry } from './types';
import { AFTER_PERIOD_DEFAULT as AFTER, DURING_PERIOD_DEFAULT as DURING, S002_WEBSITE, SEED_000, SEED_001, SEED_002, SEED_003, SEED_004, ref } from './seeds';

// Domain-scope findings: "no longer in use" deletes the domain from its website (SPEC T2).
export const DOMAIN_FINDINGS: readonly FindingEntry[] = [
  {
    code: 'DOMAIN_EXPIRED',
    scope: 'domain',
    notice: '域名过期',
    cause: '备案域名没有及时续费，已经过期。',
    remedy: '在域名注册商处续费（可在 WHOIS 查询到期日），然后提交新的域名证书并申请复核。',
    duringPeriod:
      '整改期内备案不受影响，但域名过期后解析会被暂停，网站已无法通过该域名访问；续费成功后一般 24~48 小时内恢复解析。',
    afterPeriod: AFTER,
    source: ref(SEED_000, '备案信息不合格提示：域名过期'),
    alsoIn: [
      ref(SEED_002, S002_WEBSITE, '备案域名过期'),
      ref(SEED_001, '备案信息不合格提示: 域名过期'),
      ref(SEED_003, '域名已过期'),
      ref(SEED_004, '域名已过期'),
      ref(SEED_001, '域名已过期'),
    ],
  },
  {
    code: 'DOMAIN_OWNER_MISMATCH',
    scope: 'domain',
    notice: '域名所有者与备案主体不一致 / 域名未实名',
    cause:
      '域名的实名认证信息与备案主体不一致，或域名还没有完成实名认证。个人备案要求负责人与域名所有者的姓名、证件类型、证件号码一致；单位备案要求主办单位名称或法定代表人与域名所有者一致。',
    remedy:
      '到域名注册商处修改域名实名信息（或过户到备案主体名下），使其与备案主体一致，实名信息入库约需 2~3 天，之后申请复核；若是备案主体信息有误，则提交变更主体。',
    duringPeriod: DURING,
    afterPeriod: AFTER,
    source: ref(SEED_003, '域名所有者不一致'),
    alsoIn: [
      ref(SEED_004, '域名所有者不一致'),
      ref(SEED_002, S002_WEBSITE, '备案域名过期'),
      ref(SEED_001, '域名持有者与主办单位不一致'),
      ref(SEED_001, '域名未实名认证'),
    ],
  },
  {
    code: 'DNS_NOT_AT_PROVIDER',
    scope: 'domain',
    notice: '网站无解析、解析 IP 非接入商 IP、解析 IP 与备案 IP 不一致',
    cause: '域名实际解析到的 IP 与备案的 IP 不一致或没有解析，例如服务器已到期、网站迁到了别的服务器。',
    remedy:
      '把域名解析改回备案的 IP 后申请复核；如果继续使用本接入商的新服务器，提交变更接入，把备案 IP 改为新服务器的 IP，并把域名解析到该服务器。',
    duringPeriod: DURING,
    afterPeriod: AFTER,
    source: ref(SEED_003, '网站解析 IP 与备案 IP 不一致'),
    alsoIn: [ref(SEED_004, '网站解析 IP 与备案 IP 不一致'), ref(SEED_002, S002_WEBSITE, '备案域名解析 IP 非腾讯云 IP')],
  },
];
