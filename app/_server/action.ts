import 'server-only';
import { z } from 'zod';
import { unstable_rethrow } from 'next/navigation';
import '@/lib/validation/zod-chinese';
import { currentUser, type SessionUser } from './session';
import { PublicError } from '@/lib/errors';
import type { Role } from '@/lib/domain/codes';
import { getDbHandle } from '@/db/client';
import { ownerDataChanged } from '@/db/owner-cache';
import { requestLog } from './request-log';

import type { ActionState } from '@/lib/actions/state';
export type { ActionState };

/** Every zod issue, keyed by its dotted path, so each field shows its own Chinese message. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * The one wrapper every server action goes through: session → role → zod → handler → error shaping.
 * Ownership is the handler's job (it knows the object), and it must check it every time.
 */
export function defineAction<S extends z.ZodType, R = undefined>(
  opts: { roles: readonly Role[]; schema: S },
  handler: (input: z.infer<S>, user: SessionUser) => Promise<ActionState<R> | void>,
) {
  return async (_prev: ActionState<R>, raw: FormData | unknown): Promise<ActionState<R>> => {
    const user = await currentUser();
    if (!user) return { ok: false, message: '登录已失效，请重新登录。' };
    if (!opts.roles.includes(user.role)) return { ok: false, message: '您没有执行此操作的权限。' };
    const input = raw instanceof FormData ? formDataToObject(raw) : raw;
    const parsed = opts.schema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, message: '提交的内容有误，请按提示修改。', fieldErrors: fieldErrorsOf(parsed.error) };
    }
    try {
      return (await handler(parsed.data, user)) ?? { ok: true };
    } catch (err) {
      // redirect() and notFound() work by throwing; they must pass through untouched.
      unstable_rethrow(err);
      if (err instanceof PublicError) return { ok: false, message: err.message, fieldErrors: err.fieldErrors };
      (await requestLog('action')).error({ err, role: user.role }, '操作未完成：未预期的错误 / action failed');
      return { ok: false, message: '系统繁忙，操作未完成，请稍后重试。您填写的内容未丢失。' };
    } finally {
      // A filer's own pages (我的备案, 整改页) show what the action just did, whatever it was and even before the
      // database's announcement of it arrives (db/owner-cache.ts); redirects and errors pass through here too.
      if (user.role === 'filer') ownerDataChanged(await getDbHandle(), user.id);
    }
  };
}

function formDataToObject(fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of fd.entries()) {
    if (k.startsWith('$ACTION')) continue;
    if (k in out) out[k] = ([] as unknown[]).concat(out[k], v);
    else out[k] = v;
  }
  return out;
}

