import { describe, expect, it } from 'vitest';
import { ADMIN_NAV_GROUPS, ROLE_NAV } from './roles';

describe('admin menu groups', () => {
  it('hold every admin page exactly once, in the four named groups after 概览', () => {
    const hrefs = ADMIN_NAV_GROUPS.flatMap((g) => g.items.map((i) => i.href));
    expect(new Set(hrefs).size).toBe(hrefs.length);
    for (const item of ROLE_NAV.admin) expect(hrefs).toContain(item.href);
    expect(ADMIN_NAV_GROUPS.map((g) => g.label)).toEqual(['概览', '审核', '通知与核查', '订单与用户', '开发工具']);
  });
});
