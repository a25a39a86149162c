'use client';
import { startTransition } from 'react';
import { useRouter } from 'next/navigation';

// Never a stack trace: the user gets a sentence and a way forward; the digest lets support find the log.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  // A server error (the database away, say) needs the page rendered again on the server, not only here.
  const retry = () => startTransition(() => {
    router.refresh();
    reset();
  });
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-20 text-center">
      <h1 className="text-2xl font-semibold">页面暂时无法显示</h1>
      <p className="mt-2 text-slate-700">系统繁忙或网络异常，请稍后重试。您已填写并保存的内容不会丢失。</p>
      {error.digest ? <p className="mt-2 text-xs text-slate-500">错误编号：{error.digest}</p> : null}
      <button type="button" onClick={retry} className="mt-6 rounded bg-brand-700 px-4 py-2 font-medium text-white">
        重试
      </button>
    </main>
  );
}
