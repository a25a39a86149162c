import { expect, test } from '@playwright/test';

test('pages carry a nonce CSP, no x-powered-by, and still hydrate without CSP violations', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto('/login');
  const h = res!.headers();
  expect(h['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(h['content-security-policy']).toContain(`frame-ancestors 'none'`);
  expect(h['x-powered-by']).toBeUndefined();
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['x-frame-options']).toBe('DENY');
  // Two requests get two nonces.
  const again = await page.request.get('/login');
  expect(again.headers()['content-security-policy']).not.toBe(h['content-security-policy']);
  // React took over the login form (client component): its DOM node carries React's fiber key.
  await expect.poll(() => page.evaluate(() => Object.keys(document.querySelector('form')!).some((k) => k.startsWith('__react')))).toBe(true);
  expect(violations).toEqual([]);
});

test('the session cookie is HttpOnly and SameSite', async ({ page, context }) => {
  await page.goto('/login');
  const form = page.getByRole('region', { name: '密码登录' });
  await form.getByLabel('邮箱').fill('filer@beian.example');
  await form.getByLabel('密码').fill('Beian@2026');
  await form.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/dashboard/);
  const session = (await context.cookies()).find((c) => c.name.includes('session-token'));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe('Lax');
});
