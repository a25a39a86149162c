import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { getFilingById } from '@/db/queries/filings';
import { loadDashboard } from '@/db/queries/dashboard';
import { subjectTargets } from '@/db/queries/admin';
import { loadSnapshot } from '@/db/orders/drafts';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';

// Every list of a subject's websites (subject page, 我的备案, the order wizard's snapshot, the operator's
// notice form) is in 网站备案号 order with the site serial read as a number: -2 before -10.

describe.each(TEST_TARGETS)('website lists on %s', (target) => {
  let h: TestDb;
  let subjectId: string;
  let ownerId: string;
  const serials = (numbers: string[]) => numbers.map((n) => Number(n.split('-').pop()));

  beforeAll(async () => {
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
    const [s] = await h.db.select().from(t.subjects).where(eq(t.subjects.name, '杭州云栖科技有限公司'));
    subjectId = s!.id;
    ownerId = s!.ownerId;
    // The seed files -1 to -3; add -4 to -11, inserted in text order to make the point.
    const [site] = await h.db.select().from(t.websites).where(eq(t.websites.subjectId, subjectId)).limit(1);
    for (const n of [10, 11, 4, 5, 6, 7, 8, 9]) {
      await h.db.insert(t.websites).values({ subjectId, icpNumber: `${s!.icpNumber}-${n}`, name: `云栖测试站点${n}`, principalId: site!.principalId });
    }
  }, 120_000);
  afterAll(() => h?.close());

  const expected = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

  it('the subject page and 我的备案 list -1 … -11 by number', async () => {
    expect(serials((await getFilingById(h.db, subjectId))!.websites.map((w) => w.icpNumber))).toEqual(expected);
    const dashboard = (await loadDashboard(h.db, ownerId)).find((f) => f.id === subjectId)!;
    expect(serials(dashboard.websites.map((w) => w.icpNumber))).toEqual(expected);
  });

  it('the wizard snapshot and the notice form list them by number too', async () => {
    const snap = await loadSnapshot(h.db, subjectId);
    const numbers = await h.db.select({ id: t.websites.id, icpNumber: t.websites.icpNumber }).from(t.websites).where(eq(t.websites.subjectId, subjectId));
    const numberOf = new Map(numbers.map((w) => [w.id, w.icpNumber]));
    expect(serials(snap.websites.map((w) => numberOf.get(w.id)!))).toEqual(expected);
    expect(serials((await subjectTargets(h.db, subjectId))!.websites.map((w) => w.icpNumber))).toEqual(expected);
  });
});
