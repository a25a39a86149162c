'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/app/_server/action';
import { getDb } from '@/db/client';
import { changeUserRole, inviteUser, setUserDisabled } from '@/db/admin/users';
import { ROLES } from '@/lib/domain/codes';
import { inviteSchema } from './schema';

export const inviteUserAction = defineAction({ roles: ['admin'], schema: inviteSchema }, async (input, user) => {
  await inviteUser(await getDb(), { actor: user, ...input });
  revalidatePath('/admin/users');
  return { ok: true, message: `已邀请 ${input.email}，邀请邮件已加入发送队列。` };
});

export const changeRoleAction = defineAction(
  { roles: ['admin'], schema: z.object({ userId: z.string().uuid(), role: z.enum(ROLES, { error: '请选择角色' }) }) },
  async (input, user) => {
    await changeUserRole(await getDb(), { actor: user, userId: input.userId, role: input.role });
    revalidatePath('/admin/users');
    return { ok: true, message: '角色已修改，该用户需重新登录。' };
  },
);

export const setDisabledAction = defineAction(
  { roles: ['admin'], schema: z.object({ userId: z.string().uuid(), disabled: z.enum(['true', 'false']) }) },
  async (input, user) => {
    await setUserDisabled(await getDb(), { actor: user, userId: input.userId, disabled: input.disabled === 'true' });
    revalidatePath('/admin/users');
    return { ok: true, message: input.disabled === 'true' ? '账号已停用，其登录状态已失效。' : '账号已启用。' };
  },
);
