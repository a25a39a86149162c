'use server';
import { revalidatePath } from 'next/cache';
import { defineAction, type ActionState } from '@/app/_server/action';
import { getDb } from '@/db/client';
import { decideRecheck } from '@/db/rechecks/decide';
import { recheckDecisionSchema } from '@/lib/review/schemas';

const decide = defineAction({ roles: ['reviewer', 'admin'], schema: recheckDecisionSchema }, async (input, user) => {
  await decideRecheck(await getDb(), { recheckId: input.recheckId, actor: user, decision: input.decision, reason: input.reason });
  revalidatePath('/rechecks');
  return { ok: true, message: input.decision === 'accept' ? '复核通过，整改事项已完成，已邮件通知备案用户。' : '已退回，原因已邮件通知备案用户。' };
});

export async function decideRecheckAction(prev: ActionState, input: FormData | unknown): Promise<ActionState> {
  return decide(prev, input);
}
