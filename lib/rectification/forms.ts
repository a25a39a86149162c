import { z } from 'zod';
import { UUID_PATTERN } from '@/lib/domain/ids';
import { ACTION_CODES } from '@/lib/remediation';

// Shared by the rectification page's forms and their server actions.

const uuid = z.string().regex(UUID_PATTERN, '记录编号无效');
const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

export const RECHECK_NOTE_MAX = 500;
export const recheckRequestSchema = z.object({
  findingId: uuid,
  actionCode: z.preprocess(emptyToUndefined, z.enum(ACTION_CODES).optional()),
  note: z.preprocess(
    emptyToUndefined,
    z.string().trim().max(RECHECK_NOTE_MAX, `说明不能超过 ${RECHECK_NOTE_MAX} 个字，请精简后再提交。`).optional(),
  ),
  materialId: z.preprocess(emptyToUndefined, uuid.optional()),
});

export const EXTENSION_REASON_MIN = 10;
export const extensionRequestSchema = z.object({
  findingId: uuid,
  reason: z
    .string({ message: `请填写延期原因，至少 ${EXTENSION_REASON_MIN} 个字。` })
    .trim()
    .min(EXTENSION_REASON_MIN, `请填写延期原因，至少 ${EXTENSION_REASON_MIN} 个字。`)
    .max(500, '延期原因不能超过 500 个字。'),
});
