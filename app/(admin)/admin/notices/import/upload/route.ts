import { Readable } from 'node:stream';
import { z } from 'zod';
import { currentUser } from '@/app/_server/session';
import { crossSite, readLimitedForm, reply } from '@/app/_server/upload-request';
import { fieldErrorsOf } from '@/app/_server/action';
import { getDb } from '@/db/client';
import { createImportBatch } from '@/db/imports/preview';
import { MAX_IMPORT_BYTES } from '@/db/imports/files';
import { IMPORT_UPLOAD_BODY_LIMIT_BYTES } from '@/lib/http/body-limits';
import { importUploadSchema } from '@/lib/notices/schema';
import { PublicError } from '@/lib/errors';
import { requestLog } from '@/app/_server/request-log';

const uploadSchema = importUploadSchema.extend({
  file: z.instanceof(File, { message: '请选择要导入的 CSV 文件' }),
});

/**
 * POST /admin/notices/import/upload: the check results file of a batch import (upload-form.tsx), up to
 * MAX_IMPORT_BYTES. A route handler with its own body limit, so that server actions keep a small one.
 * Answers JSON: the new batch's id, or a Chinese message per field.
 */
export async function POST(req: Request): Promise<Response> {
  if (crossSite(req)) return reply(403, { ok: false, message: '请求来源无效，请在门户页面中上传。' });
  const user = await currentUser();
  if (!user) return reply(401, { ok: false, message: '登录已失效，请重新登录。' });
  if (user.role !== 'admin') return reply(403, { ok: false, message: '您没有执行此操作的权限。' });
  const form = await readLimitedForm(req, IMPORT_UPLOAD_BODY_LIMIT_BYTES);
  if (form instanceof Response) return form;
  const parsed = uploadSchema.safeParse({ deadline: form.get('deadline'), file: form.get('file') });
  if (!parsed.success) return reply(400, { ok: false, message: '提交的内容有误，请按提示修改。', fieldErrors: fieldErrorsOf(parsed.error) });
  const file = parsed.data.file;
  const mb = MAX_IMPORT_BYTES / 1024 / 1024;
  if (file.size === 0) return reply(400, { ok: false, message: '请选择要导入的 CSV 文件。', fieldErrors: { file: ['请选择要导入的 CSV 文件'] } });
  if (file.size > MAX_IMPORT_BYTES) return reply(413, { ok: false, message: `文件不能超过 ${mb} MB，请拆分后分批导入。`, fieldErrors: { file: [`文件不能超过 ${mb} MB`] } });
  if (!/\.csv$/i.test(file.name)) return reply(400, { ok: false, message: '目前支持 CSV 文件，请在表格软件中“另存为 CSV”后上传。', fieldErrors: { file: ['请上传 .csv 文件'] } });
  try {
    const { batchId } = await createImportBatch(await getDb(), {
      actor: user,
      fileName: file.name,
      source: Readable.fromWeb(file.stream() as Parameters<typeof Readable.fromWeb>[0]),
      deadline: parsed.data.deadline,
    });
    return reply(200, { ok: true, data: { batchId } });
  } catch (err) {
    if (err instanceof PublicError) return reply(400, { ok: false, message: err.message, fieldErrors: err.fieldErrors });
    (await requestLog('import-upload', req)).error({ err }, 'CSV 上传失败 / import upload failed');
    return reply(500, { ok: false, message: '系统繁忙，上传未完成，请稍后重试。' });
  }
}
