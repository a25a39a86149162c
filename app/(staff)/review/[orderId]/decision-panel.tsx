'use client';
import { startTransition, useActionState, useState } from 'react';
import { FormMessage } from '@/components/ui/field';
import { approveAction, rejectAction } from './actions';

type Option = { value: string; label: string };
type Row = { key: number; code: string; field: string; note: string };

const select = 'block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm';

/** 初审 decision: the checklist with 通过, or one or more 驳回 reasons each optionally tied to a changed field. */
export function DecisionPanel(props: {
  orderId: string;
  /** The queue filter, carried so the decision leads to the next order of the same queue. */
  queue: string;
  /** Another reviewer holds the claim: the forms show but cannot be sent until taken over. */
  disabled?: boolean;
  checklist: Option[];
  reasons: (Option & { field?: string; fix: string })[];
  fields: Option[];
}) {
  const [approveState, approve, approving] = useActionState(approveAction, null);
  const [rejectState, reject, rejecting] = useActionState(rejectAction, null);
  const [rows, setRows] = useState<Row[]>([{ key: 0, code: '', field: '', note: '' }]);
  const [note, setNote] = useState('');
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const approveErrors = approveState && !approveState.ok ? (approveState.fieldErrors ?? {}) : {};
  const errors = rejectState && !rejectState.ok ? (rejectState.fieldErrors ?? {}) : {};
  const busy = approving || rejecting || !!props.disabled;
  const fieldValues = new Set(props.fields.map((f) => f.value));

  const update = (key: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const pickReason = (key: number, code: string) => {
    // The catalogue says which field a reason is usually about; preselect it when this order changes that field.
    const hint = props.reasons.find((r) => r.value === code)?.field;
    update(key, { code, ...(hint && fieldValues.has(hint) ? { field: hint } : {}) });
  };

  function submitReject(e: React.FormEvent) {
    e.preventDefault();
    const payload = {
      orderId: props.orderId,
      queue: props.queue,
      reasons: rows.map((r) => ({ code: r.code, field: r.field || null, note: r.note || null })),
      note: note || null,
    };
    startTransition(() => reject(payload));
  }

  return (
    <div id="decision" className="space-y-4">
      <form action={approve} className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="approve-h">
        <h3 id="approve-h" className="mb-2 text-base font-semibold">通过初审</h3>
        <input type="hidden" name="orderId" value={props.orderId} />
        <input type="hidden" name="queue" value={props.queue} />
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-800">初审核对清单</legend>
          <ul className="space-y-2">
            {props.checklist.map((c) => {
              const err = approveErrors[`unticked.${c.value}`]?.[0];
              return (
                <li key={c.value}>
                  <label className="flex items-start gap-2 text-sm">
                    <input
                      type="checkbox"
                      name="checklist"
                      value={c.value}
                      checked={ticked.has(c.value)}
                      onChange={(e) => setTicked((s) => { const n = new Set(s); if (e.target.checked) n.add(c.value); else n.delete(c.value); return n; })}
                      className="mt-0.5 h-4 w-4 shrink-0"
                    />
                    <span>{c.label}</span>
                  </label>
                  {ticked.has(c.value) ? null : (
                    <div className="ml-6 mt-1">
                      <label htmlFor={`unticked-${c.value}`} className="sr-only">未勾选的原因：{c.label}</label>
                      <input
                        id={`unticked-${c.value}`}
                        name={`unticked.${c.value}`}
                        maxLength={200}
                        placeholder="未勾选时填写原因（如不适用）"
                        aria-invalid={err ? true : undefined}
                        aria-describedby={err ? `unticked-${c.value}-error` : undefined}
                        className={select}
                      />
                      {err ? <p id={`unticked-${c.value}-error`} className="mt-1 text-sm text-red-700">{err}</p> : null}
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </fieldset>
        <p className="mt-3 text-xs text-slate-600">通过后订单将提交管局，并向负责人手机发送工信部短信核验码。每一项都需勾选，或填写未勾选的原因；勾选情况和原因会记入订单历史。</p>
        <div className="mt-3"><FormMessage state={approveState} /></div>
        <button type="submit" disabled={busy} className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-600 disabled:opacity-60">
          {approving ? '正在提交…' : '初审通过，提交管局'}
        </button>
      </form>

      <form onSubmit={submitReject} className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="reject-h" noValidate>
        <h3 id="reject-h" className="mb-2 text-base font-semibold">驳回</h3>
        <FormMessage state={rejectState} />
        {errors.reasons ? <p className="mb-2 text-sm text-red-700" role="alert">{errors.reasons[0]}</p> : null}
        <ol className="space-y-4">
          {rows.map((r, i) => {
            const n = i + 1;
            const codeError = errors[`reasons.${i}.code`]?.[0];
            return (
              <li key={r.key} className="space-y-2 rounded border border-slate-200 p-3">
                <div>
                  <label htmlFor={`reason-${r.key}`} className="mb-1 block text-sm font-medium">驳回原因 {n}</label>
                  <select
                    id={`reason-${r.key}`}
                    value={r.code}
                    onChange={(e) => pickReason(r.key, e.target.value)}
                    aria-invalid={codeError ? true : undefined}
                    aria-describedby={codeError ? `reason-${r.key}-error` : undefined}
                    className={select}
                  >
                    <option value="">请选择驳回原因</option>
                    {props.reasons.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                  </select>
                  {codeError ? <p id={`reason-${r.key}-error`} className="mt-1 text-sm text-red-700">{codeError}</p> : null}
                  {r.code ? (
                    <p className="mt-1 text-xs text-slate-600">备案用户将看到的修改建议：{props.reasons.find((o) => o.value === r.code)?.fix}</p>
                  ) : null}
                </div>
                <div>
                  <label htmlFor={`field-${r.key}`} className="mb-1 block text-sm font-medium">关联字段 {n}</label>
                  <select id={`field-${r.key}`} value={r.field} onChange={(e) => update(r.key, { field: e.target.value })} className={select}>
                    <option value="">不关联具体字段</option>
                    {props.fields.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                  </select>
                </div>
                <div>
                  <label htmlFor={`note-${r.key}`} className="mb-1 block text-sm font-medium">补充说明 {n}（选填）</label>
                  <input id={`note-${r.key}`} value={r.note} maxLength={200} onChange={(e) => update(r.key, { note: e.target.value })} className={select} />
                </div>
                {rows.length > 1 ? (
                  <button type="button" onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))} className="text-sm text-red-700 underline">
                    删除驳回原因 {n}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ol>
        <button
          type="button"
          onClick={() => setRows((rs) => [...rs, { key: Math.max(...rs.map((x) => x.key)) + 1, code: '', field: '', note: '' }])}
          className="mt-3 rounded border border-slate-300 px-3 py-1 text-sm text-slate-700 hover:bg-slate-100"
        >
          添加驳回原因
        </button>
        <div className="mt-4">
          <label htmlFor="reject-note" className="mb-1 block text-sm font-medium">给备案用户的备注（选填）</label>
          <textarea id="reject-note" value={note} maxLength={1000} rows={3} onChange={(e) => setNote(e.target.value)} className={select} />
        </div>
        <button type="submit" disabled={busy} className="mt-3 rounded bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60">
          {rejecting ? '正在提交…' : '驳回订单'}
        </button>
      </form>
    </div>
  );
}
