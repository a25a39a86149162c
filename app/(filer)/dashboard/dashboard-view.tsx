'use client';
import Link from 'next/link';
import { SubjectCards, TodoList, type SubjectCardView, type TodoItem } from './lists';

// 我的备案, laid out from the view model page.tsx computes on the server. As a client component the page
// crosses to the browser as data; as server elements every heading, card and wrapper was serialised,
// sent and parsed again on each request.

/** `order` is e.g. 「变更网站订单 BA…」; the title, button text and accessible name are put together here. */
export type OrderToActView = { id: string; order: string; state: string; detail: string; draft: boolean };
export type DashboardView = {
  stats: { openFindings: number; openOrders: number; subjects: number };
  ordersToAct: OrderToActView[];
  todo: { items: TodoItem[]; more: number; now: string };
  subjects: SubjectCardView[];
};

export function Dashboard({ view }: { view: DashboardView }) {
  const { stats, ordersToAct, todo, subjects } = view;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">我的备案</h1>
        <p className="mt-1 text-sm text-slate-600">您名下的备案主体与网站，以及需要处理的整改事项。</p>
      </div>

      <dl className="grid grid-cols-3 gap-2 sm:gap-3">
        <Stat label="待整改事项" value={stats.openFindings} tone={stats.openFindings ? 'text-amber-800' : 'text-slate-900'} />
        <Stat label="进行中的订单" value={stats.openOrders} />
        <Stat label="备案主体" value={stats.subjects} />
      </dl>

      <section aria-labelledby="todo">
        <h2 id="todo" className="mb-3 text-lg font-semibold">需要处理</h2>
        {ordersToAct.length > 0 ? (
          <ul aria-label="等待您操作的订单" className="mb-3 divide-y divide-blue-100 rounded-lg border border-blue-200 bg-blue-50">
            {ordersToAct.map((o) => {
              const action = o.draft ? '继续填写' : '处理订单';
              return (
                <li key={o.id} className="flex flex-wrap items-center gap-3 p-4">
                  <div className="min-w-0 flex-1">
                    <p className="font-medium text-blue-950">{`${o.order}（${o.state}）`}</p>
                    <p className="text-sm text-blue-900">{o.detail}</p>
                  </div>
                  <Link href={`/orders/${o.id}`} aria-label={`${action}：${o.order}`} className="btn-primary">
                    {action}
                  </Link>
                </li>
              );
            })}
          </ul>
        ) : null}
        {todo.items.length === 0 ? (
          <p className="rounded border border-green-200 bg-green-50 p-4 text-sm text-green-900">
            暂无待整改事项，您的备案信息核查均已通过。收到新的整改通知时，我们会通过邮件告知您，并在这里列出。
          </p>
        ) : (
          <>
            <TodoList items={todo.items} now={todo.now} />
            {todo.more > 0 ? (
              <p className="mt-3 text-sm text-slate-700">
                {`以上为截止日期最近的 ${todo.items.length} 项，另有 ${todo.more} 项。`}{' '}
                <Link href="/notices" className="font-medium text-brand-700 underline">
                  到整改通知查看全部不合格项
                </Link>
              </p>
            ) : null}
          </>
        )}
      </section>

      <section aria-labelledby="filings" className="space-y-4">
        <h2 id="filings" className="text-lg font-semibold">备案信息</h2>
        {subjects.length === 0 ? (
          <p className="rounded border border-slate-200 bg-white p-4 text-sm text-slate-700">
            您名下暂无备案主体。如备案在其他账号下，请使用该账号登录；如您的网站尚未备案，需先办理首次备案。
          </p>
        ) : (
          <SubjectCards subjects={subjects} />
        )}
      </section>
    </div>
  );
}

function Stat({ label, value, tone = 'text-slate-900' }: { label: string; value: number; tone?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <dt className="text-xs text-slate-600 sm:text-sm">{label}</dt>
      <dd className={`mt-1 text-xl font-semibold sm:text-2xl ${tone}`}>{value}</dd>
    </div>
  );
}
