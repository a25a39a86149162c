import { expect, test, type Page, type Request } from '@playwright/test';
import { request as httpRequest } from 'node:http';
import { signIn, signOut } from './support';

test('five failed sign-ins lock the account with a Chinese message', async ({ page }) => {
  await page.goto('/login');
  const form = page.getByRole('region', { name: '密码登录' });
  for (let i = 0; i < 5; i++) {
    await form.getByLabel('邮箱').fill('locked-out@beian.example');
    await form.getByLabel('密码').fill(`wrong-${i}`);
    await form.getByRole('button', { name: '登录' }).click();
    // Wait until this attempt finished (the button says 正在登录… meanwhile) before typing the next one.
    await expect(form.getByRole('button', { name: '登录', exact: true })).toBeEnabled();
    await expect(form.getByText('邮箱或密码错误')).toBeVisible();
  }
  await form.getByLabel('密码').fill('wrong-again');
  await form.getByRole('button', { name: '登录' }).click();
  await expect(form.getByText(/已临时锁定/)).toBeVisible();
});

test('signing out invalidates the session everywhere, even a copied cookie', async ({ page, browser }) => {
  await signIn(page, 'filer3@beian.example');
  const cookies = await page.context().cookies();
  const other = await browser.newContext();
  await other.addCookies(cookies);
  const tab = await other.newPage();
  await tab.goto('/dashboard');
  await expect(tab.getByRole('heading', { level: 1, name: '我的备案' })).toBeVisible();
  await signOut(page);
  await tab.goto('/dashboard');
  await expect(tab).toHaveURL(/\/login/);
  await other.close();
});

/** A real call of the login page's action, captured so a test can replay it as a script would. */
async function captureAction(page: Page, region: '密码登录' | '邮箱链接登录', fill: Record<string, string>): Promise<Request> {
  await page.goto('/login');
  const form = page.getByRole('region', { name: region });
  for (const [label, value] of Object.entries(fill)) await form.getByLabel(label).fill(value);
  const [req] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']),
    form.getByRole('button', { name: region === '密码登录' ? '登录' : /发送/ }).click(),
  ]);
  return req;
}

/** Every sign-in link the development mailbox holds for an address. */
async function signInLinks(page: Page, recipient: string): Promise<string[]> {
  await page.goto(`/admin/mailbox?template=magic_link&recipient=${encodeURIComponent(recipient)}`);
  const hrefs = await page.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '').filter((h) => /^\/admin\/mailbox\/\d+$/.test(h)));
  const links: string[] = [];
  for (const href of hrefs) {
    await page.goto(href);
    links.push(...(await page.locator('pre').innerText()).match(/https?:\/\/\S+/g) ?? []);
  }
  return links;
}

test('a sign-in link asked for with a forged host points at the public address; Auth.js sign-in POST is closed', async ({ page, baseURL }) => {
  const victim = 'filer2@beian.example';
  const req = await captureAction(page, '邮箱链接登录', { 邮箱: victim });
  await expect(page.getByText(/登录链接已发送/)).toBeVisible();
  const forged = { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', origin: 'https://evil.example' };
  const replay = await page.request.post(req.url(), {
    headers: { ...forged, 'next-action': req.headers()['next-action']!, 'content-type': req.headers()['content-type']!, accept: 'text/x-component' },
    data: req.postDataBuffer()!,
  });
  expect(await replay.text()).toContain('登录链接已发送');

  // Auth.js' own endpoint, as a script would use it: csrf token first, then the POST.
  const csrf = (await (await page.request.get('/api/auth/csrf', { headers: forged })).json()) as { csrfToken: string };
  for (const email of [victim, 'nobody-at-all@beian.example']) {
    const res = await page.request.post('/api/auth/signin/email', { headers: forged, form: { email, csrfToken: csrf.csrfToken }, maxRedirects: 0 });
    expect(res.status(), email).toBe(404);
  }

  await page.context().clearCookies();
  await signIn(page, 'admin@beian.example');
  const links = (await signInLinks(page, victim)).filter((l) => l.includes('/api/auth/callback/email'));
  expect(links.length).toBeGreaterThanOrEqual(2); // the browser's and the forged one
  for (const link of links) expect(new URL(link).origin).toBe(new URL(baseURL!).origin);
});

test("Auth.js' own sign-out ends the session everywhere, even a copied cookie", async ({ page, browser }) => {
  await signIn(page, 'filer3@beian.example');
  const other = await browser.newContext();
  await other.addCookies(await page.context().cookies());
  const tab = await other.newPage();
  await tab.goto('/dashboard');
  await expect(tab.getByRole('heading', { level: 1, name: '我的备案' })).toBeVisible();
  const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const out = await page.request.post('/api/auth/signout', { form: { csrfToken, callbackUrl: '/login' }, maxRedirects: 0 });
  expect(out.status()).toBeLessThan(400);
  await tab.goto('/dashboard');
  await expect(tab).toHaveURL(/\/login/);
  await other.close();
});

test('$-strings in a hand-written action body get a Chinese message, never an error digest', async ({ page }) => {
  const req = await captureAction(page, '邮箱链接登录', { 邮箱: 'nobody-dollar@beian.example' });
  const headers = { 'next-action': req.headers()['next-action']!, accept: 'text/x-component', origin: new URL(req.url()).origin };
  for (const value of ['${{7*7}}', '$K1', '$@', '$Q', '$1']) {
    // As JSON arguments (the reply format reads `$…` as a reference)…
    const raw = await page.request.post(req.url(), { headers: { ...headers, 'content-type': 'text/plain;charset=UTF-8' }, data: JSON.stringify([null, { email: value }]) });
    const rawText = await raw.text();
    expect(raw.status(), value).toBeLessThan(500);
    expect(rawText, value).toMatch(/[\u4e00-\u9fa5]/);
    expect(rawText, value).not.toContain('digest');
    // …and as a form field (a plain string there: the action's own message). React's client writes the
    // FormData's entries before the root part, which refers to them.
    const form = await page.request.post(req.url(), { headers, multipart: formBody({ _1_email: value }) });
    const formText = await form.text();
    expect(form.status(), value).toBeLessThan(500);
    expect(formText, value).toMatch(/请输入正确的邮箱地址|请检查填写的内容/);
    expect(formText, value).not.toContain('digest');
  }
  // A field missing altogether: zod's own message, in Chinese too.
  const missing = await page.request.post(req.url(), { headers, multipart: formBody({ _1_other: 'x' }) });
  const missingText = await missing.text();
  expect(missingText).toContain('请检查填写的内容');
  expect(missingText).not.toMatch(/Invalid input|expected string/);
});

/** `action(prevState, formData)` as React sends it: the FormData's entries first, then the root part "0". */
function formBody(fields: Record<string, string>): FormData {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  body.append('0', '[null,"$K1"]');
  return body;
}

test('rotating X-Forwarded-For does not escape the address lock', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const req = await captureAction(page, '密码登录', { 邮箱: 'nobody-first@beian.example', 密码: 'wrong-password-0' });
  const body = req.postDataBuffer()!.toString('utf8');
  const { port } = new URL(baseURL!);
  // From an address of its own (127.0.0.77), so the lock does not reach the other tests' 127.0.0.1.
  const post = (email: string, xff: string) =>
    new Promise<string>((resolve, reject) => {
      const r = httpRequest(
        { host: '127.0.0.1', port: Number(port), localAddress: '127.0.0.77', method: 'POST', path: new URL(req.url()).pathname, agent: false, headers: { 'next-action': req.headers()['next-action']!, 'content-type': req.headers()['content-type']!, accept: 'text/x-component', origin: new URL(req.url()).origin, 'x-forwarded-for': xff, 'x-real-ip': xff } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve(text));
        },
      );
      r.on('error', reject);
      r.end(body.replace('nobody-first@beian.example', email));
    });
  for (let i = 0; i < 20; i++) expect(await post(`rotate-${i}@beian.example`, `203.0.113.${i}`)).toContain('邮箱或密码错误');
  expect(await post('rotate-last@beian.example', '198.51.100.99')).toContain('当前网络登录失败次数过多');
});
