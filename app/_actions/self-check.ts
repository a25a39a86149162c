'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/app/_server/action';
import { getDb } from '@/db/client';
import { runSelfCheck, type SelfCheck } from '@/db/checks/self-check';

const schema = z.object({ websiteId: z.uuid('网站编号无效'), path: z.string().startsWith('/').max(200).optional() });

/** 立即自查 of one of the filer's own websites (ownership is checked in runSelfCheck). */
export const runSelfCheckAction = defineAction<typeof schema, SelfCheck>({ roles: ['filer'], schema }, async (input, user) => {
  const result = await runSelfCheck(await getDb(), { websiteId: input.websiteId, actor: user });
  if (input.path) revalidatePath(input.path);
  return { ok: true, data: result, message: result.findings.length ? `自查发现 ${result.findings.length} 个问题` : '自查通过，未发现问题' };
});
