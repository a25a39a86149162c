'use server';
import { z } from 'zod';
import { defineAction } from '@/app/_server/action';
import { getDb } from '@/db/client';
import { saveMaterial, type SavedMaterial } from '@/db/materials/store';
import { MATERIAL_KINDS } from '@/lib/orders/materials';
import { MAX_UPLOAD_BYTES, UPLOAD_MESSAGES } from '@/lib/validation/upload';

const uploadSchema = z.object({
  kind: z.enum(MATERIAL_KINDS, { message: '材料类型无效' }),
  file: z
    .instanceof(File, { message: '请选择要上传的图片' })
    .refine((f) => f.size > 0, '请选择要上传的图片')
    .refine((f) => f.size <= MAX_UPLOAD_BYTES, UPLOAD_MESSAGES.size),
});

/**
 * Stores one image for the signed-in filer; the bytes are checked before anything is written. Bodies over
 * next.config.ts's serverActions.bodySizeLimit (5 MB) are cut off by Next before this runs.
 */
export const uploadMaterial = defineAction<typeof uploadSchema, SavedMaterial>({ roles: ['filer'], schema: uploadSchema }, async (input, user) => {
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const saved = await saveMaterial(await getDb(), { ownerId: user.id, bytes, fileName: input.file.name, kind: input.kind });
  return { ok: true, data: saved, message: '上传成功' };
});
