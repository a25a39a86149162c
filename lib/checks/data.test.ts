import { describe, expect, it } from 'vitest';
import { buildContactIndex, checkFilingData, dataHints, idExpired, type FilingFacts, type PrincipalFacts } from './data';

const person = (id: string, over: Partial<PrincipalFacts> = {}): PrincipalFacts => ({
  id,
  name: '张伟',
  idValidUntil: '2035-01-01',
  mobile: `1380571000${id.length}`,
  email: `${id}@example.cn`,
  emergencyMobile: '13905710001',
  ...over,
});

function filing(over: { subject?: Partial<FilingFacts['subject']>; websites?: FilingFacts['websites'] } = {}): FilingFacts {
  const principal = person('p1');
  return {
    subject: { id: 's1', nature: 'enterprise', provinceCode: '33', legalRepName: '张伟', principal, ...over.subject },
    websites: over.websites ?? [
      { id: 'w1', name: '云栖科技官网', principal, domains: [{ id: 'd1', name: 'yunqi-tech.cn', expiresOn: '2027-06-01' }] },
    ],
  };
}

const TODAY = '2026-11-23';
const run = (f: FilingFacts, extra: PrincipalFacts[] = []) => {
  const principals = [f.subject.principal, ...f.websites.map((w) => w.principal), ...extra];
  return checkFilingData(f, { today: TODAY, contacts: buildContactIndex(principals) }).map((x) => x.code);
};

describe('data checks of the 专项核查', () => {
  it('a clean filing yields nothing', () => {
    expect(run(filing())).toEqual([]);
  });

  // 002 主体信息未通过：主体负责人证件已过期 / 网站负责人证件已过期 — expired means expired. The 3-month margin of
  // 001 4.5 上传资料有什么要求? (时效要求) is for new submissions and is the wizard's rule, not a finding.
  it('IDs already expired (subject and website principals); still-valid IDs are no finding', () => {
    expect(idExpired('2026-11-22', TODAY)).toBe(true);
    expect(idExpired(TODAY, TODAY)).toBe(false);
    expect(idExpired('2027-01-15', TODAY)).toBe(false);
    expect(idExpired(null, TODAY)).toBe(false);
    const sp = person('p1', { idValidUntil: '2026-10-01' });
    const wp = person('p22', { idValidUntil: '2026-11-01', mobile: '13800000022', emergencyMobile: '13900000022' });
    const f = filing({ subject: { principal: sp }, websites: [{ id: 'w1', name: '云栖科技官网', principal: wp, domains: [{ id: 'd1', name: 'a.cn', expiresOn: '2030-01-01' }] }] });
    expect(run(f)).toEqual(['SUBJECT_PRINCIPAL_ID_EXPIRED', 'WEBSITE_PRINCIPAL_ID_EXPIRED']);
    const soon = person('p1', { idValidUntil: '2027-01-10' });
    const wsoon = person('p22', { idValidUntil: '2027-01-15', mobile: '13800000022', emergencyMobile: '13900000022' });
    expect(run(filing({ subject: { principal: soon }, websites: [{ id: 'w1', name: '云栖科技官网', principal: wsoon, domains: [{ id: 'd1', name: 'a.cn', expiresOn: '2030-01-01' }] }] }))).toEqual([]);
  });

  it('the same mobile or e-mail used by different principals', () => {
    const other = person('p9', { name: '李四', mobile: '13700000009', email: 'P1@example.cn', emergencyMobile: '13600000009' });
    expect(run(filing(), [other])).toEqual(['SUBJECT_CONTACT_INVALID']);
    const viaEmergency = person('p8', { name: '王五', mobile: '13905710001', email: 'x8@example.cn', emergencyMobile: '13600000008' });
    expect(run(filing(), [viaEmergency])).toEqual(['SUBJECT_CONTACT_INVALID']);
  });

  it('a missing or invalid 应急联系电话', () => {
    expect(run(filing({ subject: { principal: person('p1', { emergencyMobile: null }) } }))).toEqual(['SUBJECT_CONTACT_INVALID']);
    expect(run(filing({ subject: { principal: person('p1', { emergencyMobile: '12345' }) } }))).toEqual(['SUBJECT_CONTACT_INVALID']);
  });

  it('主体负责人 not the 法定代表人 only where the province requires it', () => {
    // 浙江 (33) is among the provinces requiring the 法定代表人 (seed 001); personal subjects are exempt.
    expect(run(filing({ subject: { legalRepName: '邓建国' } }))).toEqual(['SUBJECT_LEGAL_REP_MISMATCH']);
    expect(run(filing({ subject: { legalRepName: '邓建国', nature: 'personal' } }))).not.toContain('SUBJECT_LEGAL_REP_MISMATCH');
    expect(run(filing({ subject: { legalRepName: null } }))).toEqual([]);
  });

  it('网站名称 rule violations and personal sites reading as a business', () => {
    const sites = (name: string) => [{ id: 'w1', name, principal: person('p1'), domains: [{ id: 'd1', name: 'linareads.cn', expiresOn: '2030-01-01' }] }];
    expect(run(filing({ websites: sites('linareads.cn') }))).toEqual(['SITE_NAME_VIOLATION']);
    expect(run(filing({ websites: sites('中国云栖网') }))).toEqual(['SITE_NAME_VIOLATION']);
    expect(run(filing({ subject: { nature: 'government' }, websites: sites('中国云栖网') }))).toEqual([]);
    // 001 2.7 网站内容与备案性质不符 judges the content the site shows: a name alone is a hint, never a finding.
    const named = filing({ subject: { nature: 'personal' }, websites: sites('李娜科技代理官网') });
    expect(run(named)).not.toContain('CONTENT_SUBJECT_MISMATCH');
    expect(dataHints(named)).toEqual([{ websiteId: 'w1', message: expect.stringContaining('代理、科技、官网') }]);
    expect(dataHints(filing({ subject: { nature: 'personal' }, websites: sites('李娜的读书笔记') }))).toEqual([]);
    expect(dataHints(filing({ websites: sites('云栖科技官网') }))).toEqual([]);
    expect(run(filing({ subject: { nature: 'personal' }, websites: sites('李娜的读书笔记') }))).toEqual([]);
  });

  it('domains past their recorded expiry, one finding per domain', () => {
    const f = filing({
      websites: [
        {
          id: 'w1',
          name: '云栖科技官网',
          principal: person('p1'),
          domains: [
            { id: 'd1', name: 'a.cn', expiresOn: '2026-11-22' },
            { id: 'd2', name: 'b.cn', expiresOn: '2026-11-23' },
          ],
        },
      ],
    });
    const out = checkFilingData(f, { today: TODAY, contacts: buildContactIndex([f.subject.principal]) });
    expect(out).toEqual([expect.objectContaining({ code: 'DOMAIN_EXPIRED', domainId: 'd1', websiteId: 'w1' })]);
  });

  it('a website principal with their own bad contact yields a website finding', () => {
    const wp = person('p2', { mobile: '13800000002', email: 'w@example.cn', emergencyMobile: null });
    const f = filing({ websites: [{ id: 'w1', name: '云栖科技官网', principal: wp, domains: [{ id: 'd1', name: 'a.cn', expiresOn: '2030-01-01' }] }] });
    expect(run(f)).toEqual(['WEBSITE_CONTACT_INVALID']);
  });
});
