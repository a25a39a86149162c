import { expect, test, type Page } from '@playwright/test';
import postgres from 'postgres';
import { expectNoSeriousA11yViolations } from './axe';

export const PASSWORD = 'Beian@2026';

/** Signs in through the login form (the form itself is the subject of auth.spec.ts). */
export async function signIn(page: Page, email: string, path = '/login') {
  await page.goto(path);
  const form = page.getByRole('region', { name: '密码登录' });
  await form.getByLabel('邮箱').fill(email);
  await form.getByLabel('密码').fill(PASSWORD);
  await form.getByRole('button', { name: '登录' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
}

/**
 * Screenshots for people to look at (not committed: test-results/ is ignored), at a desktop and a phone
 * width; at each, axe must find no serious or critical violation (WCAG 2.1 A/AA). Without JavaScript axe
 * cannot run in the page: the pictures are taken all the same.
 */
export async function shoot(page: Page, name: string) {
  const js = test.info().project.use.javaScriptEnabled !== false;
  for (const [width, height] of [[1280, 900], [390, 844]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
    if (js) await expectNoSeriousA11yViolations(page);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Follows a main-menu link, opening the menu group it sits in first (the operator's menu is grouped). */
export async function navTo(page: Page, label: string) {
  const nav = page.getByRole('navigation', { name: '主导航' });
  const link = nav.getByRole('link', { name: label, exact: true });
  if (!(await link.isVisible())) {
    for (const summary of await nav.locator('summary:visible').all()) {
      await summary.click();
      // The group opens on the click; give it a moment before deciding this was the wrong group.
      if (await link.isVisible() || (await link.waitFor({ state: 'visible', timeout: 1000 }).then(() => true, () => false))) break;
      await summary.click();
    }
  }
  if (await link.isVisible()) return link.click();
  // The menu did not open in time (a busy machine): follow the same link's address, as a keyboard user would.
  // A link inside a closed menu group is hidden, so look it up among hidden elements too.
  const href = await nav.getByRole('link', { name: label, exact: true, includeHidden: true }).first().getAttribute('href');
  await page.goto(href!);
}

/** On an order another reviewer opened earlier in the run (a decision leads on to the next order), take it over. */
export async function takeOverIfClaimed(page: Page) {
  const take = page.getByRole('button', { name: '接手审核' });
  if (await take.isVisible()) {
    await take.click();
    await expect(page.getByText('您正在审核此订单')).toBeVisible();
  }
}

/** 初审通过 with every checklist item ticked (approval refuses an unticked item that has no reason). */
export async function approveWithChecklist(page: Page) {
  for (const box of await page.getByRole('group', { name: '初审核对清单' }).getByRole('checkbox').all()) await box.check();
  await page.getByRole('button', { name: '初审通过，提交管局' }).click();
}

/** The order wizard has hydrated: typing before that would be reset when React takes over the inputs. */
export async function wizardReady(page: Page) {
  await expect(page.locator('section[data-hydrated]')).toHaveCount(1);
}

/**
 * On the review step, verifies each named contact (its group's label, e.g. "网站负责人手机号码"): 获取验证码,
 * then reads the code as an operator would find it in the dev SMS outbox or mailbox, and enters it.
 */
export async function verifyContacts(page: Page, contacts: readonly { label: string; email?: string }[]) {
  const number = (await page.getByText(/订单 BA\d+/).first().textContent())!.match(/BA\d+/)![0];
  const browser = page.context().browser()!;
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, 'admin@beian.example');
  for (const c of contacts) {
    const group = page.getByRole('group', { name: new RegExp(`^${c.label}`) });
    await group.getByRole('button', { name: '获取验证码' }).click();
    await expect(group.getByRole('status')).toBeVisible();
    let code = '';
    await expect(async () => {
      if (c.email) {
        await staff.goto(`/admin/mailbox?template=contact_code.&recipient=${encodeURIComponent(c.email)}`);
        const link = staff.getByRole('link', { name: new RegExp(`验证码 \\d{6}：确认${c.label}`) }).first();
        code = ((await link.textContent({ timeout: 1000 })) ?? '').match(/验证码 (\d{6})/)?.[1] ?? '';
      } else {
        await staff.goto('/admin/sms');
        const row = staff.getByRole('row').filter({ hasText: number }).filter({ hasText: c.label }).first();
        code = ((await row.textContent({ timeout: 1000 })) ?? '').match(/验证码 (\d{6})/)?.[1] ?? '';
      }
      expect(code).toMatch(/^\d{6}$/);
    }).toPass({ timeout: 20_000 });
    await group.getByLabel(`${c.label}验证码`).fill(code);
    await group.getByRole('button', { name: '验证', exact: true }).click();
    await expect(group).toContainText('已验证');
  }
  await staffContext.close();
}

/** A new, empty database `name` on the PostgreSQL server at `serverUrl` (dropped first if left over). */
export async function createPgDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
}

export async function dropPgDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
  await admin.end();
}
