import { expect, test } from '@playwright/test';

// Server actions take form fields, not files: a sign-in body of 15 or 25 MB is refused with 413 and a Chinese
// message before it is read (it used to be parsed, or end in a 500).

const MB = 1024 * 1024;

test('an oversize body to the sign-in page gets 413 with a Chinese message, never a 500', async ({ request }) => {
  for (const size of [2 * MB, 15 * MB, 25 * MB]) {
    const res = await request.post('/login', {
      headers: { 'next-action': '0'.repeat(42), accept: 'text/x-component' },
      multipart: { '1_email': 'filer@beian.example', '1_blob': { name: 'x.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(size, 0x61) }, '0': '[null,"$K1"]' },
      timeout: 60_000,
    });
    expect(res.status(), `${size / MB} MB`).toBe(413);
    expect(await res.text()).toContain('提交的内容过大');
  }
});
