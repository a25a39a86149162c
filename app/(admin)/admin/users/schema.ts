import { z } from 'zod';
import { ROLES } from '@/lib/domain/codes';

export const inviteSchema = z.object({
  name: z.string().trim().min(2, '请填写姓名（至少 2 个字）').max(50, '姓名不能超过 50 个字'),
  email: z.string().trim().min(1, '请填写邮箱').email('请输入正确的邮箱地址').max(200),
  role: z.enum(ROLES, { error: '请选择角色' }),
});
