import { expect, test } from '@playwright/test';

// Public files answer without a session: search engines are told to stay out, browsers find the icons.
test('robots.txt keeps the portal out of search engines', async ({ request }) => {
  const res = await request.get('/robots.txt', { maxRedirects: 0 });
  expect(res.status()).toBe(200);
  expect(await res.text()).toMatch(/User-agent: \*\s+Disallow: \/\s*$/m);
});

test('favicon, logo and touch icon are served as images', async ({ request }) => {
  for (const [path, type] of [
    ['/favicon.ico', /image\//],
    ['/favicon.svg', /image\/svg\+xml/],
    ['/logo.svg', /image\/svg\+xml/],
    ['/apple-touch-icon.png', /image\/png/],
  ] as const) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(200);
    expect(res.headers()['content-type'], path).toMatch(type);
  }
});

test('the sign-in page names its icons and asks not to be indexed', async ({ page }) => {
  await page.goto('/login');
  await expect(page.locator('link[rel="icon"][href="/favicon.svg"]')).toHaveCount(1);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
});
