'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/app/_server/action';
import { getDb } from '@/db/client';
import { retryParkedMessage } from '@/db/queries/mailbox';

const retrySchema = z.object({ id: z.coerce.number().int().positive() });

/** 重试: a parked message goes back to the queue (admin only, audited in retryParkedMessage). */
export const retryMessage = defineAction({ roles: ['admin'], schema: retrySchema }, async (input, user) => {
  await retryParkedMessage(await getDb(), input.id, user.id);
  revalidatePath('/admin/mailbox', 'layout');
  return { ok: true, message: '已重新加入发送队列。' };
});
