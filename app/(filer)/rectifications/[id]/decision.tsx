import Link from 'next/link';
import { Badge } from '@/components/ui/status-badge';
import { ACTION_LABELS, describeStep, type RemediationOption, type Step } from '@/lib/remediation';
import { answerLabel, answersBefore, answersQuery, type Answers, type Question } from '@/lib/rectification/questions';
import { ORDER_STATE_LABELS } from '@/lib/orders/state-machine';
import type { OrderState, OrderTypeValue } from '@/lib/domain/codes';
import { sourceLabel } from '@/lib/rectification/source';
import { RecheckForm } from './recheck-form';
import { footerAdvice, type FooterFacts } from '@/lib/checks/footer';
import { WEBSITE_ORDER_TYPES } from '@/lib/orders/steps';

// The decision tree of the rectification page: answered questions, the next question, the plan's options
// and the chosen option's steps. Everything is a plain GET form or link, so it works without JavaScript.

const hiddenAnswers = (a: Answers, except: (keyof Answers)[]) =>
  (Object.entries(a) as [keyof Answers, string | undefined][])
    .filter(([k, v]) => v && !except.includes(k))
    .map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />);

export function AnsweredList({ answered, answers, basePath }: { answered: { q: Question; value: string }[]; answers: Answers; basePath: string }) {
  if (answered.length === 0) return null;
  return (
    <dl className="mb-4 space-y-2 text-sm">
      {answered.map(({ q, value }) => (
        <div key={q.name} className="flex flex-wrap items-baseline gap-x-2">
          <dt className="text-slate-600">{q.legend}</dt>
          <dd className="font-medium">
            {answerLabel(q, value)}{' '}
            <Link href={`${basePath}${answersQuery(answersBefore(answers, q.name))}`} className="ml-1 font-normal text-brand-700 underline" aria-label={`修改回答：${q.legend}`}>
              修改
            </Link>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function QuestionForm({ question, answers }: { question: Question; answers: Answers }) {
  return (
    <form method="get" className="rounded-lg border border-brand-700/40 bg-white p-4">
      {hiddenAnswers(answers, [question.name, 'option'])}
      <fieldset>
        <legend className="font-medium">{question.legend}</legend>
        {question.hint ? <p className="mt-1 text-sm text-slate-600">{question.hint}</p> : null}
        {question.link ? (
          <a href={question.link.href} target="_blank" rel="noreferrer" className="mt-1 inline-block text-sm text-brand-700 underline">
            {question.link.label}
          </a>
        ) : null}
        <div className="mt-3 space-y-2">
          {question.choices.map((c, i) => (
            <label key={c.value} className="flex cursor-pointer items-start gap-2 rounded border border-slate-200 p-3 hover:bg-slate-50">
              <input type="radio" name={question.name} value={c.value} required defaultChecked={i === 0} className="mt-1" />
              <span>{c.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="mt-4 rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-600">下一步</button>
    </form>
  );
}

export function OptionsForm({ options, answers }: { options: RemediationOption[]; answers: Answers }) {
  const chosen = answers.option ?? options[0]?.id;
  return (
    <form method="get" action="#plan-steps">
      {hiddenAnswers(answers, ['option'])}
      <fieldset>
        <legend className="sr-only">选择整改方案</legend>
        <div className="space-y-3">
          {options.map((o) => (
            <div key={o.id} className="rounded-lg border border-slate-200 bg-white p-4 has-[:checked]:border-brand-700 has-[:checked]:ring-1 has-[:checked]:ring-brand-700">
              <label className="flex cursor-pointer items-start gap-3">
                <input type="radio" name="option" value={o.id} defaultChecked={o.id === chosen} aria-describedby={`opt-${o.id}`} className="mt-1.5" />
                <span className="flex flex-wrap items-center gap-2 font-medium">
                  {o.title}
                  {o.recommended ? <Badge tone="green" icon="★">推荐</Badge> : null}
                </span>
              </label>
              <ol id={`opt-${o.id}`} className="mt-2 space-y-1 pl-7 text-sm text-slate-600">
                {o.steps.map((step, i) => {
                  const d = describeStep(step);
                  return (
                    <li key={i}>
                      <span className="font-medium text-slate-800">{i + 1}. {d.label}</span>：{d.explanation}
                    </li>
                  );
                })}
              </ol>
            </div>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="mt-4 rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-600">查看办理步骤</button>
    </form>
  );
}

export type StepContext = {
  findingId: string;
  subjectId: string;
  websiteId: string | null;
  /** Only for an option that deletes the finding's domain: the wizard preselects its deletion. */
  domainId: string | null;
  openOrder: { id: string; number: string; state: OrderState } | null;
  recheckPending: boolean;
  /** The numbers this site's footer is judged by: the FIX_FOOTER step names the exact one. */
  footer?: FooterFacts;
};

export function wizardHref(order: OrderTypeValue, c: StepContext): string {
  const p = new URLSearchParams({ type: order, subject: c.subjectId });
  if (c.websiteId) p.set('website', c.websiteId);
  p.set('finding', c.findingId);
  if (c.domainId) p.set('domain', c.domainId);
  return `/orders/new?${p.toString()}`;
}

export function OptionSteps({ option, ctx }: { option: RemediationOption; ctx: StepContext }) {
  const action = option.steps.find((s): s is Extract<Step, { kind: 'action' }> => s.kind === 'action');
  return (
    <section id="plan-steps" aria-labelledby="plan-steps-title" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id="plan-steps-title" className="text-lg font-semibold">办理步骤：{option.title}</h2>
      <ol className="mt-4 space-y-6">
        {option.steps.map((step, i) => {
          const d = describeStep(step);
          return (
            <li key={i} className="border-l-4 border-brand-700/30 pl-4">
              <h3 className="font-semibold">第 {i + 1} 步：{d.label}</h3>
              <p className="mt-1 text-sm text-slate-700">{d.explanation}</p>
              <StepBody step={step} ctx={ctx} actionCode={action?.action} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function StepBody({ step, ctx, actionCode }: { step: Step; ctx: StepContext; actionCode?: string }) {
  switch (step.kind) {
    case 'action': {
      const text = ACTION_LABELS[step.action];
      const lines = step.action === 'FIX_FOOTER' && ctx.footer ? footerAdvice(ctx.footer).steps : text.steps;
      return (
        <>
          <ol className="mt-2 list-decimal space-y-1 pl-6 text-sm">
            {lines.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
          <p className="mt-2 text-xs text-slate-500">来源：{sourceLabel(text.source)}</p>
        </>
      );
    }
    case 'order':
      if (ctx.openOrder) return <OpenOrderNote order={ctx.openOrder} />;
      // A website order from a subject-level finding: the filer picks the website on the filing page.
      return WEBSITE_ORDER_TYPES.has(step.order) && !ctx.websiteId ? (
        <Link href={`/subjects/${ctx.subjectId}`} className="mt-3 inline-block rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-600">
          到备案详情选择要{describeStep(step).label}的网站
        </Link>
      ) : (
        <Link href={wizardHref(step.order, ctx)} className="mt-3 inline-block rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-600">
          开始填写{describeStep(step).label}申请
        </Link>
      );
    case 'recheck':
      return ctx.recheckPending ? (
        <p className="mt-2 text-sm font-medium text-blue-900">复核申请已提交，正在等待审核（见页面上方的整改进度）。</p>
      ) : (
        <RecheckForm findingId={ctx.findingId} actionCode={actionCode} />
      );
    case 'abandon_open_order':
      return ctx.openOrder ? (
        <p className="mt-2 text-sm">
          进行中的订单：{ctx.openOrder.number}（{ORDER_STATE_LABELS[ctx.openOrder.state]}）。{' '}
          <Link href={`/orders/${ctx.openOrder.id}`} className="font-medium text-brand-700 underline">前往订单放弃</Link>
        </p>
      ) : (
        <p className="mt-2 text-sm text-slate-700">当前没有进行中的订单，可跳过这一步。</p>
      );
  }
}

function OpenOrderNote({ order }: { order: { id: string; number: string; state: OrderState } }) {
  return (
    <p className="mt-3 rounded border border-blue-200 bg-blue-50 p-3 text-sm text-blue-900">
      该主体已有进行中的订单 {order.number}（{ORDER_STATE_LABELS[order.state]}），同一主体同时只能有一个进行中的订单。{' '}
      <Link href={`/orders/${order.id}`} className="font-medium underline">查看订单 {order.number}</Link>
    </p>
  );
}
