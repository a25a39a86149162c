'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/app/_server/action';
import { getDb } from '@/db/client';
import { cancelAccess } from '@/db/cancel-access';

const schema = z.object({
  s: z.preprocess((v) => (Array.isArray(v) ? v : v ? [v] : []), z.array(z.string().uuid()).min(1, '请选择要取消接入的主体').max(200)),
  confirm: z.literal('yes', { error: '请勾选确认：取消接入立即生效且不可撤销' }),
});

export const cancelAccessAction = defineAction({ roles: ['admin'], schema }, async (input, user) => {
  const results = await cancelAccess(await getDb(), { actor: user, subjectIds: input.s });
  revalidatePath('/admin/cancel-access');
  const ok = results.filter((r) => r.ok).length;
  const failed = results.filter((r) => !r.ok);
  if (failed.length === 0) return { ok: true, message: `已对 ${ok} 个主体取消接入，备案用户将收到邮件通知。` };
  return { ok: false, message: `已对 ${ok} 个主体取消接入；${failed.length} 个未处理：${failed.map((f) => f.message).join('；')}` };
});
