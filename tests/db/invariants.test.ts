import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { FINDING_CODES, ORDER_STATES } from '@/lib/domain/codes';
import { freshDb, pgCode, TEST_TARGETS, type TestDb } from '../support/db';

// SPEC 5: the database itself refuses what the UI must never allow.
describe.each(TEST_TARGETS)('database invariants on %s', (target) => {
  let h: TestDb;
  beforeAll(async () => {
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
  });
  afterAll(() => h?.close());

  const anySubject = async () => {
    const [s] = await h.db
      .select()
      .from(t.subjects)
      .where(sql`not exists (select 1 from orders o where o.subject_id = ${t.subjects.id} and o.state in ('DRAFT','SUBMITTED','FIRST_REVIEW_REJECTED','PENDING_SMS','REGULATOR_REVIEW','REGULATOR_REJECTED','RETURNED'))`)
      .limit(1);
    return s!;
  };

  it('refuses a second open order for the same subject', async () => {
    const s = await anySubject();
    const base = { type: 'CHANGE_ACCESS' as const, ownerId: s.ownerId, subjectId: s.id, provinceCode: s.provinceCode, payload: { type: 'CHANGE_ACCESS' as const, ips: ['1.2.3.4'] } };
    await h.db.insert(t.orders).values({ ...base, number: `T-${target}-1` });
    const err = await h.db.insert(t.orders).values({ ...base, number: `T-${target}-2`, state: 'SUBMITTED' }).catch((e) => e);
    expect(pgCode(err)).toBe('23505');
    // A finished order does not occupy the subject.
    await h.db.insert(t.orders).values({ ...base, number: `T-${target}-3`, state: 'APPROVED' });
  });

  it('refuses a duplicate 备案号 for subjects and for websites', async () => {
    const [a] = await h.db.select().from(t.subjects).limit(1);
    const { id: _id, createdAt: _c, ...copy } = a!;
    const err = await h.db.insert(t.subjects).values({ ...copy, name: '另一个主体' }).catch((e) => e);
    expect(pgCode(err)).toBe('23505');
    const [w1] = await h.db.select().from(t.websites).limit(1);
    const err2 = await h.db.insert(t.websites).values({ subjectId: w1!.subjectId, icpNumber: w1!.icpNumber, name: '重复备案号网站', principalId: w1!.principalId }).catch((e) => e);
    expect(pgCode(err2)).toBe('23505');
  });

  it('refuses a mobile or e-mail shared by two different principals', async () => {
    const [p] = await h.db.select().from(t.principals).limit(1);
    const other = { name: '测试人', idNumber: '110101199003070016', mobile: '13700000000', emergencyMobile: '13700000001', email: 'new@example.cn' };
    const sameMobile = await h.db.insert(t.principals).values({ ...other, mobile: p!.mobile }).catch((e) => e);
    expect(pgCode(sameMobile)).toBe('23505');
    const sameEmail = await h.db.insert(t.principals).values({ ...other, email: p!.email.toUpperCase() }).catch((e) => e);
    expect(pgCode(sameEmail)).toBe('23505');
    await h.db.insert(t.principals).values(other); // a genuinely different person is fine
  });

  it('refuses rows pointing at nothing (foreign keys)', async () => {
    const err = await h.db
      .insert(t.websites)
      .values({ subjectId: '00000000-0000-0000-0000-000000000001', icpNumber: '浙ICP备1号-9', name: '无主网站', principalId: '00000000-0000-0000-0000-000000000002' })
      .catch((e) => e);
    expect(pgCode(err)).toBe('23503');
  });

  it('has demo data covering every finding code, every order state, 6+ provinces and all natures', async () => {
    const codes = await h.db.selectDistinct({ code: t.findings.code }).from(t.findings);
    expect(new Set(codes.map((c) => c.code))).toEqual(new Set(FINDING_CODES));
    const states = await h.db.selectDistinct({ state: t.orders.state }).from(t.orders);
    // The invariant test above adds one APPROVED row; every state must come from the seed anyway.
    expect(new Set(states.map((s) => s.state))).toEqual(new Set(ORDER_STATES));
    const subjects = await h.db.select().from(t.subjects);
    expect(subjects.length).toBeGreaterThanOrEqual(12);
    expect(new Set(subjects.map((s) => s.provinceCode)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(subjects.map((s) => s.nature)).size).toBe(6);
    expect(subjects.some((s) => s.status === 'access_cancelled')).toBe(true);
    const [{ n }] = (await h.db.select({ n: sql<number>`count(*)::int` }).from(t.websites)) as [{ n: number }];
    expect(n).toBeGreaterThanOrEqual(25);
    const overdue = await h.db.select().from(t.findings).where(eq(t.findings.status, 'overdue'));
    expect(overdue.length).toBeGreaterThan(0);
  });

  it('seeds idempotently', async () => {
    const before = await h.db.select({ n: sql<number>`count(*)::int` }).from(t.subjects);
    expect(await seedDemo(h.db, { quiet: true })).toBe('skipped');
    const after = await h.db.select({ n: sql<number>`count(*)::int` }).from(t.subjects);
    expect(after).toEqual(before);
  });
});
