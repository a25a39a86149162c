import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { shoot, signIn } from './support';

// One journey per order type, each starting from the /orders/new URL the subject page links to. The
// tests share one seeded database and run in order; each uses a subject with no open order (one per subject).
test.describe.configure({ mode: 'serial' });

// A PNG by its magic bytes, above the 200 KB minimum (the server checks content, not the name).
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(210 * 1024, 7)]);

async function openSubject(page: Page, name: string) {
  await page.goto('/dashboard');
  await page.getByRole('link', { name, exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** Clicks the order link the subject page offers for `owner` (the subject, or one of its websites). */
async function startOrder(page: Page, owner: string, type: string) {
  await page.getByRole('list', { name: `${owner}可办理的业务` }).getByRole('link', { name: type, exact: true }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\/edit$/);
  await expect(page.getByRole('heading', { level: 1, name: type })).toBeVisible();
}

async function expectStep(page: Page, n: number, title: string) {
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`第 ${n} 步.*${title}`) })).toBeVisible();
}

async function next(page: Page) {
  await page.getByRole('button', { name: '下一步' }).click();
}

async function upload(page: Page, label: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.setInputFiles({ name: 'scan.png', mimeType: 'image/png', buffer: PNG });
  const form = page.locator('form', { has: input });
  await form.getByRole('button', { name: '上传' }).click();
  await expect(form.getByText('已上传：')).toBeVisible();
}

async function submitFromReview(page: Page, expectedState: string) {
  await page.getByRole('button', { name: /^(提交订单|修改后重新提交)$/ }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}(\?.*)?$/);
  await expect(page.getByRole('heading', { level: 2, name: `当前状态：${expectedState}` })).toBeVisible();
}

async function noSeriousAxe(page: Page) {
  const r = await new AxeBuilder({ page }).analyze();
  const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('变更主体: invalid input in each step is refused at the field and not saved; the draft resumes; submit → 待初审', async ({ page }) => {
  await signIn(page, 'filer@beian.example');
  await openSubject(page, '北京智源未来科技有限公司');
  await startOrder(page, '北京智源未来科技有限公司', '变更主体');
  const editUrl = page.url();

  await expectStep(page, 1, '主办单位信息');
  await noSeriousAxe(page);
  const name = page.getByLabel('主办单位名称');
  await name.fill('');
  await next(page);
  await expect(page.getByText('主办单位名称至少2个字')).toBeVisible();
  await expectStep(page, 1, '主办单位信息');
  await name.fill('北京智源未来科技有限公司');
  await page.getByLabel('通信地址').fill('北京市朝阳区望京街10号望京SOHO T1 1601室');
  await next(page);

  await expectStep(page, 2, '主体负责人');
  await page.getByLabel('手机号码').fill('12345');
  await next(page);
  await expect(page.getByText('请输入正确的11位手机号码')).toBeVisible();
  // Nothing was written: coming back resumes at the saved step with the saved values.
  await page.goto('/dashboard');
  await page.goto(editUrl);
  await expectStep(page, 2, '主体负责人');
  await expect(page.getByLabel('手机号码')).toHaveValue('13601010011');
  await page.getByRole('button', { name: '上一步' }).click();
  await expect(page.getByLabel('通信地址')).toHaveValue('北京市朝阳区望京街10号望京SOHO T1 1601室');
  await next(page);
  await page.getByLabel('固定电话').fill('010-64781234');
  await next(page);

  await expectStep(page, 3, '上传材料');
  await next(page);
  await expect(page.getByText('请上传：主办单位证件照片')).toBeVisible();
  await upload(page, '主办单位证件照片');
  await next(page);

  await expectStep(page, 4, '核对并提交');
  const table = page.getByRole('table', { name: '变更前后对比' });
  await expect(table.getByRole('row', { name: /通信地址/ })).toContainText('1502室');
  await expect(table.getByRole('row', { name: /通信地址/ })).toContainText('1601室');
  await expect(table.getByRole('row', { name: /固定电话/ })).toContainText('010-64781234');
  await shoot(page, 'wizard-review');
  await submitFromReview(page, '待初审');
  await expect(page.getByText('您 · 提交订单')).toBeVisible();
  await noSeriousAxe(page);
});
