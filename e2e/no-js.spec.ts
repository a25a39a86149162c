import { expect, test, type Page } from '@playwright/test';
import { shoot, signIn } from './support';
import { png } from '../tests/support/images';

// The "no-js" project (playwright.config.ts) runs this file with JavaScript disabled: every page of the
// filer's journey works as plain forms posting to the server. The confirmation of 放弃订单 is a page of its own
// (?confirm=abandon), the wizard's steps post to the server and come back with what was typed, 上传 posts the
// image and returns to the step.

const PNG = png({ size: 210 * 1024 });

async function expectStep(page: Page, n: number, title: string) {
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`第 ${n} 步.*${title}`) })).toBeVisible();
}

test('from the finding through every wizard step, an upload and a refused field, to submission; 撤销; a new draft 放弃', async ({ page }) => {
  // One journey on one subject (锦城物流, which the other specs leave alone), run after them (playwright.config.ts).
  test.slow();
  await signIn(page, 'filer3@beian.example');
  // The finding, from 整改通知, and the decision tree's one question.
  await page.goto('/notices');
  await page.getByRole('link', { name: /^去整改：域名过期（锦城物流官网/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: '域名过期' })).toBeVisible();
  await page.getByRole('radio', { name: '不再使用' }).check();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '查看办理步骤' }).click();
  await expect(page.getByRole('heading', { name: '办理步骤：变更网站，删除不再使用的域名' })).toBeVisible();
  // The subject's open draft (one order per subject) is where the remedy continues.
  await page.getByRole('link', { name: /^查看订单 BA\d+$/ }).click();
  await page.getByRole('link', { name: '继续填写' }).click();

  await expectStep(page, 1, '网站信息');
  // A read-only field is still editable without the 修改 toggle (which needs JavaScript).
  await expect(page.getByRole('button', { name: '修改网站名称' })).toBeHidden();
  const name = page.getByRole('textbox', { name: '网站名称' });
  await name.fill('锦城');
  await page.getByRole('button', { name: '下一步' }).click();
  // Refused at the field, with what was typed kept.
  await expectStep(page, 1, '网站信息');
  await expect(page.getByRole('alert')).toContainText('填写的内容有误');
  await expect(name).toHaveValue('锦城');
  await expect(name).toHaveAccessibleDescription(/网站名称须包含三个或三个以上汉字/);
  await name.fill('锦城物流服务网');
  await shoot(page, 'no-js-wizard-step1');
  await page.getByRole('button', { name: '下一步' }).click();

  await expectStep(page, 2, '网站负责人');
  // Each step that moves on has its own address: reloading or going back lands on a step, not the dashboard.
  await expect(page).toHaveURL(/\/edit\?step=2$/);
  await page.getByRole('button', { name: '上一步' }).click();
  await expectStep(page, 1, '网站信息');
  await expect(page.getByRole('textbox', { name: '网站名称' })).toHaveValue('锦城物流服务网');
  await page.getByRole('button', { name: '下一步' }).click();
  await expectStep(page, 2, '网站负责人');
  await page.getByRole('button', { name: '下一步' }).click();

  await expectStep(page, 3, '域名');
  const expired = page.getByRole('checkbox', { name: '删除 jinchengwuliu.cn' });
  await expired.check();
  await page.getByRole('button', { name: '下一步' }).click();

  await expectStep(page, 4, '上传材料');
  // 上传 with nothing picked says so next to the field and stays on the step.
  const file = page.getByLabel('网站备案信息真实性核验单', { exact: true });
  const uploadForm = page.locator('form', { has: file });
  await uploadForm.getByRole('button', { name: '上传' }).click();
  await expectStep(page, 4, '上传材料');
  await expect(page.getByLabel('网站备案信息真实性核验单', { exact: true })).toHaveAccessibleDescription(/请选择要上传的图片/);
  await page.getByLabel('网站备案信息真实性核验单', { exact: true }).setInputFiles({ name: 'form.png', mimeType: 'image/png', buffer: PNG });
  await page.locator('form', { has: page.getByLabel('网站备案信息真实性核验单', { exact: true }) }).getByRole('button', { name: '上传' }).click();
  await expectStep(page, 4, '上传材料');
  await expect(page.getByText('已上传：form.png')).toBeVisible();
  await page.getByRole('button', { name: '下一步' }).click();

  await expectStep(page, 5, '核对并提交');
  const table = page.getByRole('table', { name: '变更前后对比' });
  await expect(table.getByRole('row', { name: /网站名称/ }).getByRole('cell')).toHaveText(['锦城物流官网', '锦城物流服务网']);
  await expect(table.getByRole('row', { name: /域名/ })).toContainText('jcwl56.com');
  await expect(page.getByText('已上传材料：form.png')).toBeVisible();
  await shoot(page, 'no-js-wizard-review');
  await page.getByRole('button', { name: '提交订单' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?notice=submitted$/);
  await expect(page.getByRole('heading', { level: 2, name: '当前状态：待初审' })).toBeVisible();

  // 撤销: the question is a page of its own (?confirm=withdraw) instead of a modal; the same form posts the answer.
  await page.getByRole('button', { name: '撤销订单' }).click();
  await expect(page).toHaveURL(/confirm=withdraw/);
  await page.getByRole('dialog', { name: '确认撤销订单？' }).getByRole('button', { name: '确认撤销订单' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '当前状态：已撤销' })).toBeVisible();

  // A new draft from the subject page's confirmation, then 放弃 after confirming.
  await page.goto('/dashboard');
  await page.getByRole('link', { name: '成都锦城物流有限公司', exact: true }).first().click();
  await page.getByRole('list', { name: '成都锦城物流有限公司可办理的业务' }).getByRole('link', { name: '变更主体', exact: true }).click();
  await page.getByRole('button', { name: '确认发起变更主体' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\/edit$/);
  await expectStep(page, 1, '主办单位信息');
  await page.goto(page.url().replace(/\/edit$/, ''));
  await expect(page.getByRole('heading', { level: 2, name: '当前状态：草稿' })).toBeVisible();
  await page.getByRole('button', { name: '放弃订单' }).click();
  await expect(page).toHaveURL(/confirm=abandon/);
  const dialog = page.getByRole('dialog', { name: '确认放弃订单？' });
  await expect(dialog).toContainText('放弃后订单结束');
  await dialog.getByRole('button', { name: '确认放弃订单' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '当前状态：已放弃' })).toBeVisible();
});
