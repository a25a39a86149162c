import { writeFileSync } from 'node:fs';
import { expect, test, type Browser, type Page, type Request } from '@playwright/test';
import { FINDING_CATALOGUE } from '../lib/remediation';
import { UPLOAD_MESSAGES as M } from '../lib/validation/upload';
import { jpeg, png, script, textChunk } from '../tests/support/images';
import { signIn } from './support';

// Uploads: a script renamed .png, a polyglot, a decompression bomb and a 50 MB body are all refused
// before storage, through the real upload form; a stored upload is served only to its owner and to staff,
// as an inert image. The evidence upload of a 复核 request is the form used (a deep link to the step, so no
// state changes: a refused upload writes nothing, and an accepted one is only a loose file of the filer's).
// Stored files live in the server's database (db/storage/files.ts), out of this process's reach: what the
// upload route answers, and what /materials/<id> then serves, show what was stored. That a refused upload
// leaves no row and no bytes is checked in the database by tests/db/materials.test.ts.

const MB = 1024 * 1024;
const LABEL = '证明材料（可选，如新的域名证书、网页截图）';

async function openEvidenceUpload(page: Page) {
  await page.goto('/notices');
  const link = page.getByRole('link', { name: `去整改：${FINDING_CATALOGUE.DOMAIN_EXPIRED.notice}（云栖技术文档中心）`, exact: true });
  const href = await link.getAttribute('href');
  await page.goto(`${href}?intent=keep&option=renew-domain-recheck`);
  const input = page.getByLabel(LABEL, { exact: true });
  const form = page.locator('form', { has: input });
  // The size check runs in the browser: wait until React owns the form.
  await expect.poll(() => form.evaluate((el) => Object.keys(el).some((k) => k.startsWith('__react')))).toBe(true);
  // With JavaScript, picking a file uploads it: there is no 上传 button to press.
  await expect(form.getByRole('button', { name: '上传', exact: true })).toHaveCount(0);
  return { input, form };
}

test.describe('uploads', () => {
  test('picking a file uploads it at once, with a progress bar while it is sent', async ({ page }) => {
    await signIn(page, 'filer@beian.example');
    const { input, form } = await openEvidenceUpload(page);
    // A slow uplink (about 64 KB/s) makes the 210 KB upload last long enough to watch.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 64 * 1024 });
    await input.setInputFiles({ name: 'slow.png', mimeType: 'image/png', buffer: png({ size: 210 * 1024 }) });
    const bar = form.getByRole('progressbar', { name: `${LABEL}上传进度` });
    await expect(bar).toBeVisible();
    await expect(form.getByRole('status')).toContainText(/上传中 \d+%/);
    await expect(form.getByText('已上传：slow.png')).toBeVisible({ timeout: 30_000 });
    await expect(bar).toHaveCount(0);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  });

  test('a script renamed .png, polyglots and a decompression bomb are refused next to the field; nothing is stored', async ({ page }) => {
    await signIn(page, 'filer@beian.example');
    const { input, form } = await openEvidenceUpload(page);
    const cases: [string, string, Buffer, string][] = [
      ['a shell script renamed .png', 'evil.png', script(), M.type],
      ['a PNG with a zip archive after IEND', 'poly.png', Buffer.concat([png(), Buffer.from('PK\x03\x04evil.php<?php system($_GET["c"]);', 'latin1')]), M.trailing],
      ['a PNG carrying PHP in a text chunk', 'shell.png', png({ extraChunks: [textChunk('<?php system($_GET["c"]); ?>')] }), M.markup],
      ['a JPEG with HTML after EOI', 'photo.jpg', Buffer.concat([jpeg(), Buffer.from('<html><script>alert(1)</script>', 'latin1')]), M.trailing],
      ['a 20000 × 20000 PNG bomb', 'bomb.png', png({ width: 20_000, height: 20_000 }), M.dimensions],
    ];
    for (const [what, name, buffer, message] of cases) {
      await test.step(what, async () => {
        const [answer] = await Promise.all([
          page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/materials/upload')),
          input.setInputFiles({ name, mimeType: name.endsWith('.jpg') ? 'image/jpeg' : 'image/png', buffer }),
        ]);
        expect(answer.status()).toBe(400);
        expect(await answer.json()).not.toHaveProperty('data'); // no material was stored
        await expect(form.getByText(message, { exact: true })).toBeVisible();
        await expect(input).toHaveAttribute('aria-invalid', 'true');
        await expect(form.getByText('已上传：')).toHaveCount(0);
      });
    }
  });

  test('a 50 MB file is refused in the browser before sending, and a 50 MB body sent anyway is cut off by the server', async ({ page }, info) => {
    await signIn(page, 'filer@beian.example');
    const { input, form } = await openEvidenceUpload(page);
    const huge = info.outputPath('huge.png');
    writeFileSync(huge, png({ size: 50 * MB }));
    const posts: Request[] = [];
    page.on('request', (r) => r.method() === 'POST' && posts.push(r));

    await input.setInputFiles(huge);
    await expect(form.getByText(M.size, { exact: true })).toBeVisible();
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(posts).toHaveLength(0); // not a byte sent

    // A real, valid upload shows where the form posts (the upload route, not a server action)…
    const [upload] = await Promise.all([
      page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/materials/upload')),
      input.setInputFiles({ name: 'ok.png', mimeType: 'image/png', buffer: png() }),
    ]);
    await expect(form.getByText('已上传：')).toBeVisible();
    const replay = (file: Buffer) =>
      page.request
        .post(upload.url(), { headers: { origin: new URL(upload.url()).origin }, multipart: { kind: 'recheck_evidence', file: { name: 'upload.png', mimeType: 'image/png', buffer: file } }, timeout: 60_000 })
        .then(async (r) => ({ status: r.status(), ok: r.ok(), body: await r.text() }))
        .catch((err: Error) => ({ status: 0, ok: false, body: '', error: err.message })); // the server may close the socket mid-body

    // …replayed with a valid file it stores one, served back from the database (so the request is well formed)…
    const valid = await replay(png());
    expect(valid).toMatchObject({ status: 200, ok: true });
    const stored = await page.request.get(`/materials/${(JSON.parse(valid.body) as { data: { id: string } }).data.id}`);
    expect(stored.status()).toBe(200);
    expect(stored.headers()['content-type']).toBe('image/png');

    // …and with 50 MB it is refused with 413 and a Chinese message: the route reads one image's worth at most.
    const big = await replay(png({ size: 50 * MB }));
    expect(big.ok).toBe(false);
    if (big.status) {
      expect(big.status).toBe(413);
      expect(big.body).toContain('提交的内容过大');
      expect(big.body).not.toContain('"data"');
    }
  });

  test('an upload is served to its owner and to staff as an inert image; another filer and the signed-out get nothing', async ({ page, browser }) => {
    await signIn(page, 'filer@beian.example');
    const { input, form } = await openEvidenceUpload(page);
    const bytes = png({ size: 220 * 1024 });
    await input.setInputFiles({ name: '首页截图 (1).png', mimeType: 'text/html', buffer: bytes });
    const href = await form.getByRole('link', { name: '首页截图 (1).png' }).getAttribute('href');
    expect(href).toMatch(/^\/materials\/[0-9a-f-]{36}$/);

    const own = await page.request.get(href!);
    expect(own.status()).toBe(200);
    const h = own.headers();
    expect(h['content-type']).toBe('image/png'); // what the bytes are, not what the browser claimed
    expect(h['x-content-type-options']).toMatch(/^nosniff(, nosniff)?$/);
    expect(h['content-security-policy']).toContain(`default-src 'none'`);
    expect(h['content-security-policy']).toMatch(/sandbox/);
    expect(h['cache-control']).toBe('private, no-store');
    expect(h['content-disposition']).toBe(`inline; filename="____ (1).png"; filename*=UTF-8''%E9%A6%96%E9%A1%B5%E6%88%AA%E5%9B%BE%20%281%29.png`);
    // The stored file is the server's re-encoding of the upload: a PNG of the same picture, without the padding.
    const served = Buffer.from(await own.body());
    expect(served.subarray(0, 8).equals(bytes.subarray(0, 8))).toBe(true);
    expect(served.readUInt32BE(16)).toBe(bytes.readUInt32BE(16)); // IHDR width
    expect(served.length).toBeLessThan(bytes.length);

    const other = await asUser(browser, 'filer2@beian.example');
    const foreign = await other.request.get(href!);
    expect(foreign.status()).toBe(404);
    expect((await foreign.body()).includes(bytes.subarray(0, 8))).toBe(false);
    await other.context().close();

    for (const staff of ['reviewer@beian.example', 'admin@beian.example']) {
      const p = await asUser(browser, staff);
      const res = await p.request.get(href!);
      expect(res.status(), staff).toBe(200);
      expect(res.headers()['content-type']).toBe('image/png');
      await p.context().close();
    }

    const anonymous = await browser.newContext();
    const res = await anonymous.request.get(href!, { maxRedirects: 0 });
    expect(res.status()).toBe(307);
    expect(res.headers()['location']).toContain('/login');
    await anonymous.close();
  });
});

async function asUser(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}
