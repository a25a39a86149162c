'use client';
import { useActionState, useRef } from 'react';
import Link from 'next/link';
import { orderEventAction, resubmitToRegulatorAction, smsCodeAction, submitOrderAction } from '@/app/(filer)/orders/actions';
import { FormMessage } from '@/components/ui/field';
import type { OrderState } from '@/lib/domain/codes';

type Ref = { orderId: string; expectedState: OrderState };

const primary = 'rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60';
const secondary = 'rounded border border-slate-400 px-4 py-2 text-sm disabled:opacity-60';

function Hidden({ orderId, expectedState }: Ref) {
  return (
    <>
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="expectedState" value={expectedState} />
    </>
  );
}

export function SubmitButton(props: Ref & { label: string; version: number }) {
  const [state, action, pending] = useActionState(submitOrderAction, null);
  const errors = state && !state.ok ? Object.values(state.fieldErrors ?? {}).flat() : [];
  return (
    <form action={action}>
      <Hidden orderId={props.orderId} expectedState={props.expectedState} />
      {/* The version this page showed: a save in another tab since then makes this submit stale. */}
      <input type="hidden" name="version" value={props.version} />
      <FormMessage state={state} />
      {errors.length ? (
        <ul className="mb-3 list-disc pl-5 text-sm text-red-800">
          {[...new Set(errors)].map((e) => <li key={e}>{e}</li>)}
        </ul>
      ) : null}
      <button type="submit" disabled={pending} className={primary}>{pending ? '正在提交…' : props.label}</button>
    </form>
  );
}

/**
 * 撤销 / 放弃: asks once more, saying what happens, before the transition. With JavaScript the question is a
 * modal dialog; without it the button asks the server for the page with the question open (?confirm=…), and
 * 取消 is a link back — the same form posts either way.
 */
export function ConfirmEventButton(props: Ref & { event: 'withdraw' | 'abandon'; label: string; warning: string; open: boolean }) {
  const [state, action, pending] = useActionState(orderEventAction, null);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = `confirm-${props.event}`;
  return (
    <div>
      <FormMessage state={state} />
      <form method="get" onSubmit={(e) => { e.preventDefault(); if (!dialog.current?.open) dialog.current?.showModal(); }}>
        <input type="hidden" name="confirm" value={props.event} />
        <button type="submit" className={secondary}>{props.label}</button>
      </form>
      <dialog ref={dialog} open={props.open} aria-labelledby={titleId} className="m-auto mt-3 max-w-md rounded-lg border border-slate-200 p-6 backdrop:bg-slate-900/40">
        <h2 id={titleId} className="mb-2 text-lg font-semibold">确认{props.label}？</h2>
        <p className="mb-4 text-sm text-slate-700">{props.warning}</p>
        <form action={action} onSubmit={() => dialog.current?.close()} className="flex gap-3">
          <Hidden {...props} />
          <input type="hidden" name="event" value={props.event} />
          <button type="submit" disabled={pending} className="rounded bg-red-700 px-4 py-2 text-sm font-medium text-white">确认{props.label}</button>
          <a href="?" className={secondary} onClick={(e) => { e.preventDefault(); dialog.current?.close(); }}>取消</a>
        </form>
      </dialog>
    </div>
  );
}

export function SmsCodeForm({ orderId, attemptsLeft }: { orderId: string; attemptsLeft: number }) {
  const [state, action, pending] = useActionState(smsCodeAction, null);
  const error = state && !state.ok ? state.fieldErrors?.code?.[0] : undefined;
  return (
    <form action={action} className="max-w-sm">
      <input type="hidden" name="orderId" value={orderId} />
      <FormMessage state={state} />
      <label htmlFor="sms-code" className="mb-1 block text-sm font-medium">短信验证码</label>
      <input
        id="sms-code"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        aria-describedby={`sms-hint${error ? ' sms-error' : ''}`}
        aria-invalid={error ? true : undefined}
        className="mb-1 block w-40 rounded border border-slate-400 px-3 py-2 text-sm tracking-widest"
      />
      <p id="sms-hint" className="mb-2 text-xs text-slate-600">6 位数字，发送到负责人手机；{attemptsLeft > 0 ? `还可输入 ${attemptsLeft} 次` : '已累计输错 5 次，再次验证时订单将被退回'}。</p>
      {error ? <p id="sms-error" className="mb-2 text-sm text-red-700">{error}</p> : null}
      <button type="submit" disabled={pending} className={primary}>{pending ? '核验中…' : '提交验证码'}</button>
    </form>
  );
}

export function ResubmitRegulatorButton(props: Ref) {
  const [state, action, pending] = useActionState(resubmitToRegulatorAction, null);
  return (
    <form action={action}>
      <Hidden {...props} />
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={primary}>{pending ? '正在提交…' : '重新提交管局'}</button>
    </form>
  );
}

export function EditLink({ orderId, label }: { orderId: string; label: string }) {
  return (
    <Link href={`/orders/${orderId}/edit`} className={`inline-block ${primary}`}>{label}</Link>
  );
}
