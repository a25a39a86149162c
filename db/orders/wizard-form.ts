import 'server-only';
import type { Db } from '../client';
import { getOrderForOwner, isEditable, materialsOf, saveDraft, submitOrder, wizardContextFor } from './drafts';
import { PublicError } from '@/lib/errors';
import { validateSteps } from '@/lib/orders/schemas';
import { toPayload } from '@/lib/orders/invariants';
import { WIZARD_STEPS, firstStepOf } from '@/lib/orders/steps';
import { applyListIntent, listPathsOf, mergePostedStep, parseIntent } from '@/lib/orders/form-values';

type Values = Record<string, unknown>;

/** What the wizard shows again when a plain-form post does not move on: the step, what was typed, why. */
export type WizardEcho = { step: number; values: Values; version: number };

export type WizardFormOutcome =
  | { kind: 'redirect'; to: string }
  | { kind: 'stay'; echo: WizardEcho; message?: string; fieldErrors?: Record<string, string[]> };

const INVALID_MESSAGE = '填写的内容有误，请按提示修改。';

/**
 * One wizard step posted as a plain form (JavaScript off): the same checks and the same save as the
 * wizard's own 下一步 (saveDraftAction), then the same submit on the review step. 下一步 moves on by a
 * redirect to the next step's address; anything that does not move on comes back with what was typed, so
 * nothing is lost: an error, 添加/删除 of a list item, or 上一步 from a step that does not validate yet.
 */
export async function saveWizardStepFromForm(
  db: Db,
  input: { ownerId: string; orderId: string; step: number; version: number; intent: unknown; posted: Record<string, unknown> },
): Promise<WizardFormOutcome> {
  const order = await getOrderForOwner(db, input.orderId, input.ownerId);
  if (!isEditable(order.state)) return { kind: 'redirect', to: `/orders/${order.id}` };
  const steps = WIZARD_STEPS[order.type];
  const step = Math.min(Math.max(0, input.step), steps.length - 1);
  const key = steps[step]!;
  const materials = await materialsOf(db, order.id);
  const merged = mergePostedStep(order.type, key, (order.payload ?? {}) as Values, input.posted);
  const intent = parseIntent(input.intent, listPathsOf(order.type, key));
  let version = input.version;
  const stay = (at: number, values: Values, why?: { message: string; fieldErrors?: Record<string, string[]> }): WizardFormOutcome => ({
    kind: 'stay',
    echo: { step: at, values: { ...values, materials }, version },
    ...why,
  });
  if (intent.kind === 'add' || intent.kind === 'remove') return stay(step, applyListIntent(merged, intent));

  const { ctx } = await wizardContextFor(db, order);
  const checked = validateSteps(ctx, { ...merged, materials }, step);
  if (!checked.ok) {
    // 上一步 does not insist on a finished step: it goes back, keeping what was typed on the way.
    if (intent.kind === 'back') return stay(Math.max(0, step - 1), merged);
    const at = firstStepOf(order.type, Object.keys(checked.fieldErrors)) ?? step;
    return stay(Math.min(at, step), merged, { message: INVALID_MESSAGE, fieldErrors: checked.fieldErrors });
  }
  const isReview = key === 'review';
  const target = intent.kind === 'back' ? Math.max(0, step - 1) : isReview ? step : step + 1;
  try {
    const saved = await saveDraft(db, {
      ownerId: input.ownerId,
      orderId: order.id,
      payload: toPayload(order.type, checked.values),
      // Going back keeps the furthest step reached: the filer may come forward again without redoing it.
      wizardStep: intent.kind === 'back' ? Math.max(order.wizardStep, target) : target,
      materialIds: materials.map((m) => m.id),
      version: input.version,
      completedStep: step,
    });
    version = saved.version;
    if (!isReview || intent.kind === 'back') return { kind: 'redirect', to: `/orders/${order.id}/edit?step=${target + 1}` };
    try {
      await submitOrder(db, { ownerId: input.ownerId, orderId: order.id, expectedState: order.state, version: saved.version });
    } catch (err) {
      // Every step was just checked: what stops the submit now (a contact still to verify) is done on this step.
      if (err instanceof PublicError) return stay(step, merged, { message: err.message });
      throw err;
    }
    return { kind: 'redirect', to: `/orders/${order.id}?notice=submitted` };
  } catch (err) {
    if (!(err instanceof PublicError)) throw err;
    const at = firstStepOf(order.type, Object.keys(err.fieldErrors ?? {})) ?? step;
    return stay(Math.min(at, step), merged, { message: err.message, fieldErrors: err.fieldErrors });
  }
}
