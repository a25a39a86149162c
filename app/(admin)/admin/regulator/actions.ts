'use server';
import { revalidatePath } from 'next/cache';
import { defineAction, type ActionState } from '@/app/_server/action';
import { getDb } from '@/db/client';
import { regulatorDecide } from '@/db/orders/gateway';
import { regulatorDecisionSchema } from '@/lib/review/schemas';

// Stands in for the 管局 where no real gateway is configured; admins only (transitionOrder checks it again).
const decide = defineAction({ roles: ['admin'], schema: regulatorDecisionSchema }, async (input, user) => {
  await regulatorDecide(await getDb(), { orderId: input.orderId, actor: user, approve: input.decision === 'approve', reason: input.reason ?? null });
  revalidatePath('/admin/regulator');
  return { ok: true, message: input.decision === 'approve' ? '管局审核通过，变更已生效。' : '已驳回，原因已通知备案用户。' };
});

export async function regulatorDecideAction(prev: ActionState, input: FormData | unknown): Promise<ActionState> {
  return decide(prev, input);
}
