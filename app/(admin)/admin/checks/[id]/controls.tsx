'use client';
import { useActionState, useEffect } from 'react';
import { useRouter } from 'next/navigation';
import { cancelCheckRun, issueNoticesFromRunAction } from '../actions';

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

/** 下发整改通知 for everything the run found, with one deadline. */
export function IssueNoticesForm({ runId, defaultDeadline, issuedAt }: { runId: string; defaultDeadline: string; issuedAt: string | null }) {
  const [state, action, pending] = useActionState(issueNoticesFromRunAction, null);
  const error = state && !state.ok ? (state.fieldErrors?.deadline?.[0] ?? state.message) : null;
  return (
    <form action={action} aria-labelledby="issue-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="issue-title" className="font-semibold">下发整改通知</h2>
      <p className="mt-1 text-sm text-slate-600">为每个主体下发一份整改通知，列出本次核查发现的不合格项；已有未解决同类整改的项不会重复下发。{issuedAt ? `（上次下发：${issuedAt}）` : ''}</p>
      <input type="hidden" name="runId" value={runId} />
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="issue-deadline" className="mb-1 block text-sm font-medium">整改期限</label>
          <input id="issue-deadline" name="deadline" type="date" defaultValue={defaultDeadline} aria-invalid={error ? true : undefined} aria-describedby={error ? 'issue-error' : undefined} className="rounded border border-slate-400 px-2 py-1.5 text-sm" />
        </div>
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60">{pending ? '正在下发…' : '下发整改通知'}</button>
      </div>
      {error ? <p id="issue-error" role="alert" className="mt-2 text-sm text-red-700">{error}</p> : null}
      {state?.ok ? <p role="status" className="mt-2 text-sm text-green-800">{state.message}</p> : null}
    </form>
  );
}
