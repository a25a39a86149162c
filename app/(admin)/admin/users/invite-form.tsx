'use client';
import { useActionState, useState } from 'react';
import { Field, FormMessage } from '@/components/ui/field';
import { fieldErrorsOfClient } from '@/components/admin/field-errors';
import { inviteUserAction } from './actions';
import { inviteSchema } from './schema';

export function InviteForm({ roles }: { roles: { value: string; label: string }[] }) {
  const [state, action, pending] = useActionState(inviteUserAction, null);
  const [clientErrors, setClientErrors] = useState<Record<string, string[]> | undefined>();
  const errors = clientErrors ?? (state && !state.ok ? state.fieldErrors : undefined);
  return (
    <form
      action={action}
      noValidate
      aria-label="邀请用户"
      onSubmit={(e) => {
        const parsed = inviteSchema.safeParse(Object.fromEntries(new FormData(e.currentTarget)));
        if (!parsed.success) {
          e.preventDefault();
          setClientErrors(fieldErrorsOfClient(parsed.error));
        } else setClientErrors(undefined);
      }}
      className="grid gap-x-4 sm:grid-cols-4"
    >
      <div className="sm:col-span-4"><FormMessage state={clientErrors ? { ok: false, message: '请按提示修改。' } : state} /></div>
      <Field label="姓名" name="name" required error={errors?.name} />
      <Field label="邮箱" name="email" type="email" required error={errors?.email} />
      <div className="mb-4">
        <label htmlFor="f-role" className="mb-1 block text-sm font-medium text-slate-800">角色</label>
        <select id="f-role" name="role" defaultValue="reviewer" className="block w-full rounded border border-slate-400 bg-white px-3 py-2 text-sm">
          {roles.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
        </select>
      </div>
      <div className="mb-4 self-end">
        <button type="submit" disabled={pending} className="w-full rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-600 disabled:opacity-60">
          {pending ? '正在邀请…' : '发送邀请'}
        </button>
      </div>
    </form>
  );
}
