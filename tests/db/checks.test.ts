import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { createCheckRun, executeRun, requestCancel, runReport } from '@/db/checks/run';
import { issueNoticesFromRun } from '@/db/checks/issue-from-run';
import type { Probes } from '@/lib/checks/website';
import { PublicError } from '@/lib/errors';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';

// A stub network: every filed site answers with a page lacking the footer, except unreachable ones.
const stubProbes = (): Probes => ({
  resolve: async () => ['127.0.0.1'],
  fetchHomepage: async (host) =>
    host.startsWith('www.') ? { ok: false, reason: 'connect', detail: 'refused' } : { ok: true, status: 200, url: `http://${host}/`, html: '<title>无关标题</title>' },
});

describe.each(TEST_TARGETS)('check runs on %s', (target) => {
  let h: TestDb;
  let admin: { id: string; role: 'admin' };
  beforeAll(async () => {
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
    const [a] = await h.db.select().from(t.users).where(eq(t.users.email, 'admin@beian.example'));
    admin = { id: a!.id, role: 'admin' };
  });
  afterAll(() => h?.close());

  it('data checks over all filings find what the demo data plants', async () => {
    const run = await createCheckRun(h.db, { actor: admin, filter: {} });
    const done = await executeRun(h.db, run.id, { today: '2026-11-23' });
    expect(done.status).toBe('done');
    expect(done.processedSubjects).toBe(done.totalSubjects);
    const codes = (await runReport(h.db, run.id)).map((r) => r.code);
    // 四川省软件行业协会's principal ID is planted as expired; linareads.cn is named after its domain.
    expect(codes).toEqual(expect.arrayContaining(['SUBJECT_PRINCIPAL_ID_EXPIRED', 'SITE_NAME_VIOLATION', 'SUBJECT_LEGAL_REP_MISMATCH']));
  });

  it('filters by province and code, and website checks run through the probes', async () => {
    const run = await createCheckRun(h.db, { actor: admin, filter: { province: '33', codes: ['FOOTER_ICP_NUMBER_MISSING', 'SITE_TITLE_MISMATCH'], website: true } });
    await executeRun(h.db, run.id, { probes: stubProbes, today: '2026-11-23' });
    const results = await h.db.select().from(t.checkResults).where(eq(t.checkResults.runId, run.id));
    expect(results.length).toBeGreaterThan(0);
    expect(new Set(results.map((r) => r.code))).toEqual(new Set(['FOOTER_ICP_NUMBER_MISSING', 'SITE_TITLE_MISMATCH']));
    const subjects = await h.db.select().from(t.subjects).where(eq(t.subjects.provinceCode, '33'));
    expect(results.every((r) => subjects.some((s) => s.id === r.subjectId))).toBe(true);
  });

  it('a cancelled run stops and says so; only admins start runs', async () => {
    const run = await createCheckRun(h.db, { actor: admin, filter: {} });
    await requestCancel(h.db, run.id);
    expect((await executeRun(h.db, run.id)).status).toBe('cancelled');
    const [reviewer] = await h.db.select().from(t.users).where(eq(t.users.email, 'reviewer@beian.example'));
    const before = (await h.db.select().from(t.checkRuns)).length;
    await expect(createCheckRun(h.db, { actor: { id: reviewer!.id, role: 'reviewer' }, filter: {} })).rejects.toBeInstanceOf(PublicError);
    expect((await h.db.select().from(t.checkRuns)).length).toBe(before);
  });
});

describe.each(TEST_TARGETS)('notices from a check run on %s', (target) => {
  it('issues one notice per subject and issuing again creates nothing new', async () => {
    const h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
    const [a] = await h.db.select().from(t.users).where(eq(t.users.email, 'admin@beian.example'));
    const admin = { id: a!.id, role: 'admin' as const };
    // Something the demo's notices do not yet carry: a domain that expired last month.
    await h.db.update(t.domains).set({ expiresOn: '2026-10-01' }).where(eq(t.domains.name, 'yunqi-tech.cn'));
    const run = await createCheckRun(h.db, { actor: admin, filter: {} });
    await executeRun(h.db, run.id, { today: '2026-11-23' });
    const deadline = '2099-01-01';
    const first = await issueNoticesFromRun(h.db, { runId: run.id, actor: admin, deadline });
    const findingsAfterFirst = (await h.db.select().from(t.findings)).length;
    // The demo already carries some of these findings unresolved: those are skipped, the rest issued.
    expect(first.notices).toBeGreaterThan(0);
    expect(first.findings + first.skipped).toBe((await h.db.select().from(t.checkResults).where(eq(t.checkResults.runId, run.id))).length);
    const again = await issueNoticesFromRun(h.db, { runId: run.id, actor: admin, deadline });
    expect(again).toMatchObject({ notices: 0, findings: 0 });
    expect((await h.db.select().from(t.findings)).length).toBe(findingsAfterFirst);
    const [reviewer] = await h.db.select().from(t.users).where(eq(t.users.email, 'reviewer@beian.example'));
    await expect(issueNoticesFromRun(h.db, { runId: run.id, actor: { id: reviewer!.id, role: 'reviewer' } as never, deadline })).rejects.toThrow();
    await h.close();
  }, 120_000);
});
