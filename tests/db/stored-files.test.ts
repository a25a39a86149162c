import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { findMaterialFor, readMaterialBytes, saveMaterial } from '@/db/materials/store';
import { runHousekeeping } from '@/db/jobs/housekeeping';
import { createImportBatch } from '@/db/imports/preview';
import { runImportBatch, startImport } from '@/db/imports/runner';
import { fileSlices } from '@/db/storage/files';
import { PublicError } from '@/lib/errors';
import { addDaysIso, todayIso } from '@/lib/time';
import { anotherClient, freshDb, TEST_TARGETS, type TestDb } from '../support/db';
import { png } from '../support/images';
import { csvSource, uploadUnreachableSite } from '../support/import-csv';

// Uploads and import files live in the database (stored_files), so any process reads what another stored;
// they commit and roll back with their rows, and go when their rows go.

describe.each(TEST_TARGETS)('stored files on %s', (target) => {
  let h: TestDb;
  let other: TestDb;
  let users: Record<string, { id: string; role: 'filer' | 'reviewer' | 'admin' }>;
  beforeAll(async () => {
    h = await freshDb(target);
    other = await anotherClient(h);
    await seedDemo(h.db, { quiet: true });
    users = Object.fromEntries((await h.db.select().from(t.users)).map((u) => [u.email.split('@')[0]!, { id: u.id, role: u.role }]));
  });
  afterAll(async () => {
    await other?.close();
    await h?.close();
  });
  const files = async () => ((await h.db.select({ n: sql<number>`count(*)::int` }).from(t.storedFiles)) as [{ n: number }])[0].n;

  it('an upload stored through one client is served through another, with its size, hash and type', async () => {
    const m = await saveMaterial(h.db, { ownerId: users.filer!.id, bytes: png(), fileName: 'scan.png', kind: 'domain_certificate' });
    const row = await findMaterialFor(other.db, m.id, { id: users.filer!.id, role: 'filer' });
    expect(row).toBeDefined();
    const bytes = await readMaterialBytes(other.db, m.id);
    expect(bytes?.length).toBe(m.size);
    const [stored] = await other.db.select().from(t.storedFiles).where(eq(t.storedFiles.materialId, m.id));
    expect(stored).toMatchObject({ size: m.size, sha256: row!.sha256, contentType: 'image/png' });
    expect(stored!.content!.equals(bytes!)).toBe(true);
  });

  it('an upload whose transaction rolls back leaves neither row nor bytes', async () => {
    const before = { files: await files(), rows: (await h.db.select({ id: t.materials.id }).from(t.materials)).length };
    const rolledBack = h.db.transaction(async (tx) => {
      await saveMaterial(tx, { ownerId: users.filer!.id, bytes: png(), fileName: 'gone.png', kind: 'domain_certificate' });
      throw new Error('rolled back');
    });
    await expect(rolledBack).rejects.toThrow('rolled back');
    expect(await files()).toBe(before.files);
    expect((await h.db.select({ id: t.materials.id }).from(t.materials)).length).toBe(before.rows);
  });

  it('purging an unused upload removes its bytes; an attached one keeps them', async () => {
    const loose = await saveMaterial(h.db, { ownerId: users.filer2!.id, bytes: png(), fileName: 'loose.png', kind: 'recheck_evidence' });
    const [draft] = await h.db.select().from(t.orders).where(eq(t.orders.state, 'DRAFT')).limit(1);
    const kept = await saveMaterial(h.db, { ownerId: draft!.ownerId, orderId: draft!.id, bytes: png(), fileName: 'kept.png', kind: 'domain_certificate' });
    await runHousekeeping(h.db, new Date(Date.now() + 25 * 3600_000));
    expect(await readMaterialBytes(other.db, loose.id)).toBeUndefined();
    expect(await other.db.select().from(t.storedFiles).where(eq(t.storedFiles.materialId, loose.id))).toEqual([]);
    expect((await readMaterialBytes(other.db, kept.id))?.length).toBe(kept.size);
  });

  it('an import uploaded through one client runs through another, reading its file from the database', async () => {
    const batchId = await uploadUnreachableSite(h.db, users.admin!.id, '无法访问');
    const [stored] = await other.db.select({ size: t.storedFiles.size, contentType: t.storedFiles.contentType }).from(t.storedFiles).where(eq(t.storedFiles.importBatchId, batchId));
    expect(stored).toMatchObject({ contentType: 'text/csv; charset=utf-8' });
    // Read back in small slices, the bytes join up to the whole file.
    const parts: Buffer[] = [];
    for await (const p of (await fileSlices(other.db, { importBatchId: batchId }, 7))!) parts.push(p);
    expect(Buffer.concat(parts).toString('utf8')).toContain('无法访问');
    expect(Buffer.concat(parts).length).toBe(stored!.size);

    await startImport(other.db, { actor: { id: users.admin!.id, role: 'admin' }, batchId });
    expect(await runImportBatch(other.db, batchId)).toBe('done');
    const [done] = await h.db.select().from(t.importBatches).where(eq(t.importBatches.id, batchId));
    expect(done).toMatchObject({ status: 'done', processedRows: 1, createdFindings: 1 });
  });

  it('a refused import file stores nothing', async () => {
    const before = await files();
    const refused = createImportBatch(h.db, { actor: { id: users.admin!.id, role: 'admin' }, fileName: 'bad.csv', source: csvSource([]), deadline: addDaysIso(todayIso(), 30) });
    await expect(refused).rejects.toBeInstanceOf(PublicError);
    expect(await files()).toBe(before);
  });
});
