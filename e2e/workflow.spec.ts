import { expect, test, type Browser, type Page } from '@playwright/test';
import { approveWithChecklist, signIn, takeOverIfClaimed, wizardReady } from './support';

// One order carried across every role in a single run: the filer submits, a reviewer rejects
// with a reason tied to a field, the filer sees it at the field and resubmits, the reviewer approves, the
// SMS code is read from the dev SMS inbox, the filer verifies it, the 管局 (admin) approves, and the
// filing shows the new data. Uses 杭州数帆网络科技有限公司 (filer3), which no other spec gives an order.

const SUBJECT = '杭州数帆网络科技有限公司';
const SITE = '数帆云主机服务平台';

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

async function openOrderInQueue(page: Page, number: string) {
  await page.goto('/review');
  await page.getByRole('link', { name: number }).click();
  await page.waitForURL(/\/review\/[0-9a-f-]{36}$/);
  await takeOverIfClaimed(page);
}

test('变更接入 from submission through 初审驳回, resubmission, 短信核验 and 管局 approval to the filing', async ({ browser }) => {
  // Three roles sign in and the order goes round twice: about a minute on a busy 2-core machine.
  test.slow();
  const filer = await as(browser, 'filer3@beian.example');
  await filer.goto('/dashboard');
  await filer.getByRole('link', { name: SUBJECT, exact: true }).first().click();
  await filer.getByRole('list', { name: `${SITE}可办理的业务` }).getByRole('link', { name: '变更接入', exact: true }).click();
  await filer.getByRole('button', { name: '确认发起变更接入' }).click();
  await expect(filer).toHaveURL(/\/orders\/[0-9a-f-]{36}\/edit(\?step=\d+)?$/);
  const orderUrl = filer.url().replace(/\/edit(\?.*)?$/, '');
  await wizardReady(filer);
  await filer.getByLabel('IP 地址 1').fill('47.97.60.200');
  await filer.getByRole('button', { name: '下一步' }).click();
  await filer.getByRole('button', { name: '提交订单' }).click();
  await expect(filer.getByRole('heading', { level: 2, name: '当前状态：待初审' })).toBeVisible();
  const number = (await filer.getByText(/订单号 BA\d+/).first().textContent())!.match(/BA\d+/)![0];

  // 初审驳回 with a reason attached to the IP field.
  const reviewer = await as(browser, 'reviewer@beian.example');
  await openOrderInQueue(reviewer, number);
  await reviewer.getByLabel('驳回原因 1').selectOption('ACCESS_DATA_MISMATCH');
  await reviewer.getByLabel('关联字段 1').selectOption('ips');
  await reviewer.getByLabel('补充说明 1').fill('该 IP 不属于本接入商，请填写云主机的公网 IP');
  await reviewer.getByRole('button', { name: '驳回订单' }).click();
  await expect(reviewer.getByRole('status').filter({ hasText: `订单 ${number} 的初审结论已提交` })).toBeVisible();

  // The filer sees the reason, and sees it again at the field in the wizard.
  await filer.goto(orderUrl);
  await expect(filer.getByRole('heading', { level: 2, name: '当前状态：初审驳回' })).toBeVisible();
  await expect(filer.getByText('该 IP 不属于本接入商，请填写云主机的公网 IP').first()).toBeVisible();
  await filer.getByRole('link', { name: '修改后重新提交' }).click();
  // The wizard opens at the step of the rejected field, with every reason summed up at the top.
  await expect(filer.getByRole('heading', { level: 2, name: /第 1 步/ })).toBeVisible();
  await expect(filer).toHaveURL(/[?&]step=1/);
  await expect(filer.getByRole('region', { name: '驳回原因汇总' })).toContainText('该 IP 不属于本接入商');
  const ip = filer.getByLabel('IP 地址 1');
  await expect(ip).toHaveAccessibleDescription(/该 IP 不属于本接入商/);
  await wizardReady(filer);
  await ip.fill('47.97.60.10');
  await filer.getByRole('button', { name: '下一步' }).click();
  await filer.getByRole('button', { name: '修改后重新提交' }).click();
  await expect(filer.getByRole('heading', { level: 2, name: '当前状态：待初审' })).toBeVisible();

  // 初审通过 → 待短信核验; the code is read from the dev SMS inbox.
  await openOrderInQueue(reviewer, number);
  await approveWithChecklist(reviewer);
  await expect(reviewer.getByRole('status').filter({ hasText: `订单 ${number} 的初审结论已提交` })).toBeVisible();
  const admin = await as(browser, 'admin@beian.example');
  await admin.goto('/admin/sms');
  const sms = admin.getByRole('row').filter({ hasText: number }).first();
  const code = (await sms.textContent())!.match(/短信核验码为 (\d{6})/)![1]!;

  await filer.goto(orderUrl);
  await filer.getByLabel('短信验证码').fill(code);
  await filer.getByRole('button', { name: '提交验证码' }).click();
  await expect(filer.getByRole('heading', { level: 2, name: '当前状态：管局审核中' })).toBeVisible();

  // 管局模拟: the admin approves; the filing now shows the new IP.
  await admin.goto('/admin/regulator');
  const item = admin.getByRole('listitem').filter({ hasText: number });
  await item.getByRole('button', { name: '管局通过' }).click();
  await expect(admin.getByRole('listitem').filter({ hasText: number })).toHaveCount(0);
  await filer.goto(orderUrl);
  await expect(filer.getByRole('heading', { level: 2, name: '当前状态：已通过' })).toBeVisible();
  await filer.goto('/dashboard');
  await expect(filer.getByRole('row').filter({ hasText: SITE })).toContainText('47.97.60.10');
  for (const p of [filer, reviewer, admin]) await p.context().close();
});
