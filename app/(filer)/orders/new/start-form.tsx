'use client';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/field';
import { startOrderAction } from '../actions';

/** The 确认发起 button: posts what the page showed; a refusal comes back as a message above it. */
export function StartOrderForm({ fields, label }: { fields: Record<string, string>; label: string }) {
  const [state, action, pending] = useActionState(startOrderAction, null);
  return (
    <form action={action} className="mt-6">
      <FormMessage state={state} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-600 disabled:opacity-60">
        {pending ? '正在创建…' : `确认发起${label}`}
      </button>
    </form>
  );
}
