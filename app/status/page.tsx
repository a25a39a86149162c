import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { formatDateTime } from '@/lib/time';

export const metadata: Metadata = { title: '服务状态' };

// A public, dynamic, dependency-free page: users check the service is up, and the benchmarks use it as
// the framework's own floor (the "trivial dynamic page of the same build").
export default async function StatusPage() {
  await connection();
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-2xl font-semibold">服务状态</h1>
      <p className="mt-3 text-slate-700">
        <span className="font-medium text-green-800">✓ 服务正常</span>，服务器时间 {formatDateTime(new Date())}（北京时间）。
      </p>
      <Link href="/login" className="mt-6 inline-block text-brand-700 underline">返回登录</Link>
    </main>
  );
}
