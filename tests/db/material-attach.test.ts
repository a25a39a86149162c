import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { createDraft, saveDraft } from '@/db/orders/drafts';
import { freshDb, pgCode, TEST_TARGETS, type TestDb } from '../support/db';

// Evidence under review stays with its order: a filer saving another draft with those material ids, or any
// write to the row, cannot take it away; only loose uploads (or the order's own) are attached.
describe.each(TEST_TARGETS)('attaching materials on %s', (target) => {
  let h: TestDb;
  let filer: string;
  let filer2: string;
  beforeAll(async () => {
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
    const users = await h.db.select().from(t.users);
    filer = users.find((u) => u.email === 'filer@beian.example')!.id;
    filer2 = users.find((u) => u.email === 'filer2@beian.example')!.id;
  });
  afterAll(() => h?.close());

  const subject = async (name: string) => (await h.db.select().from(t.subjects).where(eq(t.subjects.name, name)))[0]!;
  const website = async (name: string) => (await h.db.select().from(t.websites).where(eq(t.websites.name, name)))[0]!;
  const order = async (id: string) => (await h.db.select().from(t.orders).where(eq(t.orders.id, id)))[0]!;
  const material = async (id: string) => (await h.db.select().from(t.materials).where(eq(t.materials.id, id)))[0]!;
  const upload = async (ownerId: string, extra: Partial<typeof t.materials.$inferInsert> = {}) =>
    (await h.db.insert(t.materials).values({ ownerId, kind: 'verification_form', fileName: 'form.png', mime: 'image/png', size: 300_000, sha256: 'x', ...extra }).returning())[0]!;
  const save = async (orderId: string, materialIds: string[]) => saveDraft(h.db, { ownerId: filer, orderId, payload: (await order(orderId)).payload, wizardStep: 1, materialIds });

  it('saving another draft with the ids of a submitted order’s materials leaves them on the submitted order', async () => {
    const a = await createDraft(h.db, { ownerId: filer, type: 'CHANGE_SUBJECT', subjectId: (await subject('北京智源未来科技有限公司')).id });
    const b = await createDraft(h.db, { ownerId: filer, type: 'CHANGE_ACCESS', subjectId: (await subject('陈晓明')).id, websiteId: (await website('晓明的技术随笔')).id });
    const evidence = await upload(filer);
    await save(a.orderId, [evidence.id]);
    expect((await material(evidence.id)).orderId).toBe(a.orderId);
    await h.db.update(t.orders).set({ state: 'SUBMITTED' }).where(eq(t.orders.id, a.orderId));

    await save(b.orderId, [evidence.id]);
    expect((await material(evidence.id)).orderId).toBe(a.orderId);
    expect(await h.db.select().from(t.materials).where(eq(t.materials.orderId, a.orderId))).toHaveLength(1);
    expect(await h.db.select().from(t.materials).where(eq(t.materials.orderId, b.orderId))).toHaveLength(0);

    // Loose uploads of the filer attach; another filer's and a 复核's evidence do not.
    const loose = await upload(filer);
    const foreign = await upload(filer2);
    const onRecheck = await upload(filer, { recheckId: '00000000-0000-4000-8000-000000000001' });
    await save(b.orderId, [evidence.id, loose.id, foreign.id, onRecheck.id]);
    expect((await material(loose.id)).orderId).toBe(b.orderId);
    expect((await material(foreign.id)).orderId).toBeNull();
    expect((await material(onRecheck.id)).orderId).toBeNull();
    expect((await material(evidence.id)).orderId).toBe(a.orderId);
  });

  it('the database refuses to move, detach or delete a material of an order that is not editable, or to attach to one', async () => {
    // The submitted order of the test above and its evidence; any draft of the same filer.
    const [row] = await h.db.select({ m: t.materials, o: t.orders }).from(t.materials).innerJoin(t.orders, eq(t.orders.id, t.materials.orderId)).where(sql`${t.orders.ownerId} = ${filer} and ${t.orders.state} = 'SUBMITTED'`).limit(1);
    const [submitted, onSubmitted] = [row!.o, row!.m];
    const [draft] = await h.db.select().from(t.orders).where(sql`${t.orders.ownerId} = ${filer} and ${t.orders.state} = 'DRAFT'`).limit(1);
    const refused = async (write: Promise<unknown>) => expect(pgCode(await write.then(() => null, (e: unknown) => e))).toBe('23514');
    await refused(h.db.update(t.materials).set({ orderId: draft!.id }).where(eq(t.materials.id, onSubmitted!.id)));
    await refused(h.db.update(t.materials).set({ orderId: null }).where(eq(t.materials.id, onSubmitted!.id)));
    await refused(h.db.delete(t.materials).where(eq(t.materials.id, onSubmitted!.id)));
    const loose = await upload(filer);
    await refused(h.db.update(t.materials).set({ orderId: submitted!.id }).where(eq(t.materials.id, loose.id)));
    // Nor to a draft of someone else.
    const other = await upload(filer2);
    await refused(h.db.update(t.materials).set({ orderId: draft!.id }).where(eq(t.materials.id, other.id)));
    expect((await material(onSubmitted!.id)).orderId).toBe(submitted!.id);
  });
});
