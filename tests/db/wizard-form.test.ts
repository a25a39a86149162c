import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { createDraft, getOrderForOwner } from '@/db/orders/drafts';
import { saveWizardStepFromForm } from '@/db/orders/wizard-form';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';

// The wizard posted as a plain form (JavaScript off): the same checks and save as the wizard's own 下一步,
// and whatever does not move on comes back with what was typed.

describe.each(TEST_TARGETS)('the wizard as a plain form on %s', (target) => {
  let h: TestDb;
  let ownerId: string;
  let orderId: string;

  beforeAll(async () => {
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
    const [s] = await h.db.select().from(t.subjects).where(eq(t.subjects.name, '杭州云栖科技有限公司'));
    ownerId = s!.ownerId;
    orderId = (await createDraft(h.db, { ownerId, type: 'NEW_WEBSITE', subjectId: s!.id })).orderId;
  }, 120_000);
  afterAll(() => h?.close());

  const post = async (step: number, posted: Record<string, unknown>, intent = 'next') => {
    const order = await getOrderForOwner(h.db, orderId, ownerId);
    return saveWizardStepFromForm(h.db, { ownerId, orderId, step, version: order.version, intent, posted: { ...posted, intent } });
  };

  it('a refused step changes nothing and answers with what was typed, the field’s message and the step', async () => {
    const before = await getOrderForOwner(h.db, orderId, ownerId);
    const r = await post(0, { 'website.name': '云栖', 'website.serviceContent': '企业博客' });
    expect(r.kind).toBe('stay');
    if (r.kind !== 'stay') return;
    expect(r.echo.step).toBe(0);
    expect(r.echo.values).toMatchObject({ website: { name: '云栖', serviceContent: '企业博客' } });
    expect(r.fieldErrors?.['website.name']?.[0]).toMatch(/三个或三个以上汉字/);
    const after = await getOrderForOwner(h.db, orderId, ownerId);
    expect(after.version).toBe(before.version);
    expect(after.payload).toEqual(before.payload);
  });

  it('下一步 saves the step and sends the filer to the next step’s address', async () => {
    const r = await post(0, { 'website.name': '云栖科技博客', 'website.serviceContent': '企业博客' });
    expect(r).toEqual({ kind: 'redirect', to: `/orders/${orderId}/edit?step=2` });
    const order = await getOrderForOwner(h.db, orderId, ownerId);
    expect(order.payload).toMatchObject({ website: { name: '云栖科技博客' } });
    expect(order.wizardStep).toBe(1);
  });

  it('添加域名 and 删除 answer with the longer or shorter list on the same step, nothing saved', async () => {
    const before = await getOrderForOwner(h.db, orderId, ownerId);
    const added = await post(1, { 'website.domains.__length': '1', 'website.domains.0.name': 'yunqi-blog.cn' }, 'add:website.domains');
    expect(added.kind).toBe('stay');
    if (added.kind !== 'stay') return;
    const domains = (added.echo.values.website as { domains: { name: string }[] }).domains;
    expect(domains.map((d) => d.name)).toEqual(['yunqi-blog.cn', '']);
    const removed = await post(1, { 'website.domains.__length': '2', 'website.domains.0.name': 'a.cn', 'website.domains.1.name': 'b.cn' }, 'remove:website.domains:0');
    if (removed.kind !== 'stay') throw new Error('expected to stay');
    expect((removed.echo.values.website as { domains: { name: string }[] }).domains.map((d) => d.name)).toEqual(['b.cn']);
    expect((await getOrderForOwner(h.db, orderId, ownerId)).version).toBe(before.version);
  });

  it('上一步 from a step not yet valid goes back keeping what was typed, without saving it', async () => {
    const r = await post(1, { 'website.domains.__length': '1', 'website.domains.0.name': 'not a domain' }, 'back');
    if (r.kind !== 'stay') throw new Error('expected to stay');
    expect(r.echo.step).toBe(0);
    expect(r.fieldErrors).toBeUndefined();
  });

  it('another filer’s order is not found, and a submitted order sends the filer to its page', async () => {
    const [other] = await h.db.select().from(t.subjects).where(eq(t.subjects.name, '上海市徐汇区图书馆'));
    await expect(saveWizardStepFromForm(h.db, { ownerId: other!.ownerId, orderId, step: 0, version: 0, intent: 'next', posted: {} })).rejects.toThrow();
    const [submitted] = await h.db.select().from(t.orders).where(eq(t.orders.state, 'SUBMITTED')).limit(1);
    const r = await saveWizardStepFromForm(h.db, { ownerId: submitted!.ownerId, orderId: submitted!.id, step: 0, version: submitted!.version, intent: 'next', posted: { 'subject.name': 'x' } });
    expect(r).toEqual({ kind: 'redirect', to: `/orders/${submitted!.id}` });
  });
});
