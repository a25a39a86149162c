import { expect, test } from '@playwright/test';
import { signIn } from './support';

// HTML typed into a user field is shown as text on the pages that list it and in the e-mail it
// ends up in; mobile numbers on lists are masked. (No CSV export exists: the only CSV is the operator's
// import, which is parsed, never echoed back as a file.)

test('a name full of HTML is text on the users list, in the audit log and in the invitation e-mail', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const suffix = Date.now().toString(36);
  const name = `<img src=x onerror=alert(1)>测试${suffix}`;
  const email = `xss-${suffix}@beian.example`;

  await signIn(page, 'admin@beian.example');
  await page.goto('/admin/users');
  const invite = page.getByRole('form', { name: '邀请用户' });
  await invite.getByLabel('姓名').fill(name);
  await invite.getByLabel('邮箱').fill(email);
  await invite.getByLabel('角色').selectOption({ label: '备案用户' });
  await invite.getByRole('button', { name: '发送邀请' }).click();
  await expect(invite.getByRole('status')).toContainText(`已邀请 ${email}`);

  // The users list: the name is the cell's text, and no element was made of it.
  await page.reload();
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row.getByRole('cell').first()).toContainText(name);
  await expect(page.locator('[onerror]')).toHaveCount(0);

  // The audit log describes the invitation with the name as typed.
  await page.goto('/admin/audit?action=user.invite');
  await expect(page.getByRole('row').filter({ hasText: email })).toContainText(name);
  await expect(page.locator('[onerror]')).toHaveCount(0);

  // The invitation e-mail: escaped in the HTML part (shown in a sandboxed frame), as typed in the text part.
  await page.goto(`/admin/mailbox?recipient=${encodeURIComponent(email)}`);
  await page.getByRole('link', { name: '【备案整改门户】账号开通邀请' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: '【备案整改门户】账号开通邀请' })).toBeVisible();
  const mail = page.frameLocator('iframe[title^="邮件正文"]');
  await expect(mail.getByText(`${name}，您好：`)).toBeVisible();
  await expect(mail.locator('[onerror], img')).toHaveCount(0);
  await expect(page.getByRole('region', { name: '纯文本' })).toContainText(`${name}，您好：`);
  await expect(page.locator('[onerror]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test('mobile numbers on the subject page are masked; the whole number appears nowhere on it', async ({ page }) => {
  await signIn(page, 'filer@beian.example');
  await page.goto('/dashboard');
  await page.getByRole('link', { name: '杭州云栖科技有限公司', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: '杭州云栖科技有限公司' })).toBeVisible();
  await expect(page.getByText('张伟（手机 138****0001）').first()).toBeVisible();
  expect(await page.content()).not.toContain('13805710001');
});
