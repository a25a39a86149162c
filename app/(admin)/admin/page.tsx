import { requirePageUser } from '@/app/_server/session';

export const metadata = { title: '运营概览' };

export default async function AdminHomePage() {
  await requirePageUser(['admin']);
  return (
    <div>
      <h1 className="text-2xl font-semibold">运营概览</h1>
      <p className="mt-2 text-slate-700">概览图表由 issue 5（运营控制台）构建。</p>
    </div>
  );
}
