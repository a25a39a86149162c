import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { readMaterialBytes, saveMaterial } from '@/db/materials/store';
import { storedImportRows } from '@/db/imports/files';
import { migrateLocalFiles } from '@/db/storage/migrate-local';
import { addDaysIso, todayIso } from '@/lib/time';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';
import { png } from '../support/images';

// `npm run storage:migrate`: files earlier versions kept under .data/uploads (<material id>) and .data/imports
// (<batch id>.csv) are stored against their rows; a second run changes nothing.

describe.each(TEST_TARGETS)('moving local files into the database on %s', (target) => {
  let h: TestDb;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'storage-migrate-'));
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
  });
  afterAll(async () => {
    await h?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores each old file against its row once, and counts what it migrated, skipped and could not place', async () => {
    const uploads = path.join(dir, 'uploads');
    const imports = path.join(dir, 'imports');
    await mkdir(uploads);
    await mkdir(imports);
    const [filer] = await h.db.select().from(t.users).where(eq(t.users.email, 'filer@beian.example'));
    const [admin] = await h.db.select().from(t.users).where(eq(t.users.email, 'admin@beian.example'));

    // A material from before: its row, and its bytes on disk only.
    const old = png();
    const [legacy] = await h.db.insert(t.materials).values({ ownerId: filer!.id, kind: 'domain_certificate', fileName: 'old.png', mime: 'image/png', size: old.length, sha256: 'x' }).returning();
    await writeFile(path.join(uploads, legacy!.id), old);
    // One stored already (a file left behind on disk too): its stored bytes stay as they are.
    const current = await saveMaterial(h.db, { ownerId: filer!.id, bytes: png(), fileName: 'new.png', kind: 'domain_certificate' });
    const currentBytes = await readMaterialBytes(h.db, current.id);
    await writeFile(path.join(uploads, current.id), 'stale copy');
    // A file whose row is gone, and a write that never finished.
    await writeFile(path.join(uploads, randomUUID()), 'orphan');
    await writeFile(path.join(uploads, `${legacy!.id}.part`), 'half');

    // An import batch from before, pending with its file on disk, and a file of no batch.
    const [batch] = await h.db.insert(t.importBatches).values({ createdBy: admin!.id, fileName: 'checks.csv', fileSha256: 'x', deadline: addDaysIso(todayIso(), 30), totalRows: 1 }).returning();
    const text = '主体备案号,网站备案号,域名,不合格项代码,检查发现,整改期限\n浙ICP备00000001号,,,SUBJECT_NAME_MISMATCH,名称不符,\n';
    await writeFile(path.join(imports, `${batch!.id}.csv`), text);
    await writeFile(path.join(imports, `${randomUUID()}.csv`), text);

    const first = await migrateLocalFiles(h.db, { uploads, imports });
    expect(first).toEqual({ migrated: 2, skipped: 2, missing: 2 });
    expect((await readMaterialBytes(h.db, legacy!.id))?.equals(old)).toBe(true);
    expect((await readMaterialBytes(h.db, current.id))?.equals(currentBytes!)).toBe(true);
    const rows = [];
    for await (const r of storedImportRows(h.db, batch!.id)) rows.push(r);
    expect(rows).toEqual([{ index: 1, row: expect.objectContaining({ 不合格项代码: 'SUBJECT_NAME_MISMATCH', 检查发现: '名称不符' }) }]);

    // Idempotent: everything placed is now skipped.
    expect(await migrateLocalFiles(h.db, { uploads, imports })).toEqual({ migrated: 0, skipped: 4, missing: 2 });
    expect(await h.db.select().from(t.storedFiles).where(eq(t.storedFiles.materialId, legacy!.id))).toHaveLength(1);
  });

  it('directories that do not exist migrate nothing', async () => {
    expect(await migrateLocalFiles(h.db, { uploads: path.join(dir, 'none'), imports: path.join(dir, 'nothing') })).toEqual({ migrated: 0, skipped: 0, missing: 0 });
  });
});
