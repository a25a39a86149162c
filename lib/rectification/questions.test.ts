import { describe, expect, it } from 'vitest';
import { planRemediation, planReaccessInProvince } from '@/lib/remediation';
import { answersBefore, answersQuery, parseAnswers, planFor, questionsFor, type RectificationContext } from './questions';

const site: RectificationContext = {
  finding: 'FOOTER_ICP_NUMBER_MISSING',
  scope: 'website',
  reaccess: false,
  objectName: '云栖科技官网',
  subject: { nature: 'enterprise', province: '33', websiteCount: 3 },
  website: { domainCount: 2 },
  openOrder: false,
};
const cancelled: RectificationContext = { ...site, finding: 'SUBJECT_PRINCIPAL_ID_MISMATCH', scope: 'subject', reaccess: true, objectName: '星辰', subject: { ...site.subject, province: '44' } };

describe('rectification questions', () => {
  it('a website cancelled on its own is filed again under the same subject, never as a new 首次备案', () => {
    const siteOnly: RectificationContext = { ...site, reaccess: true, siteOnly: true, subject: { ...site.subject, province: '11' } };
    for (const miit of ['none', 'subject_only', 'subject_with_other_websites', 'subject_and_website'] as const) {
      for (const mobile of ['yes', 'no'] as const) {
        const options = planFor(siteOnly, { miit, mobile, other: 'no' })!;
        const orders = options.flatMap((o) => o.steps.flatMap((s) => (s.kind === 'order' ? [s.order] : [])));
        expect(orders).not.toContain('FIRST_FILING');
        expect(options.map((o) => o.title).join()).not.toContain('首次备案');
      }
    }
    expect(planFor({ ...siteOnly, siteOnly: false }, { miit: 'none' })![0]!.steps).toContainEqual({ kind: 'order', order: 'FIRST_FILING' });
  });

  it('asks keep/retire, worded by scope, then gives the library\'s plan', () => {
    const first = questionsFor(site, {});
    expect(first.next?.name).toBe('intent');
    expect(first.next?.legend).toContain('这个网站（云栖科技官网）还在使用吗');
    expect(planFor(site, {})).toBeNull();
    const keep = planFor(site, { intent: 'keep' });
    expect(keep).toEqual(planRemediation({ finding: site.finding, intent: 'keep', subject: site.subject, website: site.website }).options);
    expect(planFor(site, { intent: 'retire' })?.[0]?.id).toBe('cancel-website');
  });

  it('for cancelled access asks the MIIT result, then the mobile, then another provider', () => {
    expect(questionsFor(cancelled, {}).next?.name).toBe('miit');
    expect(questionsFor(cancelled, { miit: 'subject_and_website' }).next?.name).toBe('mobile');
    expect(questionsFor(cancelled, { miit: 'subject_and_website', mobile: 'no' }).next?.name).toBe('other');
    // 001 5: where the province does not (or may not) allow 先接入后变更, another provider hosting it keeps the filing.
    expect(questionsFor(cancelled, { miit: 'subject_and_website', mobile: 'yes' }).next?.name).toBe('other');
    expect(questionsFor(cancelled, { miit: 'subject_and_website', mobile: 'yes', other: 'no' }).next).toBeNull();
    expect(questionsFor(cancelled, { miit: 'none' }).next).toBeNull();
    const plan = planFor(cancelled, { miit: 'subject_and_website', mobile: 'no', other: 'yes' });
    expect(plan).toEqual(
      planReaccessInProvince({ miit: 'subject_and_website', principalMobileWorks: false, otherProviderHosts: true, openChangeOrder: false, province: '44' }).options,
    );
    // 000: the change after 接入备案 is the finding's own remedy (变更主体 for the principal's ID data).
    const access = planFor(cancelled, { miit: 'subject_and_website', mobile: 'yes', other: 'no' });
    expect(access?.[0]?.steps).toEqual([{ kind: 'order', order: 'ACCESS_FILING' }, { kind: 'order', order: 'CHANGE_SUBJECT' }]);
  });

  // 001 1.1 如何取消备案? (取消接入: 备案号在工信部仍存在…尽快提交备案接入申请) and 6 (更换为其他服务商…接入新的服务商).
  it('offers "moved to another provider" in the first question, which leads to 接入 elsewhere and 取消接入 here', () => {
    expect(questionsFor(site, {}).next?.choices.map((c) => c.value)).toEqual(['keep', 'moved', 'retire']);
    const moved = planFor(site, { intent: 'moved' });
    expect(moved?.[0]?.id).toBe('move-to-new-provider');
    expect(moved?.flatMap((o) => o.steps)).not.toContainEqual({ kind: 'order', order: 'CANCEL_SUBJECT' });
  });

  // 001 8 注销主体与注销网站有什么区别? / 10 说明 (查询备案主体下备案的所有网站).
  it('asks what the MIIT query shows before a plan that would cancel the subject', () => {
    const last: RectificationContext = { ...site, subject: { ...site.subject, websiteCount: 1 }, website: { domainCount: 1 } };
    expect(questionsFor(last, { intent: 'retire' }).next?.name).toBe('miitOther');
    expect(planFor(last, { intent: 'retire' })).toBeNull();
    expect(planFor(last, { intent: 'retire', miitOther: 'no' })?.[0]?.id).toBe('cancel-subject');
    expect(planFor(last, { intent: 'retire', miitOther: 'yes' })?.map((o) => o.id)).toEqual(['cancel-website', 'cancel-access']);
    // With other websites here, 注销网站 is recommended and the question is not asked.
    expect(questionsFor(site, { intent: 'retire' }).next).toBeNull();
  });

  it('drops malformed answers and rebuilds the query in question order', () => {
    const a = parseAnswers({ intent: 'keep', miit: 'maybe', option: ['fix-footer-recheck', 'x'], mobile: '<script>' });
    expect(a).toEqual({ intent: 'keep', miitOther: undefined, miit: undefined, mobile: undefined, other: undefined, option: 'fix-footer-recheck' });
    expect(answersQuery({ intent: 'retire', miitOther: 'yes', option: 'cancel-website' })).toBe('?intent=retire&miitOther=yes&option=cancel-website');
    expect(answersBefore({ intent: 'retire', miitOther: 'yes' }, 'miitOther')).toEqual({ intent: 'retire' });
    expect(answersQuery(a)).toBe('?intent=keep&option=fix-footer-recheck');
    expect(answersQuery(answersBefore(a, 'intent'))).toBe('');
    expect(parseAnswers({ option: '../../etc' }).option).toBeUndefined();
  });
});
