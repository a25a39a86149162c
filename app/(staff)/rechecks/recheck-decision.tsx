'use client';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/field';
import { decideRecheckAction } from './actions';

/** 复核 decision: resolve the finding, or send it back with a reason the filer reads. */
export function RecheckDecision({ recheckId, title }: { recheckId: string; title: string }) {
  const [state, action, pending] = useActionState(decideRecheckAction, null);
  const reasonError = state && !state.ok ? state.fieldErrors?.reason?.[0] : undefined;
  const id = `reason-${recheckId}`;
  return (
    <form action={action} className="space-y-2" aria-label={`处理复核：${title}`}>
      <FormMessage state={state} />
      <input type="hidden" name="recheckId" value={recheckId} />
      <div>
        <label htmlFor={id} className="mb-1 block text-sm font-medium">退回原因（退回时必填）</label>
        <textarea
          id={id}
          name="reason"
          rows={2}
          maxLength={500}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? `${id}-error` : undefined}
          className={`block w-full rounded border px-2 py-1.5 text-sm ${reasonError ? 'border-red-600' : 'border-slate-400'}`}
        />
        {reasonError ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700">{reasonError}</p> : null}
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="decision" value="accept" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-600 disabled:opacity-60">
          复核通过
        </button>
        <button type="submit" name="decision" value="return" disabled={pending} className="rounded border border-red-700 px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-60">
          退回继续整改
        </button>
      </div>
    </form>
  );
}
