import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { createDraft, reviewBasis, saveDraft } from '@/db/orders/drafts';
import { getOrderForReview } from '@/db/queries/review-order';
import { diffView } from '@/lib/orders/diff';
import type { OrderPayload } from '@/lib/orders/payload';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';

// The filer's review step and order page compare with the filing exactly as the reviewer's order page does:
// the same rows on both sides, for every kind of order.

describe.each(TEST_TARGETS)('one change table for filer and reviewer on %s', (target) => {
  let h: TestDb;
  let owners: Record<string, string>;
  beforeAll(async () => {
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
    const users = await h.db.select().from(t.users);
    owners = Object.fromEntries(users.map((u) => [u.email.split('@')[0]!, u.id]));
  }, 120_000);
  afterAll(() => h?.close());

  const one = async <T extends { name: string }>(table: typeof t.subjects | typeof t.websites, name: string) =>
    (await h.db.select().from(table).where(eq(table.name, name)))[0] as unknown as T & { id: string; subjectId: string };
  const bothSides = async (orderId: string) => {
    const [order] = await h.db.select().from(t.orders).where(eq(t.orders.id, orderId));
    const filer = diffView((await reviewBasis(h.db, order!)).current, order!.payload as OrderPayload);
    const review = (await getOrderForReview(h.db, orderId))!;
    return { filer, reviewer: diffView(review.current, review.order.payload) };
  };

  it('接入备案 of a site whose access was cancelled: both see the IP as added', async () => {
    const site = await one<{ name: string }>(t.websites, '星辰文化传播');
    const { orderId } = await createDraft(h.db, { ownerId: owners.filer2!, type: 'ACCESS_FILING', subjectId: site.subjectId, websiteId: site.id });
    const { filer, reviewer } = await bothSides(orderId);
    expect(filer).toEqual(reviewer);
    expect(filer).toEqual([{ field: 'ips', label: '接入 IP 地址', before: null, after: '120.25.10.20' }]);
  });

  it('注销网站: the same status and reason rows, and no confirmation row', async () => {
    const site = await one<{ name: string }>(t.websites, '晓明摄影作品集');
    const { orderId } = await createDraft(h.db, { ownerId: owners.filer!, type: 'CANCEL_WEBSITE', subjectId: site.subjectId, websiteId: site.id });
    await saveDraft(h.db, { ownerId: owners.filer!, orderId, payload: { type: 'CANCEL_WEBSITE', reason: '网站不再使用', confirmed: true }, wizardStep: 1 });
    const { filer, reviewer } = await bothSides(orderId);
    expect(filer).toEqual(reviewer);
    expect(filer).toEqual([
      { field: 'website.status', label: '网站状态', before: '正常', after: '已注销' },
      { field: 'reason', label: '注销原因', before: null, after: '网站不再使用' },
    ]);
  });

  it('变更主体 and 新增网站: the same rows on both sides', async () => {
    const zhiyuan = await one<{ name: string }>(t.subjects, '北京智源未来科技有限公司');
    const change = await createDraft(h.db, { ownerId: owners.filer!, type: 'CHANGE_SUBJECT', subjectId: zhiyuan.id });
    const [row] = await h.db.select().from(t.orders).where(eq(t.orders.id, change.orderId));
    const p = row!.payload as Extract<OrderPayload, { type: 'CHANGE_SUBJECT' }>;
    await saveDraft(h.db, { ownerId: owners.filer!, orderId: change.orderId, payload: { ...p, subject: { ...p.subject, mailingAddress: '北京市朝阳区望京街10号1601室' } }, wizardStep: 1 });
    const changed = await bothSides(change.orderId);
    expect(changed.filer).toEqual(changed.reviewer);
    expect(changed.filer.map((r) => r.field)).toEqual(['subject.mailingAddress']);

    const wanglei = await one<{ name: string }>(t.subjects, '王磊');
    const added = await createDraft(h.db, { ownerId: owners.filer3!, type: 'NEW_WEBSITE', subjectId: wanglei.id });
    const rows = await bothSides(added.orderId);
    expect(rows.filer).toEqual(rows.reviewer);
    expect(rows.filer.every((r) => r.before === null)).toBe(true);
  });
});
