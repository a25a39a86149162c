'use client';
import { useActionState, useEffect } from 'react';
import { useRouter } from 'next/navigation';
import { cancelCheckRun } from '../actions';

/** Re-renders the server page every second while the run is going, so the bar moves. */
export function AutoRefresh() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), 1000);
    return () => clearInterval(timer);
  }, [router]);
  return <span className="text-sm text-slate-600" aria-live="polite">正在核查，页面每秒自动更新…</span>;
}

export function CancelRunButton({ runId }: { runId: string }) {
  const [state, action, pending] = useActionState(cancelCheckRun, null);
  return (
    <form action={action}>
      <input type="hidden" name="runId" value={runId} />
      <button type="submit" disabled={pending} className="rounded border border-red-700 px-3 py-1 text-sm text-red-700 disabled:opacity-60">取消核查</button>
      {state?.message ? <span role="status" className="ml-2 text-sm">{state.message}</span> : null}
    </form>
  );
}
