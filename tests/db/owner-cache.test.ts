import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { ownerCaches, ownerDashboard, ownerFinding } from '@/db/owner-cache';
import { cutListeners, freshDb, TEST_TARGETS, type TestDb } from '../support/db';

// 我的备案's and the rectification pages' data stays in memory per owner, and the database announces
// (migration 0008) the owners whose data a statement changed. What matters is that every change is seen as
// soon as it commits, by the owner it belongs to; the reads saved are secondary.

/** Rows of a raw query: PGlite's driver wraps them, postgres.js returns them as the result. */
const rowsOf = <R = Record<string, unknown>>(result: unknown): R[] => ((result as { rows?: R[] }).rows ?? (result as R[]));

/** Waits until `check` holds: NOTIFY from PostgreSQL arrives on its own connection, a moment after commit. */
const eventually = (check: () => boolean | Promise<boolean>) => vi.waitUntil(check, { timeout: 5_000, interval: 10 });

describe.each(TEST_TARGETS)('owner data caches on %s', (target) => {
  let h: TestDb;
  let reads = 0;
  let findingReads = 0;
  let filerId: string;
  let otherId: string;
  beforeAll(async () => {
    h = await freshDb(target, {
      logger: { logQuery: (q) => void (q.includes("'openOrder'") && reads++, q.includes("'decisionReason'") && findingReads++) },
    });
    await seedDemo(h.db, { quiet: true });
    const byEmail = async (email: string) => (await h.db.select().from(t.users).where(eq(t.users.email, email)))[0]!.id;
    filerId = await byEmail('filer@beian.example');
    const [other] = await h.db.insert(t.users).values({ email: 'other-filer@beian.example', name: '另一位备案用户', role: 'filer' }).returning();
    otherId = other!.id;
    ownerCaches(h);
    await eventually(() => ownerCaches(h).dashboard.live && ownerCaches(h).rectification.live);
  });
  afterAll(() => h?.close());

  /** Whether the next read of the filer's dashboard goes to the database (and warms the cache again). */
  async function reread(owner = filerId): Promise<boolean> {
    const before = reads;
    await ownerDashboard(h, owner);
    return reads > before;
  }
  /** Reads the owner until it is served from memory (a read that overlapped any announcement is not kept). */
  const warm = (owner = filerId) => eventually(async () => (await ownerDashboard(h, owner), !(await reread(owner))));
  /** Serves from memory again, then runs `change` and waits for the announcement to drop the owner's data. */
  async function dropsAfter(change: () => Promise<unknown>, owner = filerId) {
    await warm(owner);
    await change();
    await eventually(() => reread(owner));
  }
  /** A finding with no recheck or extension yet (the demo seeds a few, and a finding has at most one pending). */
  const quiet = sql.raw('not exists (select 1 from rechecks r where r.finding_id = f.id) and not exists (select 1 from extension_requests e where e.finding_id = f.id)');
  const filerSubjects = () => sql`select id from subjects where owner_id = ${filerId}`;
  const filerWebsites = () => sql`select w.id from websites w join subjects s on s.id = w.subject_id where s.owner_id = ${filerId}`;

  it('reads an owner once, then serves it from memory, frozen', async () => {
    reads = 0;
    const first = await ownerDashboard(h, filerId);
    expect(first.length).toBeGreaterThan(0);
    expect(first.flatMap((s) => s.findings).length).toBeGreaterThan(0);
    expect(await ownerDashboard(h, filerId)).toBe(first);
    expect(reads).toBe(1);
    expect(Object.isFrozen(first[0]!.websites[0])).toBe(true);
    expect(() => (first as unknown as unknown[]).push(1)).toThrow();
  });

  it('sees a finding resolved as soon as it commits, and nothing of it before', async () => {
    const before = await ownerDashboard(h, filerId);
    const finding = before.flatMap((s) => s.findings).find((f) => f.status === 'open')!;
    await h.db.transaction(async (tx) => {
      await tx.update(t.findings).set({ status: 'resolved' }).where(eq(t.findings.id, finding.id));
      expect((await ownerDashboard(h, filerId)).flatMap((s) => s.findings).map((f) => f.id)).toContain(finding.id);
    });
    if (target === 'pglite') expect((await ownerDashboard(h, filerId)).flatMap((s) => s.findings).map((f) => f.id)).not.toContain(finding.id); // same process: no delay at all
    await eventually(async () => !(await ownerDashboard(h, filerId)).flatMap((s) => s.findings).some((f) => f.id === finding.id));
  });

  it('sees a renamed website and a new domain', async () => {
    const site = (await ownerDashboard(h, filerId))[0]!.websites[0]!;
    await h.db.update(t.websites).set({ name: '改名后的网站' }).where(eq(t.websites.id, site.id));
    await eventually(async () => (await ownerDashboard(h, filerId))[0]!.websites[0]!.name === '改名后的网站');
    await h.db.insert(t.domains).values({ websiteId: site.id, name: 'added-later.example.cn', registrantName: 'x', registrantIdType: 'x', registrantIdNumber: 'x', expiresOn: '2030-01-01' });
    await eventually(async () => (await ownerDashboard(h, filerId))[0]!.websites[0]!.domains.includes('added-later.example.cn'));
  });

  it('drops the owner on a change to any table the dashboard reads, whatever the statement', async () => {
    await dropsAfter(() => h.db.execute(sql`update subjects set name = name where id in (${filerSubjects()})`));
    await dropsAfter(() => h.db.execute(sql`update websites set name = name where id in (${filerWebsites()})`));
    await dropsAfter(() => h.db.execute(sql`update domains set name = name where website_id in (${filerWebsites()})`));
    await dropsAfter(() => h.db.execute(sql`update access_records set ips = ips where website_id in (${filerWebsites()})`));
    await dropsAfter(() => h.db.execute(sql`update findings set deadline = deadline where subject_id in (${filerSubjects()})`));
    await dropsAfter(() => h.db.execute(sql`update orders set wizard_step = wizard_step where owner_id = ${filerId}`));
    await dropsAfter(() => h.db.execute(sql`delete from domains where name = 'added-later.example.cn'`));
    await dropsAfter(() => h.db.execute(sql`update notices set deadline = deadline where subject_id in (${filerSubjects()})`));
    const [f] = rowsOf<{ id: string }>(await h.db.execute(sql`select id from findings f where subject_id in (${filerSubjects()}) and ${quiet} order by id limit 1`));
    await dropsAfter(() => h.db.execute(sql`insert into rechecks (finding_id, requested_by) values (${f!.id}, ${filerId})`));
    await dropsAfter(() => h.db.execute(sql`delete from rechecks where finding_id = ${f!.id}`));
    await dropsAfter(() => h.db.execute(sql`insert into extension_requests (finding_id, requested_by, reason) values (${f!.id}, ${filerId}, '测试')`));
    await dropsAfter(() => h.db.execute(sql`delete from extension_requests where finding_id = ${f!.id}`));
  });

  it('keeps a rectification page in memory until anything of its owner changes, and never keeps a refusal', async () => {
    const [f] = rowsOf<{ id: string }>(await h.db.execute(sql`select id from findings f where subject_id in (${filerSubjects()}) and status = 'open' and ${quiet} order by id limit 1`));
    findingReads = 0;
    const first = await ownerFinding(h, filerId, f!.id);
    expect(first?.finding.id).toBe(f!.id);
    expect(await ownerFinding(h, filerId, f!.id)).toBe(first);
    expect(findingReads).toBe(1);
    expect(Object.isFrozen(first!.subject)).toBe(true);
    // Another owner asking for it: nothing, every time (a refusal is never kept).
    expect(await ownerFinding(h, otherId, f!.id)).toBeUndefined();
    expect(await ownerFinding(h, otherId, f!.id)).toBeUndefined();
    expect(findingReads).toBe(3);
    expect(await ownerFinding(h, filerId, 'not-a-uuid')).toBeUndefined();
    expect(findingReads).toBe(3);
    // A recheck requested for it shows at once…
    await h.db.execute(sql`insert into rechecks (finding_id, requested_by, note) values (${f!.id}, ${filerId}, '已整改，请复核')`);
    await eventually(async () => (await ownerFinding(h, filerId, f!.id))!.recheck?.note === '已整改，请复核');
    // …and so does a change elsewhere in the owner's data (a renamed subject), which drops all their pages.
    await h.db.update(t.subjects).set({ name: '改名后的主体' }).where(eq(t.subjects.id, first!.subject.id));
    await eventually(async () => (await ownerFinding(h, filerId, f!.id))!.subject.name === '改名后的主体');
    await h.db.execute(sql`delete from rechecks where finding_id = ${f!.id}`);
    await eventually(async () => (await ownerFinding(h, filerId, f!.id))!.recheck === null); // heard before the next test reads
  });

  it('keeps an owner whose data did not change, and moves a subject to both owners', async () => {
    await warm(otherId);
    await h.db.execute(sql`update subjects set name = name where owner_id <> ${filerId}`);
    // Announcements arrive in commit order: once the filer's is in, the one before it has been heard too.
    await dropsAfter(() => h.db.execute(sql`update subjects set name = name where owner_id = ${filerId}`));
    expect(await reread(otherId)).toBe(false);
    const [moved] = rowsOf<{ id: string }>(await h.db.execute(sql`select id from subjects where owner_id = ${filerId} order by icp_number limit 1`));
    await h.db.update(t.subjects).set({ ownerId: otherId }).where(eq(t.subjects.id, moved!.id));
    await eventually(async () => (await ownerDashboard(h, otherId)).some((s) => s.id === moved!.id));
    await eventually(async () => !(await ownerDashboard(h, filerId)).some((s) => s.id === moved!.id));
    await h.db.update(t.subjects).set({ ownerId: filerId }).where(eq(t.subjects.id, moved!.id));
    await eventually(async () => (await ownerDashboard(h, filerId)).some((s) => s.id === moved!.id));
  });

  it('announces the owners of a statement touching hundreds of them, 200 to a message, and no one else', async () => {
    const cache = ownerCaches(h).dashboard;
    const heard: string[] = [];
    const sub = h.listen('owner_data_changed', { notify: (p) => heard.push(p), live: () => {} });
    const ids = rowsOf<{ id: string }>(await h.db.execute(sql`insert into users (email, name) select 'bulk' || g || '@beian.example', '批量' || g from generate_series(1, 450) g returning id`));
    expect(ids.length).toBe(450);
    // The previous test's last move may still be on its way: warm both until both are held at once.
    await eventually(async () => (await warm(filerId), await warm(otherId), cache.size >= 2));
    await warm(ids[0]!.id);
    // A statement that reaches 450 owners at once (as an import chunk or a check-run batch does) drops exactly those.
    const [tpl] = await h.db.select().from(t.subjects).where(eq(t.subjects.ownerId, filerId)).limit(1);
    await h.db.execute(sql`insert into subjects (icp_number, name, nature, cert_type, cert_number, cert_address, province_code, mailing_address, owner_id, principal_id)
      select '批' || u.email, s.name, s.nature, s.cert_type, s.cert_number, s.cert_address, s.province_code, s.mailing_address, u.id, s.principal_id
      from users u, subjects s where u.email like 'bulk%' and s.id = ${tpl!.id}`);
    await eventually(() => heard.flatMap((p) => p.split(',')).filter((id) => id.length === 36).length >= 450);
    const announced = heard.map((p) => p.split(','));
    expect(announced.every((batch) => batch.length <= 200)).toBe(true);
    expect(new Set(announced.flat())).toEqual(new Set(ids.map((r) => r.id)));
    expect(await reread(ids[0]!.id)).toBe(true);
    expect(await reread(filerId)).toBe(false);
    expect(await reread(otherId)).toBe(false);
    await sub.stop();
  });

  it("announces everyone ('*') for TRUNCATE", async () => {
    const cache = ownerCaches(h).dashboard;
    await warm();
    await h.db.execute(sql`truncate extension_requests`);
    await eventually(() => cache.size === 0);
  });

  // PostgreSQL only: PGlite runs in this process and has no connection to lose.
  if (target === 'postgres') it('reads the database while its listener is cut off, and listens again', async () => {
    const cache = ownerCaches(h).dashboard;
    await warm();
    const liveCalls = vi.spyOn(cache, 'setLive');
    expect(await cutListeners(h, 'owner_data_changed')).toBe(1);
    // The loss was noticed and everything remembered forgotten (it listens again at once, so the window is short).
    await eventually(() => liveCalls.mock.calls.some(([live]) => live === false));
    expect(cache.size).toBe(0);
    liveCalls.mockRestore();
    // A change around the gap is seen all the same: nothing is served from memory until LISTEN runs again.
    const site = (await ownerDashboard(h, filerId))[0]!.websites[0]!;
    await h.db.update(t.websites).set({ name: '断线期间改名' }).where(eq(t.websites.id, site.id));
    await eventually(async () => (await ownerDashboard(h, filerId))[0]!.websites[0]!.name === '断线期间改名');
    await eventually(() => cache.live && ownerCaches(h).rectification.live);
    await warm();
    await dropsAfter(() => h.db.update(t.websites).set({ name: '重连之后改名' }).where(eq(t.websites.id, site.id)));
    expect((await ownerDashboard(h, filerId))[0]!.websites[0]!.name).toBe('重连之后改名');
  });
});
