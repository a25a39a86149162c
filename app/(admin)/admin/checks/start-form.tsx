'use client';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/field';
import { startCheckRun } from './actions';

type Opt = { value: string; label: string };

function Select({ id, name, label, options, error }: { id: string; name: string; label: string; options: Opt[]; error?: string[] }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">{label}</label>
      <select id={id} name={name} className="w-full rounded border border-slate-400 bg-white px-2 py-2 text-sm" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        <option value="">全部</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      {error ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700">{error[0]}</p> : null}
    </div>
  );
}

export function StartRunForm({ provinces, natures, codes }: { provinces: Opt[]; natures: Opt[]; codes: Opt[] }) {
  const [state, action, pending] = useActionState(startCheckRun, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} aria-labelledby="start-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="start-title" className="mb-3 text-lg font-semibold">发起核查</h2>
      <FormMessage state={state} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Select id="run-province" name="province" label="所属区域" options={provinces} error={errors?.province} />
        <Select id="run-nature" name="nature" label="主办单位性质" options={natures} error={errors?.nature} />
        <Select id="run-code" name="code" label="核查项" options={codes} error={errors?.code} />
      </div>
      <label className="mt-4 flex items-center gap-2 text-sm">
        <input type="checkbox" name="website" className="h-4 w-4" /> 同时访问网站首页并检查解析（较慢）
      </label>
      <button type="submit" disabled={pending} className="mt-4 rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-600 disabled:opacity-60">
        {pending ? '正在发起…' : '开始核查'}
      </button>
    </form>
  );
}
