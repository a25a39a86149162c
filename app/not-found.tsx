import Link from 'next/link';

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-20 text-center">
      <p className="text-5xl font-bold text-slate-300">404</p>
      <h1 className="mt-4 text-2xl font-semibold">页面不存在</h1>
      <p className="mt-2 text-slate-700">您访问的页面不存在，或您无权查看该内容。</p>
      <Link href="/" className="mt-6 inline-block rounded bg-brand-700 px-4 py-2 font-medium text-white">返回首页</Link>
    </main>
  );
}
