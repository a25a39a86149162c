'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/app/_server/action';
import { getDb } from '@/db/client';
import { createCheckRun, requestCancel } from '@/db/checks/run';
import { startLeasedRun } from '@/db/jobs/runs';
import { issueNoticesFromRun } from '@/db/checks/issue-from-run';
import { revalidatePath } from 'next/cache';
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
  // Started here at once, under its lease; if this process stops, another one resumes it (db/jobs/runs.ts).
  startLeasedRun(db, { kind: 'check', id: run.id });
  redirect(`/admin/checks/${run.id}`);
});

export const cancelCheckRun = defineAction({ roles: ['admin'], schema: z.object({ runId: z.uuid('核查任务无效') }) }, async (input) => {
  await requestCancel(await getDb(), input.runId);
  return { ok: true, message: '已请求取消，当前批次完成后停止。' };
});

const issueSchema = z.object({
  runId: z.uuid('核查任务无效'),
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '请选择整改期限'),
});

/** 下发整改通知 from a finished run's report (idempotent: see issueNoticesFromRun). */
export const issueNoticesFromRunAction = defineAction({ roles: ['admin'], schema: issueSchema }, async (input, user) => {
  const r = await issueNoticesFromRun(await getDb(), { runId: input.runId, actor: user, deadline: input.deadline });
  revalidatePath(`/admin/checks/${input.runId}`);
  return { ok: true, message: `已下发 ${r.notices} 份整改通知，共 ${r.findings} 个不合格项；${r.skipped} 项已有未解决的整改，未重复下发。` };
});
