'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/app/_server/action';
import { getDb } from '@/db/client';
import { createCheckRun, requestCancel, runInBackground } from '@/db/checks/run';
import { FINDING_CODES, SUBJECT_NATURES } from '@/lib/domain/codes';
import { PROVINCE_CODES } from '@/lib/rules/provinces';

const startSchema = z.object({
  province: z.union([z.literal(''), z.enum(PROVINCE_CODES as [string, ...string[]], { error: '请选择有效的省份' })]).optional(),
  nature: z.union([z.literal(''), z.enum(SUBJECT_NATURES, { error: '请选择有效的主办单位性质' })]).optional(),
  code: z.union([z.literal(''), z.enum(FINDING_CODES, { error: '请选择有效的核查项' })]).optional(),
  website: z.enum(['on']).optional(),
});

export const startCheckRun = defineAction({ roles: ['admin'], schema: startSchema }, async (input, user) => {
  const db = await getDb();
  const run = await createCheckRun(db, {
    actor: user,
    filter: {
      ...(input.province ? { province: input.province } : {}),
      ...(input.nature ? { nature: input.nature } : {}),
      ...(input.code ? { codes: [input.code] } : {}),
      website: input.website === 'on',
    },
  });
  runInBackground(db, run.id);
  redirect(`/admin/checks/${run.id}`);
});

export const cancelCheckRun = defineAction({ roles: ['admin'], schema: z.object({ runId: z.uuid('核查任务无效') }) }, async (input) => {
  await requestCancel(await getDb(), input.runId);
  return { ok: true, message: '已请求取消，当前批次完成后停止。' };
});
