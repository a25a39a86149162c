import { expect, test, type Browser, type Page } from '@playwright/test';
import { findInternalKeys } from '../tests/support/key-scan';
import { ADMIN_NAV_GROUPS, ROLE_NAV } from '../lib/auth/roles';
import { FINDING_CODES } from '../lib/domain/codes';
import { signIn } from './support';

// No internal key on any screen: every menu page of every role and a sample of detail pages of the demo data,
// read as a person reads them (document.body.innerText), must show no snake_case / dot.case key and no
// English enum name. The CSV import page documents the file's columns, whose codes are the file format.

const FILE_FORMAT = new Set<string>(FINDING_CODES);

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

async function scan(page: Page, path: string, found: Record<string, string[]>) {
  const res = await page.goto(path);
  expect(res?.status(), path).toBeLessThan(400);
  const text = await page.evaluate(() => document.body.innerText);
  const keys = findInternalKeys(text, path.startsWith('/admin/notices/import') ? FILE_FORMAT : new Set());
  if (keys.length) found[path] = keys;
}

/** Up to `n` distinct links on `path` whose address matches `re`. */
async function links(page: Page, path: string, re: RegExp, n: number): Promise<string[]> {
  await page.goto(path);
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  return [...new Set(hrefs.filter((h) => re.test(h)))].slice(0, n);
}

test('no internal key in the visible text of any page of the demo data', async ({ browser }) => {
  test.setTimeout(600_000); // ~40 pages and 12 mails, each read as rendered
  const found: Record<string, string[]> = {};

  const filer = await as(browser, 'filer@beian.example');
  const filerPages = [
    ...ROLE_NAV.filer.map((i) => i.href),
    ...(await links(filer, '/orders', /^\/orders\/[0-9a-f-]{36}$/, 4)),
    ...(await links(filer, '/notices', /^\/rectifications\/[0-9a-f-]{36}$/, 3)),
    ...(await links(filer, '/dashboard', /^\/subjects\/[0-9a-f-]{36}$/, 2)),
  ];
  for (const p of filerPages) await scan(filer, p, found);
  await filer.context().close();

  const filer3 = await as(browser, 'filer3@beian.example');
  for (const p of ['/dashboard', ...(await links(filer3, '/orders', /^\/orders\/[0-9a-f-]{36}$/, 4))]) await scan(filer3, p, found);
  await filer3.context().close();

  const reviewer = await as(browser, 'reviewer@beian.example');
  for (const p of [...ROLE_NAV.reviewer.map((i) => i.href), ...(await links(reviewer, '/review', /^\/review\/[0-9a-f-]{36}/, 2))]) await scan(reviewer, p, found);
  await reviewer.context().close();

  const admin = await as(browser, 'admin@beian.example');
  const adminPages = [
    ...ADMIN_NAV_GROUPS.flatMap((g) => g.items.map((i) => i.href)).filter((h) => h.startsWith('/admin')),
    '/admin/notices/new',
    '/admin/notices/import',
    ...(await links(admin, '/admin/orders', /^\/admin\/subjects\/[0-9a-f-]{36}$/, 2)),
    ...(await links(admin, '/admin/mailbox', /^\/admin\/mailbox\/\d+$/, 12)),
    ...(await links(admin, '/admin/checks', /^\/admin\/checks\/[0-9a-f-]{36}$/, 2)),
  ];
  for (const p of adminPages) await scan(admin, p, found);
  // The mails themselves, as the dev mailbox renders them (sandboxed iframe).
  for (const p of await links(admin, '/admin/mailbox', /^\/admin\/mailbox\/\d+$/, 12)) {
    await admin.goto(p);
    const frame = admin.frameLocator('iframe').first();
    const text = await frame.locator('body').innerText().catch(() => '');
    const keys = findInternalKeys(text);
    if (keys.length) found[`${p} (mail)`] = keys;
  }
  await admin.context().close();

  expect(found).toEqual({});
});

test('the operator menu fits one line at 1280 px and collapses on a phone', async ({ browser }) => {
  const page = await as(browser, 'admin@beian.example');
  const nav = page.getByRole('navigation', { name: '主导航' });
  const box = await nav.boundingBox();
  expect(box!.height).toBeLessThan(48);
  await nav.locator('summary:visible', { hasText: '订单与用户' }).click();
  await nav.getByRole('link', { name: '审计日志', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '审计日志' })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 800 });
  await expect(nav.getByRole('link', { name: '审计日志', exact: true })).toBeHidden();
  await nav.getByText('菜单').click();
  await expect(nav.getByRole('link', { name: '审计日志', exact: true })).toBeVisible();
  await page.context().close();
});
