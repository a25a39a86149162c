'use client';
import { useActionState, useState } from 'react';
import { Field, FormMessage } from '@/components/ui/field';
import { magicLinkSignIn, passwordSignIn } from './actions';

export function LoginForms({ callbackUrl }: { callbackUrl: string }) {
  const [pwState, pwAction, pwPending] = useActionState(passwordSignIn, null);
  const [linkState, linkAction, linkPending] = useActionState(magicLinkSignIn, null);
  // Controlled so React 19's reset after each action never clears what the user typed.
  const [email, setEmail] = useState('');
  const [linkEmail, setLinkEmail] = useState('');
  const pwErrors = pwState && !pwState.ok ? pwState.fieldErrors : undefined;
  const linkErrors = linkState && !linkState.ok ? linkState.fieldErrors : undefined;
  return (
    <div className="space-y-8">
      <section aria-labelledby="pw-title" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="pw-title" className="mb-4 text-lg font-medium">
          密码登录
        </h2>
        <form action={pwAction} noValidate>
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <FormMessage state={pwState} />
          <Field label="邮箱" name="email" type="email" autoComplete="username" required error={pwErrors?.email} value={email} onChange={(e) => setEmail(e.target.value)} />
          <Field label="密码" name="password" type="password" autoComplete="current-password" required error={pwErrors?.password} />
          <button
            type="submit"
            disabled={pwPending}
            className="w-full rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-600 disabled:opacity-60"
          >
            {pwPending ? '正在登录…' : '登录'}
          </button>
        </form>
      </section>
      <section aria-labelledby="link-title" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="link-title" className="mb-1 text-lg font-medium">
          邮箱链接登录
        </h2>
        <p className="mb-4 text-sm text-slate-600">无需密码，我们会向您的邮箱发送一次性登录链接。</p>
        <form action={linkAction} noValidate>
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <FormMessage state={linkState} />
          <Field label="登录链接接收邮箱" name="email" id="link-email" type="email" autoComplete="email" required error={linkErrors?.email} value={linkEmail} onChange={(e) => setLinkEmail(e.target.value)} />
          <button
            type="submit"
            disabled={linkPending}
            className="w-full rounded border border-brand-700 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60"
          >
            {linkPending ? '正在发送…' : '发送登录链接'}
          </button>
        </form>
      </section>
    </div>
  );
}
