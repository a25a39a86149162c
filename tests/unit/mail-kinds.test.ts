import { requestClosedEmail } from '@/lib/notify/templates/decisions';
import { describe, expect, it } from 'vitest';
import type { MailKind } from '@/lib/notify/kinds';
import { MAIL_KINDS } from '@/lib/notify/kinds';
import { noticeEmail, NOTICE_EMAIL_ITEMS, type NoticeFinding } from '@/lib/notify/templates/notice';
import { findingReminderEmail, orderExpiryEmail } from '@/lib/notify/templates/reminder';
import { extensionResultEmail, inviteEmail, magicLinkEmail, recheckResultEmail } from '@/lib/notify/templates/decisions';
import { orderEventEmail } from '@/lib/notify/order-emails';
import { contactCodeSmsText, smsCodeText } from '@/lib/notify/sms-text';
import { contactCodeEmail } from '@/lib/notify/templates/contact-code';
import { FINDING_CODES } from '@/lib/domain/codes';
import { findInternalKeys } from '../support/key-scan';

const BASE = 'https://beian.example.cn';
const ID = '6f1d2c3b-1111-4a4a-9b9b-0123456789ab';
const finding = { id: ID, code: 'FOOTER_ICP_NUMBER_MISSING' as const, deadline: '2026-12-20' };
const order = {
  id: ID,
  number: 'BA20261202137426',
  type: 'CHANGE_WEBSITE' as const,
  rejection: [
    { code: 'PHONE_PROBLEM', field: 'principal.mobile', note: '新号码无法接通' },
    { code: 'DOCUMENTS_INCOMPLETE', field: 'materials', note: null },
  ],
  rejectionNote: '请核实后重新提交。',
};
const event = (e: Parameters<typeof orderEventEmail>[0]['event'], to: Parameters<typeof orderEventEmail>[0]['to']) => async () =>
  (await orderEventEmail({ order, event: e, to, reason: e === 'regulator_reject' ? '网站名称不符合规范' : null, baseUrl: BASE }))!;

type Rendered = { subject: string; html?: string; text: string };

/** Every kind the outbox carries, rendered from representative data; a kind missing here fails the type check. */
const RENDER: Record<MailKind, () => Promise<Rendered>> = {
  notice: () => noticeEmail({ subjectName: '杭州西湖数码科技有限公司', findings: [finding], baseUrl: BASE }),
  'reminder.7': () => findingReminderEmail({ subjectName: '某公司', finding, daysBefore: 7, baseUrl: BASE }),
  'reminder.3': () => findingReminderEmail({ subjectName: '某公司', finding, daysBefore: 3, baseUrl: BASE }),
  'reminder.1': () => findingReminderEmail({ subjectName: '某公司', finding, daysBefore: 1, baseUrl: BASE }),
  'reminder.0': () => findingReminderEmail({ subjectName: '某公司', finding, daysBefore: 0, baseUrl: BASE }),
  'order.submit': event('submit', 'SUBMITTED'),
  'order.resubmit': event('resubmit', 'REGULATOR_REVIEW'),
  'order.cancel_access': event('cancel_access', 'APPROVED'),
  'order.approve_first_review': event('approve_first_review', 'PENDING_SMS'),
  'order.reject_first_review': event('reject_first_review', 'FIRST_REVIEW_REJECTED'),
  'order.sms_return': event('sms_return', 'RETURNED'),
  'order.regulator_approve': event('regulator_approve', 'APPROVED'),
  'order.regulator_reject': event('regulator_reject', 'REGULATOR_REJECTED'),
  'order.expire': event('expire', 'EXPIRED'),
  'order.expiring': () => orderExpiryEmail({ order, expiresAt: new Date('2026-12-30T04:00:00Z'), daysBefore: 7, baseUrl: BASE }),
  'recheck.accept': () => recheckResultEmail({ finding, decision: 'accept', reason: null, baseUrl: BASE }),
  'recheck.return': () => recheckResultEmail({ finding, decision: 'return', reason: '备案号仍未链接到工信部网站。', baseUrl: BASE }),
  'recheck.closed': () => requestClosedEmail({ finding, what: '复核申请', reason: '订单 BA20261202000001 已审核通过。该整改事项已完成，无需再操作。', baseUrl: BASE }),
  'extension.closed': () => requestClosedEmail({ finding, what: '延期申请', reason: '运营人员取消接入。该备案已被取消接入，原整改事项随之关闭。', baseUrl: BASE }),
  'extension.granted': () => extensionResultEmail({ finding, decision: 'grant', newDeadline: '2027-01-15', baseUrl: BASE }),
  'extension.refused': () => extensionResultEmail({ finding, decision: 'refuse', reason: '整改期限内可以完成，不予延期。', deadline: '2026-12-20', baseUrl: BASE }),
  'user.invite': () => inviteEmail({ name: '许晴', email: 'xu@beian.example', role: 'reviewer', baseUrl: BASE }),
  magic_link: () => magicLinkEmail({ url: `${BASE}/api/auth/callback/email?token=abc`, expires: new Date('2026-12-02T08:00:00Z') }),
  sms_code: async () => ({ subject: '', text: smsCodeText(order, '246810') }),
  'contact_code.sms': async () => ({ subject: '', text: contactCodeSmsText({ orderNumber: order.number, label: '主体负责人手机号码' }, '024680') }),
  'contact_code.email': () => contactCodeEmail({ orderNumber: order.number, label: '网站负责人电子邮箱', code: '024680' }),
};

const SMS_KINDS: readonly MailKind[] = ['sms_code', 'contact_code.sms'];

describe('every mail kind', () => {
  it.each(MAIL_KINDS.map((k) => [k]))('%s: common layout, no internal key, no doubled punctuation, under 100 KB', async (kind) => {
    const m = await RENDER[kind]();
    expect(findInternalKeys(`${m.subject}\n${m.text}`), kind).toEqual([]);
    expect(`${m.subject}${m.text}`).not.toMatch(/[。，；：]{2}|。\s*。/);
    if (SMS_KINDS.includes(kind)) return;
    expect(m.html).toMatch(/<html[^>]*lang="zh-CN"/);
    expect(m.text).toContain('备案整改门户'); // the brand line of the shared layout
    expect(m.text).toContain('此邮件由系统自动发送，请勿直接回复');
    expect(Buffer.byteLength(m.html!) + Buffer.byteLength(m.text)).toBeLessThan(100_000);
  });
});

describe('contact codes', () => {
  it('the SMS and the e-mail carry the code, the order and what is confirmed', async () => {
    const sms = contactCodeSmsText({ orderNumber: 'BA20261202137426', label: '主体负责人手机号码' }, '024680');
    expect(sms).toBe('【备案整改门户】验证码 024680，用于确认备案订单 BA20261202137426 的主体负责人手机号码，10 分钟内有效。如非本人操作请忽略。');
    const mail = await contactCodeEmail({ orderNumber: 'BA20261202137426', label: '网站负责人电子邮箱', code: '024680' });
    expect(mail.subject).toBe('【备案整改门户】验证码 024680：确认网站负责人电子邮箱');
    expect(mail.text).toContain('验证码：024680');
    expect(mail.text).toContain('备案订单 BA20261202137426 将本邮箱填写为网站负责人电子邮箱');
    expect(mail.text).toContain('10 分钟内有效');
    expect(mail.html).not.toMatch(/<a\b/);
  });
});

describe('notice mails', () => {
  const findings: NoticeFinding[] = Array.from({ length: 90 }, (_, i) => ({
    id: `${String(i).padStart(8, '0')}-1111-4a4a-9b9b-0123456789ab`,
    code: FINDING_CODES[i % FINDING_CODES.length]!,
    deadline: `2026-12-${String(10 + (i % 20)).padStart(2, '0')}`,
    website: i % 3 === 0 ? null : { name: `站点${i % 3}`, icpNumber: `浙ICP备2020000${i % 3}号-${i % 3}` },
    domain: i % 3 === 0 ? null : `site${i % 3}.example.cn`,
    observed: `核查发现 ${i}`,
  }));

  it('a 90-item notice stays under 100 KB, lists 30 items grouped by website and links to the rest', async () => {
    const m = await noticeEmail({ subjectName: '杭州西湖数码科技有限公司', findings, baseUrl: BASE });
    expect(Buffer.byteLength(m.html)).toBeLessThan(100_000);
    expect(m.subject).toContain('90 项');
    const links = [...m.html.matchAll(/href="https:\/\/beian\.example\.cn\/rectifications\/([^"]+)"/g)].map((x) => x[1]);
    expect(new Set(links).size).toBe(NOTICE_EMAIL_ITEMS);
    expect(m.text).toContain(`其余 ${90 - NOTICE_EMAIL_ITEMS} 项`);
    expect(m.html).toContain(`href="${BASE}/notices"`);
    expect(m.text).toContain('网站“站点1”（浙ICP备20200001号-1）');
    expect(m.text).toContain('主体信息');
    expect(m.text).toContain('域名：site1.example.cn');
    expect(m.text).toMatch(/核查发现：核查发现 \d+/);
    // Grouped: each website's heading appears once.
    expect(m.text.match(/网站“站点1”/g)).toHaveLength(1);
  });
});

describe('初审驳回 mail', () => {
  it('names each rejected field with reason and fix, and links to the wizard step holding it', async () => {
    const m = (await orderEventEmail({ order, event: 'reject_first_review', to: 'FIRST_REVIEW_REJECTED', reason: 'joined', baseUrl: BASE }))!;
    expect(m.text).toContain('网站负责人 · 手机号码');
    expect(m.text).toContain('上传材料');
    expect(m.text).toContain('修改方法');
    expect(m.text).not.toContain('joined'); // the one-line summary is not repeated
    // CHANGE_WEBSITE steps: website, websitePrincipal, domains, materials, review.
    expect(m.html).toContain(`href="${BASE}/orders/${ID}/edit?rejected=1&amp;step=2&amp;field=principal.mobile#w-principal-mobile"`);
    expect(m.html).toContain(`href="${BASE}/orders/${ID}/edit?rejected=1&amp;step=4&amp;field=materials#w-materials"`);
    expect(m.text).toContain('第 2 步：网站负责人');
  });
});
