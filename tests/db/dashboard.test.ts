import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { loadDashboard, type DashboardFiling } from '@/db/queries/dashboard';
import { getFilingById } from '@/db/queries/filings';
import type { Db } from '@/db/client';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';

// The dashboard's one-query read model (PostgreSQL builds the JSON) must show exactly what the ORM queries of
// the subject page show: the same websites with live domains and active IPs, the findings to act on in
// deadline order, and the open order. The oracle is getFilingById, which assembles the same from five queries.

async function oracle(db: Db, ownerId: string): Promise<DashboardFiling[]> {
  const subjects = await db.select({ id: t.subjects.id }).from(t.subjects).where(eq(t.subjects.ownerId, ownerId)).orderBy(asc(t.subjects.createdAt), asc(t.subjects.icpNumber));
  const out: DashboardFiling[] = [];
  for (const { id } of subjects) {
    const f = (await getFilingById(db, id))!;
    out.push({
      id: f.id,
      icpNumber: f.icpNumber,
      name: f.name,
      nature: f.nature,
      provinceCode: f.provinceCode,
      status: f.status,
      websites: f.websites.map((w) => ({ id: w.id, icpNumber: w.icpNumber, name: w.name, status: w.status, domains: w.domains.map((d) => d.name), ips: w.ips })),
      findings: f.findings.map((x) => ({ id: x.id, code: x.code, status: x.status, deadline: x.deadline, websiteId: x.websiteId })),
      openOrder: f.openOrder ? { id: f.openOrder.id, number: f.openOrder.number, type: f.openOrder.type, state: f.openOrder.state } : null,
    });
  }
  return out;
}

// Findings that share a deadline may come in either order from the oracle; compare them as sets.
const normalise = (d: DashboardFiling[]) => d.map((s) => ({ ...s, findings: [...s.findings].sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id)) }));

describe.each(TEST_TARGETS)('the 我的备案 read model on %s', (target) => {
  let h: TestDb;
  let filers: string[];
  beforeAll(async () => {
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
    filers = (await h.db.select({ id: t.users.id }).from(t.users).where(eq(t.users.role, 'filer'))).map((u) => u.id);
  }, 120_000);
  afterAll(() => h?.close());

  it('shows every filer what the subject pages show', async () => {
    let subjects = 0;
    for (const id of filers) {
      const got = await loadDashboard(h.db, id);
      expect(normalise(got)).toEqual(normalise(await oracle(h.db, id)));
      for (const s of got) for (let i = 1; i < s.findings.length; i++) expect(s.findings[i - 1]!.deadline <= s.findings[i]!.deadline).toBe(true);
      subjects += got.length;
    }
    expect(subjects).toBeGreaterThanOrEqual(4);
    expect(await loadDashboard(h.db, '00000000-0000-0000-0000-000000000000')).toEqual([]);
  });

  it('follows removed domains, moved access, resolved findings and closed orders', async () => {
    const [w] = await h.db.select().from(t.websites).innerJoin(t.domains, eq(t.domains.websiteId, t.websites.id)).limit(1);
    const ownerOf = async (subjectId: string) => (await h.db.select({ o: t.subjects.ownerId }).from(t.subjects).where(eq(t.subjects.id, subjectId)))[0]!.o;
    const owner = await ownerOf(w!.websites.subjectId);
    await h.db.update(t.domains).set({ removedAt: new Date() }).where(eq(t.domains.id, w!.domains.id));
    await h.db.update(t.accessRecords).set({ active: false }).where(eq(t.accessRecords.websiteId, w!.websites.id));
    await h.db.insert(t.accessRecords).values({ websiteId: w!.websites.id, provider: '新接入商', ips: ['203.0.113.9'] });
    const [open] = await h.db.select().from(t.findings).where(inArray(t.findings.status, ['open', 'overdue'])).limit(1);
    await h.db.update(t.findings).set({ status: 'resolved' }).where(eq(t.findings.id, open!.id));
    const [order] = await h.db.select().from(t.orders).where(and(isNotNull(t.orders.subjectId), inArray(t.orders.state, ['SUBMITTED', 'DRAFT']))).limit(1);
    if (order) await h.db.update(t.orders).set({ state: 'WITHDRAWN' }).where(eq(t.orders.id, order.id));

    for (const id of new Set([owner, await ownerOf(open!.subjectId), ...(order ? [await ownerOf(order.subjectId!)] : [])])) {
      expect(normalise(await loadDashboard(h.db, id))).toEqual(normalise(await oracle(h.db, id)));
    }
    const site = (await loadDashboard(h.db, owner)).flatMap((s) => s.websites).find((x) => x.id === w!.websites.id)!;
    expect(site.domains).not.toContain(w!.domains.name);
    expect(site.ips).toEqual(['203.0.113.9']);
    const all = (await loadDashboard(h.db, await ownerOf(open!.subjectId))).flatMap((s) => s.findings);
    expect(all.map((f) => f.id)).not.toContain(open!.id);
  });
});
