'use client';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/field';
import { uploadImportAction } from '../actions';

export function UploadForm({ today, defaultDeadline }: { today: string; defaultDeadline: string }) {
  const [state, action, pending] = useActionState(uploadImportAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2">
      <div className="sm:col-span-2"><FormMessage state={state} /></div>
      <div>
        <label htmlFor="file" className="mb-1 block text-sm font-medium">检查结果文件（CSV）</label>
        <input id="file" name="file" type="file" accept=".csv,text/csv" required aria-describedby={errors?.file ? 'file-err' : undefined} className="block w-full text-sm" />
        {errors?.file ? <p id="file-err" className="mt-1 text-sm text-red-700">{errors.file[0]}</p> : null}
      </div>
      <div>
        <label htmlFor="deadline" className="mb-1 block text-sm font-medium">默认整改期限</label>
        <input id="deadline" name="deadline" type="date" min={today} defaultValue={defaultDeadline} required aria-describedby={errors?.deadline ? 'deadline-err' : undefined} className="block w-full rounded border border-slate-400 bg-white px-3 py-2 text-sm" />
        {errors?.deadline ? <p id="deadline-err" className="mt-1 text-sm text-red-700">{errors.deadline[0]}</p> : null}
      </div>
      <div className="sm:col-span-2">
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-600 disabled:opacity-60">
          {pending ? '正在上传并预检…' : '上传并预检'}
        </button>
      </div>
    </form>
  );
}
