'use client';
import { useActionState } from 'react';
import { retryMessage } from './actions';

export function RetryButton({ id, label }: { id: number; label: string }) {
  const [state, action, pending] = useActionState(retryMessage, null);
  return (
    <form action={action} className="inline-flex flex-col items-start gap-1">
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`重试：${label}`}
        className="rounded bg-brand-700 px-3 py-1 text-sm font-medium text-white hover:bg-brand-600 disabled:opacity-60"
      >
        {pending ? '正在重试…' : '重试'}
      </button>
      {state ? (
        <span role="status" className={state.ok ? 'text-xs text-green-800' : 'text-xs text-red-700'}>
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
