import type { Metadata } from 'next';
import { requirePageUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { listSmsOutbox } from '@/db/queries/regulator';
import { Badge } from '@/components/ui/status-badge';
import { maskAllButLast } from '@/lib/privacy/mask';
import { formatDateTime } from '@/lib/time';
import { ScrollRegion } from '@/components/ui/scroll-region';

export const metadata: Metadata = { title: '开发短信' };

const STATUS = { pending: ['amber', '待发送'], sent: ['green', '已发送'], parked: ['red', '发送失败'] } as const;

/** Development SMS inbox: with no SMS gateway configured, the 工信部 verification codes are read here. */
export default async function SmsInboxPage() {
  await requirePageUser(['admin']);
  const messages = await listSmsOutbox(await getDb());
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">开发短信</h1>
        <p className="mt-1 text-sm text-slate-600">未接入短信网关时发出的短信（如工信部短信核验码）显示在这里，仅供开发和演示使用。手机号只显示后四位。</p>
      </div>
      {messages.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-4 text-sm text-slate-700">暂无短信。</p>
      ) : (
        <ScrollRegion label="短信列表" className="rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm [overflow-wrap:anywhere]">
            <caption className="sr-only">短信列表（最新在前）</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">时间</th>
                <th scope="col" className="px-3 py-2 font-medium">接收号码</th>
                <th scope="col" className="px-3 py-2 font-medium">内容</th>
                <th scope="col" className="px-3 py-2 font-medium">状态</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {messages.map((m) => (
                <tr key={m.id}>
                  <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(m.createdAt)}</td>
                  <th scope="row" className="px-3 py-2 font-mono font-normal">{maskAllButLast(m.recipient, 4)}</th>
                  <td className="px-3 py-2">{m.text}</td>
                  <td className="px-3 py-2 whitespace-nowrap"><Badge tone={STATUS[m.status][0]}>{STATUS[m.status][1]}</Badge></td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
