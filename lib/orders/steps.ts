import type { OrderTypeValue } from '@/lib/domain/codes';

// The wizard's steps per order type. Each step edits one part of the payload; the last is always the review.

export type StepKey = 'subject' | 'principal' | 'website' | 'domains' | 'newDomains' | 'ips' | 'websitePrincipal' | 'cancel' | 'materials' | 'review';

export const STEP_TITLES: Record<StepKey, string> = {
  subject: '主办单位信息',
  principal: '主体负责人',
  website: '网站信息',
  domains: '域名',
  newDomains: '网站域名',
  ips: '接入信息',
  websitePrincipal: '网站负责人',
  cancel: '确认后果',
  materials: '上传材料',
  review: '核对并提交',
};

export const WIZARD_STEPS: Readonly<Record<OrderTypeValue, readonly StepKey[]>> = {
  CHANGE_SUBJECT: ['subject', 'principal', 'materials', 'review'],
  CHANGE_WEBSITE: ['website', 'websitePrincipal', 'domains', 'materials', 'review'],
  CHANGE_ACCESS: ['ips', 'review'],
  CANCEL_SUBJECT: ['cancel', 'review'],
  CANCEL_WEBSITE: ['cancel', 'review'],
  CANCEL_ACCESS: ['cancel', 'review'],
  ACCESS_FILING: ['ips', 'review'],
  NEW_WEBSITE: ['website', 'newDomains', 'ips', 'websitePrincipal', 'materials', 'review'],
  FIRST_FILING: ['subject', 'principal', 'website', 'newDomains', 'ips', 'websitePrincipal', 'materials', 'review'],
};

/** What the reason a cancellation asks for is called, in the wizard and in the change table. */
export function cancelReasonLabel(type: OrderTypeValue): string {
  return type === 'CANCEL_ACCESS' ? '取消接入原因' : '注销原因';
}

/** Order types whose website is the object of the order (the URL's `website` is required). */
export const WEBSITE_ORDER_TYPES: ReadonlySet<OrderTypeValue> = new Set(['CHANGE_WEBSITE', 'CHANGE_ACCESS', 'CANCEL_WEBSITE']);

/** Where the website principal lives in each payload: CHANGE_WEBSITE edits `principal`, new sites `website.principal`. */
export function websitePrincipalPath(type: OrderTypeValue): 'principal' | 'website.principal' {
  return type === 'CHANGE_WEBSITE' ? 'principal' : 'website.principal';
}

/** Where the IPs live: top-level for access orders, inside the new website otherwise. */
export function ipsPath(type: OrderTypeValue): 'ips' | 'website.ips' {
  return type === 'NEW_WEBSITE' || type === 'FIRST_FILING' ? 'website.ips' : 'ips';
}

export type MaterialRequirement = { kind: string; label: string };

/** Images each order type needs (001 4.5: 证件照片, 真实性核验单, 幕布照). */
export const REQUIRED_MATERIALS: Readonly<Partial<Record<OrderTypeValue, readonly MaterialRequirement[]>>> = {
  CHANGE_SUBJECT: [{ kind: 'subject_cert', label: '主办单位证件照片' }],
  CHANGE_WEBSITE: [{ kind: 'verification_form', label: '网站备案信息真实性核验单' }],
  NEW_WEBSITE: [
    { kind: 'verification_form', label: '网站备案信息真实性核验单' },
    { kind: 'screen_photo', label: '网站负责人幕布照片' },
  ],
  FIRST_FILING: [
    { kind: 'subject_cert', label: '主办单位证件照片' },
    { kind: 'verification_form', label: '网站备案信息真实性核验单' },
    { kind: 'screen_photo', label: '网站负责人幕布照片' },
  ],
};

/** Province-specific extra papers (内蒙古/黑龙江/新疆), uploaded as optional materials. */
export const EXTRA_DOCUMENT_KIND = 'extra_document';

/** Rejection entries name fields in the reviewer's words; map them to this payload's paths. */
export function rejectionPath(type: OrderTypeValue, field: string | null | undefined): string | null {
  if (!field) return null;
  if (field === 'subject.province') return 'subject.provinceCode';
  if (field.startsWith('website.principal.') && type === 'CHANGE_WEBSITE') return `principal.${field.slice('website.principal.'.length)}`;
  if (field === 'domain') return type === 'CHANGE_WEBSITE' ? 'removeDomainIds' : 'website.domains';
  return field;
}

/**
 * Whether a reviewer's reason attached to `reasonPath` belongs next to the input at `fieldPath`: the same
 * path, or an item of the list it names (a reason on `ips` shows at `ips.0`, `ips.1`, …).
 */
export function rejectionApplies(reasonPath: string | null, fieldPath: string): boolean {
  if (!reasonPath) return false;
  return reasonPath === fieldPath || new RegExp(`^${reasonPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.\\d+$`).test(fieldPath);
}

/** The wizard step that edits a payload path, or null when no step of this order type does. */
export function stepOfPath(type: OrderTypeValue, path: string): StepKey | null {
  const steps = WIZARD_STEPS[type];
  const key: StepKey | null =
    path === 'materials'
      ? 'materials'
      : path === 'reason' || path === 'confirmed'
        ? 'cancel'
        : path === 'ips' || path.startsWith('ips.') || path.startsWith('website.ips')
          ? 'ips'
          : path === 'removeDomainIds' || path.startsWith('removeDomainIds.')
            ? 'domains'
            : path.startsWith('website.domains')
              ? 'newDomains'
              : path.startsWith('website.principal') || (path.startsWith('principal') && type === 'CHANGE_WEBSITE')
                ? 'websitePrincipal'
                : path.startsWith('principal')
                  ? 'principal'
                  : path.startsWith('subject')
                    ? 'subject'
                    : path.startsWith('website')
                      ? 'website'
                      : null;
  return key && steps.includes(key) ? key : null;
}

/** The earliest wizard step (index) that edits one of `paths`: where server-side field errors are shown. */
export function firstStepOf(type: OrderTypeValue, paths: readonly string[]): number | null {
  const at = paths.map((p) => stepOfPath(type, p)).filter((k): k is StepKey => k !== null).map((k) => WIZARD_STEPS[type].indexOf(k));
  return at.length ? Math.min(...at) : null;
}

/**
 * The step the wizard opens at (0-based). A step asked for in the address (`?step=N`, 1-based, from a
 * reload, the browser's history or a rejection e-mail's link) is honoured up to the furthest step the filer
 * may reach: any step of a rejected order, no further than the saved step of a draft. Otherwise a rejected
 * order opens at its first step with a rejected field, and a draft where it was left.
 */
export function openingStep(
  type: OrderTypeValue,
  state: string,
  savedStep: number,
  asked: string | undefined,
  rejectedPaths: readonly (string | null)[],
): number {
  const last = WIZARD_STEPS[type].length - 1;
  const reachable = state === 'DRAFT' ? Math.min(savedStep, last) : last;
  const n = asked && /^\d{1,2}$/.test(asked) ? Number(asked) - 1 : NaN;
  if (n >= 0 && n <= reachable) return n;
  if (state !== 'DRAFT') {
    const first = firstStepOf(type, rejectedPaths.filter((p): p is string => Boolean(p)));
    if (first !== null) return first;
  }
  return Math.min(savedStep, last);
}
