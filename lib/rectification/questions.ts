import { getProvince } from '@/lib/rules/provinces';
import {
  followUpAfterAccess,
  planReaccessInProvince,
  planRemediation,
  retireNeedsMiitAnswer,
  type FindingCode,
  type RemediationOption,
  type Scope,
  type SubjectNature,
} from '@/lib/remediation';

// The decision-tree questions of the rectification page. Answers travel in the URL search params, so the
// page stays a server component, works without JavaScript and the browser's back button undoes an answer.

export type Miit = 'none' | 'subject_only' | 'subject_with_other_websites' | 'subject_and_website';
/** keep: still in use here; moved: still in use, now hosted by another provider; retire: no longer in use. */
export type Intent = 'keep' | 'moved' | 'retire';
export type Answers = { intent?: Intent; miitOther?: 'yes' | 'no'; miit?: Miit; mobile?: 'yes' | 'no'; other?: 'yes' | 'no'; option?: string };
export type QuestionName = 'intent' | 'miitOther' | 'miit' | 'mobile' | 'other';
export type Question = {
  name: QuestionName;
  legend: string;
  hint?: string;
  link?: { href: string; label: string };
  choices: readonly { value: string; label: string }[];
};

/** The four MIIT query results planReaccess distinguishes, worded around the site the finding concerns. */
function miitChoices(site: string): { value: Miit; label: string }[] {
  return [
    { value: 'subject_and_website', label: `能查到主体，也能查到${site}` },
    { value: 'subject_with_other_websites', label: `能查到主体和其他网站，但查不到${site}` },
    { value: 'subject_only', label: '只能查到主体，主体下没有任何网站' },
    { value: 'none', label: '查不到任何备案信息' },
  ];
}
const MIIT_VALUES: readonly Miit[] = ['subject_and_website', 'subject_with_other_websites', 'subject_only', 'none'];

const YES_NO = (yes: string, no: string) => [
  { value: 'yes', label: yes },
  { value: 'no', label: no },
];

const OBJECT_WORD: Record<Scope, string> = { subject: '主体', website: '网站', domain: '域名' };

export type RectificationContext = {
  finding: FindingCode;
  scope: Scope;
  /** Access already cancelled (超期未整改, SPEC T3): the re-access questions replace keep/retire. */
  reaccess: boolean;
  /** The name of what the finding concerns, as the question shows it. */
  objectName: string;
  subject: { nature: SubjectNature; province: string; websiteCount: number };
  website?: { domainCount: number };
  openOrder: boolean;
  /**
   * Only this website's access was cancelled (its own findings were overdue); the subject is still filed and
   * hosted here. A new 主体 (首次备案) is then wrong: the website is filed again under the same subject (新增网站).
   */
  siteOnly?: boolean;
};

// 001 1.1 取消接入 and 6 (更换服务商: 需要将ICP备案信息接入新的服务商): a site that moved keeps its filing.
function intentQuestion(ctx: RectificationContext): Question {
  const word = OBJECT_WORD[ctx.scope];
  return {
    name: 'intent',
    legend: `这个${word}（${ctx.objectName}）还在使用吗？`,
    hint: '网站换到了其他接入商的服务器上时，请选择第二项：备案号仍然有效，不要注销。',
    choices: [
      { value: 'keep', label: `还在使用，需要保留这个${word}的备案` },
      { value: 'moved', label: '网站仍在使用，但已改由其他接入商的服务器托管' },
      { value: 'retire', label: '不再使用' },
    ],
  };
}

// 001 8 注销主体 deletes every website of the subject, also those filed through other providers; this portal only
// knows its own (10 说明: 查询备案主体下备案的所有网站 in the MIIT system).
const miitOtherQuestion: Question = {
  name: 'miitOther',
  legend: '在工信部备案查询中用主办单位名称查询，该主体下是否还有通过其他接入商备案、仍在使用的网站？',
  hint: '注销主体会删除该主体在工信部的全部备案信息，包括在其他接入商处接入的网站。请先查询再回答。',
  link: { href: 'https://beian.miit.gov.cn', label: '打开工信部备案查询（新窗口）' },
  choices: YES_NO('有，其他接入商处还有网站', '没有，只有本接入商处的网站'),
};

function miitQuestion(ctx: RectificationContext): Question {
  const site = ctx.scope === 'subject' ? '原来在本接入商接入的网站' : `这个网站（${ctx.objectName}）`;
  return {
    name: 'miit',
    legend: '在工信部备案查询（https://beian.miit.gov.cn）中用主办单位名称查询，结果是？',
    hint: '在工信部备案管理系统选择“ICP备案查询”，输入主办单位名称后查看结果。',
    link: { href: 'https://beian.miit.gov.cn', label: '打开工信部备案查询（新窗口）' },
    choices: miitChoices(site),
  };
}
const mobileQuestion: Question = { name: 'mobile', legend: '备案时填写的负责人手机号现在还能正常接收短信吗？', choices: YES_NO('能正常接收短信', '已停用或不是本人使用') };
const otherQuestion: Question = { name: 'other', legend: '这个网站目前是否已在其他接入商处接入？', choices: YES_NO('是，其他接入商仍在接入', '否') };

/** The questions already answered (in order) and the next one to ask, or null when the plan can be made. */
export function questionsFor(ctx: RectificationContext, a: Answers): { answered: { q: Question; value: string }[]; next: Question | null } {
  const chain: Question[] = [];
  if (!ctx.reaccess) {
    chain.push(intentQuestion(ctx));
    if (a.intent === 'retire' && retireNeedsMiitAnswer(ctx)) chain.push(miitOtherQuestion);
  } else {
    chain.push(miitQuestion(ctx));
    if (a.miit === 'subject_and_website') {
      chain.push(mobileQuestion);
      // Mobile dead: can the data be changed elsewhere? Mobile fine: unless the province allows 先接入后变更, the
      // filing is kept by changing it at the provider still hosting it (001 5), so the same question decides.
      if (a.mobile === 'no' || (a.mobile === 'yes' && !provinceAllowsAccessThenChange(ctx.subject.province))) chain.push(otherQuestion);
    }
  }
  const answered: { q: Question; value: string }[] = [];
  for (const q of chain) {
    const value = a[q.name];
    if (!value) return { answered, next: q };
    answered.push({ q, value });
  }
  return { answered, next: null };
}

function provinceAllowsAccessThenChange(code: string): boolean {
  const fact = getProvince(code)?.accessThenChange;
  return fact !== undefined && fact !== 'unknown' && fact.value;
}

export function answerLabel(q: Question, value: string): string {
  return q.choices.find((c) => c.value === value)?.label ?? value;
}

/** The options of the remediation library for these answers; null until every question is answered. */
export function planFor(ctx: RectificationContext, a: Answers): RemediationOption[] | null {
  if (questionsFor(ctx, a).next) return null;
  if (ctx.reaccess) {
    const { options } = planReaccessInProvince({
      miit: a.miit!,
      principalMobileWorks: a.mobile === 'yes',
      otherProviderHosts: a.other === 'yes',
      openChangeOrder: ctx.openOrder,
      province: ctx.subject.province,
      followUp: followUpAfterAccess(ctx.finding, ctx.subject),
    });
    return ctx.siteOnly ? options.map(underSameSubject) : options;
  }
  return planRemediation({
    finding: ctx.finding,
    intent: a.intent === 'retire' ? 'retire' : 'keep',
    subject: { ...ctx.subject, websiteCount: Math.max(ctx.subject.websiteCount, ctx.scope === 'subject' ? 0 : 1) },
    website: ctx.scope === 'subject' ? undefined : { domainCount: Math.max(1, ctx.website?.domainCount ?? 1) },
    hostedElsewhere: a.intent === 'moved',
    miitOtherWebsites: a.miitOther === undefined ? undefined : a.miitOther === 'yes',
  }).options;
}

/** A 首次备案 step becomes 新增网站 when the subject keeps its filing and access (a website-only cancellation). */
function underSameSubject(o: RemediationOption): RemediationOption {
  if (!o.steps.some((s) => s.kind === 'order' && s.order === 'FIRST_FILING')) return o;
  return {
    ...o,
    title: o.title.replace('原备案', '原网站备案').replace('重新首次备案', '在原主体下新增网站').replace('重新提交首次备案', '在原主体下新增网站'),
    steps: o.steps.map((s) => (s.kind === 'order' && s.order === 'FIRST_FILING' ? { kind: 'order', order: 'NEW_WEBSITE' } : s)),
  };
}

const pick = <T extends string>(v: unknown, allowed: readonly T[]): T | undefined =>
  typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;

/** Unknown or malformed values are dropped: a hand-edited URL just asks the question again. */
export function parseAnswers(sp: Record<string, string | string[] | undefined>): Answers {
  const one = (k: string) => (Array.isArray(sp[k]) ? sp[k][0] : sp[k]);
  const option = one('option');
  return {
    intent: pick(one('intent'), ['keep', 'moved', 'retire'] as const),
    miitOther: pick(one('miitOther'), ['yes', 'no'] as const),
    miit: pick(one('miit'), MIIT_VALUES),
    mobile: pick(one('mobile'), ['yes', 'no'] as const),
    other: pick(one('other'), ['yes', 'no'] as const),
    option: option && /^[a-z0-9-]{1,60}$/.test(option) ? option : undefined,
  };
}

/** The query string for these answers (in question order, empty ones left out). */
export function answersQuery(a: Answers): string {
  const p = new URLSearchParams();
  for (const k of ['intent', 'miitOther', 'miit', 'mobile', 'other', 'option'] as const) if (a[k]) p.set(k, a[k]!);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Answers up to (not including) `name`: the link behind "修改" drops that answer and everything after it. */
export function answersBefore(a: Answers, name: QuestionName): Answers {
  const order: (keyof Answers)[] = ['intent', 'miitOther', 'miit', 'mobile', 'other', 'option'];
  const out: Answers = {};
  for (const k of order) {
    if (k === name) break;
    (out as Record<string, string | undefined>)[k] = a[k];
  }
  return out;
}
