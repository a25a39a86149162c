'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { defineAction, type ActionState } from '@/app/_server/action';
import { getDb } from '@/db/client';
import { decideRecheck } from '@/db/rechecks/decide';
import { recheckDecisionSchema } from '@/lib/review/schemas';

const decide = defineAction({ roles: ['reviewer', 'admin'], schema: recheckDecisionSchema }, async (input, user) => {
  await decideRecheck(await getDb(), { recheckId: input.recheckId, actor: user, decision: input.decision, reason: input.reason });
  revalidatePath('/rechecks');
  // The decided request leaves the queue, so the confirmation travels with the redirect.
  redirect(`/rechecks?done=${input.decision}`);
});

export async function decideRecheckAction(prev: ActionState, input: FormData | unknown): Promise<ActionState> {
  return decide(prev, input);
}
