import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import * as t from '@/db/schema';
import { openDb } from '@/db/client';
import { seedDemo } from '@/db/seed';
import { readMaterialBytes, saveMaterial } from '@/db/materials/store';
import { runHousekeeping } from '@/db/jobs/housekeeping';
import { runImportBatch, startImport } from '@/db/imports/runner';
import { storedImportRows } from '@/db/imports/files';
import { fileSlices, getFile } from '@/db/storage/files';
import { objectStore, setStorageSettings, type ObjectStore, type S3Settings } from '@/db/storage/objects';
import { sweepOrphanObjects } from '@/db/storage/sweep';
import { migrateLocalFiles, moveFilesToBucket } from '@/db/storage/migrate-local';
import { addDaysIso, todayIso } from '@/lib/time';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';
import { png } from '../support/images';
import { startS3 } from '../support/s3';
import { IMPORT_HEADER, uploadUnreachableSite } from '../support/import-csv';

// STORAGE=s3: the bytes of uploads and import files go to an S3-compatible bucket (here s3rver, a real S3
// protocol server on localhost) and stored_files keeps a row per file with the object's key. The object is
// written before the row's transaction, so a rollback or a deleted row leaves an object that the
// housekeeping sweep removes once it is an hour old.

const HOUR = 3600_000;
const KEY = /^portal\/(materials|imports)\/[0-9a-f-]{36}$/;

describe.each(TEST_TARGETS)('files in an S3 bucket on %s', (target) => {
  let h: TestDb;
  let s3: Awaited<ReturnType<typeof startS3>>;
  let store: ObjectStore;
  let users: Record<string, { id: string; role: 'filer' | 'reviewer' | 'admin' }>;
  beforeAll(async () => {
    s3 = await startS3({ prefix: 'portal/' });
    setStorageSettings({ writeTo: 's3', s3: s3.settings });
    store = objectStore()!;
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
    users = Object.fromEntries((await h.db.select().from(t.users)).map((u) => [u.email.split('@')[0]!, { id: u.id, role: u.role }]));
  });
  afterAll(async () => {
    setStorageSettings(undefined);
    await h?.close();
    await s3?.stop();
  });

  const keys = async (area = '') => {
    const all: string[] = [];
    for await (const page of store.list(`portal/${area}`)) all.push(...page.map((o) => o.key));
    return all.sort();
  };
  const rowOf = async (materialId: string) => (await h.db.select().from(t.storedFiles).where(eq(t.storedFiles.materialId, materialId)))[0]!;

  it('stores an upload as an object and its row without bytes, and reads it back', async () => {
    const m = await saveMaterial(h.db, { ownerId: users.filer!.id, bytes: png(), fileName: 'scan.png', kind: 'domain_certificate' });
    const row = await rowOf(m.id);
    expect(row.content).toBeNull();
    expect(row.objectKey).toMatch(KEY);
    expect(row.objectKey).toMatch(/^portal\/materials\//);
    expect(row).toMatchObject({ size: m.size, contentType: 'image/png' });
    const bytes = await readMaterialBytes(h.db, m.id);
    expect(bytes?.length).toBe(m.size);
    expect((await store.get(row.objectKey!)).equals(bytes!)).toBe(true);
    // Reads follow the row: with new files going to the database again, this one is still served.
    setStorageSettings({ writeTo: 'db', s3: s3.settings });
    store = objectStore()!;
    expect((await readMaterialBytes(h.db, m.id))?.equals(bytes!)).toBe(true);
    setStorageSettings({ writeTo: 's3', s3: s3.settings });
    store = objectStore()!;
  });

  it('a rolled-back upload leaves an orphan that the sweep removes an hour later; named objects stay', async () => {
    const [draft] = await h.db.select().from(t.orders).where(eq(t.orders.state, 'DRAFT')).limit(1);
    const kept = await saveMaterial(h.db, { ownerId: draft!.ownerId, orderId: draft!.id, bytes: png(), fileName: 'kept.png', kind: 'domain_certificate' });
    const loose = await saveMaterial(h.db, { ownerId: users.filer2!.id, bytes: png(), fileName: 'loose.png', kind: 'recheck_evidence' });
    const looseKey = (await rowOf(loose.id)).objectKey!;
    // Not the portal's: outside S3_PREFIX, never listed by the sweep.
    await store.put('other-app/report.txt', Buffer.from('not ours'), 'text/plain');

    const before = await keys();
    const rolledBack = h.db.transaction(async (tx) => {
      await saveMaterial(tx, { ownerId: users.filer!.id, bytes: png(), fileName: 'gone.png', kind: 'domain_certificate' });
      throw new Error('rolled back');
    });
    await expect(rolledBack).rejects.toThrow('rolled back');
    const after = await keys();
    const orphans = after.filter((k) => !before.includes(k));
    expect(orphans).toHaveLength(1);
    expect(await h.db.select().from(t.storedFiles).where(eq(t.storedFiles.objectKey, orphans[0]!))).toEqual([]);

    // Too young yet: it may belong to a transaction about to commit.
    expect(await sweepOrphanObjects(h.db, new Date(Date.now() + HOUR / 2))).toBe(0);
    // An hour on, listed a page of one at a time, only the orphan goes.
    expect(await sweepOrphanObjects(h.db, new Date(Date.now() + 2 * HOUR), { pageSize: 1 })).toBe(1);
    expect(await keys()).toEqual(before);

    // A day on, housekeeping purges the unused upload (its row goes by cascade) and sweeps its object in the
    // same run; the attached one and the other application's object stay.
    const run = await runHousekeeping(h.db, new Date(Date.now() + 25 * HOUR));
    // (every unused upload of this file goes: this one and the first test's)
    expect(run.looseMaterials).toBeGreaterThanOrEqual(1);
    expect(run.orphanObjects).toBe(run.looseMaterials);
    expect(await keys()).not.toContain(looseKey);
    expect(await readMaterialBytes(h.db, loose.id)).toBeUndefined();
    expect((await readMaterialBytes(h.db, kept.id))?.length).toBe(kept.size);
    expect((await store.get('other-app/report.txt')).toString()).toBe('not ours');
  });

  it('a row whose object is gone fails loudly instead of reading as no file', async () => {
    const m = await saveMaterial(h.db, { ownerId: users.filer!.id, bytes: png(), fileName: 'lost.png', kind: 'domain_certificate' });
    const row = await rowOf(m.id);
    await store.remove(row.objectKey!);
    await expect(getFile(h.db, { materialId: m.id })).rejects.toThrow(/missing from bucket/);
    await h.db.delete(t.materials).where(eq(t.materials.id, m.id));
  });

  it('imports a CSV file read back from the bucket a ranged slice at a time', async () => {
    const batchId = await uploadUnreachableSite(h.db, users.admin!.id, '对象存储导入');
    const [stored] = await h.db.select().from(t.storedFiles).where(eq(t.storedFiles.importBatchId, batchId));
    expect(stored).toMatchObject({ content: null, objectKey: expect.stringMatching(/^portal\/imports\//), contentType: 'text/csv; charset=utf-8' });

    const parts: Buffer[] = [];
    for await (const p of (await fileSlices(h.db, { importBatchId: batchId }, 7))!) parts.push(p);
    expect(parts.length).toBe(Math.ceil(stored!.size / 7));
    expect(parts.every((p) => p.length <= 7)).toBe(true);
    expect(Buffer.concat(parts).length).toBe(stored!.size);
    expect(Buffer.concat(parts).toString('utf8')).toContain('对象存储导入');

    await startImport(h.db, { actor: { id: users.admin!.id, role: 'admin' }, batchId });
    expect(await runImportBatch(h.db, batchId)).toBe('done');
    const [done] = await h.db.select().from(t.importBatches).where(eq(t.importBatches.id, batchId));
    expect(done).toMatchObject({ status: 'done', processedRows: 1, createdFindings: 1 });
  });

  it('storage:migrate puts old local files in the bucket, once, and moves files kept in the database there', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 's3-migrate-'));
    try {
      const uploads = path.join(dir, 'uploads');
      const imports = path.join(dir, 'imports');
      await mkdir(uploads);
      await mkdir(imports);
      const old = png();
      const [legacy] = await h.db.insert(t.materials).values({ ownerId: users.filer!.id, kind: 'domain_certificate', fileName: 'old.png', mime: 'image/png', size: old.length, sha256: 'x' }).returning();
      await writeFile(path.join(uploads, legacy!.id), old);
      const [batch] = await h.db.insert(t.importBatches).values({ createdBy: users.admin!.id, fileName: 'checks.csv', fileSha256: 'x', deadline: addDaysIso(todayIso(), 30), totalRows: 1 }).returning();
      await writeFile(path.join(imports, `${batch!.id}.csv`), `${IMPORT_HEADER}\n浙ICP备00000001号,,,SUBJECT_NAME_MISMATCH,名称不符,\n`);

      expect(await migrateLocalFiles(h.db, { uploads, imports })).toEqual({ migrated: 2, skipped: 0, missing: 0 });
      expect((await rowOf(legacy!.id)).objectKey).toMatch(KEY);
      expect((await readMaterialBytes(h.db, legacy!.id))?.equals(old)).toBe(true);
      const rows = [];
      for await (const r of storedImportRows(h.db, batch!.id)) rows.push(r);
      expect(rows).toEqual([{ index: 1, row: expect.objectContaining({ 不合格项代码: 'SUBJECT_NAME_MISMATCH' }) }]);
      // A second run uploads nothing.
      const objects = await keys();
      expect(await migrateLocalFiles(h.db, { uploads, imports })).toEqual({ migrated: 0, skipped: 2, missing: 0 });
      expect(await keys()).toEqual(objects);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    // Files stored while STORAGE was db move to the bucket with their bytes unchanged.
    setStorageSettings({ writeTo: 'db', s3: s3.settings });
    const inDb = await saveMaterial(h.db, { ownerId: users.filer!.id, bytes: png(), fileName: 'db.png', kind: 'domain_certificate' });
    const bytes = await readMaterialBytes(h.db, inDb.id);
    expect((await rowOf(inDb.id)).content).not.toBeNull();
    setStorageSettings({ writeTo: 's3', s3: s3.settings });
    store = objectStore()!;
    expect(await moveFilesToBucket(h.db, store)).toBeGreaterThanOrEqual(1);
    expect(await rowOf(inDb.id)).toMatchObject({ content: null, objectKey: expect.stringMatching(KEY) });
    expect((await readMaterialBytes(h.db, inDb.id))?.equals(bytes!)).toBe(true);
    const [{ n }] = (await h.db.select({ n: sql<number>`count(*)::int` }).from(t.storedFiles).where(sql`${t.storedFiles.content} is not null`)) as [{ n: number }];
    expect(n).toBe(0);
    expect(await moveFilesToBucket(h.db, store)).toBe(0);
  });
});

describe('npm run storage:migrate with STORAGE=s3', () => {
  let s3: Awaited<ReturnType<typeof startS3>>;
  let dir: string;
  beforeAll(async () => {
    s3 = await startS3();
    dir = await mkdtemp(path.join(tmpdir(), 's3-migrate-cli-'));
  });
  afterAll(async () => {
    setStorageSettings(undefined);
    await s3?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const envOf = (s: S3Settings, pglite: string) => ({
    ...process.env,
    DATABASE_URL: '',
    PGLITE_DIR: pglite,
    STORAGE: 's3',
    S3_ENDPOINT: s.endpoint,
    S3_REGION: s.region,
    S3_BUCKET: s.bucket,
    S3_ACCESS_KEY_ID: s.accessKeyId,
    S3_SECRET_ACCESS_KEY: s.secretAccessKey,
    S3_FORCE_PATH_STYLE: '1',
  });

  it('moves a local upload into the bucket', async () => {
    const pglite = path.join(dir, 'pglite');
    const uploads = path.join(dir, 'uploads');
    await mkdir(uploads);
    let h = await openDb({ dir: pglite });
    const [owner] = await h.db.insert(t.users).values({ email: 'old-filer@beian.example', name: '旧用户', role: 'filer' }).returning();
    const old = png();
    const [legacy] = await h.db.insert(t.materials).values({ ownerId: owner!.id, kind: 'domain_certificate', fileName: 'old.png', mime: 'image/png', size: old.length, sha256: 'x' }).returning();
    await writeFile(path.join(uploads, legacy!.id), old);
    await h.close(); // a PGlite directory serves one process

    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'db/storage/migrate-cli.ts', '--uploads', uploads, '--imports', path.join(dir, 'none')], {
        env: envOf(s3.settings, pglite),
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let text = '';
      child.stdout.on('data', (b: Buffer) => (text += b.toString()));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`storage:migrate exited with ${code}: ${text}`))));
    });
    expect(out).toContain('migrated 1, skipped 0, missing 0');

    h = await openDb({ dir: pglite });
    try {
      const [row] = await h.db.select().from(t.storedFiles).where(eq(t.storedFiles.materialId, legacy!.id));
      expect(row).toMatchObject({ content: null, objectKey: expect.stringMatching(/^materials\/[0-9a-f-]{36}$/) });
      setStorageSettings({ writeTo: 's3', s3: s3.settings });
      expect((await readMaterialBytes(h.db, legacy!.id))?.equals(old)).toBe(true);
    } finally {
      await h.close();
    }
  });
});
