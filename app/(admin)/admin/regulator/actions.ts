'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { defineAction, type ActionState } from '@/app/_server/action';
import { getDb } from '@/db/client';
import { regulatorDecide } from '@/db/orders/gateway';
import { regulatorDecisionSchema } from '@/lib/review/schemas';

// Stands in for the 管局 where no real gateway is configured; admins only (transitionOrder checks it again).
const decide = defineAction({ roles: ['admin'], schema: regulatorDecisionSchema }, async (input, user) => {
  const order = await regulatorDecide(await getDb(), { orderId: input.orderId, actor: user, approve: input.decision === 'approve', reason: input.reason ?? null });
  revalidatePath('/admin/regulator');
  // The decided order leaves the list, so the confirmation travels with the redirect.
  redirect(`/admin/regulator?done=${input.decision}&order=${encodeURIComponent(order.number)}`);
});

export async function regulatorDecideAction(prev: ActionState, input: FormData | unknown): Promise<ActionState> {
  return decide(prev, input);
}
