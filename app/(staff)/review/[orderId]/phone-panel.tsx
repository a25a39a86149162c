'use client';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/field';
import { phoneAttemptAction } from './actions';

/** Records one call of the 初审 phone procedure; the server decides whether it is the call due now. */
export function PhoneAttemptForm({ orderId, target, targetLabel }: { orderId: string; target: 'contact' | 'emergency'; targetLabel: string }) {
  const [state, action, pending] = useActionState(phoneAttemptAction, null);
  return (
    <form action={action} className="mt-2 space-y-2" aria-label={`记录拨打${targetLabel}`}>
      <FormMessage state={state} />
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="target" value={target} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="reached" value="yes" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-600 disabled:opacity-60">
          已拨打{targetLabel}：接通
        </button>
        <button type="submit" name="reached" value="no" disabled={pending} className="rounded border border-slate-500 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-60">
          已拨打{targetLabel}：未接通
        </button>
      </div>
    </form>
  );
}
