import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { databaseFigures, renderMetrics } from '@/db/metrics';
import { ownerDashboard } from '@/db/owner-cache';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';


describe.each(TEST_TARGETS)('metrics on %s', (target) => {
  let h: TestDb;
  beforeAll(async () => {
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
  });
  afterAll(() => h?.close());

  it('reports the outbox, the queues and the caches as the database and this process have them', async () => {
    const figures = await databaseFigures(h.db);
    const submitted = await h.db.select({ id: t.orders.id }).from(t.orders).where(eq(t.orders.state, 'SUBMITTED'));
    const pendingRechecks = await h.db.select({ id: t.rechecks.id }).from(t.rechecks).where(eq(t.rechecks.state, 'pending'));
    const pendingMail = await h.db.select({ id: t.outbox.id }).from(t.outbox).where(eq(t.outbox.status, 'pending'));
    const parked = await h.db.select({ id: t.outbox.id }).from(t.outbox).where(eq(t.outbox.status, 'parked'));
    expect(figures).toMatchObject({ review_queue: submitted.length, recheck_queue: pendingRechecks.length, outbox_pending: pendingMail.length, outbox_parked: parked.length });
    expect(submitted.length).toBeGreaterThan(0);

    const [filer] = await h.db.select().from(t.users).where(eq(t.users.email, 'filer@beian.example'));
    await ownerDashboard(h, filer!.id);
    await ownerDashboard(h, filer!.id);
    const { body, contentType } = await renderMetrics(h);
    expect(contentType).toMatch(/^text\/plain/);
    expect(body).toContain('beian_database_up 1');
    expect(body).toContain(`beian_queue_depth{queue="first_review"} ${submitted.length}`);
    expect(body).toContain(`beian_outbox_messages{status="pending"} ${pendingMail.length}`);
    expect(body).toContain(`beian_outbox_messages{status="parked"} ${parked.length}`);
    expect(body).toMatch(/beian_cache_misses_total\{cache="dashboard"\} [1-9]/);
    expect(body).toMatch(/beian_process_cpu_seconds_total/);
    // Counts only: no address, name or id of anyone.
    expect(body).not.toMatch(/@beian\.example|[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('says the database is down instead of failing the scrape', async () => {
    const broken = { db: { execute: async () => Promise.reject(new Error('connection refused')) } } as unknown as Pick<TestDb, 'db'>;
    const { body } = await renderMetrics(broken);
    expect(body).toContain('beian_database_up 0');
  });
});
