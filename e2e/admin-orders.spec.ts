import { expect, test } from '@playwright/test';
import { signIn } from './support';

test('an admin lists every order and filters by state', async ({ page }) => {
  await signIn(page, 'admin@beian.example');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '订单' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '订单' })).toBeVisible();
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(13); // header + 12 demo orders
  await page.getByLabel('状态').selectOption({ label: '待初审' });
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/state=SUBMITTED/);
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByText('湖南麓山律师事务所')).toBeVisible();
  await page.getByLabel('订单号 / 备案号 / 主体名称').fill('不存在的主体');
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page.getByText('没有符合条件的订单。')).toBeVisible();
});
