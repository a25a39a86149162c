import { expect, test } from '@playwright/test';
import { signIn } from './support';

// Starting an order is a POST. A GET of /orders/new (a link followed from another site, with the SameSite=Lax
// session cookie riding along; a crawler; a prefetch) only shows the confirmation page and creates nothing.

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const SUBJECT = '北京智源未来科技有限公司';

test('a cross-site GET of /orders/new shows a confirmation and creates no order', async ({ page }) => {
  await signIn(page, 'filer@beian.example');
  await page.goto('/dashboard');
  const subjectHref = await page.getByRole('link', { name: SUBJECT, exact: true }).first().getAttribute('href');
  const subjectId = subjectHref!.match(UUID)![0];
  const orderIds = async () => {
    const html = await (await page.request.get('/orders')).text();
    return [...new Set([...html.matchAll(new RegExp(`href="/orders/(${UUID.source})"`, 'g'))].map((m) => m[1]))].sort();
  };
  const before = await orderIds();

  const url = `/orders/new?type=CHANGE_SUBJECT&subject=${subjectId}`;
  for (let i = 0; i < 3; i++) {
    const res = await page.request.get(url, { maxRedirects: 0, headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', referer: 'https://evil.example/' } });
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain('确认发起变更主体');
  }
  // A top-level navigation from another site, as a browser makes it.
  await page.goto(url, { referer: 'https://evil.example/' });
  await expect(page.getByRole('heading', { level: 1, name: '确认发起变更主体' })).toBeVisible();
  await expect(page.getByText(SUBJECT)).toBeVisible();
  expect(page.url()).toMatch(/\/orders\/new\?/);

  expect(await orderIds()).toEqual(before);
  // The subject still has no open order: its page offers the order links, not an order in progress.
  await page.goto(`/subjects/${subjectId}`);
  await expect(page.getByRole('list', { name: `${SUBJECT}可办理的业务` })).toBeVisible();
});

test('another filer’s subject on the confirmation page is a 404, and a malformed type too', async ({ page }) => {
  await signIn(page, 'filer2@beian.example');
  const res = await page.request.get('/orders/new?type=CHANGE_SUBJECT&subject=00000000-0000-4000-8000-000000000000');
  expect(res.status()).toBe(404);
  const bad = await page.request.get('/orders/new?type=HACK&subject=00000000-0000-4000-8000-000000000000');
  expect(bad.status()).toBe(404);
});
