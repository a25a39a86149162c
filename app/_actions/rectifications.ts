'use server';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/app/_server/action';
import { getDb } from '@/db/client';
import { requestRecheck } from '@/db/rechecks/request';
import { requestExtension } from '@/db/extensions/request';
import { extensionRequestSchema, recheckRequestSchema } from '@/lib/rectification/forms';

/** 我已完成，申请复核 — ownership is checked inside requestRecheck (foreign finding → 404 message). */
export const requestRecheckAction = defineAction({ roles: ['filer'], schema: recheckRequestSchema }, async (input, user) => {
  await requestRecheck(await getDb(), { findingId: input.findingId, actor: user, note: input.note, actionCode: input.actionCode, materialId: input.materialId });
  revalidatePath(`/rectifications/${input.findingId}`);
  return { ok: true, message: '复核申请已提交，审核专员核实后会通知您。' };
});

/** 整改延期 — once per finding; ownership is checked inside requestExtension. */
export const requestExtensionAction = defineAction({ roles: ['filer'], schema: extensionRequestSchema }, async (input, user) => {
  await requestExtension(await getDb(), { findingId: input.findingId, actor: user, reason: input.reason });
  revalidatePath(`/rectifications/${input.findingId}`);
  return { ok: true, message: '延期申请已提交，审核结果会在本页显示。' };
});
