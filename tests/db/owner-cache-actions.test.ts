import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { setDbForTests } from '@/db/client';
import { ownerCaches, ownerDashboard } from '@/db/owner-cache';
import type { SessionUser } from '@/app/_server/session';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';

// A filer's server action drops the filer's cached pages itself, without waiting for the database's NOTIFY:
// the page the action re-renders must show what the filer just did. A handler that writes nothing proves it
// (no announcement is ever sent for it). The session is stubbed; the database is real.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/app/_server/session', () => ({ currentUser: async () => session.user }));

const { defineAction } = await import('@/app/_server/action');
const noop = defineAction({ roles: ['filer', 'reviewer'], schema: z.object({}) }, async () => undefined);
const failing = defineAction({ roles: ['filer'], schema: z.object({}) }, async () => {
  throw new Error('boom');
});

describe.each(TEST_TARGETS)('server actions and the owner caches on %s', (target) => {
  let h: TestDb;
  let filer: SessionUser;
  let reviewer: SessionUser;
  beforeAll(async () => {
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
    setDbForTests(h);
    const user = async (email: string) => {
      const [u] = await h.db.select().from(t.users).where(eq(t.users.email, email));
      return { id: u!.id, email: u!.email, name: u!.name, role: u!.role };
    };
    filer = await user('filer@beian.example');
    reviewer = await user('reviewer@beian.example');
    await vi.waitUntil(() => ownerCaches(h).dashboard.live, { timeout: 5_000 });
  });
  afterAll(async () => {
    setDbForTests(undefined);
    await h?.close();
  });

  it("drops the acting filer's pages when the action ends, returned or thrown", async () => {
    const cache = ownerCaches(h).dashboard;
    await ownerDashboard(h, filer.id);
    expect(cache.size).toBe(1);
    session.user = reviewer;
    await noop(null, {});
    expect(cache.size).toBe(1); // a reviewer's action is not the filer's write
    session.user = filer;
    await noop(null, {});
    expect(cache.size).toBe(0);
    await ownerDashboard(h, filer.id);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await failing(null, {})).toMatchObject({ ok: false });
    expect(cache.size).toBe(0);
  });
});
