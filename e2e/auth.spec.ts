import { expect, test } from '@playwright/test';
import { shoot, signIn, signOut } from './support';

test.describe('sign-in and roles', () => {
  for (const [email, home, heading] of [
    ['filer@beian.example', '/dashboard', '我的备案'],
    ['reviewer@beian.example', '/review', '初审队列'],
    ['admin@beian.example', '/admin', '运营概览'],
  ] as const) {
    test(`${email} signs in and lands on ${home}`, async ({ page }) => {
      await signIn(page, email);
      await expect(page).toHaveURL(new RegExp(`${home}$`));
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
      await signOut(page);
    });
  }

  test('wrong password shows a Chinese message and stays on the form', async ({ page }) => {
    await page.goto('/login');
    const form = page.getByRole('region', { name: '密码登录' });
    await form.getByLabel('邮箱').fill('filer@beian.example');
    await form.getByLabel('密码').fill('wrong-password');
    await form.getByRole('button', { name: '登录' }).click();
    await expect(form.getByText('邮箱或密码错误')).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test('a signed-out deep link goes through sign-in and comes back', async ({ page }) => {
    await signIn(page, 'filer@beian.example');
    const href = await page.getByRole('link', { name: /^去整改/ }).first().getAttribute('href');
    await signOut(page);
    const target = href!;
    await page.goto(target);
    await expect(page).toHaveURL(new RegExp(`/login\\?callbackUrl=${encodeURIComponent(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const form = page.getByRole('region', { name: '密码登录' });
    await form.getByLabel('邮箱').fill('filer@beian.example');
    await form.getByLabel('密码').fill('Beian@2026');
    await form.getByRole('button', { name: '登录' }).click();
    await expect(page).toHaveURL(new RegExp(`${target}$`));
  });

  test('an external callbackUrl is refused', async ({ page }) => {
    await page.goto('/login?callbackUrl=https%3A%2F%2Fevil.example%2Fsteal');
    const form = page.getByRole('region', { name: '密码登录' });
    await form.getByLabel('邮箱').fill('filer@beian.example');
    await form.getByLabel('密码').fill('Beian@2026');
    await form.getByRole('button', { name: '登录' }).click();
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/dashboard$/);
    await page.goto('/login?callbackUrl=%2F%2Fevil.example');
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/dashboard$/);
  });

  test('a filer asking for another filer\'s subject gets 404 and no data', async ({ page }) => {
    await signIn(page, 'filer2@beian.example');
    await page.getByRole('link', { name: '上海市徐汇区图书馆', exact: true }).click();
    await page.waitForURL(/\/subjects\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: '上海市徐汇区图书馆' })).toBeVisible();
    const foreign = page.url();
    await shoot(page, 'subject');
    await signOut(page);
    await signIn(page, 'filer@beian.example');
    await shoot(page, 'dashboard');
    await expect(page.getByText('上海市徐汇区图书馆')).toHaveCount(0);
    const res = await page.goto(foreign);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
    await expect(page.getByText('上海市徐汇区图书馆')).toHaveCount(0);
  });

  test('staff pages do not exist for a filer', async ({ page }) => {
    await signIn(page, 'filer@beian.example');
    expect((await page.goto('/review'))?.status()).toBe(404);
    expect((await page.goto('/admin'))?.status()).toBe(404);
  });
});
