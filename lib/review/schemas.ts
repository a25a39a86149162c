import { z } from 'zod';
import { UUID_PATTERN } from '@/lib/domain/ids';
import { REJECTION_REASONS } from '@/lib/remediation/rejection-reasons';

// Shared by the reviewer's forms (client) and their server actions: the same rules on both sides.

const CODES = new Set(REJECTION_REASONS.map((r) => r.code));
const UUID = UUID_PATTERN;
const uuid = z.string().regex(UUID, '订单编号无效。');

/** The queue filter the reviewer came with (a query string; parsed, never trusted, by parseQueueFilter). */
const queue = z.string().max(300).optional().nullable();

export const claimSchema = z.object({ orderId: uuid });

export const approveSchema = z.preprocess(
  // A form posts each unticked item's reason as `unticked.<item id>`: gathered into one record.
  (v) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    const o = v as Record<string, unknown>;
    const flat = Object.entries(o).filter(([k]) => k.startsWith('unticked.'));
    if (flat.length === 0) return o;
    const nested = typeof o.unticked === 'object' && o.unticked ? (o.unticked as Record<string, unknown>) : {};
    return { ...o, unticked: { ...nested, ...Object.fromEntries(flat.map(([k, x]) => [k.slice('unticked.'.length), x])) } };
  },
  z.object({
    orderId: uuid,
    queue,
    // A form posts zero, one or many ticked boxes: always read as a list.
    checklist: z.preprocess((v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(60)).max(40)),
    // Why an item was left unticked (not applicable, checked another way); the server requires one per unticked item.
    unticked: z.record(z.string().max(60), z.string().trim().max(200, '原因不能超过200字。')).optional(),
  }),
);

export const rejectSchema = z.object({
  orderId: uuid,
  queue,
  reasons: z
    .array(
      z.object({
        code: z.string().refine((c) => CODES.has(c), '请选择驳回原因。'),
        field: z.string().max(120).optional().nullable(),
        note: z.string().trim().max(200, '补充说明不能超过200字。').optional().nullable(),
      }),
    )
    .min(1, '请至少选择一条驳回原因。')
    .max(20, '驳回原因最多20条。'),
  note: z.string().trim().max(1000, '备注不能超过1000字。').optional().nullable(),
});
export type RejectInput = z.infer<typeof rejectSchema>;

export const recheckDecisionSchema = z
  .object({
    recheckId: z.string().regex(UUID, '复核申请编号无效。'),
    decision: z.enum(['accept', 'return']),
    reason: z.string().trim().max(500, '原因不能超过500字。').optional().nullable(),
  })
  .refine((v) => v.decision === 'accept' || (v.reason && v.reason.length >= 2), { message: '退回时请填写原因。', path: ['reason'] });

export const regulatorDecisionSchema = z
  .object({
    orderId: uuid,
    decision: z.enum(['approve', 'reject']),
    reason: z.string().trim().max(500, '原因不能超过500字。').optional().nullable(),
  })
  .refine((v) => v.decision === 'approve' || (v.reason && v.reason.length >= 2), { message: '驳回时请填写原因。', path: ['reason'] });

/** One call of the 初审 phone procedure (001 2.2): which number, and whether someone answered. */
export const phoneAttemptSchema = z.object({
  orderId: uuid,
  target: z.enum(['contact', 'emergency'], { error: '请选择拨打的号码。' }),
  reached: z.enum(['yes', 'no'], { error: '请选择是否接通。' }),
});
