'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/app/_server/action';
import { getDb } from '@/db/client';
import { decideExtension } from '@/db/extensions';

const grantSchema = z.object({
  requestId: z.string().uuid(),
  newDeadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '请选择新的整改期限'),
});
const refuseSchema = z.object({
  requestId: z.string().uuid(),
  reason: z.string().trim().min(2, '请填写拒绝理由').max(500, '拒绝理由不能超过 500 字'),
});

export const grantExtensionAction = defineAction({ roles: ['admin'], schema: grantSchema }, async (input, user) => {
  await decideExtension(await getDb(), { actor: user, requestId: input.requestId, decision: 'grant', newDeadline: input.newDeadline });
  revalidatePath('/admin/extensions');
  return { ok: true, message: `已批准延期，新的整改期限为 ${input.newDeadline}，已通知申请人。` };
});

export const refuseExtensionAction = defineAction({ roles: ['admin'], schema: refuseSchema }, async (input, user) => {
  await decideExtension(await getDb(), { actor: user, requestId: input.requestId, decision: 'refuse', reason: input.reason });
  revalidatePath('/admin/extensions');
  return { ok: true, message: '已拒绝延期申请，已通知申请人。' };
});
