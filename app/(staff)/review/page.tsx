import { requirePageUser } from '@/app/_server/session';

export const metadata = { title: '初审队列' };

export default async function ReviewQueuePage() {
  await requirePageUser(['reviewer', 'admin']);
  return (
    <div>
      <h1 className="text-2xl font-semibold">初审队列</h1>
      <p className="mt-2 text-slate-700">初审队列由 issue 5（初审控制台）构建。</p>
    </div>
  );
}
