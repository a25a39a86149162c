import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { setDbForTests } from '@/db/client';
import { saveMaterial } from '@/db/materials/store';
import { LOOSE_QUOTA_MESSAGE, MAX_LOOSE_UPLOAD_BYTES, MAX_LOOSE_UPLOADS } from '@/db/materials/loose';
import { runHousekeeping } from '@/db/jobs/housekeeping';
import { getFile, putFile } from '@/db/storage/files';
import { BODY_TOO_LARGE_MESSAGE } from '@/lib/http/body-limits';
import type { SessionUser } from '@/app/_server/session';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';
import { png } from '../support/images';

// Bodies: server actions take 1 MB at most and the proxy refuses a larger declared body with 413 before
// reading it; the upload route takes one image and answers 413 past its own limit, never 500. Loose uploads
// have a per-owner quota and are purged after a day with expired sign-in tokens.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/app/_server/session', () => ({ currentUser: async () => session.user, requirePageUser: async () => session.user }));

const MB = 1024 * 1024;

describe('body limits', () => {
  it('server actions and the proxy buffer take 1 MB at most', async () => {
    const { default: config } = await import('../../next.config');
    const limit = (v: unknown) => (typeof v === 'number' ? v : Number(/^(\d+)mb$/i.exec(String(v))?.[1]) * MB);
    expect(limit(config.experimental?.serverActions?.bodySizeLimit)).toBeLessThanOrEqual(MB);
    expect(limit(config.experimental?.proxyClientMaxBodySize)).toBeLessThanOrEqual(MB);
  });

  it.each([15, 25])('the proxy answers a %i MB sign-in POST with 413 and a Chinese message, before reading it', async (mb) => {
    const { default: proxy } = await import('../../proxy');
    const req = new NextRequest('http://127.0.0.1:3000/login', { method: 'POST', headers: { 'content-length': String(mb * MB), 'next-action': 'abc', 'content-type': 'multipart/form-data; boundary=x' } });
    const res = await proxy(req);
    expect(res.status).toBe(413);
    expect(await res.text()).toBe(BODY_TOO_LARGE_MESSAGE);
  });

  it('the proxy lets a small POST through', async () => {
    const { default: proxy } = await import('../../proxy');
    const res = await proxy(new NextRequest('http://127.0.0.1:3000/login', { method: 'POST', headers: { 'content-length': '2000' } }));
    expect(res.status).not.toBe(413);
  });
});

describe.each(TEST_TARGETS)('uploads on %s', (target) => {
  let h: TestDb;
  let users: Record<string, SessionUser>;
  beforeAll(async () => {
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
    setDbForTests(h as never);
    users = Object.fromEntries((await h.db.select().from(t.users)).map((u) => [u.email.split('@')[0]!, { id: u.id, email: u.email, name: u.name, role: u.role }]));
  }, 120_000);
  afterAll(async () => {
    setDbForTests(undefined);
    await h?.close();
  });

  const upload = async (body: BodyInit | null, headers: Record<string, string> = {}) => {
    const { POST } = await import('@/app/materials/upload/route');
    return POST(new Request('http://127.0.0.1:3000/materials/upload', { method: 'POST', body, headers, duplex: 'half' } as RequestInit));
  };
  const form = (bytes: Buffer, name = 'scan.png') => {
    const f = new FormData();
    f.append('kind', 'recheck_evidence');
    f.append('file', new File([new Uint8Array(bytes)], name, { type: 'image/png' }));
    return f;
  };

  it('stores a valid image for a filer; refuses others, other sites and the signed-out, with Chinese JSON', async () => {
    session.user = users.filer!;
    const ok = await upload(form(png()), { 'sec-fetch-site': 'same-origin', origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, message: '上传成功', data: { fileName: 'scan.png', mime: 'image/png' } });

    const crossSite = await upload(form(png()), { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).message).toMatch(/请求来源无效/);
    const foreignOrigin = await upload(form(png()), { origin: 'https://evil.example', host: '127.0.0.1:3000' });
    expect(foreignOrigin.status).toBe(403);

    session.user = users.reviewer!;
    expect((await upload(form(png()))).status).toBe(403);
    session.user = null;
    const anonymous = await upload(form(png()));
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).message).toBe('登录已失效，请重新登录。');
  });

  it('a body over the upload limit is a 413 with a Chinese message, declared or streamed, and stores nothing', async () => {
    session.user = users.filer!;
    const before = (await h.db.select().from(t.materials)).length;
    const declared = await upload(new Uint8Array(1024), { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(25 * MB) });
    expect(declared.status).toBe(413);
    expect((await declared.json()).message).toBe(BODY_TOO_LARGE_MESSAGE);
    // No Content-Length (chunked): read up to the limit, then cut off.
    const chunk = new Uint8Array(MB);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent++ < 8) c.enqueue(chunk);
        else c.close();
      },
    });
    const streamed = await upload(stream, { 'content-type': 'multipart/form-data; boundary=x' });
    expect(streamed.status).toBe(413);
    expect(sent).toBeLessThan(8);
    expect((await h.db.select().from(t.materials)).length).toBe(before);
    const garbage = await upload('not a form', { 'content-type': 'multipart/form-data; boundary=x' });
    expect(garbage.status).toBe(400);
  });

  it(`a filer holds at most ${MAX_LOOSE_UPLOADS} unused uploads (or ${MAX_LOOSE_UPLOAD_BYTES / MB} MB); attached ones do not count`, async () => {
    const owner = users.filer2!.id;
    const fake = (n: number, size = 1000) => Array.from({ length: n }, () => ({ ownerId: owner, kind: 'x', fileName: 'x.png', mime: 'image/png', size, sha256: 'x' }));
    await h.db.insert(t.materials).values(fake(MAX_LOOSE_UPLOADS - 1));
    await saveMaterial(h.db, { ownerId: owner, bytes: png(), fileName: 'last.png', kind: 'recheck_evidence' });
    const refused = saveMaterial(h.db, { ownerId: owner, bytes: png(), fileName: 'one-more.png', kind: 'recheck_evidence' });
    await expect(refused).rejects.toMatchObject({ message: LOOSE_QUOTA_MESSAGE, fieldErrors: { file: [LOOSE_QUOTA_MESSAGE] } });
    // Parallel uploads cannot slip past together.
    const owner3 = users.filer3!.id;
    await h.db.insert(t.materials).values(fake(MAX_LOOSE_UPLOADS - 2).map((m) => ({ ...m, ownerId: owner3 })));
    const parallel = await Promise.allSettled(Array.from({ length: 5 }, () => saveMaterial(h.db, { ownerId: owner3, bytes: png(), fileName: 'p.png', kind: 'recheck_evidence' })));
    expect(parallel.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    // Bytes: one unused upload just under the limit leaves no room.
    const admin = users.admin!.id;
    await h.db.insert(t.materials).values({ ...fake(1, MAX_LOOSE_UPLOAD_BYTES - 50)[0]!, ownerId: admin });
    await expect(saveMaterial(h.db, { ownerId: admin, bytes: png(), fileName: 'b.png', kind: 'recheck_evidence' })).rejects.toMatchObject({ message: LOOSE_QUOTA_MESSAGE });
    // The upload route says so in JSON, next to the field.
    session.user = users.filer2!;
    const res = await upload(form(png()));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, fieldErrors: { file: [LOOSE_QUOTA_MESSAGE] } });
  });

  it('housekeeping purges unused uploads a day old (rows and bytes) and expired sign-in tokens, nothing else', async () => {
    const owner = users.filer!.id;
    const now = new Date();
    const old = new Date(now.getTime() - 25 * 3600_000);
    const [stale, fresh, onRecheck] = await h.db
      .insert(t.materials)
      .values([
        { ownerId: owner, kind: 'x', fileName: 'stale.png', mime: 'image/png', size: 10, sha256: 'x', createdAt: old },
        { ownerId: owner, kind: 'x', fileName: 'fresh.png', mime: 'image/png', size: 10, sha256: 'x' },
        { ownerId: owner, kind: 'x', fileName: 'evidence.png', mime: 'image/png', size: 10, sha256: 'x', createdAt: old, recheckId: '00000000-0000-4000-8000-000000000009' },
      ])
      .returning();
    const [draft] = await h.db.select().from(t.orders).where(eq(t.orders.state, 'DRAFT')).limit(1);
    const [onOrder] = await h.db.insert(t.materials).values({ ownerId: draft!.ownerId, orderId: draft!.id, kind: 'x', fileName: 'o.png', mime: 'image/png', size: 10, sha256: 'x', createdAt: old }).returning();
    for (const m of [stale!, fresh!, onRecheck!, onOrder!]) await putFile(h.db, { materialId: m.id }, Buffer.from('x'), 'image/png');
    await h.db.insert(t.verificationTokens).values([
      { identifier: 'old@beian.example', token: 'expired-token', expires: new Date(now.getTime() - 60_000) },
      { identifier: 'new@beian.example', token: 'valid-token', expires: new Date(now.getTime() + 600_000) },
    ]);

    const run = await runHousekeeping(h.db, now);
    expect(run.looseMaterials).toBeGreaterThanOrEqual(1);
    const left = (await h.db.select({ id: t.materials.id }).from(t.materials).where(inArray(t.materials.id, [stale!.id, fresh!.id, onRecheck!.id, onOrder!.id]))).map((r) => r.id);
    expect(left.sort()).toEqual([fresh!.id, onRecheck!.id, onOrder!.id].sort());
    expect(await getFile(h.db, { materialId: stale!.id })).toBeUndefined();
    expect((await getFile(h.db, { materialId: fresh!.id }))?.toString()).toBe('x');
    const tokens = (await h.db.select().from(t.verificationTokens)).map((v) => v.token);
    expect(tokens).toContain('valid-token');
    expect(tokens).not.toContain('expired-token');
  });
});
