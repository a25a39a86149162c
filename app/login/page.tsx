import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentUser } from '@/app/_server/session';
import { ROLE_HOME } from '@/lib/auth/roles';
import { safeCallbackPath } from '@/lib/auth/safe-callback';
import { LoginForms } from './login-forms';

export const metadata: Metadata = { title: '登录' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl, '');
  const user = await currentUser();
  if (user) redirect(callbackUrl || ROLE_HOME[user.role]);
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      {/* eslint-disable-next-line @next/next/no-img-element -- a 384-byte SVG needs no image optimiser */}
      <img src="/logo.svg" alt="" width={48} height={48} className="mb-4" />
      <h1 className="mb-2 text-2xl font-semibold">登录备案整改门户</h1>
      <p className="mb-6 text-sm text-slate-600">查看备案核查结果，按指引完成整改。</p>
      {params.error ? (
        <p role="status" className="mb-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          登录链接无效或已过期，请重新获取。
        </p>
      ) : null}
      <LoginForms callbackUrl={callbackUrl} />
      <p className="mt-8 text-center text-sm text-slate-600">
        <Link href="/status" className="underline">服务状态</Link>
      </p>
    </main>
  );
}
