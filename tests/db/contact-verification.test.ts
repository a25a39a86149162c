import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { createDraft, saveDraft, submitOrder } from '@/db/orders/drafts';
import { contactStatuses, sendContactCode, unverifiedContacts, verifyContactCode } from '@/db/contacts/verification';
import { listSmsOutbox } from '@/db/queries/regulator';
import { getOutboxMessage, listMailbox } from '@/db/queries/mailbox';
import { ConflictError, NotFoundError, PublicError } from '@/lib/errors';
import type { OrderPayload, PrincipalData } from '@/lib/orders/payload';
import { setDbForTests } from '@/db/client';
import type { SessionUser } from '@/app/_server/session';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';
import { installWriteCounter, writeCount } from '../support/write-counter';
import { verifyOrderContacts } from '../support/contacts';
import { runHousekeeping } from '@/db/jobs/housekeeping';

// The wizard's contact self-verification against a real database: the code goes out through the outbox
// (read back here exactly where the dev SMS inbox and the dev mailbox read it), and submitOrder refuses an
// order whose new 负责人 mobile or e-mail has not been confirmed.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/app/_server/session', () => ({ currentUser: async () => session.user, requirePageUser: async () => session.user }));
vi.mock('@/app/_server/auth', () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined, clientIp: () => '127.0.0.1' }));
vi.mock('next/cache', async () => (await import('../support/next-mocks')).cacheMock);
vi.mock('next/headers', async () => (await import('../support/next-mocks')).headersMock);
vi.mock('next/navigation', async () => (await import('../support/next-mocks')).navigationMock);

type ActionResult = { ok: boolean; message?: string; data?: unknown; fieldErrors?: Record<string, string[]> };

const SEC = 1000;
const MIN = 60 * SEC;
const DAY = 24 * 3600 * SEC;

describe.each(TEST_TARGETS)('contact verification on %s', (target) => {
  let h: TestDb;
  let users: Record<string, string>;
  beforeAll(async () => {
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
    await installWriteCounter(h.db);
    const rows = await h.db.select().from(t.users);
    users = Object.fromEntries(rows.map((u) => [u.email.split('@')[0]!, u.id]));
    setDbForTests(h);
  });
  afterAll(async () => {
    setDbForTests(undefined);
    await h?.close();
  });

  const subjectId = async (name: string) => (await h.db.select({ id: t.subjects.id }).from(t.subjects).where(eq(t.subjects.name, name)))[0]!.id;
  const orderRow = async (id: string) => (await h.db.select().from(t.orders).where(eq(t.orders.id, id)))[0]!;
  const material = async (ownerId: string, kind: string) =>
    (await h.db.insert(t.materials).values({ ownerId, kind, fileName: `${kind}.png`, mime: 'image/png', size: 300_000, sha256: 'x' }).returning({ id: t.materials.id }))[0]!.id;

  /** A 变更主体 draft of `subject` with the principal patched, saved with its material as the wizard would. */
  async function changeSubject(owner: string, subject: string, principal: Partial<PrincipalData>) {
    const ownerId = users[owner]!;
    const { orderId, existing } = await createDraft(h.db, { ownerId, type: 'CHANGE_SUBJECT', subjectId: await subjectId(subject) });
    expect(existing, `${subject} has no open order`).toBe(false);
    const p = (await orderRow(orderId)).payload as Extract<OrderPayload, { type: 'CHANGE_SUBJECT' }>;
    await saveDraft(h.db, { ownerId, orderId, payload: { ...p, principal: { ...p.principal, ...principal } }, wizardStep: 3, materialIds: [await material(ownerId, 'subject_cert')] });
    return { ownerId, orderId, number: (await orderRow(orderId)).number };
  }

  /** The code as the dev SMS inbox (/admin/sms) shows it: the newest SMS naming the order and the contact. */
  async function smsCode(number: string, label: string) {
    const row = (await listSmsOutbox(h.db)).find((m) => m.text.includes(number) && m.text.includes(label));
    return row?.text.match(/验证码 (\d{6})/)?.[1];
  }

  /** The code as the dev mailbox shows it: filtered by type 联系方式验证码 and recipient, newest first. */
  async function mailCode(recipient: string) {
    const { rows } = await listMailbox(h.db, { template: 'contact_code.', recipient });
    const full = rows[0] ? await getOutboxMessage(h.db, rows[0].id) : undefined;
    return { subject: rows[0]?.subject, text: full?.text, code: rows[0]?.subject.match(/验证码 (\d{6})/)?.[1] };
  }

  const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as PublicError);

  it('unchanged contacts need no code: a 变更主体 keeping the filed mobile and e-mail submits as before', async () => {
    const o = await changeSubject('filer', '陈晓明', { landline: '0571-86661234' });
    const order = await orderRow(o.orderId);
    expect(await contactStatuses(h.db, order)).toEqual([]);
    expect(await unverifiedContacts(h.db, order)).toEqual([]);
    const err = await refusal(sendContactCode(h.db, { ownerId: o.ownerId, orderId: o.orderId, path: 'principal.mobile' }));
    expect(err).toBeInstanceOf(PublicError);
    expect(err!.message).toMatch(/与当前备案一致或尚未保存，无需验证/);
    await submitOrder(h.db, { ownerId: o.ownerId, orderId: o.orderId, expectedState: 'DRAFT' });
    expect((await orderRow(o.orderId)).state).toBe('SUBMITTED');
  });

  it('a changed mobile: submit is refused at the field until the code from the SMS is entered; wrong answers count down', async () => {
    const o = await changeSubject('filer', '北京智源未来科技有限公司', { mobile: '13911112222' });
    expect(await contactStatuses(h.db, await orderRow(o.orderId))).toEqual([
      { path: 'principal.mobile', channel: 'sms', label: '主体负责人手机号码', masked: '139****2222', verified: false, resendInSeconds: 0 },
    ]);
    const refused = await refusal(submitOrder(h.db, { ownerId: o.ownerId, orderId: o.orderId, expectedState: 'DRAFT' }));
    expect(refused).toBeInstanceOf(PublicError);
    expect(refused!.message).toBe('请先验证主体负责人手机号码 139****2222：在订单填写的“核对并提交”一步获取并填写验证码后再提交。');
    expect(refused!.fieldErrors).toEqual({ 'principal.mobile': ['请先验证主体负责人手机号码 139****2222'] });
    expect((await orderRow(o.orderId)).state).toBe('DRAFT');

    // Verifying before any code was sent.
    expect((await refusal(verifyContactCode(h.db, { ownerId: o.ownerId, orderId: o.orderId, path: 'principal.mobile', code: '123456' })))!.message).toBe('请先获取验证码');

    const sent = await sendContactCode(h.db, { ownerId: o.ownerId, orderId: o.orderId, path: 'principal.mobile' });
    expect(sent).toEqual({ status: 'sent', masked: '139****2222', resendInSeconds: 60 });
    const [sms] = await h.db.select().from(t.outbox).where(and(eq(t.outbox.channel, 'sms'), eq(t.outbox.template, 'contact_code.sms')));
    expect(sms).toMatchObject({ recipient: '13911112222', status: 'pending', data: { orderId: o.orderId, path: 'principal.mobile' } });
    const code = await smsCode(o.number, '主体负责人手机号码');
    expect(code).toMatch(/^\d{6}$/);
    expect(sms!.text).toBe(`【备案整改门户】验证码 ${code}，用于确认备案订单 ${o.number} 的主体负责人手机号码，10 分钟内有效。如非本人操作请忽略。`);
    // Only a hash is stored.
    const [row] = await h.db.select().from(t.contactVerifications).where(eq(t.contactVerifications.orderId, o.orderId));
    expect(row).toMatchObject({ ownerId: o.ownerId, channel: 'sms', value: '13911112222', attempts: 0, verifiedAt: null });
    expect(row!.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(code);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(10 * MIN);

    const wrong = code === '000000' ? '000001' : '000000';
    const err = await refusal(verifyContactCode(h.db, { ownerId: o.ownerId, orderId: o.orderId, path: 'principal.mobile', code: wrong }));
    expect(err!.message).toBe('验证码错误，还可尝试 4 次');
    expect(err!.fieldErrors).toEqual({ code: ['验证码错误，还可尝试 4 次'] });
    // The wrong answer was counted even though it was refused.
    expect((await h.db.select().from(t.contactVerifications).where(eq(t.contactVerifications.id, row!.id)))[0]!.attempts).toBe(1);

    expect(await verifyContactCode(h.db, { ownerId: o.ownerId, orderId: o.orderId, path: 'principal.mobile', code: code! })).toEqual({ status: 'verified', masked: '139****2222', label: '主体负责人手机号码' });
    expect((await contactStatuses(h.db, await orderRow(o.orderId)))[0]!.verified).toBe(true);
    // Verifying again, or asking for another code, changes nothing.
    expect((await verifyContactCode(h.db, { ownerId: o.ownerId, orderId: o.orderId, path: 'principal.mobile', code: '999999' })).status).toBe('verified');
    expect(await sendContactCode(h.db, { ownerId: o.ownerId, orderId: o.orderId, path: 'principal.mobile' })).toEqual({ status: 'verified', masked: '139****2222' });

    await submitOrder(h.db, { ownerId: o.ownerId, orderId: o.orderId, expectedState: 'DRAFT' });
    expect((await orderRow(o.orderId)).state).toBe('SUBMITTED');
    // Submitted: no more codes for it.
    expect(await refusal(sendContactCode(h.db, { ownerId: o.ownerId, orderId: o.orderId, path: 'principal.mobile' }))).toBeInstanceOf(ConflictError);
  });

  it('a verified contact counts for the same filer for 180 days, on any order, and never for another filer', async () => {
    const [zhiyuan] = await h.db.select().from(t.orders).where(and(eq(t.orders.ownerId, users.filer!), eq(t.orders.state, 'SUBMITTED'), eq(t.orders.subjectId, await subjectId('北京智源未来科技有限公司'))));
    const verifiedAt = (await h.db.select().from(t.contactVerifications).where(eq(t.contactVerifications.orderId, zhiyuan!.id)))[0]!.verifiedAt!;
    // The filer's 新增网站 whose principal takes the verified number: that contact needs no new code, the e-mail does.
    const { orderId } = await createDraft(h.db, { ownerId: users.filer!, type: 'NEW_WEBSITE', subjectId: await subjectId('杭州云栖科技有限公司') });
    const p = (await orderRow(orderId)).payload as Extract<OrderPayload, { type: 'NEW_WEBSITE' }>;
    await saveDraft(h.db, { ownerId: users.filer!, orderId, payload: { ...p, website: { ...p.website, principal: { ...p.website.principal, mobile: '13911112222' } } }, wizardStep: 1, completedStep: 0 });
    const order = await orderRow(orderId);
    const status = (now: Date) => contactStatuses(h.db, order, { now }).then((l) => l.map((c) => [c.path, c.verified]));
    expect(await status(new Date(verifiedAt.getTime() + 179 * DAY))).toEqual([
      ['website.principal.mobile', true],
      ['website.principal.email', false],
    ]);
    expect(await status(new Date(verifiedAt.getTime() + 181 * DAY))).toEqual([
      ['website.principal.mobile', false],
      ['website.principal.email', false],
    ]);
    // Another filer with the same number has verified nothing.
    const other = await changeSubject('filer3', '王磊', { mobile: '13911112222' });
    expect((await contactStatuses(h.db, await orderRow(other.orderId))).map((c) => c.verified)).toEqual([false]);
    await h.db.update(t.orders).set({ state: 'ABANDONED' }).where(eq(t.orders.id, other.orderId));
  });

  it('a new e-mail address gets its code through the e-mail outbox (the dev mailbox), with the code in the subject', async () => {
    const [draft] = await h.db.select().from(t.orders).where(and(eq(t.orders.ownerId, users.filer!), eq(t.orders.type, 'NEW_WEBSITE'), eq(t.orders.state, 'DRAFT')));
    const sent = await sendContactCode(h.db, { ownerId: users.filer!, orderId: draft!.id, path: 'website.principal.email' });
    expect(sent).toEqual({ status: 'sent', masked: 'zh***@yunqi-tech.cn', resendInSeconds: 60 });
    const mail = await mailCode('zhangwei@yunqi-tech.cn');
    expect(mail.code).toMatch(/^\d{6}$/);
    expect(mail.subject).toBe(`【备案整改门户】验证码 ${mail.code}：确认网站负责人电子邮箱`);
    expect(mail.text).toContain(`验证码：${mail.code}`);
    expect(mail.text).toContain(`备案订单 ${draft!.number} 将本邮箱填写为网站负责人电子邮箱`);
    // The mobile is another contact: its own code, not held back by the e-mail's interval.
    expect((await sendContactCode(h.db, { ownerId: users.filer!, orderId: draft!.id, path: 'website.principal.mobile' })).status).toBe('verified');
    await verifyContactCode(h.db, { ownerId: users.filer!, orderId: draft!.id, path: 'website.principal.email', code: mail.code! });
    expect(await unverifiedContacts(h.db, await orderRow(draft!.id))).toEqual([]);
  });

  it('five wrong answers burn the code; an expired code is refused; a new code works', async () => {
    const o = await changeSubject('filer3', '王磊', { mobile: '13933334444' });
    const base = new Date('2030-03-01T09:00:00+08:00');
    const at = (ms: number) => new Date(base.getTime() + ms);
    const verify = (code: string, now: Date) => refusal(verifyContactCode(h.db, { ownerId: o.ownerId, orderId: o.orderId, path: 'principal.mobile', code, now }));
    await sendContactCode(h.db, { ownerId: o.ownerId, orderId: o.orderId, path: 'principal.mobile', now: base });
    const code = (await smsCode(o.number, '主体负责人手机号码'))!;
    const wrong = code === '111111' ? '222222' : '111111';
    const messages: string[] = [];
    for (let i = 0; i < 5; i++) messages.push((await verify(wrong, at(MIN)))!.message);
    expect(messages).toEqual(['验证码错误，还可尝试 4 次', '验证码错误，还可尝试 3 次', '验证码错误，还可尝试 2 次', '验证码错误，还可尝试 1 次', '验证码错误次数过多，已失效，请重新获取']);
    // Burned: even the right code is refused now, and nothing more is counted.
    expect((await verify(code, at(MIN)))!.message).toBe('验证码错误次数过多，已失效，请重新获取');
    const [burned] = await h.db.select().from(t.contactVerifications).where(eq(t.contactVerifications.orderId, o.orderId));
    expect(burned!.attempts).toBe(5);

    // A new code, left unanswered past its 10 minutes.
    await sendContactCode(h.db, { ownerId: o.ownerId, orderId: o.orderId, path: 'principal.mobile', now: at(2 * MIN) });
    const second = (await smsCode(o.number, '主体负责人手机号码'))!;
    expect((await verify(second, at(12 * MIN)))!.message).toBe('验证码已过期，请重新获取');
    expect(await unverifiedContacts(h.db, await orderRow(o.orderId), at(12 * MIN))).toHaveLength(1);

    // A third, answered in time; the earlier codes are void once a newer one is sent.
    await sendContactCode(h.db, { ownerId: o.ownerId, orderId: o.orderId, path: 'principal.mobile', now: at(13 * MIN) });
    const third = (await smsCode(o.number, '主体负责人手机号码'))!;
    if (second !== third) expect((await verify(second, at(14 * MIN)))!.message).toMatch(/^验证码错误，还可尝试 4 次$/);
    expect(await verify(third, at(14 * MIN))).toBeNull();
    expect(await unverifiedContacts(h.db, await orderRow(o.orderId), at(15 * MIN))).toEqual([]);
  });

  it('resending: 60 s apart, 5 an hour per contact, 20 a day per filer, each refused with the wait in Chinese', async () => {
    const o = await changeSubject('filer3', '杭州数帆网络科技有限公司', { mobile: '13955556666', email: 'ops@shufan-cloud.cn' });
    const base = new Date('2030-05-01T09:00:00+08:00');
    const at = (ms: number) => new Date(base.getTime() + ms);
    const send = (now: Date, path = 'principal.mobile') => sendContactCode(h.db, { ownerId: o.ownerId, orderId: o.orderId, path, now });
    expect((await send(base)).status).toBe('sent');
    const early = await refusal(send(at(18 * SEC)));
    expect(early).toBeInstanceOf(PublicError);
    expect(early!.message).toBe('验证码已发送，请 42 秒后再试');
    expect((await contactStatuses(h.db, await orderRow(o.orderId), { now: at(18 * SEC) })).map((c) => [c.path, c.resendInSeconds])).toEqual([
      ['principal.mobile', 42],
      ['principal.email', 0],
    ]);
    // The e-mail is another contact: not held back.
    expect((await send(at(20 * SEC), 'principal.email')).status).toBe('sent');
    for (const m of [1, 2, 3, 4]) expect((await send(at(m * MIN))).status).toBe('sent');
    expect((await refusal(send(at(5 * MIN))))!.message).toBe('该联系方式 1 小时内最多获取 5 次验证码，请 55 分钟后再试');
    // A refused send writes nothing.
    const before = await writeCount(h.db);
    await refusal(send(at(6 * MIN)));
    expect(await writeCount(h.db)).toBe(before);

    // The filer's daily budget: 6 sent so far; 14 more over the next hours, then the 21st is refused.
    let sent = 6;
    for (let hour = 1; sent < 20; hour++) for (let m = 0; m < 5 && sent < 20; m++, sent++) expect((await send(at(hour * 3600 * SEC + m * MIN))).status).toBe('sent');
    const daily = await refusal(send(at(10 * 3600 * SEC), 'principal.email'));
    expect(daily!.message).toBe('24 小时内最多获取 20 次验证码，请 14 小时后再试');
    expect((await send(at(DAY + SEC), 'principal.email')).status).toBe('sent');
    const rows = await h.db.select().from(t.contactVerifications).where(eq(t.contactVerifications.orderId, o.orderId));
    expect(rows).toHaveLength(21);
    const outbox = await h.db.select().from(t.outbox).where(eq(t.outbox.template, 'contact_code.sms'));
    expect(outbox.filter((m) => m.recipient === '13955556666')).toHaveLength(19);
  });

  it('two tabs at once: one code is sent, the other refused; parallel guesses are all counted', async () => {
    const o = await changeSubject('filer2', '李娜', { mobile: '13977778888' });
    const now = new Date('2030-07-01T09:00:00+08:00');
    const sends = await Promise.allSettled([0, 1].map(() => sendContactCode(h.db, { ownerId: o.ownerId, orderId: o.orderId, path: 'principal.mobile', now })));
    expect(sends.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    expect(((sends.find((s) => s.status === 'rejected') as PromiseRejectedResult).reason as Error).message).toBe('验证码已发送，请 60 秒后再试');
    const code = (await smsCode(o.number, '主体负责人手机号码'))!;
    const wrong = code === '111111' ? '222222' : '111111';
    const guesses = await Promise.allSettled(
      Array.from({ length: 8 }, () => verifyContactCode(h.db, { ownerId: o.ownerId, orderId: o.orderId, path: 'principal.mobile', code: wrong, now: new Date(now.getTime() + MIN) })),
    );
    expect(guesses.every((g) => g.status === 'rejected')).toBe(true);
    const [row] = await h.db.select().from(t.contactVerifications).where(eq(t.contactVerifications.orderId, o.orderId));
    expect(row!.attempts).toBe(5);
    expect(await refusal(verifyContactCode(h.db, { ownerId: o.ownerId, orderId: o.orderId, path: 'principal.mobile', code, now: new Date(now.getTime() + MIN) }))).toBeInstanceOf(PublicError);
  });

  it('the demo’s submitted orders hold the verification of the contacts they changed', async () => {
    const [qhsl] = await h.db.select().from(t.orders).where(and(eq(t.orders.subjectId, await subjectId('深圳市前海数联信息技术有限公司')), eq(t.orders.state, 'SUBMITTED')));
    const statuses = await contactStatuses(h.db, qhsl!);
    expect(statuses.map((c) => [c.path, c.masked, c.verified])).toEqual([['principal.mobile', '139****1003', true]]);
  });

  it('首次备案 with one person as both principals: one code per number confirms both paths (the test helper does as a filer would)', async () => {
    const { orderId } = await createDraft(h.db, { ownerId: users.filer2!, type: 'FIRST_FILING', subjectId: await subjectId('广州市天河区星辰文化传播有限公司') });
    const order = await orderRow(orderId);
    expect((await unverifiedContacts(h.db, order)).map((c) => c.path)).toEqual(['principal.mobile', 'principal.email', 'website.principal.mobile', 'website.principal.email']);
    expect(await verifyOrderContacts(h.db, orderId)).toEqual(['principal.mobile', 'principal.email']);
    expect(await unverifiedContacts(h.db, order)).toEqual([]);
    expect((await contactStatuses(h.db, order)).every((c) => c.verified)).toBe(true);
  });

  it("another filer can neither send nor verify for someone else's order, and learns nothing: a 404, nothing written", async () => {
    const [order] = await h.db.select().from(t.orders).where(and(eq(t.orders.ownerId, users.filer!), eq(t.orders.type, 'NEW_WEBSITE')));
    const before = await writeCount(h.db);
    for (const stranger of [users.filer2!, users.filer3!]) {
      expect(await refusal(sendContactCode(h.db, { ownerId: stranger, orderId: order!.id, path: 'website.principal.mobile' }))).toBeInstanceOf(NotFoundError);
      expect(await refusal(verifyContactCode(h.db, { ownerId: stranger, orderId: order!.id, path: 'website.principal.email', code: '123456' }))).toBeInstanceOf(NotFoundError);
    }
    expect(await refusal(sendContactCode(h.db, { ownerId: users.filer!, orderId: 'not-a-uuid', path: 'principal.mobile' }))).toBeInstanceOf(NotFoundError);
    expect(await writeCount(h.db)).toBe(before);
  });

  it('a path that is not a contact of the saved draft gets no code', async () => {
    const [order] = await h.db.select().from(t.orders).where(and(eq(t.orders.ownerId, users.filer!), eq(t.orders.type, 'NEW_WEBSITE')));
    for (const path of ['principal.mobile', 'website.principal.emergencyMobile', 'website.principal.landline', 'subject.name', '']) {
      expect((await refusal(sendContactCode(h.db, { ownerId: users.filer!, orderId: order!.id, path })))!.message).toMatch(/无需验证/);
    }
  });

  it('the server actions, as the wizard posts them (FormData): Chinese messages at the code field, success once verified', async () => {
    const { sendContactCodeAction, verifyContactCodeAction } = await import('@/app/(filer)/orders/contact-actions');
    // 明德 has a seeded open draft (the 取消接入 demo); one open order per subject, so it goes first.
    await h.db.update(t.orders).set({ state: 'ABANDONED' }).where(and(eq(t.orders.subjectId, await subjectId('南京明德教育咨询有限公司')), eq(t.orders.state, 'DRAFT')));
    const o = await changeSubject('filer3', '南京明德教育咨询有限公司', { email: 'dengyun@mingde.cn' });
    const form = (fields: Record<string, string>) => {
      const fd = new FormData();
      for (const [k, v] of Object.entries(fields)) fd.append(k, v);
      return fd;
    };
    const call = async (fn: (prev: null, fd: FormData) => Promise<unknown>, fields: Record<string, string>) => (await fn(null, form(fields))) as ActionResult;
    session.user = { id: o.ownerId, email: 'filer3@beian.example', name: '周杰', role: 'filer' };

    expect(await call(sendContactCodeAction, { orderId: o.orderId, path: 'principal.fax' })).toMatchObject({ ok: false, fieldErrors: { path: ['联系方式无效'] } });
    const sent = await call(sendContactCodeAction, { orderId: o.orderId, path: 'principal.email' });
    expect(sent).toEqual({ ok: true, message: '验证码已发送至邮箱 de***@mingde.cn，10 分钟内有效。', data: { verified: false, resendInSeconds: 60 } });
    expect(await call(sendContactCodeAction, { orderId: o.orderId, path: 'principal.email' })).toMatchObject({ ok: false, message: expect.stringMatching(/^验证码已发送，请 \d+ 秒后再试$/) });

    expect(await call(verifyContactCodeAction, { orderId: o.orderId, path: 'principal.email', code: '12345' })).toMatchObject({ ok: false, fieldErrors: { code: ['请输入6位数字验证码'] } });
    const { code } = await mailCode('dengyun@mingde.cn');
    const wrong = code === '000000' ? '000001' : '000000';
    expect(await call(verifyContactCodeAction, { orderId: o.orderId, path: 'principal.email', code: wrong })).toEqual({ ok: false, message: '验证码错误，还可尝试 4 次', fieldErrors: { code: ['验证码错误，还可尝试 4 次'] } });
    expect(await call(verifyContactCodeAction, { orderId: o.orderId, path: 'principal.email', code: ` ${code} ` })).toEqual({ ok: true, message: '主体负责人电子邮箱 de***@mingde.cn 已验证。' });
    expect(await call(sendContactCodeAction, { orderId: o.orderId, path: 'principal.email' })).toMatchObject({ ok: true, data: { verified: true } });

    // Another filer: the same refusal as for a missing order.
    session.user = { id: users.filer!, email: 'filer@beian.example', name: '张伟', role: 'filer' };
    expect(await call(verifyContactCodeAction, { orderId: o.orderId, path: 'principal.email', code: code! })).toMatchObject({ ok: false, message: '未找到该记录，或您无权访问。' });
    session.user = null;
  });
  it('housekeeping removes unverified codes after a day and verifications once they can no longer be reused', async () => {
    const now = new Date();
    const day = 86_400_000;
    const row = (createdAt: Date, verifiedAt: Date | null) => ({ ownerId: users.filer!, channel: 'sms' as const, value: '13900000000', codeHash: 'x', expiresAt: createdAt, createdAt, verifiedAt });
    const inserted = await h.db
      .insert(t.contactVerifications)
      .values([row(new Date(now.getTime() - 2 * day), null), row(new Date(now.getTime() - 3600_000), null), row(new Date(now.getTime() - 100 * day), new Date(now.getTime() - 100 * day)), row(new Date(now.getTime() - 200 * day), new Date(now.getTime() - 181 * day))])
      .returning({ id: t.contactVerifications.id });
    const run = await runHousekeeping(h.db, now);
    expect(run.contactVerifications).toBeGreaterThanOrEqual(2);
    const left = new Set((await h.db.select({ id: t.contactVerifications.id }).from(t.contactVerifications)).map((r) => r.id));
    expect(inserted.map((r) => left.has(r.id))).toEqual([false, true, true, false]);
  });
});
