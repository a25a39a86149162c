import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { createDraft, getOrderForOwner, reviewBasis, saveDraft, submitOrder } from '@/db/orders/drafts';
import { diffView } from '@/lib/orders/diff';
import { approveFirstReview, regulatorDecide } from '@/db/orders/gateway';
import { transitionOrder } from '@/db/orders/transition';
import { ConflictError, NotFoundError, PublicError } from '@/lib/errors';
import type { OrderPayload } from '@/lib/orders/payload';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';

describe.each(TEST_TARGETS)('order drafts on %s', (target) => {
  let h: TestDb;
  let users: Record<string, { id: string; role: 'filer' | 'reviewer' | 'admin' }>;
  beforeAll(async () => {
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
    const rows = await h.db.select().from(t.users);
    users = Object.fromEntries(rows.map((u) => [u.email.split('@')[0]!, { id: u.id, role: u.role }]));
  });
  afterAll(() => h?.close());

  const subject = async (name: string) => (await h.db.select().from(t.subjects).where(eq(t.subjects.name, name)))[0]!;
  const website = async (name: string) => (await h.db.select().from(t.websites).where(eq(t.websites.name, name)))[0]!;
  const orderRow = async (id: string) => (await h.db.select().from(t.orders).where(eq(t.orders.id, id)))[0]!;
  const eventsOf = async (id: string) => h.db.select().from(t.orderEvents).where(eq(t.orderEvents.orderId, id));

  it('creates a prefilled draft with its creation event, and two concurrent starts for one subject make one order', async () => {
    const s = await subject('北京智源未来科技有限公司');
    const start = () => createDraft(h.db, { ownerId: users.filer!.id, type: 'CHANGE_SUBJECT', subjectId: s.id });
    const [a, b] = await Promise.all([start(), start()]);
    expect(a.orderId).toBe(b.orderId);
    expect([a.existing, b.existing].sort()).toEqual([false, true]);
    const open = await h.db.select().from(t.orders).where(and(eq(t.orders.subjectId, s.id), eq(t.orders.state, 'DRAFT')));
    expect(open).toHaveLength(1);
    const p = open[0]!.payload as Extract<OrderPayload, { type: 'CHANGE_SUBJECT' }>;
    expect(p.subject.name).toBe('北京智源未来科技有限公司');
    expect(p.subject.provinceCode).toBe('11');
    expect((await eventsOf(a.orderId)).map((e) => [e.event, e.fromState, e.toState])).toEqual([['create', null, 'DRAFT']]);
  });

  it('two concurrent submits of one draft: exactly one SUBMITTED and one clean Chinese conflict', async () => {
    const s = await subject('陈晓明');
    const w = await website('晓明的技术随笔');
    const { orderId } = await createDraft(h.db, { ownerId: users.filer!.id, type: 'CHANGE_ACCESS', subjectId: s.id, websiteId: w.id });
    const submit = () => submitOrder(h.db, { ownerId: users.filer!.id, orderId, expectedState: 'DRAFT' });
    const results = await Promise.allSettled([submit(), submit()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(ConflictError);
    expect((failed.reason as Error).message).toMatch(/当前状态：待初审/);
    expect((await orderRow(orderId)).state).toBe('SUBMITTED');
    expect((await eventsOf(orderId)).map((e) => e.toState)).toEqual(['DRAFT', 'SUBMITTED']);
  });

  it('submit refuses a payload that fails the full schema, with field errors, and moves nothing', async () => {
    const s = await subject('王磊');
    const { orderId } = await createDraft(h.db, { ownerId: users.filer3!.id, type: 'CANCEL_SUBJECT', subjectId: s.id });
    const err = await submitOrder(h.db, { ownerId: users.filer3!.id, orderId, expectedState: 'DRAFT' }).catch((e) => e);
    expect(err).toBeInstanceOf(PublicError);
    expect((err as PublicError).fieldErrors?.confirmed).toEqual(['请勾选确认您已了解上述后果']);
    expect((await orderRow(orderId)).state).toBe('DRAFT');
    await transitionOrder(h.db, { orderId, event: 'abandon', actor: users.filer3!, expectedState: 'DRAFT' });
  });

  it("a filer cannot read or act on another filer's order or subject: NotFoundError, nothing written", async () => {
    const s = await subject('李娜');
    const { orderId } = await createDraft(h.db, { ownerId: users.filer2!.id, type: 'CHANGE_SUBJECT', subjectId: s.id });
    const before = await orderRow(orderId);
    const stranger = users.filer!.id;
    await expect(getOrderForOwner(h.db, orderId, stranger)).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveDraft(h.db, { ownerId: stranger, orderId, payload: before.payload, wizardStep: 3 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(submitOrder(h.db, { ownerId: stranger, orderId, expectedState: 'DRAFT' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(transitionOrder(h.db, { orderId, event: 'abandon', actor: users.filer!, expectedState: 'DRAFT' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(createDraft(h.db, { ownerId: stranger, type: 'CANCEL_SUBJECT', subjectId: s.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getOrderForOwner(h.db, 'not-a-uuid', stranger)).rejects.toBeInstanceOf(NotFoundError);
    const after = await orderRow(orderId);
    expect(after).toEqual(before);
    expect(await eventsOf(orderId)).toHaveLength(1);
    expect(await h.db.select().from(t.orders).where(and(eq(t.orders.subjectId, s.id), eq(t.orders.ownerId, stranger)))).toHaveLength(0);
  });

  it('saveDraft refuses a province change, an added domain and deleting the last domain; the draft is unchanged', async () => {
    // 锦城物流 (filer3) has a seeded CHANGE_WEBSITE draft on a site with two domains.
    const [draft] = await h.db.select().from(t.orders).where(and(eq(t.orders.type, 'CHANGE_WEBSITE'), eq(t.orders.state, 'DRAFT')));
    const p = draft!.payload as Extract<OrderPayload, { type: 'CHANGE_WEBSITE' }>;
    const domains = await h.db.select().from(t.domains).where(and(eq(t.domains.websiteId, draft!.websiteId!), isNull(t.domains.removedAt)));
    expect(domains).toHaveLength(2);
    const owner = draft!.ownerId;
    const added = { ...p, website: { ...p.website, domains: [{ name: 'new-domain.cn' }] } };
    await expect(saveDraft(h.db, { ownerId: owner, orderId: draft!.id, payload: added, wizardStep: 1 })).rejects.toThrow('不能新增或修改域名');
    const addedTop = { ...p, addDomains: ['new-domain.cn'] };
    await expect(saveDraft(h.db, { ownerId: owner, orderId: draft!.id, payload: addedTop, wizardStep: 1 })).rejects.toThrow('不能新增或修改域名');
    const allGone = { ...p, removeDomainIds: domains.map((d) => d.id) };
    await expect(saveDraft(h.db, { ownerId: owner, orderId: draft!.id, payload: allGone, wizardStep: 1 })).rejects.toThrow('不能删除网站的最后一个域名');
    const foreign = (await h.db.select({ id: t.domains.id }).from(t.domains).where(eq(t.domains.name, 'yunqi-tech.cn')))[0]!.id;
    await expect(saveDraft(h.db, { ownerId: owner, orderId: draft!.id, payload: { ...p, removeDomainIds: [foreign] }, wizardStep: 1 })).rejects.toThrow('只能删除本网站已备案的域名');
    expect((await orderRow(draft!.id)).payload).toEqual(p);

    const s = await subject('北京智源未来科技有限公司');
    const [cs] = await h.db.select().from(t.orders).where(and(eq(t.orders.subjectId, s.id), eq(t.orders.state, 'DRAFT')));
    const csp = cs!.payload as Extract<OrderPayload, { type: 'CHANGE_SUBJECT' }>;
    const moved = { ...csp, subject: { ...csp.subject, provinceCode: '31' } };
    await expect(saveDraft(h.db, { ownerId: users.filer!.id, orderId: cs!.id, payload: moved, wizardStep: 1 })).rejects.toThrow('不能变更所属省份');
    expect((await orderRow(cs!.id)).payload).toEqual(csp);
    // A valid save writes the payload and the step.
    const ok = { ...csp, subject: { ...csp.subject, mailingAddress: '北京市朝阳区望京街10号1601室' } };
    await saveDraft(h.db, { ownerId: users.filer!.id, orderId: cs!.id, payload: ok, wizardStep: 2 });
    expect((await orderRow(cs!.id)).wizardStep).toBe(2);
    // Once submitted, a stale tab cannot rewrite it.
    await h.db.update(t.orders).set({ state: 'SUBMITTED' }).where(eq(t.orders.id, cs!.id));
    await expect(saveDraft(h.db, { ownerId: users.filer!.id, orderId: cs!.id, payload: csp, wizardStep: 1 })).rejects.toBeInstanceOf(ConflictError);
  });

  it('an approved CHANGE_WEBSITE removes the deleted domain (through the transition path) and keeps the other', async () => {
    const s = await subject('杭州云栖科技有限公司');
    const w = await website('云栖科技官网');
    const doomed = (await h.db.select().from(t.domains).where(eq(t.domains.name, 'yunqitech.com')))[0]!;
    const { orderId } = await createDraft(h.db, { ownerId: users.filer!.id, type: 'CHANGE_WEBSITE', subjectId: s.id, websiteId: w.id });
    const p = (await orderRow(orderId)).payload as Extract<OrderPayload, { type: 'CHANGE_WEBSITE' }>;
    const [material] = await h.db
      .insert(t.materials)
      .values({ ownerId: users.filer!.id, kind: 'verification_form', fileName: 'form.png', mime: 'image/png', size: 300_000, sha256: 'x' })
      .returning();
    await saveDraft(h.db, { ownerId: users.filer!.id, orderId, payload: { ...p, removeDomainIds: [doomed.id] }, wizardStep: 4, materialIds: [material!.id] });
    await submitOrder(h.db, { ownerId: users.filer!.id, orderId, expectedState: 'DRAFT' });
    // The review compares with the filing now and names the deleted domain.
    const basis = await reviewBasis(h.db, await orderRow(orderId));
    expect(diffView(basis.current, (await orderRow(orderId)).payload)).toEqual([
      { field: 'removeDomainIds', label: '域名（删除后）', before: 'yunqi-tech.cn、yunqitech.com', after: 'yunqi-tech.cn' },
    ]);
    await approveFirstReview(h.db, { orderId, actor: users.reviewer!, expectedState: 'SUBMITTED' });
    await transitionOrder(h.db, { orderId, event: 'sms_verified', actor: users.filer!, expectedState: 'PENDING_SMS' });
    await regulatorDecide(h.db, { orderId, actor: users.admin!, approve: true });
    expect((await orderRow(orderId)).state).toBe('APPROVED');
    const left = await h.db.select().from(t.domains).where(and(eq(t.domains.websiteId, w.id), isNull(t.domains.removedAt)));
    expect(left.map((d) => d.name)).toEqual(['yunqi-tech.cn']);
    const history = await h.db.select({ to: t.orderEvents.toState }).from(t.orderEvents).where(eq(t.orderEvents.orderId, orderId));
    expect(history.map((e) => e.to)).toEqual(['DRAFT', 'SUBMITTED', 'PENDING_SMS', 'REGULATOR_REVIEW', 'APPROVED']);
    expect(await h.db.select().from(t.materials).where(and(eq(t.materials.orderId, orderId), inArray(t.materials.id, [material!.id])))).toHaveLength(1);
  });

  it('starting an order checks the subject: 首次备案 only after access was cancelled, with no subject on the order', async () => {
    const yunqi = await subject('杭州云栖科技有限公司');
    await expect(createDraft(h.db, { ownerId: users.filer!.id, type: 'FIRST_FILING', subjectId: yunqi.id })).rejects.toThrow('已取消接入');
    const xc = await subject('广州市天河区星辰文化传播有限公司');
    const first = await createDraft(h.db, { ownerId: users.filer2!.id, type: 'FIRST_FILING', subjectId: xc.id });
    const again = await createDraft(h.db, { ownerId: users.filer2!.id, type: 'FIRST_FILING', subjectId: xc.id });
    expect(again).toEqual({ orderId: first.orderId, existing: true });
    const row = await orderRow(first.orderId);
    expect(row.subjectId).toBeNull();
    expect(row.provinceCode).toBe('44');
    // The certificate is now registered in 浙江: the new filing, and the order's own province, go there.
    const p = row.payload as Extract<OrderPayload, { type: 'FIRST_FILING' }>;
    await saveDraft(h.db, { ownerId: users.filer2!.id, orderId: first.orderId, payload: { ...p, subject: { ...p.subject, provinceCode: '33' } }, wizardStep: 1 });
    expect((await orderRow(first.orderId)).provinceCode).toBe('33');
    await expect(createDraft(h.db, { ownerId: users.filer3!.id, type: 'CHANGE_WEBSITE', subjectId: (await subject('王磊')).id })).rejects.toThrow('请先选择要办理的网站');
    const n = await h.db.select({ n: sql<number>`count(*)::int` }).from(t.orders).where(eq(t.orders.type, 'FIRST_FILING'));
    expect(n[0]!.n).toBe(1);
  });
});
