// 立即自查 makes the portal fetch a filer's websites now: a few per user in a short window is plenty for
// checking a fix, and the limit keeps one account from using the portal to hammer a host.

export const SELF_CHECKS_PER_WINDOW = 10;
export const SELF_CHECK_WINDOW_MINUTES = 10;

/** The Chinese refusal, with the wait until the oldest request in the window leaves it. */
export function selfCheckLimitMessage(oldest: Date, now: Date = new Date()): string {
  const waitMs = oldest.getTime() + SELF_CHECK_WINDOW_MINUTES * 60_000 - now.getTime();
  const minutes = Math.min(SELF_CHECK_WINDOW_MINUTES, Math.max(1, Math.ceil(waitMs / 60_000)));
  return `自查过于频繁：每 ${SELF_CHECK_WINDOW_MINUTES} 分钟最多自查 ${SELF_CHECKS_PER_WINDOW} 次，请 ${minutes} 分钟后再试。`;
}
