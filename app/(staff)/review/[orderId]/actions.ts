'use server';
import { revalidatePath } from 'next/cache';
import { defineAction, type ActionState } from '@/app/_server/action';
import { getDb } from '@/db/client';
import { approveOrder, rejectOrder } from '@/db/review/decide';
import { approveSchema, phoneAttemptSchema, rejectSchema } from '@/lib/review/schemas';
import { recordPhoneAttempt } from '@/db/review/phone';

// Thin actions: the wrapper authenticates and checks the role, zod validates, one db function decides
// (and checks the role again, and the state: a second reviewer gets a message naming who decided).

const approve = defineAction({ roles: ['reviewer', 'admin'], schema: approveSchema }, async (input, user) => {
  await approveOrder(await getDb(), { orderId: input.orderId, actor: user, checklist: input.checklist, unticked: input.unticked });
  revalidatePath('/review');
  revalidatePath(`/review/${input.orderId}`);
  return { ok: true, message: '初审已通过，订单已提交管局，短信核验码已发送至负责人手机。' };
});

const reject = defineAction({ roles: ['reviewer', 'admin'], schema: rejectSchema }, async (input, user) => {
  await rejectOrder(await getDb(), { orderId: input.orderId, actor: user, reasons: input.reasons, note: input.note });
  revalidatePath('/review');
  revalidatePath(`/review/${input.orderId}`);
  return { ok: true, message: '已驳回，驳回原因已通过邮件通知备案用户。' };
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
