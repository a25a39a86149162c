import type { OrderTypeValue } from '@/lib/domain/codes';

// The names of payload paths as the filer and the reviewer read them next to a 驳回 reason, in e-mails and
// in the audit log ('principal.mobile' → '主体负责人 · 手机号码'). The change table has its own row labels
// (lib/orders/diff.ts); both speak of the same paths.

const SECTION: Record<string, string> = { subject: '主办单位', principal: '主体负责人', website: '网站', 'website.principal': '网站负责人' };

export const FIELD_LABELS: Record<string, string> = {
  'subject.name': '主办单位名称',
  'subject.nature': '主办单位性质',
  'subject.certType': '证件类型',
  'subject.certNumber': '证件号码',
  'subject.certAddress': '证件住所',
  'subject.provinceCode': '所属区域',
  'subject.mailingAddress': '通信地址',
  'subject.legalRepName': '法定代表人',
  name: '姓名',
  idType: '证件类型',
  idNumber: '证件号码',
  idValidUntil: '证件有效期至',
  mobile: '手机号码',
  landline: '固定电话',
  emergencyMobile: '应急联系电话',
  email: '电子邮箱',
  'website.name': '网站名称',
  'website.serviceContent': '网站服务内容',
  'website.ips': 'IP 地址',
  'domain.name': '域名',
  'domain.registrantName': '域名持有者',
  'domain.registrantIdType': '持有者证件类型',
  'domain.registrantIdNumber': '持有者证件号码',
  'domain.expiresOn': '域名到期日期',
  ips: 'IP 地址',
  removeDomainIds: '删除的域名',
  reason: '原因',
};

/** A readable label for a payload path, e.g. `principal.mobile` → `主体负责人 · 手机号码`. */
export function fieldLabel(type: OrderTypeValue, path: string): string {
  if (FIELD_LABELS[path] && !path.includes('principal')) return path.startsWith('subject.') ? `主办单位 · ${FIELD_LABELS[path]}` : FIELD_LABELS[path]!;
  const principal = /^(website\.principal|principal)\.(\w+)$/.exec(path);
  if (principal) {
    const section = principal[1] === 'principal' && type !== 'CHANGE_WEBSITE' ? SECTION.principal : SECTION['website.principal'];
    return `${section} · ${FIELD_LABELS[principal[2]!] ?? principal[2]}`;
  }
  const domain = /^website\.domains\.(\d+)\.(\w+)$/.exec(path);
  if (domain) return `域名 ${Number(domain[1]) + 1} · ${FIELD_LABELS[`domain.${domain[2]}`] ?? domain[2]}`;
  return path;
}
