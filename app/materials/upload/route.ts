import { z } from 'zod';
import { currentUser } from '@/app/_server/session';
import { crossSite, readLimitedForm, reply } from '@/app/_server/upload-request';
import { fieldErrorsOf } from '@/app/_server/action';
import { getDb } from '@/db/client';
import { attachUploadToDraft, saveMaterial } from '@/db/materials/store';
import { MATERIAL_UPLOAD_BODY_LIMIT_BYTES } from '@/lib/http/body-limits';
import { PublicError } from '@/lib/errors';
import { requestLog } from '@/app/_server/request-log';
import { MAX_UPLOAD_BYTES, UPLOAD_MESSAGES, uploadProblemKey } from '@/lib/validation/upload';
import { MATERIAL_KINDS } from '@/lib/orders/materials';

const uploadSchema = z.object({
  kind: z.enum(MATERIAL_KINDS, { message: '材料类型无效' }),
  file: z
    .instanceof(File, { message: '请选择要上传的图片' })
    .refine((f) => f.size > 0, '请选择要上传的图片')
    .refine((f) => f.size <= MAX_UPLOAD_BYTES, UPLOAD_MESSAGES.size),
});

/** Sent by the plain form (JavaScript off) from a wizard step: the upload goes onto that draft. */
const draftSchema = z.object({ orderId: z.uuid(), step: z.coerce.number().int().min(1).max(20) });

/**
 * POST /materials/upload: one image for the signed-in filer (components/material-upload.tsx). A route
 * handler rather than a server action so that its body limit (one image) is its own and every server
 * action keeps a small one (next.config.ts). The bytes are checked and re-encoded before anything is
 * stored (db/materials/store.ts); the answer is JSON with a Chinese message.
 */
export async function POST(req: Request): Promise<Response> {
  // A browser posting the form itself (no JavaScript) asks for a page, not JSON: it is sent back to the step.
  const plainForm = req.headers.get('sec-fetch-mode') === 'navigate' || (req.headers.get('accept') ?? '').includes('text/html');
  if (plainForm) return plainFormUpload(req);
  return jsonUpload(req);
}

async function jsonUpload(req: Request): Promise<Response> {
  if (crossSite(req)) return reply(403, { ok: false, message: '请求来源无效，请在门户页面中上传。' });
  const user = await currentUser();
  if (!user) return reply(401, { ok: false, message: '登录已失效，请重新登录。' });
  if (user.role !== 'filer') return reply(403, { ok: false, message: '您没有执行此操作的权限。' });
  const form = await readLimitedForm(req, MATERIAL_UPLOAD_BODY_LIMIT_BYTES);
  if (form instanceof Response) return form;
  const parsed = uploadSchema.safeParse({ kind: form.get('kind'), file: form.get('file') });
  if (!parsed.success) return reply(400, { ok: false, message: '提交的内容有误，请按提示修改。', fieldErrors: fieldErrorsOf(parsed.error) });
  try {
    const bytes = new Uint8Array(await parsed.data.file.arrayBuffer());
    const saved = await saveMaterial(await getDb(), { ownerId: user.id, bytes, fileName: parsed.data.file.name, kind: parsed.data.kind });
    return reply(200, { ok: true, data: saved, message: '上传成功' });
  } catch (err) {
    if (err instanceof PublicError) return reply(400, { ok: false, message: err.message, fieldErrors: err.fieldErrors });
    (await requestLog('upload', req)).error({ err }, '材料上传失败 / material upload failed');
    return reply(500, { ok: false, message: '系统繁忙，上传未完成，请稍后重试。' });
  }
}

/**
 * The upload form posted by the browser itself: the image is checked and stored exactly as above, attached to
 * the draft named in the form, and the filer is sent back (303) to the wizard step, with the refusal named by
 * a key when there is one (the step shows its Chinese message next to the field).
 */
async function plainFormUpload(req: Request): Promise<Response> {
  if (crossSite(req)) return reply(403, { ok: false, message: '请求来源无效，请在门户页面中上传。' });
  const user = await currentUser();
  if (!user || user.role !== 'filer') return seeOther('/login');
  const form = await readLimitedForm(req, MATERIAL_UPLOAD_BODY_LIMIT_BYTES);
  if (form instanceof Response) return form;
  const draft = draftSchema.safeParse({ orderId: form.get('orderId'), step: form.get('step') });
  if (!draft.success) return reply(400, { ok: false, message: '请在订单填写页面中上传材料。' });
  const back = new URLSearchParams({ step: String(draft.data.step) });
  const backTo = () => seeOther(`/orders/${draft.data.orderId}/edit?${back}`);
  const parsed = uploadSchema.safeParse({ kind: form.get('kind'), file: form.get('file') });
  const refuse = (key: string) => {
    back.set('uploadError', key);
    back.set('uploadKind', String(form.get('kind') ?? ''));
    return backTo();
  };
  if (!parsed.success) return refuse(parsed.error.issues.some((i) => i.message === UPLOAD_MESSAGES.size) ? 'size' : 'missing');
  try {
    const bytes = new Uint8Array(await parsed.data.file.arrayBuffer());
    // Stored and attached together: an upload the draft cannot take (submitted meanwhile) leaves nothing behind.
    await (await getDb()).transaction(async (tx) => {
      const saved = await saveMaterial(tx, { ownerId: user.id, bytes, fileName: parsed.data.file.name, kind: parsed.data.kind });
      await attachUploadToDraft(tx, { ownerId: user.id, orderId: draft.data.orderId, materialId: saved.id, kind: parsed.data.kind });
    });
    return backTo();
  } catch (err) {
    if (err instanceof PublicError) return refuse(uploadProblemKey(err.message));
    (await requestLog('upload', req)).error({ err }, '材料上传失败 / material upload failed');
    return refuse('other');
  }
}

/** A relative 303: the browser stays on the host it used, whatever the proxy told this process. */
function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
}
