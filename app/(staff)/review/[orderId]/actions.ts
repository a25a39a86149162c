'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { defineAction, type ActionState } from '@/app/_server/action';
import { getDb } from '@/db/client';
import { approveOrder, rejectOrder } from '@/db/review/decide';
import { recordPhoneAttempt } from '@/db/review/phone';
import { takeOverClaim } from '@/db/review/claims';
import { queueNeighbours } from '@/db/queries/review-queue';
import { approveSchema, claimSchema, phoneAttemptSchema, rejectSchema } from '@/lib/review/schemas';
import { parseQueueFilter, queueQuery, withQuery } from '@/lib/review/queue-filter';
import type { OrderRow } from '@/db/orders/transition';

// Thin actions: the wrapper authenticates and checks the role, zod validates, one db function decides
// (and checks the role again, and the state: a second reviewer gets a message naming who decided).
// A decision leads on to the next waiting order under the queue filter the reviewer came with.

async function nextOrder(order: OrderRow, queue: string | null | undefined): Promise<never> {
  const filter = parseQueueFilter(new URLSearchParams(queue ?? ''));
  const { next } = order.submittedAt
    ? await queueNeighbours(await getDb(), { ...filter, now: new Date() }, { submittedAt: order.submittedAt, id: order.id })
    : { next: null };
  revalidatePath('/review');
  revalidatePath(`/review/${order.id}`);
  redirect(withQuery(next ? `/review/${next}` : '/review', queueQuery(filter, { done: order.number })));
}

const approve = defineAction({ roles: ['reviewer', 'admin'], schema: approveSchema }, async (input, user) => {
  const order = await approveOrder(await getDb(), { orderId: input.orderId, actor: user, checklist: input.checklist, unticked: input.unticked });
  return nextOrder(order, input.queue);
});

const reject = defineAction({ roles: ['reviewer', 'admin'], schema: rejectSchema }, async (input, user) => {
  const order = await rejectOrder(await getDb(), { orderId: input.orderId, actor: user, reasons: input.reasons, note: input.note });
  return nextOrder(order, input.queue);
});

const takeOver = defineAction({ roles: ['reviewer', 'admin'], schema: claimSchema }, async (input, user) => {
  await takeOverClaim(await getDb(), { orderId: input.orderId, actor: user });
  revalidatePath(`/review/${input.orderId}`);
  return { ok: true, message: '已接手，现在由您审核此订单。' };
});

export async function approveAction(prev: ActionState, input: FormData | unknown): Promise<ActionState> {
  return approve(prev, input);
}

export async function rejectAction(prev: ActionState, input: FormData | unknown): Promise<ActionState> {
  return reject(prev, input);
}

const phone = defineAction({ roles: ['reviewer', 'admin'], schema: phoneAttemptSchema }, async (input, user) => {
  await recordPhoneAttempt(await getDb(), { orderId: input.orderId, actor: user, target: input.target, reached: input.reached === 'yes' });
  revalidatePath(`/review/${input.orderId}`);
  return { ok: true, message: input.reached === 'yes' ? '已记录：电话已接通。' : '已记录：电话未接通。' };
});

export async function phoneAttemptAction(prev: ActionState, input: FormData | unknown): Promise<ActionState> {
  return phone(prev, input);
}

export async function takeOverAction(prev: ActionState, input: FormData | unknown): Promise<ActionState> {
  return takeOver(prev, input);
}
