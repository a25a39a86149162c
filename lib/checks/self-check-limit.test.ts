import { describe, expect, it } from 'vitest';
import { SELF_CHECK_WINDOW_MINUTES, selfCheckLimitMessage } from './self-check-limit';

describe('the self-check limit message', () => {
  const now = new Date('2026-12-02T08:00:00Z');
  it('says how many minutes until the oldest request leaves the window, between 1 and the window', () => {
    expect(selfCheckLimitMessage(new Date(now.getTime() - 60_000), now)).toBe('自查过于频繁：每 10 分钟最多自查 10 次，请 9 分钟后再试。');
    expect(selfCheckLimitMessage(new Date(now.getTime() - SELF_CHECK_WINDOW_MINUTES * 60_000 + 1000), now)).toMatch(/请 1 分钟后再试/);
    expect(selfCheckLimitMessage(new Date(now.getTime() + 3600_000), now)).toMatch(/请 10 分钟后再试/);
  });
});
