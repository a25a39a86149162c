import { expect, test } from '@playwright/test';
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
