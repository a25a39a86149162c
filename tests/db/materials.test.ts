import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { findMaterialFor, readMaterialBytes, saveMaterial } from '@/db/materials/store';
import { PublicError } from '@/lib/errors';
import { UPLOAD_MESSAGES as M } from '@/lib/validation/upload';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';
import { jpeg, png, script, textChunk } from '../support/images';


describe.each(TEST_TARGETS)('materials on %s', (target) => {
  let h: TestDb;
  let users: (typeof t.users.$inferSelect)[];
  beforeAll(async () => {
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
    users = await h.db.select().from(t.users);
  });
  afterAll(() => h?.close());
  const filer = () => users.find((u) => u.email === 'filer@beian.example')!;
  const other = () => users.find((u) => u.email === 'filer2@beian.example')!;

  it('stores a valid image and serves it only to its owner and staff', async () => {
    const m = await saveMaterial(h.db, { ownerId: filer().id, bytes: png(), fileName: '域名证书.png', kind: 'domain_certificate' });
    expect((await readMaterialBytes(h.db, m.id))?.length).toBe(m.size);
    expect(await findMaterialFor(h.db, m.id, { id: filer().id, role: 'filer' })).toBeDefined();
    expect(await findMaterialFor(h.db, m.id, { id: other().id, role: 'filer' })).toBeUndefined();
    expect(await findMaterialFor(h.db, m.id, { id: 'x', role: 'reviewer' })).toBeDefined();
  });

  it.each([
    ['a script renamed .png', script(), 'evil.png', M.type],
    ['a PNG under 200 KB', png({ size: 10 * 1024 }), 'small.png', M.size],
    ['a PNG over 4 MB', png({ size: 5 * 1024 * 1024 }), 'big.png', M.size],
    ['a 50 MB body', png({ size: 50 * 1024 * 1024 }), 'huge.png', M.size],
    ['a PNG named .jpg', png(), 'photo.jpg', M.mismatch],
    ['a PNG with a zip archive after IEND (polyglot)', Buffer.concat([png(), Buffer.from('PK\x03\x04polyglot', 'latin1')]), 'poly.png', M.trailing],
    ['a PNG with PHP in a text chunk', png({ extraChunks: [textChunk('<?php system($_GET["c"]); ?>')] }), 'php.png', M.markup],
    ['a JPEG with a script after EOI', Buffer.concat([jpeg(), Buffer.from('<script>alert(1)</script>', 'latin1')]), 'poly.jpg', M.trailing],
    ['a 20000 × 20000 PNG (decompression bomb)', png({ width: 20_000, height: 20_000 }), 'bomb.png', M.dimensions],
  ])('refuses %s before storing anything', async (_name, bytes, fileName, message) => {
    const before = (await h.db.select({ id: t.storedFiles.id }).from(t.storedFiles)).length;
    const rows = (await h.db.select().from(t.materials)).length;
    const refused = saveMaterial(h.db, { ownerId: filer().id, bytes, fileName, kind: 'domain_certificate' });
    await expect(refused).rejects.toBeInstanceOf(PublicError);
    await expect(refused).rejects.toMatchObject({ message, fieldErrors: { file: [message] } });
    expect((await h.db.select({ id: t.storedFiles.id }).from(t.storedFiles)).length).toBe(before);
    expect((await h.db.select().from(t.materials)).length).toBe(rows);
  });
});
