'use client';
import { useActionState, useEffect, useId, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { Badge } from '@/components/ui/status-badge';
import { useHydrated } from '@/components/ui/use-hydrated';
import type { ContactStatus } from '@/lib/contacts/verification';
import { sendContactCodeAction, verifyContactCodeAction } from '../../contact-actions';

// The review step's 验证联系方式: each new or changed 负责人 mobile / e-mail with 获取验证码, the code input and
// 验证. Plain forms posting to server actions, so it works before (and without) JavaScript too; it must sit
// outside the wizard's own <form> (no nested forms).

const button = 'rounded border border-brand-700 px-3 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60';

export function ContactVerification({ orderId, contacts }: { orderId: string; contacts: readonly ContactStatus[] }) {
  useFreshList();
  if (contacts.length === 0) return null;
  const left = contacts.filter((c) => !c.verified).length;
  return (
    <section aria-labelledby="contact-verification-title" className="mb-4 rounded border border-slate-200 bg-slate-50 p-4">
      <h3 id="contact-verification-title" className="text-base font-semibold">验证联系方式</h3>
      <p className="mt-1 mb-3 text-sm text-slate-700">
        本次新填写或修改了负责人的手机号码或电子邮箱。请获取验证码并填写，确认号码和邮箱能正常接收；初审专员会拨打这些号码，管局的短信核验也会发到手机。
        {left > 0 ? `还有 ${left} 项未验证，全部验证后才能提交订单。` : '已全部验证，可以提交订单。'}
      </p>
      <ul className="space-y-3">
        {contacts.map((c) => (
          <ContactRow key={c.path} orderId={orderId} contact={c} />
        ))}
      </ul>
    </section>
  );
}

function ContactRow({ orderId, contact }: { orderId: string; contact: ContactStatus }) {
  const [sent, send, sending] = useActionState(sendContactCodeAction, null);
  const [checked, verify, verifying] = useActionState(verifyContactCodeAction, null);
  const verified = contact.verified || checked?.ok === true || (sent?.ok === true && sent.data?.verified === true);
  const hydrated = useHydrated();
  const wait = useCountdown(sent?.ok ? (sent.data?.resendInSeconds ?? 0) : contact.resendInSeconds, sent);
  const codeInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (sent?.ok && !sent.data?.verified) codeInput.current?.focus();
  }, [sent]);

  const id = useId();
  const titleId = `${id}-title`;
  const inputId = `${id}-code`;
  const sendError = sent && !sent.ok ? (sent.fieldErrors?.path?.[0] ?? sent.message) : null;
  const codeError = checked && !checked.ok ? (checked.fieldErrors?.code?.[0] ?? checked.fieldErrors?.path?.[0] ?? checked.message) : null;
  // Without JavaScript nothing would re-enable a disabled button: the server refuses an early resend instead.
  const waiting = hydrated && wait > 0;
  return (
    <li className="rounded border border-slate-200 bg-white p-3">
      <div role="group" aria-labelledby={titleId}>
        <div className="flex flex-wrap items-center gap-2">
          <span id={titleId} className="text-sm font-medium">
            {contact.label} <span className="font-mono">{contact.masked}</span>
          </span>
          {verified ? <Badge tone="green" icon="✓">已验证</Badge> : <Badge tone="amber" icon="!">未验证</Badge>}
        </div>
        {verified ? (
          checked?.ok && checked.message ? <p role="status" className="mt-2 text-sm text-green-800">{checked.message}</p> : null
        ) : (
          <div className="mt-2 flex flex-wrap items-start gap-x-6 gap-y-3">
            <form action={send}>
              <input type="hidden" name="orderId" value={orderId} />
              <input type="hidden" name="path" value={contact.path} />
              <button type="submit" disabled={sending || waiting} className={button}>
                {sending ? '正在发送…' : waiting ? `${wait} 秒后可重新获取` : sent?.ok ? '重新获取验证码' : '获取验证码'}
              </button>
              {sent?.ok && sent.message ? <p role="status" className="mt-1 text-xs text-slate-700">{sent.message}</p> : null}
              {sendError ? <p role="alert" className="mt-1 text-sm text-red-700">{sendError}</p> : null}
            </form>
            <form action={verify} noValidate className="flex flex-wrap items-start gap-2">
              <input type="hidden" name="orderId" value={orderId} />
              <input type="hidden" name="path" value={contact.path} />
              <div>
                <label htmlFor={inputId} className="mb-1 block text-sm font-medium">
                  <span className="sr-only">{contact.label}</span>验证码
                </label>
                <input
                  ref={codeInput}
                  id={inputId}
                  name="code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  pattern="[0-9]{6}"
                  maxLength={6}
                  aria-invalid={codeError ? true : undefined}
                  aria-describedby={codeError ? `${inputId}-error` : `${inputId}-hint`}
                  className={`block w-36 rounded border px-3 py-2 text-sm tracking-widest ${codeError ? 'border-red-600' : 'border-slate-400'}`}
                />
                {codeError ? (
                  <p id={`${inputId}-error`} role="alert" className="mt-1 text-sm text-red-700">{codeError}</p>
                ) : (
                  <p id={`${inputId}-hint`} className="mt-1 text-xs text-slate-600">{contact.channel === 'sms' ? '短信中的 6 位数字' : '邮件中的 6 位数字'}</p>
                )}
              </div>
              <button type="submit" disabled={verifying} className={`${button} mt-6`}>
                {verifying ? '正在验证…' : '验证'}
              </button>
            </form>
          </div>
        )}
      </div>
    </li>
  );
}

/**
 * The page computed the list from the draft as it was loaded; the wizard saves each step without reloading,
 * so when the review step is reached later (not on the page's first render) the list is fetched again.
 */
function useFreshList() {
  const router = useRouter();
  const hydrated = useHydrated();
  // False when rendered with the page (hydration), true when the wizard moved to the review step afterwards.
  const [shownLater] = useState(hydrated);
  useEffect(() => {
    if (shownLater) router.refresh();
  }, [shownLater, router]);
}

/** Seconds left of `seconds`, counted down from the moment `token` (the last send's answer) changed. */
function useCountdown(seconds: number, token: unknown): number {
  const [state, setState] = useState({ token, left: seconds });
  // A new answer restarts the count (state derived from props, without an effect).
  if (state.token !== token) setState({ token, left: seconds });
  const left = state.token === token ? state.left : seconds;
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setState((s) => ({ ...s, left: s.left - 1 })), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  return left;
}
