'use client';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/field';
import { regulatorDecideAction } from './actions';

export function RegulatorDecision({ orderId, number }: { orderId: string; number: string }) {
  const [state, action, pending] = useActionState(regulatorDecideAction, null);
  const reasonError = state && !state.ok ? state.fieldErrors?.reason?.[0] : undefined;
  const id = `reason-${orderId}`;
  return (
    <form action={action} className="space-y-2" aria-label={`管局审核：订单 ${number}`}>
      <FormMessage state={state} />
      <input type="hidden" name="orderId" value={orderId} />
      <div>
        <label htmlFor={id} className="mb-1 block text-sm font-medium">驳回原因（驳回时必填）</label>
        <input
          id={id}
          name="reason"
          maxLength={500}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? `${id}-error` : undefined}
          className={`block w-full rounded border px-2 py-1.5 text-sm ${reasonError ? 'border-red-600' : 'border-slate-400'}`}
        />
        {reasonError ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700">{reasonError}</p> : null}
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="decision" value="approve" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-600 disabled:opacity-60">
          管局通过
        </button>
        <button type="submit" name="decision" value="reject" disabled={pending} className="rounded border border-red-700 px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-60">
          管局驳回
        </button>
      </div>
    </form>
  );
}
