import { expect, test } from '@playwright/test';
import { signIn } from './support';

// Without JavaScript the order page still works: the confirmation of 放弃订单 is asked on a page of its own
// (?confirm=abandon) instead of in a modal, and the same form posts the decision.

test('without JavaScript a draft is started from the subject and abandoned after confirming', async ({ browser }) => {
  const withJs = await browser.newContext();
  await signIn(await withJs.newPage(), 'filer3@beian.example');
  const storageState = await withJs.storageState();
  await withJs.close();

  const context = await browser.newContext({ javaScriptEnabled: false, storageState });
  const page = await context.newPage();
  await page.goto('/dashboard');
  await page.getByRole('link', { name: '王磊', exact: true }).first().click();
  await page.getByRole('list', { name: '王磊可办理的业务' }).getByRole('link', { name: '变更主体', exact: true }).click();
  await page.getByRole('button', { name: '确认发起变更主体' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\/edit$/);
  await page.goto(page.url().replace(/\/edit$/, ''));
  await expect(page.getByRole('heading', { level: 2, name: '当前状态：草稿' })).toBeVisible();
  await page.getByRole('button', { name: '放弃订单' }).click();
  await expect(page).toHaveURL(/confirm=abandon/);
  const dialog = page.getByRole('dialog', { name: '确认放弃订单？' });
  await expect(dialog).toContainText('放弃后订单结束');
  await dialog.getByRole('button', { name: '确认放弃订单' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '当前状态：已放弃' })).toBeVisible();
  await context.close();
});
