import { z } from 'zod';
import { SUBJECT_NATURES, type OrderTypeValue } from '@/lib/domain/codes';
import { getProvince } from '@/lib/rules/provinces';
import type { OrderPayload } from './payload';

// What a saved draft may never contain, whatever the client sent (SPEC 5): another province, a domain added
// or edited by 变更网站, the last domain deleted, or any key the payload type does not have.

const s = z.string();
const ns = z.string().nullable().optional();
const subject = z.strictObject({ name: s, nature: z.enum(SUBJECT_NATURES), certType: s, certNumber: s, certAddress: s, provinceCode: s, mailingAddress: s, legalRepName: ns });
const principal = z.strictObject({ name: s, idType: s, idNumber: s, idValidUntil: z.string().nullable(), mobile: s, landline: ns, emergencyMobile: s, email: s });
const domain = z.strictObject({ name: s, registrantName: s, registrantIdType: s, registrantIdNumber: s, expiresOn: s });
const newWebsite = z.strictObject({ name: s, serviceContent: s, domains: z.array(domain), ips: z.array(s), principal });
const cancel = <T extends string>(type: T) => z.strictObject({ type: z.literal(type), reason: s, confirmed: z.boolean() });

export const PAYLOAD_SHAPES = {
  CHANGE_SUBJECT: z.strictObject({ type: z.literal('CHANGE_SUBJECT'), subject, principal }),
  CHANGE_WEBSITE: z.strictObject({ type: z.literal('CHANGE_WEBSITE'), website: z.strictObject({ name: s, serviceContent: s }), principal, removeDomainIds: z.array(s) }),
  CHANGE_ACCESS: z.strictObject({ type: z.literal('CHANGE_ACCESS'), ips: z.array(s) }),
  CANCEL_SUBJECT: cancel('CANCEL_SUBJECT'),
  CANCEL_WEBSITE: cancel('CANCEL_WEBSITE'),
  CANCEL_ACCESS: cancel('CANCEL_ACCESS'),
  ACCESS_FILING: z.strictObject({ type: z.literal('ACCESS_FILING'), ips: z.array(s) }),
  NEW_WEBSITE: z.strictObject({ type: z.literal('NEW_WEBSITE'), website: newWebsite }),
  FIRST_FILING: z.strictObject({ type: z.literal('FIRST_FILING'), subject, principal, website: newWebsite }),
} satisfies Record<OrderTypeValue, z.ZodType>;

export type InvariantFacts = { type: OrderTypeValue; provinceCode: string; activeDomainIds: readonly string[] };

/** A Chinese reason the payload breaks an invariant, or null. */
export function invariantViolation(payload: unknown, facts: InvariantFacts): string | null {
  const shape = PAYLOAD_SHAPES[facts.type].safeParse(payload);
  if (!shape.success) {
    return facts.type === 'CHANGE_WEBSITE' ? '变更网站只能修改网站信息或删除域名，不能新增或修改域名。' : '订单内容格式不正确。';
  }
  const p = shape.data as OrderPayload;
  if (p.type === 'CHANGE_SUBJECT' && p.subject.provinceCode !== facts.provinceCode) return '备案不能变更所属省份。';
  // A 首次备案 is a new filing: it goes to the province of the current certificate (001 6 注意, 2.3 跨省备案).
  if (p.type === 'FIRST_FILING' && !getProvince(p.subject.provinceCode)) return '所属区域无效。';
  if (p.type === 'CHANGE_WEBSITE') {
    const active = new Set(facts.activeDomainIds);
    if (!p.removeDomainIds.every((id) => active.has(id))) return '只能删除本网站已备案的域名。';
    if (new Set(p.removeDomainIds).size >= active.size) return '不能删除网站的最后一个域名；如不再使用该网站，请办理注销网站。';
  }
  return null;
}

/** Keeps exactly the payload's keys of its type (wizard values also carry materials and UI state). */
export function toPayload(type: OrderTypeValue, values: Record<string, unknown>): OrderPayload {
  const v = values as Record<string, never>;
  const pick = <K extends string>(o: Record<string, unknown> | undefined, keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, o?.[k]])) as Record<K, never>;
  const P = ['name', 'idType', 'idNumber', 'idValidUntil', 'mobile', 'landline', 'emergencyMobile', 'email'] as const;
  const S = ['name', 'nature', 'certType', 'certNumber', 'certAddress', 'provinceCode', 'mailingAddress', 'legalRepName'] as const;
  const D = ['name', 'registrantName', 'registrantIdType', 'registrantIdNumber', 'expiresOn'] as const;
  const site = (w: Record<string, unknown> | undefined) => ({
    ...pick(w, ['name', 'serviceContent'] as const),
    domains: ((w?.domains as Record<string, unknown>[] | undefined) ?? []).map((d) => pick(d, D)),
    ips: (w?.ips as string[] | undefined) ?? [],
    principal: pick(w?.principal as Record<string, unknown>, P),
  });
  switch (type) {
    case 'CHANGE_SUBJECT':
      return { type, subject: pick(v.subject, S), principal: pick(v.principal, P) };
    case 'CHANGE_WEBSITE':
      return { type, website: pick(v.website, ['name', 'serviceContent'] as const), principal: pick(v.principal, P), removeDomainIds: (v.removeDomainIds as string[] | undefined) ?? [] };
    case 'CHANGE_ACCESS':
    case 'ACCESS_FILING':
      return { type, ips: (v.ips as string[] | undefined) ?? [] };
    case 'CANCEL_SUBJECT':
    case 'CANCEL_WEBSITE':
    case 'CANCEL_ACCESS':
      return { type, reason: (v.reason as string | undefined) ?? '', confirmed: (v.confirmed as boolean | undefined) === true };
    case 'NEW_WEBSITE':
      return { type, website: site(v.website) };
    case 'FIRST_FILING':
      return { type, subject: pick(v.subject, S), principal: pick(v.principal, P), website: site(v.website) };
  }
}
