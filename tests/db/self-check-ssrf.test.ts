import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, isNull, ne } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { runSelfCheck } from '@/db/checks/self-check';
import { PublicError } from '@/lib/errors';
import { SELF_CHECKS_PER_WINDOW } from '@/lib/checks/self-check-limit';
import type { Probes } from '@/lib/checks/website';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';

// A filer controls the DNS of the domains 立即自查 fetches. Pointing them at the portal's own host, the cloud
// metadata service or an IPv4-mapped loopback must get a refusal, and no request may reach anything.

const ENV_KEYS = ['CHECK_RESOLVE_TO', 'CHECK_HTTP_PORT', 'CHECK_TIMEOUT_MS', 'CHECK_ALLOW_PRIVATE', 'PUBLIC_BASE_URL'] as const;

describe.each(TEST_TARGETS)('立即自查 and private addresses on %s', (target) => {
  let h: TestDb;
  let server: http.Server;
  let hits = 0;
  let port = 0;
  const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  let users: Record<string, string>;

  beforeAll(async () => {
    // Dual-stack where the machine has IPv6, so ::ffff:127.0.0.1 would really reach it.
    server = http.createServer((_req, res) => {
      hits++;
      res.end('<html><head><title>internal</title></head><body>secret</body></html>');
    });
    await new Promise<void>((resolve) => {
      server.once('error', () => server.listen(0, '127.0.0.1', resolve));
      server.listen(0, '::', resolve);
    });
    port = (server.address() as AddressInfo).port;
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
    users = Object.fromEntries((await h.db.select().from(t.users)).map((u) => [u.email, u.id]));
  });
  afterEach(() => {
    for (const k of ENV_KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });
  afterAll(async () => {
    await h?.close();
    await new Promise((r) => server.close(r));
  });

  /** A website of `email` that is not cancelled and has a domain. */
  const siteOf = async (email: string) => {
    const [row] = await h.db
      .select({ id: t.websites.id })
      .from(t.websites)
      .innerJoin(t.subjects, eq(t.subjects.id, t.websites.subjectId))
      .innerJoin(t.domains, and(eq(t.domains.websiteId, t.websites.id), isNull(t.domains.removedAt)))
      .where(and(eq(t.subjects.ownerId, users[email]!), ne(t.websites.status, 'cancelled')))
      .limit(1);
    return row!.id;
  };
  const pin = (address: string, extra: Partial<Record<(typeof ENV_KEYS)[number], string>> = {}) => {
    Object.assign(process.env, { CHECK_RESOLVE_TO: address, CHECK_HTTP_PORT: String(port), CHECK_TIMEOUT_MS: '3000', ...extra });
    delete process.env.CHECK_ALLOW_PRIVATE;
    if (extra.CHECK_ALLOW_PRIVATE) process.env.CHECK_ALLOW_PRIVATE = extra.CHECK_ALLOW_PRIVATE;
  };

  it.each(['127.0.0.1', '169.254.169.254', '::ffff:127.0.0.1', '10.0.0.1', 'fd00::1'])('DNS pointing at %s: refused, nothing fetched', async (address) => {
    pin(address, { PUBLIC_BASE_URL: 'https://beian.example.com' });
    const before = hits;
    const started = Date.now();
    const result = await runSelfCheck(h.db, { websiteId: await siteOf('filer@beian.example'), actor: { id: users['filer@beian.example']! } });
    expect(hits).toBe(before);
    expect(Date.now() - started).toBeLessThan(2500); // refused before connecting, not timed out
    expect(result.domains.length).toBeGreaterThan(0);
    for (const d of result.domains) {
      expect(d.reachable).toBe(false);
      expect(d.detail).toContain('出于安全原因未访问');
      expect(d.detail).not.toContain('secret');
    }
  });

  it('CHECK_ALLOW_PRIVATE=1 is ignored for a portal on a public origin; honoured on a loopback one (tests)', async () => {
    const websiteId = await siteOf('filer@beian.example');
    const actor = { id: users['filer@beian.example']! };
    pin('127.0.0.1', { CHECK_ALLOW_PRIVATE: '1', PUBLIC_BASE_URL: 'https://beian.example.com' });
    const before = hits;
    const refused = await runSelfCheck(h.db, { websiteId, actor });
    expect(hits).toBe(before);
    expect(refused.domains.every((d) => d.detail.includes('出于安全原因未访问'))).toBe(true);

    pin('127.0.0.1', { CHECK_ALLOW_PRIVATE: '1', PUBLIC_BASE_URL: 'http://127.0.0.1:3500' });
    const allowed = await runSelfCheck(h.db, { websiteId, actor });
    expect(hits).toBeGreaterThan(before);
    expect(allowed.domains.some((d) => d.reachable)).toBe(true);
  });

  it(`more than ${SELF_CHECKS_PER_WINDOW} self-checks in the window: a Chinese refusal, for that filer only`, async () => {
    const probes = (): Probes => ({ resolve: async () => [], fetchHomepage: async () => ({ ok: false, reason: 'no_address', detail: 'x' }) });
    const websiteId = await siteOf('filer2@beian.example');
    const actor = { id: users['filer2@beian.example']! };
    const runs = await Promise.allSettled(Array.from({ length: SELF_CHECKS_PER_WINDOW + 3 }, () => runSelfCheck(h.db, { websiteId, actor, probes })));
    expect(runs.filter((r) => r.status === 'fulfilled')).toHaveLength(SELF_CHECKS_PER_WINDOW);
    const refusals = runs.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);
    expect(refusals).toHaveLength(3);
    for (const e of refusals) {
      expect(e).toBeInstanceOf(PublicError);
      expect((e as Error).message).toMatch(/^自查过于频繁：每 10 分钟最多自查 10 次，请 \d+ 分钟后再试。$/);
    }
    const stored = await h.db.select().from(t.selfChecks).where(eq(t.selfChecks.requestedBy, actor.id));
    expect(stored).toHaveLength(SELF_CHECKS_PER_WINDOW);
    // Another filer is not affected.
    await expect(runSelfCheck(h.db, { websiteId: await siteOf('filer@beian.example'), actor: { id: users['filer@beian.example']! }, probes })).resolves.toBeDefined();
  });
});
