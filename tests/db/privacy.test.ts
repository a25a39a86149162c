import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { recordPiiView, rejectOrder } from '@/db/review/decide';
import { decideRecheck } from '@/db/rechecks/decide';
import { decideExtension } from '@/db/extensions/decide';
import { inviteUser } from '@/db/admin/users';
import { issueNotice } from '@/db/notices/issue';
import { runReminders } from '@/db/jobs/reminders';
import { deliverDue, devTransport } from '@/db/jobs/outbox-worker';
import { enqueue } from '@/db/queries/outbox';
import { retryParkedMessage } from '@/db/queries/mailbox';
import { magicLinkEmail } from '@/lib/notify/auth-templates';
import { maskIdNumber, maskMobile } from '@/lib/privacy/mask';
import { createLogger, setLogger } from '@/lib/log';
import { describeAudit } from '@/lib/audit/describe';
import { addDaysIso, todayIso } from '@/lib/time';
import type { SessionUser } from '@/app/_server/session';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';

// Personal data: no e-mail, audit entry or log line carries a whole 身份证号 or mobile number, and
// HTML typed into any user field reaches e-mails as text. The numbers used are the seeded principals' own,
// typed into every free-text field a reviewer, an operator or a filer fills in.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/app/_server/session', () => ({ currentUser: async () => session.user, requirePageUser: async () => session.user }));

const HTML = '<img src=x onerror=alert(1)>';

describe.each(TEST_TARGETS)('personal data on %s', (target) => {
  let h: TestDb;
  let users: Record<string, { id: string; role: 'filer' | 'reviewer' | 'admin'; email: string; name: string }>;
  /** Every 身份证号 and mobile number in the database. */
  let whole: string[];
  let id: string;
  let mobile: string;
  const typed = () => `${HTML} 负责人证件 ${id}，手机 ${mobile}`;

  beforeAll(async () => {
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
    const rows = await h.db.select().from(t.users);
    users = Object.fromEntries(rows.map((u) => [u.email.split('@')[0]!, { id: u.id, role: u.role, email: u.email, name: u.name }]));
    const people = await h.db.select().from(t.principals);
    whole = people.flatMap((p) => [p.idNumber, p.mobile, p.emergencyMobile]);
    id = people[0]!.idNumber;
    mobile = people[0]!.mobile;
    expect(id).toMatch(/^\d{17}[\dX]$/);
    expect(mobile).toMatch(/^1\d{10}$/);
  }, 120_000);
  afterAll(() => h?.close());

  const leaks = (s: string) => whole.filter((w) => s.includes(w));

  it('no e-mail of any kind shows a whole 身份证号 or mobile, and HTML typed by users is text in all of them', async () => {
    const { admin, reviewer } = users;
    // A subject name as a filer might type it (the CSV import and the wizards take names as given).
    const [subject] = await h.db.select().from(t.subjects).where(eq(t.subjects.name, '武汉江城餐饮管理有限公司'));
    await h.db.update(t.subjects).set({ name: `${HTML}${mobile}餐饮` }).where(eq(t.subjects.id, subject!.id));
    await issueNotice(h.db, { actor: admin!, subjectId: subject!.id, deadline: addDaysIso(todayIso(), 3), findings: [{ code: 'SUBJECT_CONTACT_INVALID', observedValue: mobile }] });
    await runReminders(h.db); // 整改提醒 for that new finding, 3 days before its deadline

    const [order] = await h.db.select().from(t.orders).where(eq(t.orders.state, 'SUBMITTED')).limit(1);
    await rejectOrder(h.db, { orderId: order!.id, actor: reviewer!, reasons: [{ code: 'PHONE_PROBLEM', field: 'principal.mobile', note: typed() }], note: typed() });
    const [recheck] = await h.db.select().from(t.rechecks).where(eq(t.rechecks.state, 'pending')).limit(1);
    await decideRecheck(h.db, { recheckId: recheck!.id, actor: reviewer!, decision: 'return', reason: typed() });
    const [ext] = await h.db.select().from(t.extensionRequests).where(eq(t.extensionRequests.state, 'pending')).limit(1);
    await decideExtension(h.db, { actor: admin!, requestId: ext!.id, decision: 'refuse', reason: typed() });
    await inviteUser(h.db, { actor: admin!, name: `${HTML}${mobile}`, email: 'new-colleague@beian.example', role: 'reviewer' });
    // A magic link to an address that is a mobile number must keep working: links are not masked.
    const link = `https://beian.example.cn/api/auth/callback/email?token=abc&email=${mobile}%40163.com`;
    await enqueue(h.db, { channel: 'email', recipient: `${mobile}@163.com`, template: 'magic_link', ...(await magicLinkEmail({ url: link, expires: new Date() })) });

    const mails = await h.db.select().from(t.outbox).where(eq(t.outbox.channel, 'email'));
    const templates = new Set(mails.map((m) => m.template.replace(/\.\d+$/, '')));
    for (const tpl of ['notice', 'reminder', 'order.reject_first_review', 'recheck.return', 'extension.refused', 'user.invite', 'magic_link']) expect(templates).toContain(tpl);
    for (const m of mails) {
      const body = `${m.subject}\n${m.text}\n${m.html}`.replaceAll(link, '').replaceAll(link.replaceAll('&', '&amp;'), '');
      expect(leaks(body), `${m.template} #${m.id}`).toEqual([]);
      expect(m.html, m.template).not.toMatch(/<img\b/i);
    }
    const reject = mails.find((m) => m.template === 'order.reject_first_review')!;
    expect(reject.text).toContain(`负责人证件 ${maskIdNumber(id)}，手机 ${maskMobile(mobile)}`);
    expect(reject.text).toContain(HTML); // the plain-text part shows what was typed…
    expect(reject.html).toContain('&lt;img src=x onerror=alert(1)&gt;'); // …the HTML part shows it as text
    for (const tpl of ['recheck.return', 'extension.refused', 'user.invite', 'notice', 'reminder.3']) {
      const m = mails.find((x) => x.template === tpl && x.text.includes(HTML));
      expect(m, tpl).toBeDefined();
      expect(m!.html, tpl).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(m!.text, tpl).toContain(maskMobile(mobile));
    }
    const magic = mails.find((m) => m.template === 'magic_link')!;
    expect(magic.text).toContain(link);
    expect(magic.html).toContain(`href="${link.replaceAll('&', '&amp;')}"`);
  });

  it('the audit log stores and shows no whole number, and a 身份证号 view records who and which fields, not values', async () => {
    const [order] = await h.db.select().from(t.orders).limit(1);
    await recordPiiView(h.db, { orderId: order!.id, actor: users.reviewer!, subjectId: order!.subjectId, fields: ['principal.idNumber'] });
    const audit = await h.db.select().from(t.auditEvents);
    const view = audit.find((a) => a.action === 'pii.view' && a.entityId === order!.id);
    expect(view).toMatchObject({ actorId: users.reviewer!.id, details: { fields: ['principal.idNumber'] } });
    expect(describeAudit('pii.view', view!.details as Record<string, unknown>)).toBe('查看字段：负责人证件号码');
    expect(audit.length).toBeGreaterThanOrEqual(5); // the decisions above, at least
    for (const a of audit) {
      expect(leaks(JSON.stringify(a.details)), a.action).toEqual([]);
      expect(leaks(describeAudit(a.action, a.details as Record<string, unknown>)), a.action).toEqual([]);
    }
    const reject = audit.find((a) => a.action === 'order.reject_first_review' && JSON.stringify(a.details).includes(maskMobile(mobile)));
    expect(reject).toBeDefined();
  });

  it('a failed SMS leaves a masked error for operators and a masked retry in the audit log', async () => {
    const [row] = await enqueue(h.db, { channel: 'sms', recipient: mobile, template: 'sms_code', text: '核验码 123456' });
    const gateway = { name: 'gateway', send: async (m: { recipient: string }) => { throw new Error(`gateway refused ${m.recipient}`); } };
    await deliverDue(h.db, { email: devTransport, sms: gateway }, { limit: 100 });
    const [failed] = await h.db.select().from(t.outbox).where(eq(t.outbox.id, row!.id));
    expect(failed!.recipient).toBe(mobile); // the address itself is needed to send
    expect(failed!.lastError).toBe(`gateway refused ${maskMobile(mobile)}`);
    await h.db.update(t.outbox).set({ status: 'parked' }).where(eq(t.outbox.id, row!.id));
    await retryParkedMessage(h.db, row!.id, users.admin!.id);
    const [retry] = await h.db.select().from(t.auditEvents).where(and(eq(t.auditEvents.action, 'outbox.retry'), eq(t.auditEvents.entityId, String(row!.id))));
    expect(retry!.details).toMatchObject({ recipient: maskMobile(mobile), lastError: `gateway refused ${maskMobile(mobile)}` });
  });

  it('an unexpected error in a server action logs its masked message only, and the user sees a generic Chinese one', async () => {
    const { defineAction } = await import('@/app/_server/action');
    const action = defineAction({ roles: ['filer'], schema: z.object({ note: z.string() }) }, async (input) => {
      throw new Error(`duplicate key value violates unique constraint "principals_id_number_uq": (${id}) ${input.note}`);
    });
    session.user = { id: users.filer!.id, email: users.filer!.email, name: users.filer!.name, role: 'filer' };
    const lines: string[] = [];
    const spies = (['error', 'warn', 'log', 'info'] as const).map((level) => vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' '))));
    setLogger(createLogger(new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }) as never, { level: 'trace' }));
    try {
      const result = await action(null, { note: `请回电 ${mobile}` });
      expect(result).toEqual({ ok: false, message: '系统繁忙，操作未完成，请稍后重试。您填写的内容未丢失。' });
    } finally {
      for (const s of spies) s.mockRestore();
      setLogger(undefined);
      session.user = null;
    }
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'error', component: 'action', msg: expect.stringMatching(/action failed/) });
    expect(line.requestId).toEqual(expect.any(String));
    expect(line.err).toContain(`(${maskIdNumber(id)}) 请回电 ${maskMobile(mobile)}`);
    expect(leaks(lines.join('\n'))).toEqual([]);
  });

  it('the seeded database itself holds the numbers whole where they are needed (so the checks above can fail)', async () => {
    const [p] = await h.db.select({ n: sql<number>`count(*)::int` }).from(t.principals).where(eq(t.principals.idNumber, id));
    expect(Number(p!.n)).toBe(1);
    expect(leaks(`x ${id} ${mobile}`)).toEqual([id, mobile]);
  });
});
