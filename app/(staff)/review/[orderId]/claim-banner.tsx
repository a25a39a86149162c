'use client';
import { useActionState, useEffect, useState } from 'react';
import { FormMessage } from '@/components/ui/field';
import { takeOverAction } from './actions';

/** Who is reviewing this order and for how much longer; another reviewer may take it over explicitly. */
export function ClaimBanner({ orderId, holder, mine, expiresAt }: { orderId: string; holder: string; mine: boolean; expiresAt: string }) {
  const [state, takeOver, pending] = useActionState(takeOverAction, null);
  const left = useMinutesLeft(expiresAt);
  if (mine) {
    return (
      <p role="status" className="rounded border border-blue-200 bg-blue-50 p-3 text-sm text-blue-900">
        您正在审核此订单，其他专员打开时会看到，剩余 {left} 分钟（重新打开页面即续期）。
      </p>
    );
  }
  return (
    <div role="status" className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      <p className="font-medium">{holder}正在审核，剩余 {left} 分钟</p>
      <p>您可以查看订单；如需由您处理，请先接手审核，{holder}将无法再提交结论。</p>
      <form action={takeOver}>
        <input type="hidden" name="orderId" value={orderId} />
        <button type="submit" disabled={pending} className="rounded border border-amber-700 px-3 py-1 font-medium hover:bg-amber-100 disabled:opacity-60">
          {pending ? '正在接手…' : '接手审核'}
        </button>
      </form>
      <FormMessage state={state} />
    </div>
  );
}

function useMinutesLeft(expiresAt: string): number {
  const calc = () => Math.max(1, Math.ceil((Date.parse(expiresAt) - Date.now()) / 60_000));
  const [left, setLeft] = useState(calc);
  useEffect(() => {
    const timer = setInterval(() => setLeft(calc()), 30_000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- calc reads only expiresAt
  }, [expiresAt]);
  return left;
}
