'use server';
import { AuthError } from 'next-auth';
import { z } from 'zod';
import { headers } from 'next/headers';
import { clientIp, signIn } from '@/app/_server/auth';
import { countLinksSent, recordAttempt } from '@/db/queries/auth-attempts';
import { judgeMagicLink, judgeSignIn, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP } from '@/lib/auth/rate-limit';
import { getDb } from '@/db/client';
import { findUserByEmail } from '@/db/queries/users';
import { safeCallbackPath } from '@/lib/auth/safe-callback';
import { fieldErrorsOf, type ActionState } from '@/app/_server/action';

const passwordForm = z.object({
  email: z.string().trim().min(1, '请输入邮箱').email('请输入正确的邮箱地址'),
  password: z.string().min(1, '请输入密码').max(256, '密码过长'),
  callbackUrl: z.string().optional(),
});

/** The form's fields; anything else a hand-written request sends is left to zod to refuse in Chinese. */
function fieldsOf(input: unknown): unknown {
  return input instanceof FormData ? Object.fromEntries(input) : input;
}

export async function passwordSignIn(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = passwordForm.safeParse(fieldsOf(formData));
  if (!parsed.success) return { ok: false, message: '请检查填写的内容。', fieldErrors: fieldErrorsOf(parsed.error) };
  const redirectTo = safeCallbackPath(parsed.data.callbackUrl, '/');
  try {
    await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirectTo });
  } catch (err) {
    if (err instanceof AuthError) {
      const code = (err as { code?: string }).code;
      if (code === 'locked_account') return { ok: false, message: lockMessage('account') };
      if (code === 'locked_ip') return { ok: false, message: lockMessage('ip') };
      return { ok: false, message: '邮箱或密码错误，或账号已停用。' };
    }
    throw err; // the successful redirect is thrown too
  }
  return null;
}

const linkForm = z.object({
  email: z.string().trim().min(1, '请输入邮箱').email('请输入正确的邮箱地址'),
  callbackUrl: z.string().optional(),
});

export async function magicLinkSignIn(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = linkForm.safeParse(fieldsOf(formData));
  if (!parsed.success) return { ok: false, message: '请检查填写的内容。', fieldErrors: fieldErrorsOf(parsed.error) };
  const sent: ActionState = { ok: true, message: '如果该邮箱已注册，登录链接已发送，15 分钟内有效且仅可使用一次。' };
  const db = await getDb();
  const limit = judgeMagicLink(await countLinksSent(db, parsed.data.email));
  if (!limit.allowed) return { ok: false, message: limit.message };
  await recordAttempt(db, { account: parsed.data.email, ip: clientIp(await headers()), success: true, kind: 'magic_link' });
  const user = await findUserByEmail(db, parsed.data.email);
  // The same answer whether or not the account exists: the form does not reveal who has an account.
  if (!user || user.disabled) return sent;
  try {
    await signIn('email', {
      email: user.email,
      redirect: false,
      redirectTo: safeCallbackPath(parsed.data.callbackUrl, '/'),
    });
  } catch (err) {
    if (err instanceof AuthError) return { ok: false, message: '暂时无法发送登录链接，请稍后重试或使用密码登录。' };
    throw err;
  }
  return sent;
}

function lockMessage(scope: 'account' | 'ip'): string {
  const v = scope === 'account' ? judgeSignIn({ accountFailures: MAX_FAILURES_PER_ACCOUNT, ipFailures: 0 }) : judgeSignIn({ accountFailures: 0, ipFailures: MAX_FAILURES_PER_IP });
  return v.allowed ? '' : v.message;
}
