import { describe, expect, it } from 'vitest';
import { PROVINCE_CODES } from '../rules/provinces';
import {
  ACTION_CODES,
  ACTION_LABELS,
  FINDING_CATALOGUE,
  FINDING_CODES,
  ORDER_TYPES,
  ORDER_TYPE_LABELS,
  RemediationInputError,
  SUBJECT_NATURES,
  type Step,
  describeStep,
  followUpAfterAccess,
  planRemediation,
  retireNeedsMiitAnswer,
} from './index';

const base = {
  finding: 'DNS_NOT_AT_PROVIDER' as const,
  intent: 'keep' as const,
  subject: { nature: 'enterprise' as const, province: '33', websiteCount: 1 },
  website: { domainCount: 1 },
};
const ids = (r: { options: { id: string }[] }) => r.options.map((o) => o.id);

describe('planRemediation — invariants', () => {
  it('exactly one option is recommended and it is first, for every code × intent × nature × counts', () => {
    let plans = 0;
    for (const finding of FINDING_CODES)
      for (const intent of ['keep', 'retire'] as const)
        for (const nature of SUBJECT_NATURES)
          for (const websiteCount of [1, 2])
            for (const domainCount of [1, 2]) {
              const plan = planRemediation({ finding, intent, subject: { nature, province: '44', websiteCount }, website: { domainCount } });
              expect(plan.finding).toBe(finding);
              expect(plan.scope).toBe(FINDING_CATALOGUE[finding].scope);
              expect(plan.options.length).toBeGreaterThan(0);
              expect(plan.options.filter((o) => o.recommended)).toHaveLength(1);
              expect(plan.options[0]?.recommended).toBe(true);
              expect(new Set(plan.options.map((o) => o.id)).size).toBe(plan.options.length);
              for (const o of plan.options) {
                expect(o.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
                expect(o.title).toMatch(/\p{Script=Han}/u);
                expect(o.steps.length).toBeGreaterThan(0);
              }
              plans++;
            }
    expect(plans).toBe(FINDING_CODES.length * 2 * SUBJECT_NATURES.length * 4);
  });

  it('returns the same plan for the same input (ids are stable)', () => {
    expect(planRemediation(base)).toEqual(planRemediation(base));
  });

  it('accepts every province of the table', () => {
    for (const province of PROVINCE_CODES) {
      expect(planRemediation({ ...base, subject: { ...base.subject, province } }).options[0]?.id).toBe('fix-dns-recheck');
    }
  });
});

describe('planRemediation — T1 (keep)', () => {
  it('DNS: fix DNS and ask for 复核, or file the new IP by 变更接入', () => {
    const plan = planRemediation(base);
    expect(ids(plan)).toEqual(['fix-dns-recheck', 'change-access']);
    expect(plan.options[1]?.steps).toEqual([
      { kind: 'order', order: 'CHANGE_ACCESS' },
      { kind: 'action', action: 'FIX_DNS' },
    ]);
  });

  it('content vs subject for a 单位: edit content, or change the subject', () => {
    const plan = planRemediation({ ...base, finding: 'CONTENT_SUBJECT_MISMATCH' });
    expect(ids(plan)).toEqual(['edit-content-recheck', 'change-subject']);
  });

  it('content vs subject for a 个人 filing: the nature change is offered with the 管局 deciding', () => {
    const plan = planRemediation({ ...base, finding: 'CONTENT_SUBJECT_MISMATCH', subject: { nature: 'personal', province: '33', websiteCount: 1 } });
    expect(ids(plan)).toEqual(['edit-content-recheck', 'change-subject-nature', 'cancel-and-refile']);
    expect(plan.options[1]?.title).toContain('管局决定');
    expect(plan.options[2]?.steps).toEqual([
      { kind: 'order', order: 'CANCEL_SUBJECT' },
      { kind: 'order', order: 'FIRST_FILING' },
    ]);
  });

  it('refiling a 个人 site keeps the subject when it has other websites', () => {
    const plan = planRemediation({ ...base, finding: 'CONTENT_SUBJECT_MISMATCH', subject: { nature: 'personal', province: '33', websiteCount: 3 } });
    expect(plan.options[2]?.steps[0]).toEqual({ kind: 'order', order: 'CANCEL_WEBSITE' });
  });

  // 001 1.2 个人备案与单位备案的区别: 个人 "内容不可涉及企业、行业、交易等"; 经营性业务 needs a 单位 filing and the licence.
  it('commercial content: a 个人 filing removes it, or refiles as a 单位 and gets the licence; a 单位 may get a licence', () => {
    const personal = planRemediation({ ...base, finding: 'CONTENT_COMMERCIAL', subject: { nature: 'personal', province: '33', websiteCount: 1 } });
    expect(ids(personal)).toEqual(['edit-content-recheck', 'refile-as-organisation-with-license']);
    expect(personal.options[1]?.steps).toEqual([
      { kind: 'order', order: 'CANCEL_SUBJECT' },
      { kind: 'order', order: 'FIRST_FILING' },
      { kind: 'action', action: 'APPLY_ICP_LICENSE' },
    ]);
    const personalMany = planRemediation({ ...base, finding: 'CONTENT_COMMERCIAL', subject: { nature: 'personal', province: '33', websiteCount: 2 } });
    expect(personalMany.options[1]?.steps[0]).toEqual({ kind: 'order', order: 'CANCEL_WEBSITE' });
    const company = planRemediation({ ...base, finding: 'CONTENT_COMMERCIAL' });
    expect(company.options[1]?.steps).toEqual([
      { kind: 'action', action: 'APPLY_ICP_LICENSE' },
      { kind: 'order', order: 'CHANGE_WEBSITE' },
    ]);
  });

  it('a subject-scope finding needs no website facts', () => {
    const plan = planRemediation({ finding: 'SUBJECT_CONTACT_INVALID', intent: 'keep', subject: { nature: 'enterprise', province: '11', websiteCount: 0 } });
    expect(plan.scope).toBe('subject');
    expect(ids(plan)).toEqual(['change-subject']);
  });
});

describe('planRemediation — T2 (retire)', () => {
  const retire = (finding: (typeof FINDING_CODES)[number], websiteCount: number, domainCount?: number) =>
    planRemediation({
      finding,
      intent: 'retire',
      subject: { nature: 'enterprise', province: '33', websiteCount },
      ...(domainCount === undefined ? {} : { website: { domainCount } }),
    });

  it('subject scope → 注销主体 recommended', () => {
    expect(ids(retire('SUBJECT_LEGAL_REP_MISMATCH', 0))).toEqual(['cancel-subject']);
    expect(ids(retire('SUBJECT_LEGAL_REP_MISMATCH', 1))).toEqual(['cancel-subject']);
  });
  // 003/004 主体证件不一致 etc.: "若网站不再使用，请在备案控制台提交注销主体或注销网站"; 企业经营状态: 注销主体 only.
  it('subject scope with several websites also offers 注销网站 where 003/004 name it', () => {
    expect(ids(retire('SUBJECT_LEGAL_REP_MISMATCH', 3))).toEqual(['cancel-subject', 'cancel-website']);
    expect(ids(retire('SUBJECT_CONTACT_INVALID', 2))).toEqual(['cancel-subject', 'cancel-website']);
    expect(ids(retire('SUBJECT_BUSINESS_CLOSED', 3))).toEqual(['cancel-subject']);
  });
  // 001 8 注销主体与注销网站有什么区别: 注销主体 "同时注销该主体下备案的所有网站"; 10 说明: 查询备案主体下备案的所有网站.
  it('never recommends 注销主体 when the MIIT query shows websites at other providers', () => {
    const other = (finding: (typeof FINDING_CODES)[number], websiteCount: number, domainCount = 1) =>
      planRemediation({ finding, intent: 'retire', subject: { nature: 'enterprise', province: '33', websiteCount }, website: { domainCount }, miitOtherWebsites: true });
    expect(ids(other('WEBSITE_CONTACT_INVALID', 1))).toEqual(['cancel-website', 'cancel-access']);
    expect(ids(other('SUBJECT_LEGAL_REP_MISMATCH', 1))).toEqual(['cancel-website', 'cancel-access']);
    expect(ids(other('SUBJECT_LEGAL_REP_MISMATCH', 0))).toEqual(['cancel-access']);
    expect(ids(other('DOMAIN_EXPIRED', 1, 2))).toEqual(['delete-domain']);
    for (const code of FINDING_CODES) for (const n of [0, 1, 2]) {
      if (FINDING_CATALOGUE[code].scope !== 'subject' && n === 0) continue;
      const steps = other(code, n).options.flatMap((o) => o.steps);
      expect(steps).not.toContainEqual({ kind: 'order', order: 'CANCEL_SUBJECT' });
    }
    // Without other websites the answer changes nothing.
    const none = planRemediation({ finding: 'WEBSITE_CONTACT_INVALID', intent: 'retire', subject: { nature: 'enterprise', province: '33', websiteCount: 1 }, website: { domainCount: 1 }, miitOtherWebsites: false });
    expect(ids(none)).toEqual(['cancel-subject']);
  });
  it('says when the MIIT question decides (the plan would otherwise cancel the subject)', () => {
    expect(retireNeedsMiitAnswer({ finding: 'WEBSITE_CONTACT_INVALID', subject: { websiteCount: 1 }, website: { domainCount: 1 } })).toBe(true);
    expect(retireNeedsMiitAnswer({ finding: 'WEBSITE_CONTACT_INVALID', subject: { websiteCount: 2 }, website: { domainCount: 1 } })).toBe(false);
    expect(retireNeedsMiitAnswer({ finding: 'DOMAIN_EXPIRED', subject: { websiteCount: 1 }, website: { domainCount: 2 } })).toBe(false);
    expect(retireNeedsMiitAnswer({ finding: 'SUBJECT_NAME_MISMATCH', subject: { websiteCount: 3 } })).toBe(true);
    expect(retireNeedsMiitAnswer({ finding: 'NOPE' as never, subject: { websiteCount: 1 } })).toBe(false);
  });
  it('website scope with other websites → 注销网站', () => {
    expect(ids(retire('WEBSITE_CONTACT_INVALID', 2, 1))).toEqual(['cancel-website']);
  });
  it('website scope, last website → 注销主体 (no empty subject left behind)', () => {
    expect(ids(retire('WEBSITE_CONTACT_INVALID', 1, 3))).toEqual(['cancel-subject']);
  });
  it('domain scope with other domains → 变更网站 deleting the domain', () => {
    const plan = retire('DOMAIN_EXPIRED', 1, 2);
    expect(ids(plan)).toEqual(['delete-domain']);
    expect(plan.options[0]?.steps).toEqual([{ kind: 'order', order: 'CHANGE_WEBSITE' }]);
  });
  it('domain scope, last domain, other websites → 注销网站', () => {
    expect(ids(retire('DOMAIN_OWNER_MISMATCH', 2, 1))).toEqual(['cancel-website']);
  });
  it('domain scope, last domain of the last website → 注销主体', () => {
    expect(ids(retire('DNS_NOT_AT_PROVIDER', 1, 1))).toEqual(['cancel-subject']);
  });
  it('website findings the seeds also retire by deleting a domain offer that second', () => {
    expect(ids(retire('FOOTER_ICP_NUMBER_MISSING', 2, 2))).toEqual(['cancel-website', 'delete-domain']);
    expect(ids(retire('SITE_NAME_VIOLATION', 2, 2))).toEqual(['cancel-website']);
  });
});

describe('planRemediation — input errors', () => {
  const expectCode = (fn: () => unknown, code: string) => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(RemediationInputError);
      expect(e).toBeInstanceOf(Error);
      expect((e as RemediationInputError).code).toBe(code);
      expect((e as Error).name).toBe('RemediationInputError');
      return;
    }
    throw new Error('expected a RemediationInputError');
  };
  const bad = (patch: object) => () => planRemediation({ ...base, ...patch } as Parameters<typeof planRemediation>[0]);

  it('rejects an unknown finding code', () => expectCode(bad({ finding: 'NOPE' }), 'UNKNOWN_FINDING'));
  it('rejects an unknown intent', () => expectCode(bad({ intent: 'maybe' }), 'UNKNOWN_INTENT'));
  it('rejects an unknown nature', () => expectCode(bad({ subject: { ...base.subject, nature: 'alien' } }), 'UNKNOWN_NATURE'));
  it('rejects an unknown province', () => expectCode(bad({ subject: { ...base.subject, province: '99' } }), 'UNKNOWN_PROVINCE'));
  it('rejects a website-scope finding without website facts', () =>
    expectCode(() => planRemediation({ finding: 'SITE_TITLE_MISMATCH', intent: 'keep', subject: base.subject }), 'MISSING_WEBSITE'));
  it('rejects a domain-scope finding without website facts', () =>
    expectCode(() => planRemediation({ finding: 'DOMAIN_EXPIRED', intent: 'retire', subject: base.subject }), 'MISSING_WEBSITE'));
  it('rejects impossible counts', () => {
    expectCode(bad({ subject: { ...base.subject, websiteCount: -1 } }), 'INVALID_COUNT');
    expectCode(bad({ subject: { ...base.subject, websiteCount: 1.5 } }), 'INVALID_COUNT');
    expectCode(bad({ website: { domainCount: 0 } }), 'INVALID_COUNT');
    expectCode(bad({ subject: { ...base.subject, websiteCount: 0 } }), 'INVALID_COUNT');
  });
});

describe('labels and step descriptions', () => {
  const allSteps: Step[] = [
    ...ORDER_TYPES.map((order) => ({ kind: 'order', order }) as const),
    ...ACTION_CODES.map((action) => ({ kind: 'action', action }) as const),
    { kind: 'recheck' },
    { kind: 'abandon_open_order' },
  ];

  it('every step resolves to a zh-CN label and explanation', () => {
    for (const step of allSteps) {
      const { label, explanation } = describeStep(step);
      expect(label).toMatch(/\p{Script=Han}/u);
      expect(explanation.length).toBeGreaterThan(10);
    }
  });

  it('names the nine order types as the filer knows them', () => {
    expect(Object.values(ORDER_TYPE_LABELS)).toEqual([
      '变更主体', '变更网站', '变更接入', '注销主体', '注销网站', '取消接入', '接入备案', '新增网站', '首次备案',
    ]);
  });

  it('gives step-by-step instructions for every action', () => {
    for (const code of ACTION_CODES) {
      expect(ACTION_LABELS[code].steps.length).toBeGreaterThanOrEqual(2);
      for (const s of ACTION_LABELS[code].steps) expect(s).toMatch(/\p{Script=Han}/u);
    }
    expect(ACTION_LABELS.FIX_FOOTER.steps.join('')).toContain('https://beian.miit.gov.cn/');
    expect(ACTION_LABELS.FIX_FOOTER.steps.join('')).toContain('广东');
  });
});

// 001 1.1 如何取消备案? 取消接入: 备案号在工信部仍存在，请联系正在使用的服务器提供商提交备案接入申请;
// 001 6 更换阿里云其他服务器 说明: 更换为其他服务商，需要将ICP备案信息接入新的服务商; 1.6 取消接入对网站访问的影响.
describe('planRemediation — the site moved to another provider', () => {
  const moved = (finding: (typeof FINDING_CODES)[number]) =>
    planRemediation({ finding, intent: 'keep', subject: { nature: 'enterprise', province: '33', websiteCount: 1 }, website: { domainCount: 1 }, hostedElsewhere: true });
  it('recommends 接入 at the new provider, then 取消接入 here — never 注销', () => {
    for (const code of FINDING_CODES) {
      const p = moved(code);
      expect(p.options[0]?.id).toBe('move-to-new-provider');
      expect(p.options[0]?.steps).toEqual([
        { kind: 'action', action: 'ACCESS_AT_NEW_PROVIDER' },
        { kind: 'order', order: 'CANCEL_ACCESS' },
      ]);
      const orders = p.options.flatMap((o) => o.steps).filter((s) => s.kind === 'order').map((s) => (s as { order: string }).order);
      expect(orders).not.toContain('CANCEL_SUBJECT');
      expect(orders).not.toContain('CANCEL_WEBSITE');
      expect(orders).not.toContain('CHANGE_ACCESS');
    }
  });
  it('a DNS finding keeps "point DNS back" as the alternative', () => {
    expect(ids(moved('DNS_NOT_AT_PROVIDER'))).toEqual(['move-to-new-provider', 'fix-dns-recheck']);
  });
  it('is ignored when the filer retires the filing', () => {
    const p = planRemediation({ finding: 'DNS_NOT_AT_PROVIDER', intent: 'retire', subject: { nature: 'enterprise', province: '33', websiteCount: 2 }, website: { domainCount: 1 }, hostedElsewhere: true });
    expect(ids(p)).toEqual(['cancel-website']);
  });
});

// 000 超期未整改，备案已经被取消接入: 接入备案成功后，请您及时按照通知邮件，进行自查并操作变更备案.
describe('followUpAfterAccess', () => {
  it("is the finding's own recommended remedy", () => {
    expect(followUpAfterAccess('SUBJECT_LEGAL_REP_MISMATCH', { nature: 'enterprise', province: '33' })).toEqual([{ kind: 'order', order: 'CHANGE_SUBJECT' }]);
    expect(followUpAfterAccess('DOMAIN_EXPIRED', { nature: 'enterprise', province: '33' })).toEqual([{ kind: 'action', action: 'RENEW_DOMAIN' }, { kind: 'recheck' }]);
    expect(followUpAfterAccess('DOMAIN_EXPIRED', { nature: 'enterprise', province: '00' })).toEqual([{ kind: 'order', order: 'CHANGE_SUBJECT' }]);
  });
});
