import type { OrderTypeValue } from '@/lib/domain/codes';
import { SUBJECT_NATURE_LABELS, type SubjectNature } from '@/lib/domain/codes';
import { getProvince } from '@/lib/rules/provinces';

// The review step: before → after for every field the order changes, in the filer's words.

export type DiffRow = { path: string; label: string; before: string; after: string };

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
  confirmed: '已确认后果',
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

function show(path: string, value: unknown, domainNames: Readonly<Record<string, string>>): string {
  if (value === null || value === undefined || value === '') return path.endsWith('idValidUntil') && value === null ? '长期' : '—';
  if (path === 'removeDomainIds') return (value as string[]).map((id) => domainNames[id] ?? id).join('、') || '—';
  if (path.endsWith('nature')) return SUBJECT_NATURE_LABELS[value as SubjectNature] ?? String(value);
  if (path.endsWith('provinceCode')) return getProvince(String(value))?.name ?? String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.filter((x) => x !== '').join('、') || '—';
  return String(value);
}

/** Flattens a payload to dotted paths; arrays of strings stay whole, arrays of objects get an index. */
export function flatten(value: unknown, prefix = ''): Record<string, unknown> {
  if (value === null || typeof value !== 'object') return prefix ? { [prefix]: value } : {};
  if (Array.isArray(value)) {
    if (value.every((x) => x === null || typeof x !== 'object')) return { [prefix]: value };
    return Object.assign({}, ...value.map((x, i) => flatten(x, `${prefix}.${i}`)));
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'type' && !prefix) continue;
    Object.assign(out, flatten(v, prefix ? `${prefix}.${k}` : k));
  }
  return out;
}

/** Every field whose shown value differs between `before` (the filing now) and `after` (the order). */
export function diffView(type: OrderTypeValue, before: unknown, after: unknown, domainNames: Readonly<Record<string, string>> = {}): DiffRow[] {
  const b = flatten(before);
  const a = flatten(after);
  const paths = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows: DiffRow[] = [];
  for (const path of paths) {
    const shownBefore = show(path, b[path], domainNames);
    const shownAfter = show(path, a[path], domainNames);
    if (shownBefore !== shownAfter) rows.push({ path, label: fieldLabel(type, path), before: shownBefore, after: shownAfter });
  }
  return rows;
}
