'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/app/_server/action';
import { getDb } from '@/db/client';
import { decideExtension } from '@/db/extensions/decide';

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
  // The request leaves the pending list, so the outcome is shown by the page rather than by its form.
  redirect('/admin/extensions?decided=granted');
});

export const refuseExtensionAction = defineAction({ roles: ['admin'], schema: refuseSchema }, async (input, user) => {
  await decideExtension(await getDb(), { actor: user, requestId: input.requestId, decision: 'refuse', reason: input.reason });
  revalidatePath('/admin/extensions');
  redirect('/admin/extensions?decided=refused');
});
