import { z } from 'zod';
import { SUBJECT_NATURES, type OrderTypeValue, type SubjectNature } from '@/lib/domain/codes';
import { getProvince, provinceOfAddress } from '@/lib/rules/provinces';
import {
  ANOTHER_PERSON_MESSAGE,
  DOCUMENT_VALIDITY_MESSAGE,
  isAnotherPerson,
  LANDLINE_PATTERN,
  LANDLINE_MESSAGE,
  LONG_TERM,
  RESIDENT_ID_MESSAGE,
  USCC_MESSAGE,
  domainSchema,
  emailSchema,
  findSharedContacts,
  publicIpSchema,
  isDocumentValidFor,
  isValidResidentId,
  isValidUscc,
  mobileSchema,
  siteNameSchemaFor,
  type ContactOwner,
} from '@/lib/validation';
import { REQUIRED_MATERIALS, WIZARD_STEPS, cancelReasonLabel, type StepKey } from './steps';

// One zod schema per wizard step, shared by the client form (zodResolver) and the server actions. Every
// step schema reads the whole wizard value object (loose) and checks only its own part, so a step can
// compare with other parts (the principal with the 法定代表人 named on the subject step).

/** What the rules need to know about the filing the order changes; computed on the server, sent to the client. */
export type WizardContext = {
  type: OrderTypeValue;
  provinceCode: string;
  nature: SubjectNature;
  /** The filed 法定代表人 (orders that do not edit the subject compare with it). */
  legalRepName: string | null;
  /** Active domains of the website a CHANGE_WEBSITE edits. */
  domains: readonly { id: string; name: string }[];
  /** Principals this order does not edit (the subject's, other websites'): nobody may share their contacts. */
  otherPrincipals: readonly ContactOwner[];
  /** ISO date the ID validity is measured from (the submission day). */
  today: string;
  /** A personal filing's person as filed: 变更主体 may not turn it into another person (001 1.2). */
  filedPerson?: { name: string; idNumber: string };
};

export type MaterialRef = { id: string; kind: string; fileName: string };

export const PRINCIPAL_ID_TYPES = ['居民身份证', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '护照'] as const;
export const SUBJECT_CERT_TYPES = ['营业执照', '统一社会信用代码证书', '事业单位法人证书', '社会团体法人登记证书', '律师事务所执业许可证', '组织机构代码证', '居民身份证'] as const;

const text = (label: string, min = 1, max = 100) =>
  z.string({ error: `请填写${label}` }).trim().min(min, { error: min > 1 ? `${label}至少${min}个字` : `请填写${label}` }).max(max, { error: `${label}不能超过${max}个字` });
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export function principalSchema(ctx: Pick<WizardContext, 'today'>) {
  return z
    .object({
      name: text('姓名', 2, 30),
      idType: z.enum(PRINCIPAL_ID_TYPES, { error: '请选择证件类型' }),
      idNumber: z.string().trim().toUpperCase().min(1, { error: '请填写证件号码' }),
      idValidUntil: z.string().regex(isoDate, { error: '请选择证件有效期截止日期，或勾选“长期有效”' }).nullable(),
      mobile: mobileSchema,
      landline: z.string().trim().refine((s) => s === '' || LANDLINE_PATTERN.test(s), { error: LANDLINE_MESSAGE }).nullable().optional(),
      emergencyMobile: mobileSchema,
      email: emailSchema,
    })
    .superRefine((p, c) => {
      if (p.idType === '居民身份证' && !isValidResidentId(p.idNumber)) c.addIssue({ code: 'custom', path: ['idNumber'], message: RESIDENT_ID_MESSAGE });
      if (p.idType !== '居民身份证' && p.idNumber.length < 6) c.addIssue({ code: 'custom', path: ['idNumber'], message: '请填写正确的证件号码' });
      const dated = p.idValidUntil === null || isoDate.test(p.idValidUntil ?? '');
      if (dated && !isDocumentValidFor(p.idValidUntil ?? LONG_TERM, ctx.today)) c.addIssue({ code: 'custom', path: ['idValidUntil'], message: DOCUMENT_VALIDITY_MESSAGE });
      if (p.emergencyMobile === p.mobile) c.addIssue({ code: 'custom', path: ['emergencyMobile'], message: '应急联系电话不能与手机号码相同' });
    });
}

/**
 * 首次备案 files anew in the province of the current certificate (001 6 注意: 不允许跨省份变更 → 先注销备案，再重新提交;
 * 2.3 跨省备案: 单位备案不可以跨省备案). Every other order keeps the filing's province (SPEC 5).
 */
function provinceField(ctx: Pick<WizardContext, 'provinceCode'> & { type?: OrderTypeValue }) {
  if (ctx.type !== 'FIRST_FILING') return z.literal(ctx.provinceCode, { error: '备案不能变更所属省份' });
  return z.string({ error: '请选择所属区域' }).refine((c) => getProvince(c) !== undefined, { error: '请选择所属区域' });
}

export function subjectSchema(ctx: Pick<WizardContext, 'provinceCode'> & { type?: OrderTypeValue; filedPerson?: WizardContext['filedPerson'] }) {
  return z
    .object({
      name: text('主办单位名称', 2, 100),
      nature: z.enum(SUBJECT_NATURES, { error: '请选择主办单位性质' }),
      certType: z.enum(SUBJECT_CERT_TYPES, { error: '请选择证件类型' }),
      certNumber: z.string().trim().toUpperCase().min(1, { error: '请填写证件号码' }),
      certAddress: text('证件住所', 5, 200),
      // SPEC 5: a change never moves a filing to another province; a 首次备案 chooses it.
      provinceCode: provinceField(ctx),
      mailingAddress: text('通信地址', 5, 200),
      legalRepName: z.string().trim().max(30).nullable().optional(),
    })
    .superRefine((s, c) => {
      if (ctx.filedPerson && ctx.type === 'CHANGE_SUBJECT' && isAnotherPerson(ctx.filedPerson, { name: s.name, idNumber: s.certNumber })) {
        c.addIssue({ code: 'custom', path: ['certNumber'], message: ANOTHER_PERSON_MESSAGE });
      }
      const personal = s.certType === '居民身份证';
      if (personal && !isValidResidentId(s.certNumber)) c.addIssue({ code: 'custom', path: ['certNumber'], message: RESIDENT_ID_MESSAGE });
      if (!personal && !isValidUscc(s.certNumber)) c.addIssue({ code: 'custom', path: ['certNumber'], message: USCC_MESSAGE });
      if (s.nature !== 'personal' && !s.legalRepName) c.addIssue({ code: 'custom', path: ['legalRepName'], message: '请填写法定代表人姓名' });
      // 001 2.3 跨省备案: 单位备案的所属区域须与主办单位证件住所在同一省.
      const named = provinceOfAddress(s.certAddress);
      if (s.nature !== 'personal' && named && named.code !== s.provinceCode) {
        c.addIssue({ code: 'custom', path: ['provinceCode'], message: `单位备案不可以跨省备案：证件住所在${named.name}，所属区域须选择${named.name}` });
      }
    });
}

export function domainDataSchema(ctx: Pick<WizardContext, 'today'>) {
  return z.object({
    name: domainSchema,
    registrantName: text('域名持有者名称', 2, 100),
    registrantIdType: text('持有者证件类型'),
    registrantIdNumber: z.string().trim().toUpperCase().min(6, { error: '请填写持有者证件号码' }),
    expiresOn: z
      .string()
      .regex(isoDate, { error: '请选择域名到期日期' })
      .refine((d) => d > ctx.today, { error: '域名已过期，请续费后再填写' }),
  });
}

const ipsSchema = z.array(publicIpSchema).min(1, { error: '请至少填写一个 IP 地址' });

/** 主体负责人 must be the 法定代表人 where the province says so (001 4.4; 18 provinces). */
export function legalRepRequired(provinceCode: string, nature: SubjectNature): boolean {
  const fact = getProvince(provinceCode)?.principalMustBeLegalRep;
  return nature !== 'personal' && fact !== undefined && fact !== 'unknown' && fact.value;
}

function sharedWith(person: ContactOwner, others: readonly ContactOwner[]) {
  return findSharedContacts([person, ...others]).filter((s) => s.indexes.includes(0));
}

type Values = Record<string, unknown>;
const obj = (v: unknown): Values => (v && typeof v === 'object' ? (v as Values) : {});

function principalStep(ctx: WizardContext, path: 'principal' | 'website.principal') {
  const inner = principalSchema(ctx);
  const schema = path === 'principal' ? z.looseObject({ principal: inner }) : z.looseObject({ website: z.looseObject({ principal: inner }) });
  const at = path.split('.');
  return schema.superRefine((v, c) => {
    const p = (path === 'principal' ? v.principal : obj(v.website).principal) as z.infer<typeof inner>;
    const subject = obj((v as Values).subject);
    const editsSubject = ctx.type === 'CHANGE_SUBJECT' || ctx.type === 'FIRST_FILING';
    if (path === 'principal' && ctx.type !== 'CHANGE_WEBSITE') {
      const nature = (editsSubject ? (subject.nature as SubjectNature) : undefined) ?? ctx.nature;
      const legalRep = ((editsSubject ? (subject.legalRepName as string | null | undefined) : undefined) ?? ctx.legalRepName ?? '').trim();
      if (legalRepRequired(ctx.provinceCode, nature) && p.name !== legalRep) {
        const province = getProvince(ctx.provinceCode)!.name;
        c.addIssue({ code: 'custom', path: [...at, 'name'], message: `${province}管局要求单位的主体负责人必须是法定代表人（${legalRep || '未填写'}）` });
      }
    }
    // Different people may not share a mobile or an e-mail; in a 首次备案 the subject's principal counts too.
    const others = [...ctx.otherPrincipals];
    if (path === 'website.principal' && ctx.type === 'FIRST_FILING' && obj(v.principal).idNumber) others.push(v.principal as ContactOwner);
    for (const s of sharedWith(p, others)) c.addIssue({ code: 'custom', path: [...at, s.field], message: s.message });
  });
}

/** The schema of one wizard step, over the whole wizard value object. */
export function stepSchema(key: StepKey, ctx: WizardContext): z.ZodType<Values> {
  const type = ctx.type;
  switch (key) {
    case 'subject':
      return z.looseObject({ subject: subjectSchema(ctx) });
    case 'principal':
      return principalStep(ctx, 'principal');
    case 'websitePrincipal':
      return principalStep(ctx, type === 'CHANGE_WEBSITE' ? 'principal' : 'website.principal');
    case 'website': {
      const domains = (v: Values) => (type === 'CHANGE_WEBSITE' ? ctx.domains.map((d) => d.name) : ((obj(v.website).domains as { name?: string }[] | undefined) ?? []).map((d) => d.name ?? ''));
      return z.looseObject({ website: z.looseObject({ name: z.string(), serviceContent: text('网站服务内容', 2, 200) }) }).superRefine((v, c) => {
        const nature = ((type === 'FIRST_FILING' ? obj(v.subject).nature : undefined) as SubjectNature | undefined) ?? ctx.nature;
        const r = siteNameSchemaFor({ nature, domains: domains(v), isStateBody: nature === 'government' }).safeParse(obj(v.website).name);
        if (!r.success) for (const i of r.error.issues) c.addIssue({ code: 'custom', path: ['website', 'name'], message: i.message });
      });
    }
    case 'domains': {
      // 变更网站 may delete filed domains, never the last one, and never add or edit one (SPEC 5).
      const ids = new Set(ctx.domains.map((d) => d.id));
      return z.looseObject({
        removeDomainIds: z
          .array(z.string())
          .refine((r) => r.every((id) => ids.has(id)), { error: '只能删除本网站已备案的域名' })
          .refine((r) => new Set(r).size < ctx.domains.length, { error: '不能删除网站的最后一个域名；如不再使用该网站，请办理注销网站' }),
      });
    }
    case 'newDomains': {
      const one = getProvince(ctx.provinceCode)?.oneDomainPerWebsite;
      const onlyOne = one !== undefined && one !== 'unknown' && one.value;
      return z.looseObject({
        website: z.looseObject({
          domains: z
            .array(domainDataSchema(ctx))
            .min(1, { error: '请至少填写一个域名' })
            .refine((d) => !onlyOne || d.length === 1, { error: `${getProvince(ctx.provinceCode)?.name ?? ''}管局规定一个网站只能备案一个域名` })
            .refine((d) => new Set(d.map((x) => x.name.toLowerCase())).size === d.length, { error: '同一域名不能重复填写' }),
        }),
      });
    }
    case 'ips':
      return type === 'NEW_WEBSITE' || type === 'FIRST_FILING' ? z.looseObject({ website: z.looseObject({ ips: ipsSchema }) }) : z.looseObject({ ips: ipsSchema });
    case 'cancel':
      return z.looseObject({
        reason: text(cancelReasonLabel(type), 2, 200),
        confirmed: z.literal(true, { error: '请勾选确认您已了解上述后果' }),
      });
    case 'materials': {
      const need = REQUIRED_MATERIALS[type] ?? [];
      return z.looseObject({ materials: z.array(z.object({ id: z.string(), kind: z.string(), fileName: z.string() })) }).superRefine((v, c) => {
        const have = new Set(v.materials.map((m) => m.kind));
        const missing = need.filter((m) => !have.has(m.kind)).map((m) => m.label);
        if (missing.length) c.addIssue({ code: 'custom', path: ['materials'], message: `请上传：${missing.join('、')}` });
      });
    }
    case 'review':
      return z.looseObject({});
  }
}

export type StepResult = { ok: true; values: Values } | { ok: false; step: number; fieldErrors: Record<string, string[]> };

/** Validates steps 0..`upTo` in order (the server re-runs exactly what the client ran). */
export function validateSteps(ctx: WizardContext, values: Values, upTo = Number.POSITIVE_INFINITY): StepResult {
  const steps = WIZARD_STEPS[ctx.type];
  let current = values;
  for (const [i, key] of steps.entries()) {
    if (i > upTo) break;
    const r = stepSchema(key, ctx).safeParse(current);
    if (!r.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of r.error.issues) (fieldErrors[issue.path.join('.') || '_'] ??= []).push(issue.message);
      return { ok: false, step: i, fieldErrors };
    }
    current = r.data;
  }
  return { ok: true, values: current };
}

/** The full schema (every step): what 提交 checks before the order leaves the draft. */
export function fullSchema(ctx: WizardContext): z.ZodType<Values> {
  return z.looseObject({}).superRefine((v, c) => {
    const r = validateSteps(ctx, v);
    if (!r.ok) for (const [path, messages] of Object.entries(r.fieldErrors)) for (const message of messages) c.addIssue({ code: 'custom', path: path.split('.'), message });
  });
}
