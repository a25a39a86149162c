import { requirePageUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { listUsers } from '@/db/queries/admin';
import { PageTitle, TableCard, Td, Th, card } from '@/components/admin/ui';
import { ActionForm, SubmitButton } from '@/components/admin/action-form';
import { Badge } from '@/components/ui/status-badge';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { ROLES } from '@/lib/domain/codes';
import { formatDate } from '@/lib/time';
import { changeRoleAction, setDisabledAction } from './actions';
import { InviteForm } from './invite-form';

export const metadata = { title: '用户' };

const small = 'rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-60';

export default async function UsersPage() {
  const me = await requirePageUser(['admin']);
  const users = await listUsers(await getDb());
  const roles = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
  return (
    <div className="space-y-6">
      <PageTitle title="用户" />
      <section className={`${card} p-4`} aria-labelledby="invite">
        <h2 id="invite" className="mb-1 text-lg font-semibold">邀请用户</h2>
        <p className="mb-3 text-sm text-slate-600">被邀请人会收到邮件，按提示在登录页使用“邮箱链接登录”即可进入，无需设置密码。</p>
        <InviteForm roles={roles} />
      </section>
      <TableCard caption="用户列表">
        <thead className="bg-slate-50"><tr><Th>姓名</Th><Th>邮箱</Th><Th>角色</Th><Th>状态</Th><Th>操作</Th></tr></thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-t border-slate-100">
              <Td>{u.name}<div className="text-xs text-slate-600">加入于 {formatDate(u.createdAt)}</div></Td>
              <Td>{u.email}</Td>
              <Td>
                {u.id === me.id ? ROLE_LABELS[u.role] : (
                  <ActionForm action={changeRoleAction} className="flex flex-wrap items-center gap-2" label={`修改 ${u.email} 的角色`}>
                    <input type="hidden" name="userId" value={u.id} />
                    <label htmlFor={`role-${u.id}`} className="sr-only">{u.email} 的角色</label>
                    <select id={`role-${u.id}`} name="role" defaultValue={u.role} className="rounded border border-slate-400 bg-white px-2 py-1.5 text-sm">
                      {roles.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
                    </select>
                    <SubmitButton pendingText="保存中…" className={small}>修改角色</SubmitButton>
                  </ActionForm>
                )}
              </Td>
              <Td>
                {u.disabled ? <Badge tone="slate" icon="⊘">已停用</Badge> : <Badge tone="green" icon="✓">正常</Badge>}
                {!u.hasPassword ? <div className="mt-1 text-xs text-slate-600">仅邮箱链接登录</div> : null}
              </Td>
              <Td>
                {u.id === me.id ? <span className="text-slate-600">当前账号</span> : (
                  <ActionForm action={setDisabledAction} label={`${u.disabled ? '启用' : '停用'} ${u.email}`}>
                    <input type="hidden" name="userId" value={u.id} />
                    <input type="hidden" name="disabled" value={u.disabled ? 'false' : 'true'} />
                    <SubmitButton pendingText="处理中…" className={small}>{u.disabled ? '启用' : '停用'}</SubmitButton>
                  </ActionForm>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </TableCard>
    </div>
  );
}
