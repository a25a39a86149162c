import { describe, expect, it } from 'vitest';
import { FINDING_CATALOGUE } from '@/lib/remediation';
import { noticeEmail } from './notice-email';

describe('noticeEmail', () => {
  const mail = noticeEmail({
    subjectName: '杭州云栖科技有限公司',
    findings: [
      { id: 'f-1', code: 'DOMAIN_EXPIRED', deadline: '2026-12-20' },
      { id: 'f-2', code: 'SUBJECT_CONTACT_INVALID', deadline: '2026-12-05' },
    ],
    baseUrl: 'https://beian.example.com/',
  });

  it('links every finding to its own page with an absolute URL and no token', () => {
    for (const id of ['f-1', 'f-2']) {
      expect(mail.text).toContain(`https://beian.example.com/rectifications/${id}`);
      expect(mail.html).toContain(`href="https://beian.example.com/rectifications/${id}"`);
    }
    expect(mail.text).not.toMatch(/token=/);
  });

  it('names each finding, its deadline and what happens after it, from the catalogue', () => {
    expect(mail.text).toContain(FINDING_CATALOGUE.DOMAIN_EXPIRED.notice);
    expect(mail.text).toContain(FINDING_CATALOGUE.SUBJECT_CONTACT_INVALID.afterPeriod);
    expect(mail.text).toContain('整改期限：2026-12-20');
    expect(mail.subject).toContain('2 项');
    expect(mail.subject).toContain('2026-12-05'); // the earliest deadline
  });

  it('escapes the subject name in HTML', () => {
    const m = noticeEmail({ subjectName: '<b>x</b>', findings: [{ id: 'a', code: 'SITE_UNREACHABLE', deadline: '2026-12-01' }], baseUrl: 'http://h' });
    expect(m.html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(m.html).not.toContain('<b>x</b>');
  });
});
