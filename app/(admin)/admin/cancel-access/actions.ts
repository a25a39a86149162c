'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/app/_server/action';
import { getDb } from '@/db/client';
import { cancelAccess, CANCEL_ACCESS_REASON_MIN } from '@/db/cancel-access';

const schema = z.object({
  s: z.preprocess((v) => (Array.isArray(v) ? v : v ? [v] : []), z.array(z.string().uuid()).min(1, '请选择要取消接入的主体').max(200)),
  reason: z
    .string({ error: '请填写取消接入的原因' })
    .trim()
    .min(CANCEL_ACCESS_REASON_MIN, `请填写取消接入的原因（至少 ${CANCEL_ACCESS_REASON_MIN} 个字），它将写入订单记录并通知备案用户。`)
    .max(500, '原因不能超过500字。'),
  confirm: z.literal('yes', { error: '请勾选确认：取消接入立即生效且不可撤销' }),
});

export const cancelAccessAction = defineAction({ roles: ['admin'], schema }, async (input, user) => {
  const results = await cancelAccess(await getDb(), { actor: user, subjectIds: input.s, reason: input.reason });
  revalidatePath('/admin/cancel-access');
  const done = results.filter((r) => r.ok);
  const failed = results.filter((r) => !r.ok);
  if (failed.length === 0) {
    // The confirmation page no longer lists what was just cancelled: report on the list page, with one set of counts.
    const sites = done.filter((r) => r.scope === 'website').reduce((n, r) => n + (r.websites ?? 0), 0);
    redirect(`/admin/cancel-access?done=${done.length}&sites=${sites}`);
  }
  return { ok: false, message: `已对 ${done.length} 个主体取消接入；${failed.length} 个未处理：${failed.map((f) => f.message).join('；')}` };
});
