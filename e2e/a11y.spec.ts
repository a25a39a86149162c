import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { signIn } from './support';

// axe on the filer's main pages, in the states people see them: with findings, with the plan open.
test.describe('accessibility of the filer pages', () => {
  test('dashboard, notices and a rectification page with its options and steps', async ({ page }) => {
    await signIn(page, 'filer@beian.example');
    await expect(page.getByRole('heading', { level: 1, name: '我的备案' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.goto('/notices');
    await expect(page.getByRole('heading', { level: 1, name: '整改通知' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.goto('/notices');
    const href = await page.getByRole('link', { name: /^去整改：网站首页底部备案号/ }).first().getAttribute('href');
    await page.goto(href!);
    await expectNoSeriousA11yViolations(page); // the question
    await page.goto(`${href}?intent=keep&option=fix-footer-recheck`);
    await expect(page.getByRole('heading', { name: /^办理步骤：/ })).toBeVisible();
    await expectNoSeriousA11yViolations(page); // options, steps, 复核 and 延期 forms
  });

  test('the re-access questions of a cancelled filing', async ({ page }) => {
    await signIn(page, 'filer2@beian.example');
    await page.getByRole('link', { name: '查看重新接入方案' }).click();
    await expect(page.getByRole('group', { name: /工信部备案查询/ })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('a dashboard with orders waiting and a subject page', async ({ page }) => {
    await signIn(page, 'filer3@beian.example');
    await expect(page.getByRole('list', { name: '等待您操作的订单' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('link', { name: '成都锦城物流有限公司', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: '成都锦城物流有限公司' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('the helper itself fails on an unlabelled field and a missing alt text', async ({ page }) => {
    await page.setContent('<html lang="zh-CN"><title>t</title><main><img src="data:,"><input type="text"></main></html>');
    await expect(expectNoSeriousA11yViolations(page)).rejects.toThrow(/image-alt|label/);
  });
});
