import { expect, test } from '@playwright/test';
import { signIn, navTo } from './support';

test('an admin lists every order and filters by state', async ({ page }) => {
  await signIn(page, 'admin@beian.example');
  await navTo(page, '订单');
  await expect(page.getByRole('heading', { level: 1, name: '订单' })).toBeVisible();
  const table = page.getByRole('table');
  // The shared e2e database may hold orders other specs created: at least the 12 demo orders and a header.
  await expect.poll(() => table.getByRole('row').count()).toBeGreaterThanOrEqual(13);
  await page.getByLabel('状态').selectOption({ label: '待初审' });
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/state=SUBMITTED/);
  await expect(table.getByText('湖南麓山律师事务所')).toBeVisible();
  // Every listed order is 待初审 (the badge), none in another state.
  const states = await table.getByRole('row').locator('td:nth-child(5)').allInnerTexts();
  expect(states.length).toBeGreaterThan(0);
  expect(states.every((s) => s.includes('待初审'))).toBe(true);
  await page.getByLabel('订单号 / 备案号 / 主体名称').fill('不存在的主体');
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page.getByText('没有符合条件的订单。')).toBeVisible();
});
