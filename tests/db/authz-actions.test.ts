import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { setDbForTests } from '@/db/client';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';
import { installWriteCounter, writeCount } from '../support/write-counter';
import { discoverActions, toForm } from '../support/action-harness';
import { ACTION_MATRIX, type Ids } from '../security/action-matrix';
import type { SessionUser } from '@/app/_server/session';

// Server actions are public POST endpoints: each must refuse the wrong role and someone else's object,
// and a refused call must write nothing. The session is stubbed; everything else is the real code on a
// real database.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/app/_server/session', () => ({
  currentUser: async () => session.user,
  requirePageUser: async () => session.user,
}));
vi.mock('@/app/_server/auth', () => ({
  auth: async () => null,
  signIn: async () => undefined,
  signOut: async ({ redirectTo }: { redirectTo: string }) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { digest: `NEXT_REDIRECT;replace;${redirectTo};307;` });
  },
  clientIp: () => '127.0.0.1',
}));
vi.mock('next/cache', async () => (await import('../support/next-mocks')).cacheMock);
vi.mock('next/headers', async () => (await import('../support/next-mocks')).headersMock);
vi.mock('next/navigation', async () => (await import('../support/next-mocks')).navigationMock);

const ACTIONS = discoverActions();
const CALLERS = ['anonymous', 'filer', 'reviewer', 'admin'] as const;

describe('the action matrix covers every server action in the code', () => {
  it('has a row for each discovered action, and no stale rows', () => {
    const found = ACTIONS.map((a) => `${a.file}#${a.name}`).sort();
    expect(found.filter((k) => !(k in ACTION_MATRIX))).toEqual([]);
    expect(Object.keys(ACTION_MATRIX).filter((k) => !found.includes(k))).toEqual([]);
    // Refused calls asserted below: every caller outside the action's roles, and a filer naming a foreign object.
    const refused = Object.values(ACTION_MATRIX).reduce((n, rule) => {
      if (rule.roles === 'public') return n;
      const roles = rule.roles;
      return n + CALLERS.filter((c) => c === 'anonymous' || (roles !== 'session' && (!roles.includes(c) || (rule.foreign && c === 'filer')))).length;
    }, 0);
    const summary = `action matrix: ${found.length} actions × ${CALLERS.length} roles (${CALLERS.join(', ')}) = ${found.length * CALLERS.length} cases, ${refused} refusals (incl. foreign objects) asserted to write nothing, per database`;
    console.log(summary);
    // .ci/test.mjs prints this line at the end of `npm test`.
    mkdirSync('.data/test-reports', { recursive: true });
    writeFileSync('.data/test-reports/action-matrix.json', JSON.stringify({ summary, actions: found.length, roles: CALLERS.length, refused }, null, 2));
  });
});

describe.each(TEST_TARGETS)('server action authorisation on %s', (target) => {
  let h: TestDb;
  let users: Record<string, SessionUser>;
  let ids: Ids;

  beforeAll(async () => {
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
    await installWriteCounter(h.db);
    setDbForTests(h);
    const rows = await h.db.select().from(t.users);
    users = Object.fromEntries(rows.map((u) => [u.email.split('@')[0]!, { id: u.id, email: u.email, name: u.name, role: u.role }]));
    const findingOf = async (email: string) =>
      (await h.db.select({ id: t.findings.id }).from(t.findings).innerJoin(t.subjects, eq(t.subjects.id, t.findings.subjectId)).innerJoin(t.users, eq(t.users.id, t.subjects.ownerId)).where(eq(t.users.email, email)).limit(1))[0]!.id;
    const [foreignOrder] = await h.db.select().from(t.orders).where(eq(t.orders.ownerId, users.filer2!.id)).limit(1);
    const [submitted] = await h.db.select().from(t.orders).where(eq(t.orders.state, 'SUBMITTED')).limit(1);
    const [run] = await h.db.insert(t.checkRuns).values({ startedBy: users.admin!.id, status: 'running' }).returning();
    ids = {
      ownFindingId: await findingOf('filer@beian.example'),
      foreignFindingId: await findingOf('filer2@beian.example'),
      foreignOrderId: foreignOrder!.id,
      foreignSubjectId: foreignOrder!.subjectId!,
      foreignWebsiteId: (await h.db.select({ id: t.websites.id }).from(t.websites).where(eq(t.websites.subjectId, foreignOrder!.subjectId!)).limit(1))[0]!.id,
      submittedOrderId: submitted!.id,
      foreignPendingSmsOrderId: (await h.db.select({ id: t.orders.id }).from(t.orders).where(eq(t.orders.state, 'PENDING_SMS')).limit(1))[0]!.id,
      filerUserId: users.filer!.id,
      anyRunId: run!.id,
    };
  });
  afterAll(async () => {
    setDbForTests(undefined);
    await h?.close();
  });

  const fingerprint = () => writeCount(h.db);


  it('the write counter sees an allowed call write (so "nothing written" can fail)', async () => {
    session.user = users.filer!;
    const before = await writeCount(h.db);
    const mod = await import('@/app/_actions/rectifications');
    const res = await mod.requestExtensionAction(null, toForm({ findingId: ids.ownFindingId, reason: '网站改版需要更多时间，申请延期两周' }));
    expect(res).toMatchObject({ ok: true });
    expect(await writeCount(h.db)).toBeGreaterThan(before);
    session.user = null;
  });

  for (const action of ACTIONS) {
    const key = `${action.file}#${action.name}`;
    it(`${key}: refused callers get a Chinese refusal and nothing is written`, async () => {
      const rule = ACTION_MATRIX[key]!;
      if (rule.roles === 'public') return; // sign-in: limited by rate limits, covered in e2e
      const mod = (await import(/* @vite-ignore */ path.resolve(action.file))) as Record<string, (prev: unknown, input: unknown) => Promise<unknown>>;
      const fn = mod[action.name]!;
      for (const caller of CALLERS) {
        const roleAllowed = rule.roles === 'session' ? caller !== 'anonymous' : caller !== 'anonymous' && rule.roles.includes(caller);
        // A filer naming another filer's object is refused like a wrong role.
        if (roleAllowed && !(rule.foreign && caller === 'filer')) continue;
        session.user = caller === 'anonymous' ? null : users[caller === 'filer' ? 'filer' : caller]!;
        const before = await fingerprint();
        const result = (await fn(null, rule.raw ? rule.input(ids) : toForm(rule.input(ids))).catch((e: unknown) => ({ thrown: e }))) as { ok?: boolean; message?: string; thrown?: { digest?: string } };
        if (result && 'thrown' in result) {
          // Only a redirect to sign-in or a 404 may be thrown at a refused caller.
          expect(String(result.thrown?.digest ?? '')).toMatch(/NEXT_REDIRECT;.*\/login|NEXT_HTTP_ERROR_FALLBACK;404/);
        } else if (result) {
          expect(result.ok).toBe(false);
          expect(result.message).toMatch(/[\u4e00-\u9fa5]/);
        }
        expect(await fingerprint()).toBe(before);
      }
      session.user = null;
    });
  }
});
