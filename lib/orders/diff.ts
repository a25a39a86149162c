import { SUBJECT_NATURE_LABELS, type SubjectNature } from '@/lib/domain/codes';
import { DISPLAY_STATUS_LABELS } from '@/lib/filings/status';
import { getProvince } from '@/lib/rules/provinces';
import type { DomainData, NewWebsiteData, OrderPayload, PrincipalData, SubjectData } from './payload';
import { cancelReasonLabel } from './steps';

// What an order would change: one row per field whose value differs between the filing as it stands and
// the order's payload. Field keys are the payload paths ('subject.name', 'principal.mobile',
// 'website.domains.0.name', 'ips'), the same keys a reviewer attaches 驳回 reasons to and the wizard shows
// them next to. The one comparison for everybody: the filer's review step and order page, the reviewer's
// order page and the 管局 stand-in all show exactly these rows. A 注销's confirmation of its consequences
// is not data the filing holds: it is never a row (the wizard shows it as a confirmation).

export type DiffRow = {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
  /** Personal numbers the UI masks unless a full view is requested (and audited). */
  sensitive?: 'idNumber';
};

export type CurrentFiling = {
  subject: (SubjectData & { status?: FilingStatus }) | null;
  subjectPrincipal: PrincipalData | null;
  website: {
    name: string;
    serviceContent: string;
    status?: FilingStatus;
    principal: PrincipalData | null;
    domains: { id: string; name: string }[];
    ips: string[];
  } | null;
};
type FilingStatus = 'active' | 'access_cancelled' | 'cancelled';

const SUBJECT_FIELDS: readonly [keyof SubjectData, string][] = [
  ['name', '主办单位名称'],
  ['nature', '主办单位性质'],
  ['certType', '主办单位证件类型'],
  ['certNumber', '主办单位证件号码'],
  ['certAddress', '证件住所'],
  ['provinceCode', '所属区域'],
  ['mailingAddress', '通信地址'],
  ['legalRepName', '法定代表人'],
];

const PRINCIPAL_FIELDS: readonly [keyof PrincipalData, string][] = [
  ['name', '姓名'],
  ['idType', '证件类型'],
  ['idNumber', '证件号码'],
  ['idValidUntil', '证件有效期至'],
  ['mobile', '手机号码'],
  ['landline', '固定电话'],
  ['emergencyMobile', '应急联系电话'],
  ['email', '电子邮箱'],
];

const DOMAIN_FIELDS: readonly [keyof DomainData, string][] = [
  ['name', '域名'],
  ['registrantName', '域名持有者'],
  ['registrantIdType', '持有者证件类型'],
  ['registrantIdNumber', '持有者证件号码'],
  ['expiresOn', '域名到期日'],
];

const STATUS_TEXT: Record<FilingStatus, string> = {
  active: DISPLAY_STATUS_LABELS.normal,
  access_cancelled: DISPLAY_STATUS_LABELS.access_cancelled,
  cancelled: DISPLAY_STATUS_LABELS.cancelled,
};

/** Empty, null and undefined all mean "not filled"; values are compared as shown. */
function shown(key: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return key === 'idValidUntil' && value === null ? '长期' : null;
  if (key === 'nature') return SUBJECT_NATURE_LABELS[value as SubjectNature] ?? String(value);
  if (key === 'provinceCode') return getProvince(String(value))?.name ?? String(value);
  if (Array.isArray(value)) return value.length ? value.join('、') : null;
  return String(value).trim() || null;
}

function push(rows: DiffRow[], field: string, label: string, before: string | null, after: string | null, sensitive?: boolean) {
  if (before === after) return;
  rows.push({ field, label, before, after, ...(sensitive ? { sensitive: 'idNumber' as const } : {}) });
}

function diffFields<T extends object>(
  rows: DiffRow[],
  prefix: string,
  labelPrefix: string,
  fields: readonly [keyof T, string][],
  before: T | null,
  after: T,
) {
  for (const [key, label] of fields) {
    const k = String(key);
    push(
      rows,
      `${prefix}.${k}`,
      `${labelPrefix}${label}`,
      before ? shown(k, before[key]) : null,
      shown(k, after[key]),
      k === 'idNumber' || k === 'registrantIdNumber' || (k === 'certNumber' && isPersonal(after)),
    );
  }
}

const isPersonal = (s: object) => (s as { nature?: string }).nature === 'personal';

function newWebsiteRows(rows: DiffRow[], prefix: string, w: NewWebsiteData) {
  push(rows, `${prefix}.name`, '网站名称', null, shown('name', w.name));
  push(rows, `${prefix}.serviceContent`, '网站服务内容', null, shown('serviceContent', w.serviceContent));
  w.domains.forEach((d, i) => diffFields(rows, `${prefix}.domains.${i}`, `域名${i + 1}：`, DOMAIN_FIELDS, null, d));
  push(rows, `${prefix}.ips`, '接入 IP 地址', null, shown('ips', w.ips));
  diffFields(rows, `${prefix}.principal`, '网站负责人', PRINCIPAL_FIELDS, null, w.principal);
}

export function diffView(current: CurrentFiling, payload: OrderPayload): DiffRow[] {
  const rows: DiffRow[] = [];
  switch (payload.type) {
    case 'CHANGE_SUBJECT':
      diffFields(rows, 'subject', '', SUBJECT_FIELDS, current.subject, payload.subject);
      diffFields(rows, 'principal', '主体负责人', PRINCIPAL_FIELDS, current.subjectPrincipal, payload.principal);
      break;
    case 'CHANGE_WEBSITE': {
      const w = current.website;
      push(rows, 'website.name', '网站名称', w ? shown('name', w.name) : null, shown('name', payload.website.name));
      push(rows, 'website.serviceContent', '网站服务内容', w ? shown('serviceContent', w.serviceContent) : null, shown('serviceContent', payload.website.serviceContent));
      diffFields(rows, 'principal', '网站负责人', PRINCIPAL_FIELDS, w?.principal ?? null, payload.principal);
      if (payload.removeDomainIds.length > 0) {
        const domains = w?.domains ?? [];
        const kept = domains.filter((d) => !payload.removeDomainIds.includes(d.id));
        push(rows, 'removeDomainIds', '域名（删除后）', shown('domains', domains.map((d) => d.name)), shown('domains', kept.map((d) => d.name)));
      }
      break;
    }
    case 'CHANGE_ACCESS':
    case 'ACCESS_FILING':
      push(rows, 'ips', '接入 IP 地址', shown('ips', current.website?.ips ?? []), shown('ips', payload.ips));
      break;
    case 'CANCEL_SUBJECT':
      push(rows, 'subject.status', '主体状态', STATUS_TEXT[current.subject?.status ?? 'active'], STATUS_TEXT.cancelled);
      push(rows, 'reason', cancelReasonLabel(payload.type), null, shown('reason', payload.reason));
      break;
    case 'CANCEL_WEBSITE':
      push(rows, 'website.status', '网站状态', STATUS_TEXT[current.website?.status ?? 'active'], STATUS_TEXT.cancelled);
      push(rows, 'reason', cancelReasonLabel(payload.type), null, shown('reason', payload.reason));
      break;
    case 'CANCEL_ACCESS': {
      // Without a website the whole subject's access is cancelled.
      const [field, label, from] = current.website
        ? (['website.status', '网站状态', current.website.status] as const)
        : (['subject.status', '主体状态', current.subject?.status] as const);
      push(rows, field, label, STATUS_TEXT[from ?? 'active'], STATUS_TEXT.access_cancelled);
      push(rows, 'reason', cancelReasonLabel(payload.type), null, shown('reason', payload.reason));
      break;
    }
    case 'NEW_WEBSITE':
      newWebsiteRows(rows, 'website', payload.website);
      break;
    case 'FIRST_FILING':
      diffFields(rows, 'subject', '', SUBJECT_FIELDS, null, payload.subject);
      diffFields(rows, 'principal', '主体负责人', PRINCIPAL_FIELDS, null, payload.principal);
      newWebsiteRows(rows, 'website', payload.website);
      break;
  }
  return rows;
}
