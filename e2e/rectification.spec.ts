import { expect, test, type Page } from '@playwright/test';
import { ACTION_LABELS, FINDING_CATALOGUE, planReaccessInProvince, planRemediation, type FindingCode } from '../lib/remediation';
import { footerAdvice } from '../lib/checks/footer';
import { shoot, signIn, signOut, navTo } from './support';
import { png } from '../tests/support/images';

// Each journey starts from a finding page reached by URL (the e-mail deep link), found through the
// dashboard's 去整改 links, and checks the page against the remediation library it must follow.

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The rectification URL of `code` on `site`, read from the dashboard's 去整改 link. */
async function findingUrl(page: Page, code: FindingCode, site: string): Promise<string> {
  await page.goto('/notices'); // every finding; the dashboard lists only the most urgent
  const link = page.getByRole('link', { name: `去整改：${FINDING_CATALOGUE[code].notice}（${site}）`, exact: true });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/rectifications\/[0-9a-f-]{36}$/);
  return href!;
}

async function answer(page: Page, choice: RegExp) {
  await page.getByRole('radio', { name: choice }).check();
  await page.getByRole('button', { name: '下一步' }).click();
}

/** The options shown, in order, as [title, recommended]. */
async function shownOptions(page: Page) {
  const group = page.getByRole('group', { name: '选择整改方案' });
  await expect(group).toBeVisible();
  const labels = await group.getByRole('radio').evaluateAll((els) => els.map((e) => e.closest('label')?.textContent ?? ''));
  return labels.map((l) => ({ text: l, recommended: l.includes('推荐') }));
}

/** A well-formed PNG just above the 200 KB minimum. */
const tinyPng = (size = 210 * 1024) => png({ size });

test.describe('rectification page', () => {
  test('action + 复核: fix the footer, upload evidence, ask for 复核', async ({ page }) => {
    await signIn(page, 'filer@beian.example');
    await shoot(page, 'dashboard');
    const url = await findingUrl(page, 'FOOTER_ICP_NUMBER_MISSING', '云栖科技官网');
    await page.goto(url);
    const entry = FINDING_CATALOGUE.FOOTER_ICP_NUMBER_MISSING;
    await expect(page.getByRole('heading', { level: 1, name: entry.notice })).toBeVisible();
    await expect(page.getByText(entry.cause)).toBeVisible();
    await expect(page.getByText(entry.duringPeriod).first()).toBeVisible();
    await expect(page.getByText('首页底部未找到备案号')).toBeVisible(); // what the check found
    await expect(page.getByText('浙ICP备2019031245号-1', { exact: true })).toBeVisible(); // what is filed

    await expect(page.getByRole('group', { name: '这个网站（云栖科技官网）还在使用吗？' })).toBeVisible();
    await answer(page, /^还在使用/);
    await expect(page).toHaveURL(/\?intent=keep$/);
    const plan = planRemediation({ finding: 'FOOTER_ICP_NUMBER_MISSING', intent: 'keep', subject: { nature: 'enterprise', province: '33', websiteCount: 3 }, website: { domainCount: 2 } });
    const first = plan.options[0]!;
    const options = await shownOptions(page);
    expect(options[0]!.text).toContain(first.title);
    expect(options[0]!.recommended).toBe(true);

    await page.getByRole('radio', { name: new RegExp(escape(first.title)) }).check();
    await page.getByRole('button', { name: '查看办理步骤' }).click();
    await expect(page).toHaveURL(new RegExp(`intent=keep&option=${first.id}`));
    await expect(page.getByRole('heading', { name: `办理步骤：${first.title}` })).toBeVisible();
    // The footer step names this site's exact number (001 2.1: 浙江 hangs the 网站备案号), not the generic rule.
    const advice = footerAdvice({ siteIcpNumber: '浙ICP备2019031245号-1', subjectIcpNumber: '浙ICP备2019031245号', province: '33' });
    expect(advice.number).toBe('浙ICP备2019031245号-1');
    for (const step of advice.steps) await expect(page.getByText(step, { exact: true })).toBeVisible();
    await shoot(page, 'rectification');

    await page.getByLabel('证明材料（可选，如新的域名证书、网页截图）').setInputFiles({ name: '首页底部截图.png', mimeType: 'image/png', buffer: tinyPng() });
    await expect(page.getByText('已上传：')).toBeVisible();
    await page.getByLabel('说明（可选）').fill('首页底部已加上网站备案号并链接到工信部备案官网。');
    await page.getByRole('button', { name: '我已完成，申请复核' }).click();
    await expect(page.getByRole('region', { name: '整改进度' })).toContainText('复核中');
    await expect(page.getByRole('button', { name: '我已完成，申请复核' })).toHaveCount(0);
    // The finding itself is now 整改中.
    await page.reload();
    await expect(page.getByRole('main').locator('header')).toContainText('整改中');
  });

  test('keep and retire produce the plan the library gives; a retired domain goes to the wizard preselected', async ({ page }) => {
    await signIn(page, 'filer@beian.example');
    const url = await findingUrl(page, 'DNS_NOT_AT_PROVIDER', '云栖科技官网');
    const id = url.split('/').pop()!;
    await page.goto(url);
    await expect(page.getByRole('group', { name: '这个域名（yunqitech.com）还在使用吗？' })).toBeVisible();
    await answer(page, /^还在使用/);
    const facts = { finding: 'DNS_NOT_AT_PROVIDER', subject: { nature: 'enterprise', province: '33', websiteCount: 3 }, website: { domainCount: 2 } } as const;
    const keep = planRemediation({ ...facts, intent: 'keep' }).options;
    const shown = await shownOptions(page);
    expect(shown).toHaveLength(keep.length);
    keep.forEach((o, i) => {
      expect(shown[i]!.text).toContain(o.title);
      expect(shown[i]!.recommended).toBe(o.recommended);
    });

    // Change the answer: the browser's URL carries it, and 修改 drops it.
    await page.getByRole('link', { name: /^修改回答/ }).click();
    await expect(page).toHaveURL(new RegExp(`${id}$`));
    await answer(page, /^不再使用/);
    const retire = planRemediation({ ...facts, intent: 'retire' }).options;
    const shownRetire = await shownOptions(page);
    expect(shownRetire[0]!.text).toContain(retire[0]!.title);
    expect(shownRetire[0]!.recommended).toBe(true);
    await page.getByRole('button', { name: '查看办理步骤' }).click();
    const start = page.getByRole('link', { name: '开始填写变更网站申请' });
    const href = await start.getAttribute('href');
    const q = new URL(href!, 'http://x').searchParams;
    expect(q.get('type')).toBe('CHANGE_WEBSITE');
    expect(q.get('finding')).toBe(id);
    expect(q.get('subject')).toMatch(/^[0-9a-f-]{36}$/);
    expect(q.get('website')).toMatch(/^[0-9a-f-]{36}$/);
    expect(q.get('domain')).toMatch(/^[0-9a-f-]{36}$/);
    // Back goes to the previous answer.
    await page.goBack();
    await expect(page).toHaveURL(/intent=retire$/);
  });

  test('a subject with an open order links to that order instead of a new wizard', async ({ page }) => {
    await signIn(page, 'filer@beian.example');
    const url = await findingUrl(page, 'WEBSITE_CONTACT_INVALID', '数联数据服务平台');
    await page.goto(`${url}?intent=keep&option=change-website`);
    await expect(page.getByText(/该主体已有进行中的订单/)).toBeVisible();
    await expect(page.getByRole('link', { name: /^查看订单 BA/ })).toHaveAttribute('href', /^\/orders\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('link', { name: /^开始填写/ })).toHaveCount(0);
  });

  test('cancelled access (T3): the MIIT questions lead to the re-access options', async ({ page }) => {
    await signIn(page, 'filer2@beian.example');
    await page.getByRole('link', { name: '查看重新接入方案' }).click();
    await expect(page).toHaveURL(/\/rectifications\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { name: '重新接入：请先回答几个问题' })).toBeVisible();
    await expect(page.getByRole('group', { name: /工信部备案查询/ })).toBeVisible();
    await expect(page.getByText(/beian\.miit\.gov\.cn/).first()).toBeVisible();
    await answer(page, /^能查到主体，也能查到/);
    await answer(page, /^已停用或不是本人使用/);
    await answer(page, /^是，其他接入商仍在接入/);
    const plan = planReaccessInProvince({ miit: 'subject_and_website', principalMobileWorks: false, otherProviderHosts: true, openChangeOrder: false, province: '44' });
    const shown = await shownOptions(page);
    expect(shown[0]!.text).toContain(plan.options[0]!.title);
    expect(shown[0]!.recommended).toBe(true);
    await page.getByRole('button', { name: '查看办理步骤' }).click();
    for (const step of ACTION_LABELS.CHANGE_AT_OTHER_PROVIDER.steps) await expect(page.getByText(step, { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: '开始填写接入备案申请' })).toHaveAttribute('href', /type=ACCESS_FILING/);

    // The mobile still works: 广东 does not say whether it allows 先接入后变更, so both paths are offered.
    await page.getByRole('link', { name: /^修改回答：备案时填写的负责人手机号/ }).click();
    await answer(page, /^能正常接收短信/);
    await answer(page, /^否/);
    const both = planReaccessInProvince({ miit: 'subject_and_website', principalMobileWorks: true, otherProviderHosts: false, openChangeOrder: false, province: '44' });
    const shownBoth = await shownOptions(page);
    expect(shownBoth.map((o) => o.recommended)).toEqual(both.options.map((o) => o.recommended));
    both.options.forEach((o, i) => expect(shownBoth[i]!.text).toContain(o.title));
    await shoot(page, 'rectification-reaccess');
  });

  test('a 复核 note over 500 characters is refused at the field and nothing is written', async ({ page }) => {
    await signIn(page, 'filer@beian.example');
    const url = await findingUrl(page, 'DOMAIN_EXPIRED', '云栖技术文档中心');
    await page.goto(`${url}?intent=keep&option=renew-domain-recheck`);
    await page.getByLabel('说明（可选）').fill('已续费'.repeat(170));
    await page.getByRole('button', { name: '我已完成，申请复核' }).click();
    await expect(page.getByText('说明不能超过 500 个字，请精简后再提交。')).toBeVisible();
    await expect(page.getByLabel('说明（可选）')).toHaveAttribute('aria-invalid', 'true');
    await page.reload();
    await expect(page.getByRole('region', { name: '整改进度' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '我已完成，申请复核' })).toBeVisible();
  });

  test('整改延期 once per finding: a second attempt (from a stale tab) is refused', async ({ page, context }) => {
    await signIn(page, 'filer@beian.example');
    const url = await findingUrl(page, 'SITE_TITLE_MISMATCH', '云栖开发者社区');
    await page.goto(url);
    const stale = await context.newPage();
    await stale.goto(url);

    const form = page.getByRole('form', { name: '申请整改延期' });
    await form.getByLabel('延期原因').fill('太忙');
    await form.getByRole('button', { name: '申请延期' }).click();
    await expect(form.getByText('请填写延期原因，至少 10 个字。')).toBeVisible();
    await form.getByLabel('延期原因').fill('网站由外包团队维护，需要重新签约后才能修改标题');
    await form.getByRole('button', { name: '申请延期' }).click();
    await expect(page.getByRole('region', { name: '整改延期' })).toContainText('待审核');
    await expect(page.getByRole('form', { name: '申请整改延期' })).toHaveCount(0);

    const staleForm = stale.getByRole('form', { name: '申请整改延期' });
    await staleForm.getByLabel('延期原因').fill('再申请一次延期，希望能多给一些时间');
    await staleForm.getByRole('button', { name: '申请延期' }).click();
    await expect(stale.getByText('该整改项已申请过延期，每个整改项只能申请一次。')).toBeVisible();
  });

  test('the notices list filters by status and links to each finding', async ({ page }) => {
    await signIn(page, 'filer@beian.example');
    await navTo(page, '整改通知');
    await expect(page.getByRole('heading', { level: 1, name: '整改通知' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '杭州云栖科技有限公司 的整改通知' })).toBeVisible();
    await shoot(page, 'notices');
    await page.getByRole('link', { name: '已逾期' }).click();
    await expect(page).toHaveURL(/\/notices\?status=overdue$/);
    await expect(page.getByRole('link', { name: /^去整改：/ })).toHaveCount(1);
    await expect(page.getByRole('link', { name: `去整改：${FINDING_CATALOGUE.CONTENT_SUBJECT_MISMATCH.notice}（晓明的技术随笔）` })).toBeVisible();
    await page.getByRole('link', { name: '已整改' }).click();
    await expect(page.getByText('没有“已整改”的整改项')).toBeVisible();
  });

  test('another filer opening the finding URL gets 404 and no data', async ({ page }) => {
    await signIn(page, 'filer@beian.example');
    const url = await findingUrl(page, 'SITE_UNREACHABLE', '智源未来招聘网');
    await signOut(page);
    await signIn(page, 'filer2@beian.example');
    const res = await page.goto(url);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
    await expect(page.getByText('智源未来')).toHaveCount(0);
    await expect(page.getByText(FINDING_CATALOGUE.SITE_UNREACHABLE.notice)).toHaveCount(0);
    expect((await page.goto('/rectifications/not-a-finding'))?.status()).toBe(404);
  });
});
