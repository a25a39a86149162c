import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { setDbForTests } from '@/db/client';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';
import { installWriteCounter, writeCount } from '../support/write-counter';
import { discoverActions, toForm } from '../support/action-harness';
import { ACTION_MATRIX } from '../security/action-matrix';
import type { SessionUser } from '@/app/_server/session';

// random and malicious payloads to every server action, as a caller the action serves: never a
// crash (500), a clear Chinese message whenever it refuses, and a refusal writes nothing.
// HOSTILE_RUNS sets the runs per action (CI: 1000, on each database).
const RUNS = Number(process.env.HOSTILE_RUNS ?? 60);

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/app/_server/session', () => ({ currentUser: async () => session.user, requirePageUser: async () => session.user }));
vi.mock('@/app/_server/auth', () => ({
  auth: async () => null,
  signIn: async () => undefined,
  signOut: async () => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { digest: 'NEXT_REDIRECT;replace;/login;307;' });
  },
  clientIp: () => '127.0.0.1',
}));
vi.mock('next/cache', async () => (await import('../support/next-mocks')).cacheMock);
vi.mock('next/headers', async () => (await import('../support/next-mocks')).headersMock);
vi.mock('next/navigation', async () => (await import('../support/next-mocks')).navigationMock);
// Background work started by an accepted call (a check run) must not race the write counter.
vi.mock('@/db/jobs/runs', async (orig) => ({ ...(await orig<typeof import('@/db/jobs/runs')>()), startLeasedRun: () => null }));

const NASTY = [
  "' OR 1=1 --",
  "'; drop table orders; --",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '__proto__',
  'constructor',
  '{"__proto__":{"admin":true}}',
  '\u202e\u0000\u200b',
  '../../etc/passwd',
  '00000000-0000-0000-0000-000000000000',
  'ＡＤＭＩＮ',
  '𠮷𠮷𠮷',
  '-1',
  '1e309',
  'NaN',
  // What React's reply format reads as references when they are not escaped as `$$…` (proxy.ts refuses
  // such bodies; inside a FormData they are plain strings and must get the action's Chinese message).
  '${{7*7}}',
  '$K1',
  '$@',
  '$Q',
  '$1',
  '$undefined',
  '$$',
];

// What a hand-written reply body that gets past proxy.ts decodes to besides strings: a FormData ($K1),
// a Date ($D…), a BigInt ($n…), undefined, and objects that are not plain data.
const decodedOddities = fc.constantFrom<unknown>(new FormData(), new Date(Number.NaN), new Date(0), 10n, undefined, null, true, 0, -0, Number.POSITIVE_INFINITY, Object.create(null), [[[]]]);

const hostileValue = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  // Huge strings built by repeating a short (possibly nasty) unit: as hostile as 20,000 random characters,
  // but generated in microseconds — fc.string of that length cost ~30 ms a payload, most of the suite's time.
  fc
    .tuple(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 })), fc.integer({ min: 5000, max: 20000 }))
    .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n)),
  fc.integer().map(String),
  fc.uuid(),
);

const ACTIONS = discoverActions().filter((a) => ACTION_MATRIX[a.key]);
// Sign-in takes no session: its fields are the login form's.
const PUBLIC_FIELDS = ['email', 'password', 'callbackUrl'];

describe.each(TEST_TARGETS)('hostile input to every server action on %s', (target) => {
  let h: TestDb;
  let users: Record<string, SessionUser>;
  beforeAll(async () => {
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
    await installWriteCounter(h.db);
    setDbForTests(h);
    const rows = await h.db.select().from(t.users).where(eq(t.users.disabled, false));
    users = Object.fromEntries(rows.map((u) => [u.role, { id: u.id, email: u.email, name: u.name, role: u.role }]));
  }, 120_000);
  afterAll(async () => {
    setDbForTests(undefined);
    await h?.close();
  });

  for (const action of ACTIONS) {
    it(`${action.key} survives ${RUNS} hostile payloads`, async () => {
      const rule = ACTION_MATRIX[action.key]!;
      const role = rule.roles === 'public' ? null : rule.roles === 'session' ? 'filer' : (rule.roles as string[])[0]!;
      session.user = role ? users[role]! : null;
      const fields = rule.roles === 'public' ? PUBLIC_FIELDS : Object.keys(rule.input({ ownFindingId: '', foreignFindingId: '', foreignOrderId: '', foreignPendingSmsOrderId: '', foreignSubjectId: '', foreignWebsiteId: '', filerUserId: '', submittedOrderId: '', anyRunId: '' }));
      const mod = (await import(/* @vite-ignore */ path.resolve(action.file))) as Record<string, (prev: unknown, input: unknown) => Promise<unknown>>;
      const keys = fc.constantFrom(...fields, '__proto__', 'constructor', 'prototype', '$ACTION_ID_x', 'role', 'ownerId');
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            { weight: 9, arbitrary: fc.dictionary(keys, fc.oneof(hostileValue, fc.array(hostileValue, { maxLength: 3 }), ...(rule.raw ? [decodedOddities] : [])), { maxKeys: 8 }) },
            // The whole argument replaced by something else a hand-written body decodes to.
            { weight: 1, arbitrary: fc.oneof(decodedOddities, hostileValue) },
          ),
          async (payload) => {
          const before = await writeCount(h.db);
          let result: { ok?: boolean; message?: string } | null = null;
          const isFields = typeof payload === 'object' && payload !== null && Object.getPrototypeOf(payload) === Object.prototype;
          try {
            result = (await mod[action.name]!(null, rule.raw || !isFields ? payload : toForm(payload as Record<string, unknown>))) as typeof result;
          } catch (err) {
            // Only Next's control flow may escape (redirect after success, 404): never a raw error.
            expect(String((err as { digest?: string }).digest ?? (err as Error).message)).toMatch(/^NEXT_/);
            return;
          }
          const r = result as { ok?: boolean; message?: string; fieldErrors?: Record<string, string[]> } | null;
          if (r && r.ok === false) {
            expect(r.message).toMatch(/[\u4e00-\u9fa5]/);
            // The messages shown next to the fields too: never zod's English defaults.
            for (const m of Object.values(r.fieldErrors ?? {}).flat()) expect(m).toMatch(/[\u4e00-\u9fa5]/);
            expect(await writeCount(h.db)).toBe(before);
          }
          },
        ),
        { numRuns: RUNS },
      );
      session.user = null;
    }, 600_000);
  }
});
