import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { setDbForTests } from '@/db/client';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';
import { toForm } from '../support/action-harness';
import { encodeSessionJwt } from '@/lib/auth/session-jwt';
import { passwordSignIn } from '@/db/auth/password-sign-in';
import { installClientAddressStamp } from '@/lib/security/stamp-client-address';
import { MAX_FAILURES_PER_IP } from '@/lib/auth/rate-limit';

// Sign-in abuse an outside probe tried: links poisoned by a forged host, the Auth.js endpoints used
// around the portal's own limits, timing that tells accounts apart, a forged X-Forwarded-For escaping
// the address lock, and a copied cookie outliving Auth.js' sign-out. Auth.js itself runs for real here;
// only Next's request context (headers, cookies) is supplied by the test.

const PUBLIC = 'https://beian.example.cn';
const env = vi.hoisted(() => {
  process.env.AUTH_SECRET = 'sign-in-abuse-test-secret-0123456789abcdef';
  process.env.PUBLIC_BASE_URL = 'https://beian.example.cn';
  return {};
});
void env;

const request = vi.hoisted(() => ({ headers: new Headers(), cookies: new Map<string, string>() }));
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    set: () => {},
    delete: () => {},
  }),
}));
vi.mock('next/navigation', async () => (await import('../support/next-mocks')).navigationMock);
vi.mock('next/cache', async () => (await import('../support/next-mocks')).cacheMock);

const FORGED = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.7' };

async function magicLinks(h: TestDb, recipient: string): Promise<string[]> {
  const rows = await h.db.select().from(t.outbox).where(and(eq(t.outbox.recipient, recipient), eq(t.outbox.template, 'magic_link')));
  return rows.flatMap((r) => [...r.text.matchAll(/https?:\/\/[^\s\]）)]+/g)].map((m) => m[0]));
}

/** A cookie jar for calls to the Auth.js route: Set-Cookie in, Cookie header out. */
function jarOf(...responses: Response[]): string {
  const jar = new Map<string, string>();
  for (const res of responses) for (const c of res.headers.getSetCookie()) jar.set(c.split('=')[0]!, c.split(';')[0]!);
  return [...jar.values()].join('; ');
}

describe.each(TEST_TARGETS)('sign-in abuse on %s', (target) => {
  let h: TestDb;
  let filer: typeof t.users.$inferSelect;
  let route: typeof import('@/app/api/auth/[...nextauth]/route');
  let login: typeof import('@/app/login/actions');

  beforeAll(async () => {
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
    setDbForTests(h);
    filer = (await h.db.select().from(t.users).where(eq(t.users.email, 'filer@beian.example')))[0]!;
    route = await import('@/app/api/auth/[...nextauth]/route');
    login = await import('@/app/login/actions');
  }, 120_000);
  afterAll(async () => {
    setDbForTests(undefined);
    await h?.close();
  });
  beforeEach(async () => {
    await h.db.delete(t.authAttempts);
    await h.db.delete(t.outbox).where(eq(t.outbox.template, 'magic_link'));
    request.headers = new Headers();
    request.cookies = new Map();
  });

  it('a sign-in link requested with a forged Host / X-Forwarded-Host points at PUBLIC_BASE_URL', async () => {
    request.headers = new Headers(FORGED);
    const answer = await login.magicLinkSignIn(null, toForm({ email: filer!.email, callbackUrl: '/dashboard' }));
    expect(answer?.ok).toBe(true);
    const links = await magicLinks(h, filer!.email);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const url = new URL(link);
      expect(url.origin).toBe(PUBLIC);
      expect(url.pathname).toBe('/api/auth/callback/email');
      expect(url.searchParams.get('token')).toBeTruthy();
      // The return path stays a path on the portal: no absolute callback on the forged host either.
      expect(url.searchParams.get('callbackUrl')).toBe('/dashboard');
      expect(link).not.toContain('evil.example');
    }
  });

  it("Auth.js' own sign-in POST is closed: no link, and one answer for known and unknown addresses", async () => {
    const answers: string[] = [];
    for (const email of [filer!.email, 'nobody-here@beian.example']) {
      const csrf = await route.GET(new NextRequest('http://localhost:3000/api/auth/csrf', { headers: FORGED }));
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      for (let i = 0; i < 3; i++) {
        const res = await route.POST(
          new NextRequest('http://localhost:3000/api/auth/signin/email', {
            method: 'POST',
            headers: { ...FORGED, 'content-type': 'application/x-www-form-urlencoded', cookie: jarOf(csrf) },
            body: new URLSearchParams({ email, csrfToken, callbackUrl: 'https://evil.example/' }).toString(),
          }),
        );
        answers.push(`${res.status} ${res.headers.get('location') ?? ''} ${await res.text()}`);
      }
      expect(await magicLinks(h, email)).toEqual([]);
    }
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toMatch(/^404 /);
  });

  // scrypt's time does not depend on the database: measured once, on the first one.
  it.runIf(target === TEST_TARGETS[0])('a wrong password costs an existing and an unknown account the same time (medians of 30)', async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    const time = async (email: string) => {
      await h.db.delete(t.authAttempts); // the lock would answer early for both
      const t0 = performance.now();
      const r = await passwordSignIn(h.db, { email, password: 'not-the-password-1', ip: '192.0.2.1' });
      expect(r.ok).toBe(false);
      return performance.now() - t0;
    };
    await time(filer!.email); // warm-up
    for (let i = 0; i < 30; i++) {
      known.push(await time(filer!.email));
      unknown.push(await time(`nobody-${i}@beian.example`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = median(known) / median(unknown);
    expect(ratio, `known ${median(known).toFixed(1)} ms, unknown ${median(unknown).toFixed(1)} ms`).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  }, 120_000);

  describe('the address lock and X-Forwarded-For', () => {
    let server: Server;
    let port: number;
    let uninstall = () => {};
    beforeAll(async () => {
      const { clientIp } = await import('@/app/_server/auth');
      // What every sign-in does with the request it gets: the address from the headers, then the attempt.
      server = createServer((req, res) => {
        const headers = new Headers(Object.entries(req.headers).map(([k, v]) => [k, String(v)] as [string, string]));
        const ip = clientIp(headers);
        void passwordSignIn(h.db, { email: String(req.headers['x-account']), password: 'wrong-password-1', ip }).then((r) =>
          res.end(JSON.stringify({ ip, locked: r.ok ? null : (r.locked ?? null) })),
        );
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(async () => {
      uninstall();
      await new Promise((r) => server.close(r));
    });
    const attempt = (headers: Record<string, string>) =>
      new Promise<{ ip: string; locked: string | null }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: '/', headers, agent: false }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve(JSON.parse(body)));
        });
        req.on('error', reject);
        req.end();
      });

    it('rotating X-Forwarded-For (or the stamped header) does not escape the address lock by default', async () => {
      uninstall = installClientAddressStamp({});
      const seen = new Set<string>();
      for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
        const r = await attempt({ 'x-account': `rotate-${i}@beian.example`, 'x-forwarded-for': `203.0.113.${i}, 198.51.100.${i}`, 'x-real-ip': `192.0.2.${i}`, 'x-portal-client-address': `10.9.8.${i}` });
        expect(r.locked).toBeNull();
        seen.add(r.ip);
      }
      expect([...seen]).toEqual(['127.0.0.1']);
      const after = await attempt({ 'x-account': 'rotate-last@beian.example', 'x-forwarded-for': '203.0.113.250' });
      expect(after.locked).toBe('ip');
      uninstall();
    });

    it('with one trusted proxy hop the last X-Forwarded-For entry is the client', async () => {
      uninstall = installClientAddressStamp({ TRUSTED_PROXY_HOPS: '1' });
      const r = await attempt({ 'x-account': 'hop@beian.example', 'x-forwarded-for': '203.0.113.9, 198.51.100.20' });
      expect(r.ip).toBe('198.51.100.20');
      const alone = await attempt({ 'x-account': 'hop@beian.example' });
      expect(alone.ip).toBe('127.0.0.1');
      uninstall();
    });
  });

  it("Auth.js' own /api/auth/signout ends the session everywhere: a copied cookie is dead after it", async () => {
    const { currentUser } = await import('@/app/_server/session');
    const [row] = await h.db.select().from(t.users).where(eq(t.users.id, filer!.id));
    // On an https public origin Auth.js names its cookie with the __Secure- prefix.
    const name = '__Secure-authjs.session-token';
    const token = await encodeSessionJwt({ token: { uid: row!.id, role: row!.role, sv: row!.sessionVersion, email: row!.email, name: row!.name }, secret: process.env.AUTH_SECRET!, salt: name, maxAge: 3600 });
    request.cookies = new Map([[name, token]]);
    expect((await currentUser())?.id).toBe(row!.id);

    const csrf = await route.GET(new NextRequest('http://localhost:3000/api/auth/csrf', { headers: { cookie: `${name}=${token}` } }));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const res = await route.POST(
      new NextRequest('http://localhost:3000/api/auth/signout', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `${name}=${token}; ${jarOf(csrf)}` },
        body: new URLSearchParams({ csrfToken, callbackUrl: '/login' }).toString(),
      }),
    );
    expect([200, 302, 303]).toContain(res.status);
    const [after] = await h.db.select({ sv: t.users.sessionVersion }).from(t.users).where(eq(t.users.id, filer!.id));
    expect(after!.sv).toBeGreaterThan(row!.sessionVersion);
    // The copy of the cookie another browser kept is refused now (once the database's change notice has
    // reached the in-memory user cache, as it does before any next request in a real process).
    await vi.waitFor(async () => expect(await currentUser()).toBeNull(), { timeout: 5000 });
  });
});
