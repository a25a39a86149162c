'use server';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/app/_server/action';
import { discardImport } from '@/db/imports/discard';
import { getDb } from '@/db/client';
import { issueNotice } from '@/db/notices/issue';
import { startImport } from '@/db/imports/runner';
import { startLeasedRun } from '@/db/jobs/runs';
import { issueNoticeSchema } from '@/lib/notices/schema';

export const issueNoticeAction = defineAction({ roles: ['admin'], schema: issueNoticeSchema }, async (input, user) => {
  const { noticeId } = await issueNotice(await getDb(), { actor: user, subjectId: input.subjectId, deadline: input.deadline, findings: input.findings });
  revalidatePath('/admin/notices');
  redirect(`/admin/notices?issued=${noticeId}`);
});

export const discardImportAction = defineAction({ roles: ['admin'], schema: z.object({ batchId: z.string().uuid() }) }, async (input, user) => {
  await discardImport(await getDb(), { actor: user, batchId: input.batchId });
  redirect('/admin/notices/import?discarded=1');
});

export const startImportAction = defineAction({ roles: ['admin'], schema: z.object({ batchId: z.string().uuid() }) }, async (input, user) => {
  const db = await getDb();
  await startImport(db, { actor: user, batchId: input.batchId });
  // Started here at once, under its lease; if this process stops, another one resumes it (db/jobs/runs.ts).
  startLeasedRun(db, { kind: 'import', id: input.batchId });
  redirect(`/admin/notices/import/${input.batchId}`);
});
