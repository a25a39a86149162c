import { expect, test, type Browser, type Page } from '@playwright/test';
import { PASSWORD, navTo, shoot, signIn, signOut } from './support';

/** As admin, opens the newest e-mail matching the filter in the dev mailbox and returns its links and text. */
async function openMail(page: Page, filter: { type: string; recipient: string; subject: RegExp }) {
  await page.goto('/admin/mailbox');
  const form = page.getByRole('search', { name: '筛选邮件' });
  await form.getByLabel('类型').selectOption({ label: filter.type });
  await form.getByLabel('收件人').fill(filter.recipient);
  await form.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/recipient=/);
  await page.getByRole('table').getByRole('link', { name: filter.subject }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: filter.subject })).toBeVisible();
  const links = await page.getByRole('region', { name: '邮件中的链接' }).getByRole('link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  const text = (await page.getByRole('region', { name: '纯文本' }).locator('pre').textContent()) ?? '';
  return { links, text };
}

async function passwordForm(page: Page, email: string) {
  const form = page.getByRole('region', { name: '密码登录' });
  await form.getByLabel('邮箱').fill(email);
  await form.getByLabel('密码').fill(PASSWORD);
  await form.getByRole('button', { name: '登录' }).click();
}

async function adminPage(browser: Browser) {
  const ctx = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await ctx.newPage();
  await signIn(page, 'admin@beian.example');
  return { ctx, page };
}

test.describe('e-mail deep links', () => {
  test('the link in a received notice leads a signed-out owner through sign-in to that finding; another filer gets 404', async ({ page }) => {
    // Three roles' pages, three of them pictured and axe-checked at two widths.
    test.slow();
    await signIn(page, 'admin@beian.example');
    await page.goto('/admin/mailbox');
    await expect(page.getByRole('heading', { level: 1, name: '开发邮箱' })).toBeVisible();
    await shoot(page, 'mailbox-list');
    const { links, text } = await openMail(page, { type: '整改通知', recipient: 'filer@beian.example', subject: /杭州云栖科技有限公司/ });
    // The rendered HTML sits in a sandbox without scripts; its first finding link matches the link list.
    const frame = page.locator('iframe[title^="邮件正文"]');
    await expect(frame).toHaveAttribute('sandbox', /allow-popups/);
    expect(await frame.getAttribute('sandbox')).not.toContain('allow-scripts');
    const first = page.frameLocator('iframe[title^="邮件正文"]').getByRole('link', { name: '查看并办理第 1 项' });
    await expect(first).toBeVisible();
    const findingLinks = links.filter((u) => /\/rectifications\/[0-9a-f-]{36}$/.test(u));
    expect(findingLinks.length).toBeGreaterThanOrEqual(3);
    expect(new Set(findingLinks).size).toBe(findingLinks.length);
    expect(await first.getAttribute('href')).toBe(findingLinks[0]);
    await shoot(page, 'mailbox-notice');
    const notice = text.match(/^1\. (.+)$/m)?.[1]?.trim();
    expect(notice).toBeTruthy();
    await signOut(page);

    const target = new URL(findingLinks[0]!);
    await page.goto(target.pathname);
    await expect(page).toHaveURL(new RegExp(`/login\\?callbackUrl=${encodeURIComponent(target.pathname)}`));
    await passwordForm(page, 'filer@beian.example');
    await expect(page).toHaveURL(new RegExp(`${target.pathname}$`));
    await expect(page.getByRole('heading', { level: 1, name: notice! })).toBeVisible();
    await signOut(page);

    await signIn(page, 'filer2@beian.example');
    const res = await page.goto(target.pathname);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
    await expect(page.getByText(notice!)).toHaveCount(0);
  });

  test('a magic link requested with the deep link as callbackUrl lands on the finding, and works only once', async ({ page, browser }) => {
    const admin = await adminPage(browser);
    const { links } = await openMail(admin.page, { type: '整改通知', recipient: 'filer@beian.example', subject: /杭州云栖科技有限公司/ });
    const deepPath = new URL(links.find((u) => u.includes('/rectifications/'))!).pathname;

    await page.goto(deepPath);
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    const linkForm = page.getByRole('region', { name: '邮箱链接登录' });
    await linkForm.getByLabel('登录链接接收邮箱').fill('filer@beian.example');
    await linkForm.getByRole('button', { name: '发送登录链接' }).click();
    await expect(linkForm.getByText(/登录链接已发送/)).toBeVisible();

    const mail = await openMail(admin.page, { type: '登录链接', recipient: 'filer@beian.example', subject: /登录链接/ });
    const magic = mail.links.find((u) => u.includes('/api/auth/callback/email'));
    expect(magic).toBeTruthy();
    expect(decodeURIComponent(magic!)).toContain(deepPath);
    await admin.ctx.close();

    await page.goto(magic!);
    await expect(page).toHaveURL(new RegExp(`${deepPath}$`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
    await shoot(page, 'rectification-landing');

    // Single use: the same link in a fresh, signed-out browser is refused.
    const again = await browser.newContext({ locale: 'zh-CN' });
    const p2 = await again.newPage();
    await p2.goto(magic!);
    await expect(p2).toHaveURL(/\/login\?.*error=/);
    await expect(p2.getByText('登录链接无效或已过期')).toBeVisible();
    await again.close();
  });

  test('a parked message is listed with 重试; retrying sends it; filers cannot open the mailbox', async ({ page }) => {
    await signIn(page, 'admin@beian.example');
    await navTo(page, '开发邮箱');
    await expect(page).toHaveURL(/\/admin\/mailbox$/);
    const parked = page.getByRole('region', { name: '发送失败（已暂停重试）' });
    await expect(parked.getByText('最后错误：451 4.7.1 Greylisted')).toBeVisible();
    await parked.getByRole('button', { name: /^重试：/ }).first().click();
    // The worker (300 ms interval in e2e) delivers it to the dev mailbox.
    await expect(async () => {
      await page.goto('/admin/mailbox?template=order.&recipient=filer2');
      await expect(page.getByRole('region', { name: '发送失败（已暂停重试）' })).toHaveCount(0);
      await expect(page.getByRole('row', { name: /已失效/ }).getByText('已送达')).toBeVisible();
    }).toPass({ timeout: 15_000 });
    await signOut(page);
    await signIn(page, 'filer@beian.example');
    expect((await page.goto('/admin/mailbox'))?.status()).toBe(404);
  });
});
