'use server';
import { Readable } from 'node:stream';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/app/_server/action';
import { discardImport } from '@/db/imports/discard';
import { getDb } from '@/db/client';
import { issueNotice } from '@/db/notices/issue';
import { createImportBatch } from '@/db/imports/preview';
import { ensureImportRunning, startImport } from '@/db/imports/runner';
import { MAX_IMPORT_BYTES } from '@/db/imports/files';
import { importUploadSchema, issueNoticeSchema } from '@/lib/notices/schema';
import { PublicError } from '@/lib/errors';

export const issueNoticeAction = defineAction({ roles: ['admin'], schema: issueNoticeSchema }, async (input, user) => {
  const { noticeId } = await issueNotice(await getDb(), { actor: user, subjectId: input.subjectId, deadline: input.deadline, findings: input.findings });
  revalidatePath('/admin/notices');
  redirect(`/admin/notices?issued=${noticeId}`);
});

const uploadSchema = importUploadSchema.extend({
  file: z.instanceof(File, { message: '请选择要导入的 CSV 文件' }),
});

export const uploadImportAction = defineAction({ roles: ['admin'], schema: uploadSchema }, async (input, user) => {
  const file = input.file;
  if (file.size === 0) throw new PublicError('请选择要导入的 CSV 文件。', { file: ['请选择要导入的 CSV 文件'] });
  if (file.size > MAX_IMPORT_BYTES) throw new PublicError(`文件不能超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB，请拆分后分批导入。`, { file: [`文件不能超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB`] });
  if (!/\.csv$/i.test(file.name)) throw new PublicError('目前支持 CSV 文件，请在表格软件中“另存为 CSV”后上传。', { file: ['请上传 .csv 文件'] });
  const { batchId } = await createImportBatch(await getDb(), {
    actor: user,
    fileName: file.name,
    // Streamed from the request to disk, never held whole in memory.
    source: Readable.fromWeb(file.stream() as Parameters<typeof Readable.fromWeb>[0]),
    deadline: input.deadline,
  });
  redirect(`/admin/notices/import/${batchId}`);
});

export const discardImportAction = defineAction({ roles: ['admin'], schema: z.object({ batchId: z.string().uuid() }) }, async (input, user) => {
  await discardImport(await getDb(), { actor: user, batchId: input.batchId });
  redirect('/admin/notices/import?discarded=1');
});

export const startImportAction = defineAction({ roles: ['admin'], schema: z.object({ batchId: z.string().uuid() }) }, async (input, user) => {
  const db = await getDb();
  await startImport(db, { actor: user, batchId: input.batchId });
  ensureImportRunning(db, input.batchId);
  redirect(`/admin/notices/import/${input.batchId}`);
});
