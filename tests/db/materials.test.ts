import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { findMaterialFor, saveMaterial } from '@/db/materials/store';
import { PublicError } from '@/lib/errors';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';

/** A real PNG signature followed by padding up to `size` bytes. */
function png(size: number): Uint8Array {
  const b = new Uint8Array(size);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return b;
}

describe.each(TEST_TARGETS)('materials on %s', (target) => {
  let h: TestDb;
  let users: (typeof t.users.$inferSelect)[];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'uploads-'));
  beforeAll(async () => {
    process.env.UPLOAD_DIR = dir;
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
    users = await h.db.select().from(t.users);
  });
  afterAll(() => h?.close());
  const filer = () => users.find((u) => u.email === 'filer@beian.example')!;
  const other = () => users.find((u) => u.email === 'filer2@beian.example')!;

  it('stores a valid image and serves it only to its owner and staff', async () => {
    const m = await saveMaterial(h.db, { ownerId: filer().id, bytes: png(300 * 1024), fileName: '域名证书.png', kind: 'domain_certificate' });
    expect(existsSync(path.join(dir, m.id))).toBe(true);
    expect(await findMaterialFor(h.db, m.id, { id: filer().id, role: 'filer' })).toBeDefined();
    expect(await findMaterialFor(h.db, m.id, { id: other().id, role: 'filer' })).toBeUndefined();
    expect(await findMaterialFor(h.db, m.id, { id: 'x', role: 'reviewer' })).toBeDefined();
  });

  it.each([
    ['a script renamed .png', new TextEncoder().encode('#!/bin/sh\nrm -rf /\n'.padEnd(300 * 1024, ' ')), 'evil.png'],
    ['a PNG under 200 KB', png(10 * 1024), 'small.png'],
    ['a PNG over 4 MB', png(5 * 1024 * 1024), 'big.png'],
    ['a PNG named .jpg', png(300 * 1024), 'photo.jpg'],
  ])('refuses %s before storing anything', async (_name, bytes, fileName) => {
    const before = readdirSync(dir).length;
    const rows = (await h.db.select().from(t.materials)).length;
    await expect(saveMaterial(h.db, { ownerId: filer().id, bytes, fileName, kind: 'domain_certificate' })).rejects.toBeInstanceOf(PublicError);
    expect(readdirSync(dir).length).toBe(before);
    expect((await h.db.select().from(t.materials)).length).toBe(rows);
  });
});
