'use server';
import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { defineAction, type ActionState } from '@/app/_server/action';
import { saveWizardStepFromForm, type WizardEcho } from '@/db/orders/wizard-form';
import { getDb } from '@/db/client';
import { createDraft, getOrderForOwner, ownedMaterials, saveDraft, submitOrder, wizardContextFor } from '@/db/orders/drafts';
import { transitionOrder } from '@/db/orders/transition';
import { resubmitToRegulator, submitSmsCode } from '@/db/orders/gateway';
import { ORDER_STATES, ORDER_TYPES } from '@/lib/domain/codes';
import { validateSteps } from '@/lib/orders/schemas';
import { toPayload } from '@/lib/orders/invariants';
import { SMS_MAX_FAILURES } from '@/lib/orders/state-machine';
import { PublicError } from '@/lib/errors';

const orderRef = { orderId: z.string().min(1), expectedState: z.enum(ORDER_STATES) };
const optionalId = z.union([z.literal(''), z.uuid('编号无效')]).optional().transform((v) => v || null);

/**
 * 确认发起 on the confirmation page (/orders/new): the one way an order is created. A POST, so a link, a
 * prefetch or another site's page cannot start one; ownership and eligibility are checked in createDraft.
 */
export const startOrderAction = defineAction(
  {
    roles: ['filer'],
    schema: z.object({ type: z.enum(ORDER_TYPES, { error: '业务类型无效' }), subject: z.uuid('备案主体编号无效'), website: optionalId, finding: optionalId, domain: optionalId }),
  },
  async (input, user) => {
    const r = await createDraft(await getDb(), { ownerId: user.id, type: input.type, subjectId: input.subject, websiteId: input.website, findingId: input.finding, domainId: input.domain });
    redirect(r.existing ? `/orders/${r.orderId}?notice=existing` : `/orders/${r.orderId}/edit`);
  },
);

/** Saves one wizard step: re-validates every step up to the one completed with the client's schemas. */
export const saveDraftAction = defineAction(
  {
    roles: ['filer'],
    schema: z.object({ orderId: z.string().min(1), step: z.number().int().min(0).max(20), completed: z.number().int().min(0).max(20), values: z.record(z.string(), z.unknown()), materialIds: z.array(z.string()).max(20), version: z.number().int().min(0) }),
  },
  async (input, user) => {
    const db = await getDb();
    const order = await getOrderForOwner(db, input.orderId, user.id);
    const { ctx } = await wizardContextFor(db, order);
    const materials = await ownedMaterials(db, user.id, order.id, input.materialIds);
    const checked = validateSteps(ctx, { ...input.values, materials }, input.completed);
    if (!checked.ok) return { ok: false, message: '填写的内容有误，请按提示修改。', fieldErrors: checked.fieldErrors };
    const saved = await saveDraft(db, { ownerId: user.id, orderId: order.id, payload: toPayload(order.type, checked.values), wizardStep: input.step, materialIds: materials.map((m) => m.id), version: input.version, completedStep: input.completed });
    return { ok: true, data: saved };
  },
);

/**
 * The wizard as a plain form (JavaScript off): one step posted with its fields under their dotted names
 * and the pressed button as `intent`. Moves on by redirecting to the next step (or to the order page after
 * the review step's submit); otherwise answers with the step and what was typed, which the wizard shows.
 */
export const wizardFormAction = defineAction(
  {
    roles: ['filer'],
    schema: z.looseObject({ orderId: z.string().min(1), version: z.coerce.number().int().min(0), step: z.coerce.number().int().min(0).max(20), intent: z.string().max(80).optional() }),
  },
  async (input, user): Promise<ActionState<WizardEcho>> => {
    const r = await saveWizardStepFromForm(await getDb(), { ownerId: user.id, orderId: input.orderId, step: input.step, version: input.version, intent: input.intent, posted: input });
    if (r.kind === 'redirect') redirect(r.to);
    if (r.message) return { ok: false, message: r.message, fieldErrors: r.fieldErrors, data: r.echo };
    return { ok: true, data: r.echo };
  },
);

/** 提交 / 修改后重新提交 (the whole payload is validated first, in submitOrder). */
/** `version` is the wizard's (its hidden field): absent only from the order page's plain 提交 button. */
export const submitOrderAction = defineAction({ roles: ['filer'], schema: z.object({ ...orderRef, version: z.coerce.number().int().min(0).optional() }) }, async (input, user) => {
  const order = await submitOrder(await getDb(), { ownerId: user.id, orderId: input.orderId, expectedState: input.expectedState, version: input.version });
  revalidatePath(`/orders/${order.id}`);
  return { ok: true, message: '订单已提交。' };
});

/** 撤销 / 放弃 from the order page; the state the page showed travels as expectedState. */
export const orderEventAction = defineAction(
  { roles: ['filer'], schema: z.object({ ...orderRef, event: z.enum(['withdraw', 'abandon']) }) },
  async (input, user) => {
    const db = await getDb();
    const order = await getOrderForOwner(db, input.orderId, user.id);
    await transitionOrder(db, { orderId: order.id, event: input.event, actor: { id: user.id, role: 'filer' }, expectedState: input.expectedState });
    revalidatePath(`/orders/${order.id}`);
    return { ok: true, message: input.event === 'withdraw' ? '订单已撤销。' : '订单已放弃。' };
  },
);

export const smsCodeAction = defineAction(
  { roles: ['filer'], schema: z.object({ orderId: z.string().min(1), code: z.string().trim().regex(/^\d{6}$/, { error: '请输入短信中的6位数字验证码' }) }) },
  async (input, user) => {
    const db = await getDb();
    const order = await getOrderForOwner(db, input.orderId, user.id);
    const r = await submitSmsCode(db, { orderId: order.id, code: input.code, actor: { id: user.id, role: 'filer' } });
    revalidatePath(`/orders/${order.id}`);
    if (r.result === 'verified') return { ok: true, message: '短信核验成功，订单已进入管局审核。' };
    if (r.result === 'wrong') return { ok: false, message: `验证码错误，${r.attemptsLeft > 0 ? `还可以再输入 ${r.attemptsLeft} 次` : '已累计输错 5 次'}；累计输错 5 次后，第 ${SMS_MAX_FAILURES} 次验证时订单将被退回。`, fieldErrors: { code: ['验证码错误'] } };
    throw new PublicError(r.why === 'expired' ? '已超过24小时核验时限，订单已退回，请重新提交管局。' : '验证码错误次数过多，订单已退回，请重新提交管局。');
  },
);

export const resubmitToRegulatorAction = defineAction({ roles: ['filer'], schema: z.object(orderRef) }, async (input, user) => {
  const db = await getDb();
  const order = await getOrderForOwner(db, input.orderId, user.id);
  if (order.state !== input.expectedState) throw new PublicError('订单状态已变化，请刷新页面查看最新状态。');
  await resubmitToRegulator(db, { orderId: order.id, actor: { id: user.id, role: 'filer' } });
  revalidatePath(`/orders/${order.id}`);
  return { ok: true, message: '已重新提交管局，请留意负责人手机收到的短信验证码。' };
});
