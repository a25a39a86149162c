import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { setUserDisabled } from '@/db/admin/users';
import { findSessionUser, sessionUserCache } from '@/db/session-users';
import { cutListeners, freshDb, TEST_TARGETS, type TestDb } from '../support/db';

// signed-in requests read their user from memory, and the database announces every change to a
// user (migration 0007). What matters is that a change is seen at once — the reads saved are secondary.

/** Waits until `check` holds: NOTIFY from PostgreSQL arrives on its own connection, a moment after commit. */
const eventually = (check: () => boolean | Promise<boolean>) => vi.waitUntil(check, { timeout: 5_000, interval: 10 });

describe.each(TEST_TARGETS)('session users on %s', (target) => {
  let h: TestDb;
  let reads = 0;
  let filerId: string;
  let adminId: string;
  beforeAll(async () => {
    h = await freshDb(target, { logger: { logQuery: (q) => void (q.includes('"session_version"') && reads++) } });
    await seedDemo(h.db, { quiet: true });
    const byEmail = async (email: string) => (await h.db.select().from(t.users).where(eq(t.users.email, email)))[0]!.id;
    filerId = await byEmail('filer@beian.example');
    adminId = await byEmail('admin@beian.example');
    sessionUserCache(h);
    await eventually(() => sessionUserCache(h).live);
  });
  afterAll(() => h?.close());

  it('reads a user once, then serves it from memory', async () => {
    reads = 0;
    const first = await findSessionUser(h, filerId);
    expect(first).toMatchObject({ email: 'filer@beian.example', role: 'filer', disabled: false });
    expect(first).not.toHaveProperty('passwordHash');
    await findSessionUser(h, filerId);
    await findSessionUser(h, filerId);
    expect(reads).toBe(1);
  });

  it('sees a disabled account and its bumped session version as soon as the change commits', async () => {
    const before = await findSessionUser(h, filerId);
    await setUserDisabled(h.db, { actor: { id: adminId, role: 'admin' }, userId: filerId, disabled: true });
    if (target === 'pglite') expect(await findSessionUser(h, filerId)).toMatchObject({ disabled: true }); // same process: no delay at all
    await eventually(async () => (await findSessionUser(h, filerId))!.disabled);
    expect((await findSessionUser(h, filerId))!.sessionVersion).toBeGreaterThan(before!.sessionVersion);
    await setUserDisabled(h.db, { actor: { id: adminId, role: 'admin' }, userId: filerId, disabled: false });
    await eventually(async () => !(await findSessionUser(h, filerId))!.disabled);
  });

  it('sees a change made by any writer, inside a transaction, only once it commits', async () => {
    await findSessionUser(h, filerId);
    await h.db.transaction(async (tx) => {
      await tx.update(t.users).set({ name: '改名之后' }).where(eq(t.users.id, filerId));
    });
    await eventually(async () => (await findSessionUser(h, filerId))!.name === '改名之后');
  });

  it('forgets a deleted user', async () => {
    const [u] = await h.db.insert(t.users).values({ email: 'gone@beian.example', name: '临时账号', role: 'filer' }).returning();
    expect(await findSessionUser(h, u!.id)).toBeDefined();
    await h.db.delete(t.users).where(eq(t.users.id, u!.id));
    await eventually(async () => (await findSessionUser(h, u!.id)) === undefined);
  });

  // PostgreSQL only: PGlite runs in this process and has no connection to lose.
  if (target === 'postgres') it('reads the database while its listener is cut off, and listens again', async () => {
    const cache = sessionUserCache(h);
    await findSessionUser(h, filerId);
    // Cut the listening connection, as a server restart or a network fault would.
    expect(await cutListeners(h, 'user_changed')).toBe(1);
    await eventually(() => cache.size === 0); // the loss was noticed: everything remembered is forgotten
    // A change while nobody listens is never announced; it must be seen all the same.
    await h.db.update(t.users).set({ name: '断线期间改名' }).where(eq(t.users.id, filerId));
    expect((await findSessionUser(h, filerId))!.name).toBe('断线期间改名');
    await eventually(() => cache.live);
    // Listening again, it serves from memory again (the reconnect may already have come before the read above).
    await findSessionUser(h, filerId);
    reads = 0;
    await findSessionUser(h, filerId);
    expect(reads).toBe(0);
    await h.db.update(t.users).set({ name: '重连之后改名' }).where(eq(t.users.id, filerId));
    await eventually(async () => (await findSessionUser(h, filerId))!.name === '重连之后改名');
  });
});
