import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDb } from '@/db/client';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { ownerCaches, ownerDashboard } from '@/db/owner-cache';
import { findSessionUser, sessionUserCache } from '@/db/session-users';

// ≤ 6 queries per dashboard render, whatever the number of subjects and websites (no N+1).
// The dashboard render is: the session's user lookup + the owner's whole dashboard in one query, each kept in
// memory until the database announces a change (db/session-users.ts, db/owner-cache.ts).
describe('queries per dashboard render', () => {
  let count = 0;
  let handle: Awaited<ReturnType<typeof openDb>>;
  beforeAll(async () => {
    handle = await openDb({ logger: { logQuery: () => void count++ } });
    await seedDemo(handle.db, { quiet: true });
  });
  afterAll(() => handle?.close());

  async function render(ownerId: string) {
    count = 0;
    await findSessionUser(handle, ownerId);
    const filings = await ownerDashboard(handle, ownerId);
    return { queries: count, subjects: filings.length, websites: filings.flatMap((f) => f.websites).length };
  }

  it('stays at 2 queries (none while nothing changed) from 4 subjects to 24 subjects with 60+ websites', async () => {
    const [owner] = await handle.db.select().from(t.users).where(eq(t.users.email, 'filer@beian.example'));
    const cold = await render(owner!.id);
    expect(cold.queries).toBe(2); // the user, then the whole dashboard in one query (target ≤ 6)
    await vi.waitUntil(() => sessionUserCache(handle).live && ownerCaches(handle).dashboard.live);
    await render(owner!.id); // read before the listeners were up: nothing was kept
    const small = await render(owner!.id);
    expect(small.queries).toBe(0);
    const [tpl] = await handle.db.select().from(t.subjects).where(eq(t.subjects.ownerId, owner!.id)).limit(1);
    for (let i = 0; i < 20; i++) {
      const [s] = await handle.db.insert(t.subjects).values({ ...tpl!, id: undefined, icpNumber: `浙ICP备9${String(i).padStart(7, '0')}号`, createdAt: undefined }).returning();
      for (let k = 1; k <= 3; k++) {
        const [w] = await handle.db.insert(t.websites).values({ subjectId: s!.id, icpNumber: `${s!.icpNumber}-${k}`, name: `测试网站${i}之${k}`, principalId: s!.principalId }).returning();
        await handle.db.insert(t.domains).values({ websiteId: w!.id, name: `q${i}-${k}.example.cn`, registrantName: 'x', registrantIdType: 'x', registrantIdNumber: 'x', expiresOn: '2030-01-01' });
      }
    }
    const big = await render(owner!.id);
    expect(big.subjects).toBe(small.subjects + 20);
    expect(big.websites).toBeGreaterThanOrEqual(60);
    expect(big.queries).toBe(1); // the new subjects were announced: one query reads them all again
    expect((await render(owner!.id)).queries).toBe(0);
  });
});
