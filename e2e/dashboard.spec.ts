import { expect, test } from '@playwright/test';
import { signIn } from './support';

test.describe('我的备案 dashboard', () => {
  test('needs-attention items are sorted by deadline across subjects; a draft offers 继续填写', async ({ page }) => {
    await signIn(page, 'filer3@beian.example');
    const todo = page.getByRole('region', { name: '需要处理' });
    await expect(todo.locator('li').first()).toBeVisible(); // the list has rendered before we read it
    const texts = await todo.locator('li').allInnerTexts();
    const deadlines = texts.map((t) => /截止\s*(\d{4}-\d{2}-\d{2})/.exec(t)?.[1]).filter((d): d is string => Boolean(d));
    expect(deadlines.length).toBeGreaterThan(3);
    expect([...deadlines].sort()).toEqual(deadlines);

    const orders = page.getByRole('list', { name: '等待您操作的订单' });
    const draft = orders.getByRole('link', { name: /^继续填写：变更网站订单 BA\d+/ });
    await expect(draft).toHaveAttribute('href', /^\/orders\/[0-9a-f-]{36}$/);
    await expect(orders.getByRole('link', { name: /^处理订单：/ })).toHaveCount(2); // 管局驳回 and 短信核验退回
  });

  test('需要处理 lists the 5 most urgent findings and sends the rest to 整改通知', async ({ page }) => {
    await signIn(page, 'filer@beian.example'); // 11 open findings in the demo data
    const stat = page.getByRole('term').filter({ hasText: '待整改事项' }).locator('xpath=following-sibling::dd');
    const open = Number(await stat.innerText());
    const findings = page.getByRole('list', { name: '待整改事项' }).getByRole('listitem');
    await expect(findings.first()).toBeVisible();
    const cancelled = await findings.filter({ hasText: '已被取消接入' }).count(); // the oldest deadlines, so always shown
    const total = open + cancelled;
    expect(total).toBeGreaterThan(5);
    await expect(findings).toHaveCount(5);
    await expect(page.getByText(`以上为截止日期最近的 5 项，另有 ${total - 5} 项。`)).toBeVisible();

    await page.getByRole('link', { name: '到整改通知查看全部不合格项' }).click();
    await expect(page).toHaveURL(/\/notices$/);
    await expect(page.getByRole('link', { name: /^去整改：/ })).toHaveCount(open);
  });

  test('on a 390 px phone the first 去整改 is on the first screen and each website shows its status without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'filer@beian.example');
    await expect(page.getByRole('list', { name: '待整改事项' }).getByRole('link').first()).toBeInViewport();
    const status = page.getByRole('article').first().locator('td[data-label="状态"]').first();
    await status.scrollIntoViewIfNeeded();
    const box = (await status.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: 'test-results/screens/dashboard-390x844.png', fullPage: true });
  });
});
