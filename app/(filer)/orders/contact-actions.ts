'use server';
import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/app/_server/action';
import { getDb } from '@/db/client';
import { sendContactCode, verifyContactCode } from '@/db/contacts/verification';
import { CODE_TTL_MS, CONTACT_PATHS } from '@/lib/contacts/verification';

// The wizard's contact self-verification (app/(filer)/orders/[id]/edit/contact-verification.tsx). Ownership,
// the order's state and which contacts need a code are checked in db/contacts/verification.ts.

const contactRef = {
  orderId: z.string().min(1, { error: '订单编号无效' }).max(100, { error: '订单编号无效' }),
  path: z.enum(CONTACT_PATHS, { error: '联系方式无效' }),
};

/** 获取验证码: the SMS or e-mail goes out through the outbox; `resendInSeconds` drives the button's countdown. */
export const sendContactCodeAction = defineAction({ roles: ['filer'], schema: z.object(contactRef) }, async (input, user) => {
  const r = await sendContactCode(await getDb(), { ownerId: user.id, orderId: input.orderId, path: input.path });
  if (r.status === 'verified') {
    revalidatePath(`/orders/${input.orderId}/edit`);
    return { ok: true, message: `${r.masked} 已验证，无需再获取验证码。`, data: { verified: true, resendInSeconds: 0 } };
  }
  const where = input.path.endsWith('email') ? '邮箱' : '手机';
  return { ok: true, message: `验证码已发送至${where} ${r.masked}，${CODE_TTL_MS / 60_000} 分钟内有效。`, data: { verified: false, resendInSeconds: r.resendInSeconds } };
});

/** 验证: a wrong answer comes back at the code field with the tries left. */
export const verifyContactCodeAction = defineAction(
  { roles: ['filer'], schema: z.object({ ...contactRef, code: z.string().trim().regex(/^\d{6}$/, { error: '请输入6位数字验证码' }) }) },
  async (input, user) => {
    const r = await verifyContactCode(await getDb(), { ownerId: user.id, orderId: input.orderId, path: input.path, code: input.code });
    // The wizard's page lists the contacts with their state: it shows this one verified from now on.
    revalidatePath(`/orders/${input.orderId}/edit`);
    return { ok: true, message: `${r.label} ${r.masked} 已验证。` };
  },
);
