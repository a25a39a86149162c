import Link from 'next/link';

export default function VerifyRequestPage() {
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-16">
      <h1 className="mb-3 text-2xl font-semibold">请查收邮件</h1>
      <p className="text-slate-700">登录链接已发送到您的邮箱，15 分钟内有效且仅可使用一次。</p>
      <Link href="/login" className="mt-6 inline-block text-brand-700 underline">
        返回登录
      </Link>
    </main>
  );
}
