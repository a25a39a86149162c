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
    expect(questionsFor(cancelled, { miit: 'subject_and_website', mobile: 'yes' }).next).toBeNull();
    expect(questionsFor(cancelled, { miit: 'none' }).next).toBeNull();
    const plan = planFor(cancelled, { miit: 'subject_and_website', mobile: 'no', other: 'yes' });
    expect(plan).toEqual(
      planReaccessInProvince({ miit: 'subject_and_website', principalMobileWorks: false, otherProviderHosts: true, openChangeOrder: false, province: '44' }).options,
    );
  });

  it('drops malformed answers and rebuilds the query in question order', () => {
    const a = parseAnswers({ intent: 'keep', miit: 'maybe', option: ['fix-footer-recheck', 'x'], mobile: '<script>' });
    expect(a).toEqual({ intent: 'keep', miit: undefined, mobile: undefined, other: undefined, option: 'fix-footer-recheck' });
    expect(answersQuery(a)).toBe('?intent=keep&option=fix-footer-recheck');
    expect(answersQuery(answersBefore(a, 'intent'))).toBe('');
    expect(parseAnswers({ option: '../../etc' }).option).toBeUndefined();
  });
});
