// Sign-in rate limits. Failures count over a sliding window; a success clears the account's count.
export const WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;
export const MAX_LINKS_PER_ACCOUNT = 5;

export type Verdict = { allowed: true } | { allowed: false; message: string };

export function judgeSignIn(counts: { accountFailures: number; ipFailures: number }): Verdict {
  if (counts.accountFailures >= MAX_FAILURES_PER_ACCOUNT) {
    return { allowed: false, message: `该账号连续登录失败次数过多，已临时锁定，请 ${WINDOW_MINUTES} 分钟后再试，或使用邮箱链接登录。` };
  }
  if (counts.ipFailures >= MAX_FAILURES_PER_IP) {
    return { allowed: false, message: `当前网络登录失败次数过多，请 ${WINDOW_MINUTES} 分钟后再试。` };
  }
  return { allowed: true };
}

export function judgeMagicLink(linksSent: number): Verdict {
  return linksSent >= MAX_LINKS_PER_ACCOUNT
    ? { allowed: false, message: `登录链接发送过于频繁，请 ${WINDOW_MINUTES} 分钟后再试。` }
    : { allowed: true };
}

/** Password rules for any password the portal sets: long enough, letters and digits, not the e-mail. */
export function passwordProblems(password: string, email: string): string[] {
  const out: string[] = [];
  if (password.length < 10) out.push('密码至少 10 位');
  if (password.length > 128) out.push('密码不能超过 128 位');
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) out.push('密码须同时包含字母和数字');
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 3 && password.toLowerCase().includes(local)) out.push('密码不能包含邮箱用户名');
  return out;
}
