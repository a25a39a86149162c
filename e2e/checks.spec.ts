import { expect, test } from '@playwright/test';
import { shoot, signIn, navTo } from './support';

test('an admin runs the data checks, watches progress and reads the report', async ({ page }) => {
  await signIn(page, 'admin@beian.example');
  await navTo(page, '专项核查');
  await expect(page.getByRole('heading', { level: 1, name: '专项核查' })).toBeVisible();
  await page.getByRole('button', { name: '开始核查' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '核查结果' })).toBeVisible();
  await expect(page.getByText('已完成')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('progressbar')).toHaveAttribute('value', /\d+/);
  const report = page.getByRole('table');
  await expect(report.getByRole('cell', { name: '主体负责人证件已过期' })).toBeVisible();
  await expect(report.getByRole('cell', { name: '网站名称违规' })).toBeVisible();
  await shoot(page, 'check-report');
  // Issue notices from the report; a second click creates nothing new.
  const issue = page.getByRole('form', { name: '下发整改通知' });
  await issue.getByRole('button', { name: '下发整改通知' }).click();
  await expect(issue.getByRole('status')).toContainText(/已下发 \d+ 份整改通知/);
  await issue.getByRole('button', { name: '下发整改通知' }).click();
  await expect(issue.getByRole('status')).toContainText('已下发 0 份整改通知，共 0 个不合格项');
});

test('the check pages do not exist for filers and reviewers', async ({ page }) => {
  await signIn(page, 'reviewer@beian.example');
  expect((await page.goto('/admin/checks'))?.status()).toBe(404);
});

test('a filer runs 立即自查 from a rectification page and sees each result with what to fix', async ({ page }) => {
  await signIn(page, 'filer@beian.example');
  await page.goto('/notices');
  await page.getByRole('link', { name: /去整改：网站首页底部备案号未添加/ }).first().click();
  const panel = page.getByRole('region', { name: /网站自查：云栖科技官网/ });
  await panel.getByRole('button', { name: '立即自查' }).click();
  // yunqi-tech.cn carries the footer; yunqitech.com does not, and its DNS points away from the filed IP.
  await expect(panel.getByText('自查时间')).toBeVisible();
  await expect(panel.getByText(/解析至 127\.0\.0\.1，非备案 IP/).first()).toBeVisible();
  await expect(panel.getByText(/如何整改/).first()).toBeVisible();
  await expect(panel.getByText(/yunqi-tech\.cn：可访问/)).toBeVisible();
  await shoot(page, 'self-check');
});
