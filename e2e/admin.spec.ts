import { expect, test, type Page } from '@playwright/test';
import { SUBJECTS } from '../db/seed/data';
import { FINDING_CATALOGUE, FINDING_CODES } from '../lib/remediation';
import { shoot, signIn, navTo } from './support';

// The operator console. Runs against the seeded demo data; tests run in order and
// each uses filings the others do not touch.

const HEADER = '主体备案号,网站备案号,域名,不合格项代码,检查发现,整改期限';

/** 497 distinct valid rows on the 数帆 demo subject (no finding yet) and 3 bad ones at known data rows. */
function checkResultsCsv(): { text: string; badRows: number[] } {
  const s = SUBJECTS.find((x) => x.key === 'shufan')!;
  const subjectIcp = `${s.abbr}ICP备${s.serial}号`;
  const good: string[] = [];
  for (const code of FINDING_CODES) if (FINDING_CATALOGUE[code].scope === 'subject') good.push(`${subjectIcp},,,${code},专项核查,`);
  s.sites.forEach((site, i) => {
    const siteIcp = `${subjectIcp}-${i + 1}`;
    for (const code of FINDING_CODES) {
      const scope = FINDING_CATALOGUE[code].scope;
      if (scope === 'website') good.push(`${subjectIcp},${siteIcp},,${code},专项核查,`);
      if (scope === 'domain') for (const d of site.domains) good.push(`${subjectIcp},${siteIcp},${d},${FINDING_CATALOGUE[code].notice},专项核查,`);
    }
  });
  const rows = good.slice(0, 497);
  expect(rows).toHaveLength(497);
  const bad = [
    '浙ICP备1999000001号,,,SUBJECT_NAME_MISMATCH,,', // unknown 备案号
    `${subjectIcp},${subjectIcp}-1,${s.sites[1]!.domains[0]},DOMAIN_EXPIRED,,`, // domain of another website
    `${subjectIcp},,,SUBJECT_CONTACT_INVALID,,2026/13/01`, // bad date
  ];
  rows.splice(9, 0, bad[0]!);
  rows.splice(199, 0, bad[1]!);
  rows.splice(399, 0, bad[2]!);
  return { text: [HEADER, ...rows].join('\r\n'), badRows: [10, 200, 400] };
}

async function upload(page: Page, text: string) {
  await page.goto('/admin/notices');
  await page.getByRole('link', { name: '批量导入检查结果' }).click();
  await page.getByLabel('检查结果文件（CSV）').setInputFiles({ name: '专项核查结果.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await page.getByRole('button', { name: '上传并预检' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '导入预检结果' })).toBeVisible({ timeout: 30_000 });
}

test.describe('operator console', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'admin@beian.example');
  });

  test('the overview shows charts with their numbers', async ({ page }) => {
    await expect(page.getByRole('heading', { level: 1, name: '运营概览' })).toBeVisible();
    const wait = page.getByRole('table', { name: /初审等待时长/ });
    await expect(wait.getByRole('rowheader', { name: '超过 24 小时（超出 1 个工作日）' })).toBeVisible();
    // Two demo orders wait for 初审: 30 h (qhsl) and 3 h (lushan).
    await expect(wait.getByRole('row', { name: /不足 4 小时/ }).getByRole('cell').last()).toHaveText('1');
    await expect(wait.getByRole('row', { name: /超过 24 小时/ }).getByRole('cell').last()).toHaveText('1');
    await expect(page.getByRole('table', { name: /订单状态分布/ }).getByRole('row', { name: /待初审/ }).getByRole('cell').last()).toHaveText('2');
    await expect(page.getByRole('table', { name: /未解决的不合格项/ }).getByRole('rowheader', { name: FINDING_CATALOGUE.DOMAIN_EXPIRED.notice })).toBeVisible();
    await shoot(page, 'admin-overview');
  });

  test('the deadlines view groups overdue, 3-day and 7-day findings with a link to the subject', async ({ page }) => {
    await navTo(page, '期限跟踪');
    const overdue = page.getByRole('table', { name: '已逾期' });
    await expect(overdue.getByRole('row', { name: /陈晓明/ })).toContainText('已逾期 2 天');
    await expect(page.getByRole('table', { name: '3 天内到期' }).getByRole('row', { name: /云栖开发者社区/ })).toContainText('2 天');
    await expect(page.getByRole('table', { name: /7 天内到期/ }).getByRole('row', { name: /docs-yunqi\.cn/ })).toContainText('6 天');
    await shoot(page, 'admin-deadlines');
    await overdue.getByRole('link', { name: '陈晓明' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: '陈晓明' })).toBeVisible();
  });

  test('issues a notice with two findings and sees it listed', async ({ page }) => {
    await navTo(page, '整改通知管理');
    await page.getByRole('link', { name: '下发整改通知' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '下发整改通知' })).toBeVisible();
    await page.getByLabel('主体名称或主体备案号').fill('苏ICP备2021078834号');
    await page.getByRole('button', { name: '查找主体' }).click();
    await page.getByRole('link', { name: '选择 南京明德教育咨询有限公司' }).click();
    await page.getByLabel('不合格项', { exact: true }).selectOption({ label: FINDING_CATALOGUE.SUBJECT_CONTACT_INVALID.notice });
    await page.getByLabel('检查发现（选填）').fill('电话核验：停机');
    await page.getByRole('button', { name: '添加一项不合格项' }).click();
    const second = page.getByRole('group', { name: '不合格项 2' });
    await second.getByLabel('不合格项', { exact: true }).selectOption({ label: FINDING_CATALOGUE.SITE_UNREACHABLE.notice });
    // Submitting without the website shows the field's error and sends nothing.
    await page.getByRole('button', { name: '下发整改通知' }).click();
    await expect(second.getByText('请选择网站')).toBeVisible();
    await second.getByLabel('网站').selectOption({ label: '明德教育官网（苏ICP备2021078834号-1）' });
    await shoot(page, 'admin-notice-form');
    await page.getByRole('button', { name: '下发整改通知' }).click();
    await expect(page).toHaveURL(/\/admin\/notices\?issued=/);
    await expect(page.getByRole('status').filter({ hasText: '整改通知已下发' })).toBeVisible();
    const row = page.getByRole('row', { name: /南京明德教育咨询有限公司/ }).first();
    await expect(row).toContainText('2 项');
    await expect(row).toContainText('人工下发');
  });

  test('imports 500 rows with 3 bad ones, and the same file again creates nothing new', async ({ page }) => {
    const { text, badRows } = checkResultsCsv();
    await upload(page, text);
    await expect(page.getByRole('heading', { name: '有错误的行（3 行）' })).toBeVisible();
    const errors = page.getByRole('table', { name: '有错误的行' });
    for (const n of badRows) await expect(errors.getByRole('row', { name: new RegExp(`第 ${n} 行`) })).toBeVisible();
    await expect(errors).toContainText('主体备案号“浙ICP备1999000001号”不存在');
    await expect(errors).toContainText('不属于网站');
    await expect(errors).toContainText('格式有误');
    await expect(page.getByText('可导入').locator('..')).toContainText('497');
    await shoot(page, 'admin-import-preview');
    await page.getByRole('button', { name: '开始导入 497 行' }).click();
    await expect(page.getByText('已处理 500 / 500 行（100%）')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('status').filter({ hasText: '导入完成' })).toContainText('新建不合格项 497 项');
    await expect(page.locator('progress')).toHaveAttribute('value', '500');
    await shoot(page, 'admin-import-progress');

    await upload(page, text);
    await expect(page.getByText(/同一文件已于 .* 导入过/)).toBeVisible();
    await page.getByRole('button', { name: '开始导入 497 行' }).click();
    await expect(page.getByText('已处理 500 / 500 行（100%）')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('status').filter({ hasText: '导入完成' })).toContainText('新建不合格项 0 项');
    await page.goto('/admin/notices?source=import');
    await expect(page.getByRole('row', { name: /杭州数帆网络科技有限公司/ })).toHaveCount(1);
    await expect(page.getByRole('row', { name: /杭州数帆网络科技有限公司/ })).toContainText('497 项');
  });

  test('grants an extension', async ({ page }) => {
    await navTo(page, '延期申请');
    await shoot(page, 'admin-extensions');
    const item = page.getByRole('listitem', { name: `延期申请：李娜 ${FINDING_CATALOGUE.SITE_NAME_VIOLATION.notice}` });
    const date = await item.getByLabel('新的整改期限').inputValue();
    await item.getByRole('button', { name: '批准延期' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已批准延期' })).toBeVisible();
    await expect(item).toHaveCount(0);
    await expect(page.getByRole('table', { name: '最近处理的延期申请' }).getByRole('row', { name: /李娜/ })).toContainText(`已批准，延至 ${date}`);
  });

  test('cancels access for an overdue filing after confirming what is affected; the filer is offered re-access', async ({ page, browser }) => {
    await navTo(page, '取消接入');
    await page.getByLabel('选择 南京明德教育咨询有限公司').check();
    await page.getByRole('button', { name: '下一步：确认影响范围' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '确认取消接入' })).toBeVisible();
    await expect(page.getByRole('note')).toContainText('不可撤销');
    const affected = page.getByRole('list', { name: '将受影响的主体' });
    // Only the website whose own finding is overdue is cut off; 明德教育官网 keeps its access.
    await expect(affected).toContainText('明德在线课堂（苏ICP备2021078834号-2）：mdketang.cn、mingde-ketang.com');
    await expect(affected).not.toContainText('明德教育官网');
    await expect(affected).toContainText('仅逾期的网站');
    await expect(affected).toContainText('将先放弃此订单');
    await shoot(page, 'admin-cancel-access-confirm');
    await page.getByLabel(/取消接入的原因/).fill('整改期限已过仍未完成整改，电话催办未果。');
    await page.getByLabel(/知悉取消接入立即生效且不可撤销/).check();
    await page.getByRole('button', { name: '确认取消接入' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已对 1 个主体取消接入' })).toBeVisible();
    await page.goto('/admin/cancel-access');
    await expect(page.getByLabel('选择 南京明德教育咨询有限公司')).toHaveCount(0);

    await page.goto('/admin/audit?action=subject.cancel_access');
    await expect(page.getByRole('row', { name: /南京明德教育咨询有限公司/ })).toContainText('停止接入网站');

    // The filer, in their own browser session.
    const filer = await (await browser.newContext()).newPage();
    await signIn(filer, 'filer3@beian.example');
    const item = filer.getByRole('listitem').filter({ hasText: '南京明德教育咨询有限公司 的网站“明德在线课堂”已被取消接入' });
    await expect(item.first().getByRole('link', { name: '查看重新接入方案' })).toBeVisible();
  });

  test('invites a user and changes a role', async ({ page }) => {
    await navTo(page, '用户');
    const invite = page.getByRole('form', { name: '邀请用户' });
    await invite.getByLabel('姓名').fill('初审专员 王青');
    await invite.getByLabel('邮箱').fill('wangqing@beian.example');
    await invite.getByLabel('角色').selectOption({ label: '初审专员' });
    await invite.getByRole('button', { name: '发送邀请' }).click();
    await expect(invite.getByRole('status')).toContainText('已邀请 wangqing@beian.example');
    const row = page.getByRole('row', { name: /wangqing@beian\.example/ });
    await expect(row).toContainText('仅邮箱链接登录');
    await row.getByLabel('wangqing@beian.example 的角色', { exact: true }).selectOption({ label: '运营管理员' });
    await row.getByRole('button', { name: '修改角色' }).click();
    await expect(row.getByRole('status')).toContainText('角色已修改');
    await page.goto('/admin/audit?actor=admin%40beian.example');
    await expect(page.getByRole('row', { name: /修改用户角色/ }).first()).toContainText('wangqing@beian.example：初审专员 → 运营管理员');
    await shoot(page, 'admin-audit');
    // The admin's own row has no controls.
    await page.goto('/admin/users');
    await expect(page.getByRole('row', { name: /admin@beian\.example/ })).toContainText('当前账号');
  });

  // Servers keep signed-in users in memory; disabling must still end a session at its next click.
  test('disabling a user ends their open session at once; enabling lets them sign in again', async ({ page, browser }) => {
    const reviewer = await (await browser.newContext()).newPage();
    await signIn(reviewer, 'reviewer2@beian.example');
    await reviewer.goto('/review');
    await expect(reviewer.getByRole('heading', { level: 1 })).toBeVisible();

    await page.goto('/admin/users');
    const row = page.getByRole('row', { name: /reviewer2@beian\.example/ });
    await row.getByRole('button', { name: '停用' }).click();
    await expect(row).toContainText('已停用');

    await reviewer.goto('/review');
    await expect(reviewer).toHaveURL(/\/login\?callbackUrl=%2Freview/);

    await row.getByRole('button', { name: '启用' }).click();
    await expect(row).toContainText('正常');
    await signIn(reviewer, 'reviewer2@beian.example');
    await reviewer.goto('/review');
    await expect(reviewer).toHaveURL(/\/review$/);
  });
});

test.describe('role denial', () => {
  const pages = [
    '/admin',
    '/admin/notices',
    '/admin/notices/new',
    '/admin/notices/import',
    '/admin/notices/import/00000000-0000-4000-8000-000000000000',
    '/admin/deadlines',
    '/admin/extensions',
    '/admin/cancel-access',
    '/admin/users',
    '/admin/audit',
    '/admin/subjects/00000000-0000-4000-8000-000000000000',
  ];
  for (const email of ['filer@beian.example', 'reviewer@beian.example']) {
    test(`${email} gets 404 on every operator page`, async ({ page }) => {
      await signIn(page, email);
      for (const path of pages) {
        const res = await page.goto(path);
        expect(res?.status(), path).toBe(404);
        await expect(page.getByRole('heading', { name: '运营概览' })).toHaveCount(0);
      }
    });
  }
});

test('a filer or a reviewer replaying an operator server action is refused and nothing is written', async ({ page, browser }) => {
  // Capture a real 修改角色 call as the admin (a no-op: filer2 keeps 备案用户)…
  await signIn(page, 'admin@beian.example');
  await page.goto('/admin/users');
  const row = page.getByRole('row', { name: /filer2@beian\.example/ });
  const [req] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']),
    row.getByRole('button', { name: '修改角色' }).click(),
  ]);
  await expect(row.getByRole('status')).toBeVisible();
  const body = req.postDataBuffer()!.toString('utf8');
  const escalated = body.replace(/(name="[^"]*role"\r\n\r\n)filer/, '$1admin');
  expect(escalated).not.toBe(body);

  // …and replay it, asking for admin, from a filer's and a reviewer's session.
  const h = req.headers();
  for (const email of ['filer@beian.example', 'reviewer@beian.example']) {
    const other = await (await browser.newContext()).newPage();
    await signIn(other, email);
    const res = await other.request.post(req.url(), {
      headers: { 'next-action': h['next-action']!, 'content-type': h['content-type']!, accept: h['accept'] ?? 'text/x-component' },
      data: Buffer.from(escalated, 'utf8'),
    });
    expect(await res.text(), email).toContain('您没有执行此操作的权限');
  }

  await page.reload();
  await expect(page.getByRole('row', { name: /filer2@beian\.example/ }).getByLabel('filer2@beian.example 的角色', { exact: true })).toHaveValue('filer');
  await page.goto('/admin/audit?action=user.role');
  await expect(page.getByRole('row', { name: /filer2@beian\.example/ })).toHaveCount(0);
});
