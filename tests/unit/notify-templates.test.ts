import { describe, expect, it } from 'vitest';
import { noticeEmail } from '@/lib/notify/templates/notice';
import { findingReminderEmail, orderExpiryEmail } from '@/lib/notify/templates/reminder';
import { orderEventEmail } from '@/lib/notify/order-emails';
import { smsSenderFromEnv, registerSmsSender } from '@/lib/notify/sms';
import { FINDING_CATALOGUE } from '@/lib/remediation';
import { REJECTION_REASONS } from '@/lib/remediation/rejection-reasons';

const BASE = 'https://beian.example.cn';
const ID = '6f1d2c3b-1111-4a4a-9b9b-0123456789ab';

describe('e-mail templates', () => {
  it('整改通知: user text is escaped, every finding has its own link, remedy, deadline and consequence', async () => {
    const m = await noticeEmail({
      subjectName: '<img src=x onerror=alert(1)>公司',
      findings: [
        { id: ID, code: 'DOMAIN_EXPIRED', deadline: '2026-12-01' },
        { id: ID.replace('ab', 'cd'), code: 'FOOTER_ICP_NUMBER_MISSING', deadline: '2026-12-05' },
      ],
      baseUrl: `${BASE}/`,
    });
    expect(m.html).not.toContain('<img');
    expect(m.html).toContain('&lt;img src=x');
    expect(m.html).toMatch(/<html[^>]*lang="zh-CN"/);
    expect(m.html).not.toMatch(/src="https?:/); // no remote images or scripts
    for (const [id, code] of [[ID, 'DOMAIN_EXPIRED'], [ID.replace('ab', 'cd'), 'FOOTER_ICP_NUMBER_MISSING']] as const) {
      expect(m.html).toContain(`href="${BASE}/rectifications/${id}"`);
      expect(m.text).toContain(`${BASE}/rectifications/${id}`);
      expect(m.text).toContain(FINDING_CATALOGUE[code].remedy);
      expect(m.text).toContain(FINDING_CATALOGUE[code].afterPeriod);
    }
    expect(m.text).toContain('2026-12-01');
    expect(m.subject).toContain('2 项');
    expect(m.html).not.toMatch(/token=|callbackUrl/);
  });

  it('reminders say how many days are left, or that today is the deadline', async () => {
    const finding = { id: ID, code: 'SITE_TITLE_MISMATCH' as const, deadline: '2026-11-24' };
    const seven = await findingReminderEmail({ subjectName: '某公司', finding, daysBefore: 7, baseUrl: BASE });
    const zero = await findingReminderEmail({ subjectName: '某公司', finding, daysBefore: 0, baseUrl: BASE });
    expect(seven.subject).toContain('还有 7 天');
    expect(zero.subject).toContain('今天（2026-11-24）是整改期限');
    expect(zero.template).toBe('reminder.0');
    expect(zero.text).toContain(`${BASE}/rectifications/${ID}`);
  });

  it('订单即将过期 names the order and the date it expires (Shanghai)', async () => {
    const m = await orderExpiryEmail({ order: { id: ID, number: 'BA2026110001', type: 'CHANGE_SUBJECT' }, expiresAt: new Date('2026-11-30T17:00:00Z'), daysBefore: 7, baseUrl: BASE });
    expect(m.subject).toContain('BA2026110001');
    expect(m.subject).toContain('2026-12-01');
    expect(m.text).toContain(`${BASE}/orders/${ID}`);
  });

  it('初审驳回 lists each reason with its fix and the reviewer note, escaped', async () => {
    const reason = REJECTION_REASONS[0]!;
    const m = await orderEventEmail({
      order: { id: ID, number: 'BA1', type: 'CHANGE_WEBSITE', rejection: [{ code: reason.code, note: '<b>请核对</b>' }], rejectionNote: '整体意见' },
      event: 'reject_first_review',
      to: 'FIRST_REVIEW_REJECTED',
      reason: '整体意见',
      baseUrl: BASE,
    });
    expect(m!.text).toContain(reason.reason);
    expect(m!.text).toContain(reason.fix);
    expect(m!.text).toContain('<b>请核对</b>');
    expect(m!.html).not.toContain('<b>请核对</b>');
    expect(m!.text.match(/整体意见/g)).toHaveLength(1);
    expect(m!.template).toBe('order.reject_first_review');
  });

  it('other decisions e-mail the state explanation; filer-own events e-mail nothing', async () => {
    const order = { id: ID, number: 'BA2', type: 'CHANGE_SUBJECT' as const };
    const pending = await orderEventEmail({ order, event: 'approve_first_review', to: 'PENDING_SMS', reason: null, baseUrl: BASE });
    expect(pending!.subject).toContain('待短信核验');
    expect(pending!.text).toContain('24小时内完成短信核验');
    expect(await orderEventEmail({ order, event: 'withdraw', to: 'WITHDRAWN', reason: null })).toBeNull();
  });
});

describe('SMS sender', () => {
  it('defaults to the dev inbox, picks a registered sender by name and refuses an unknown one', () => {
    expect(smsSenderFromEnv({}).name).toBe('dev');
    registerSmsSender({ name: 'gateway-test', send: async () => {} });
    expect(smsSenderFromEnv({ SMS_SENDER: 'gateway-test' }).name).toBe('gateway-test');
    expect(() => smsSenderFromEnv({ SMS_SENDER: 'nope' })).toThrow(/SMS_SENDER/);
  });
});

describe('plain-text part', () => {
  it('is exactly what react-email toPlainText gives, with the options compiled once', async () => {
    const { toPlainText } = await import('@react-email/render');
    const mail = await noticeEmail({
      subjectName: '杭州示例科技有限公司',
      findings: [
        { id: 'f1', code: 'SITE_UNREACHABLE', deadline: '2027-01-10' },
        { id: 'f2', code: 'DOMAIN_EXPIRED', deadline: '2027-01-12' },
      ],
      baseUrl: 'https://beian.example.cn',
    });
    expect(mail.text).toBe(toPlainText(mail.html).replace(/\n{3,}/g, '\n\n').trim());
  });
});
