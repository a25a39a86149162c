import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/app/_server/session';
import { getDb, getDbHandle } from '@/db/client';
import { ownerFinding } from '@/db/owner-cache';
import type { RectificationView } from '@/db/queries/findings';
import { Deadline } from '@/components/deadline';
import { FindingStatusBadge } from '@/components/ui/finding-status-badge';
import { Badge } from '@/components/ui/status-badge';
import { FINDING_CATALOGUE } from '@/lib/remediation';
import { parseAnswers, planFor, questionsFor, type RectificationContext } from '@/lib/rectification/questions';
import { sourceLabel } from '@/lib/rectification/source';
import { filedFacts } from '@/lib/rectification/filed-value';
import { ORDER_STATE_LABELS } from '@/lib/orders/state-machine';
import { ORDER_TYPE_NAMES } from '@/lib/notify/order-emails';
import { formatCalendarDate, formatDate, formatDateTime } from '@/lib/time';
import { AnsweredList, OptionSteps, OptionsForm, QuestionForm } from './decision';
import { ExtensionForm } from './extension-form';
import { EXTENSION_DECIDED_BY } from '@/lib/notices/policy';
import { SelfCheckPanel } from '@/components/self-check';
import { runSelfCheckAction } from '@/app/_actions/self-check';
import { latestSelfCheck } from '@/db/checks/self-check';
import { WEBSITE_CHECK_CODES, websiteCheckRemedies } from '@/lib/checks/website-codes';
import { UNRESOLVED_FINDING_STATUSES } from '@/lib/domain/codes';

export const metadata: Metadata = { title: '整改详情' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The e-mail deep-link target: one finding, why it failed, and the one right remedy for this filer. */
export default async function RectificationPage({ params, searchParams }: Props) {
  const user = await requirePageUser(['filer']);
  const { id } = await params;
  // Another filer's finding and a missing one look the same: 404, nothing about it rendered.
  const v = await ownerFinding(await getDbHandle(), user.id, id);
  if (!v) notFound();
  const entry = FINDING_CATALOGUE[v.finding.code];
  const closed = v.finding.status === 'resolved';
  const unresolved = (UNRESOLVED_FINDING_STATUSES as readonly string[]).includes(v.finding.status);
  const objectName = v.website ? (v.domain && entry.scope === 'domain' ? v.domain.name : v.website.name) : v.subject.name;

  return (
    <div className="space-y-6">
      <nav aria-label="面包屑" className="text-sm text-slate-600">
        <Link href="/dashboard" className="underline">我的备案</Link> / <Link href="/notices" className="underline">整改通知</Link> / 整改详情
      </nav>
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">{entry.notice}</h1>
          <FindingStatusBadge status={v.finding.status} />
        </div>
        <p className="text-sm text-slate-700">
          {v.subject.name}（{v.subject.icpNumber}）
          {v.website ? ` · ${v.website.name}（${v.website.icpNumber}）` : ''}
          {v.domain ? ` · 域名 ${v.domain.name}` : ''}
        </p>
        {v.subject.accessCancelledAt && v.subject.status === 'access_cancelled' ? (
          <p className="text-sm font-medium text-red-800">已于 {formatDate(v.subject.accessCancelledAt)} 因超期未整改被取消接入</p>
        ) : !closed ? (
          <p className="text-sm">
            整改截止：<Deadline date={v.finding.deadline} />
          </p>
        ) : null}
      </header>

      <Facts v={v} />
      <Progress v={v} />
      {v.website && v.website.status !== 'cancelled' && WEBSITE_CHECK_CODES.includes(v.finding.code) ? (
        <SelfCheckPanel
          run={runSelfCheckAction}
          websiteId={v.website.id}
          websiteName={v.website.name}
          path={`/rectifications/${v.finding.id}`}
          latest={(await latestSelfCheck(await getDb(), v.website.id)) ?? null}
          remedies={websiteCheckRemedies()}
        />
      ) : null}

      <section aria-labelledby="why" className="grid gap-4 md:grid-cols-2">
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="why" className="font-semibold">可能的原因</h2>
          <p className="mt-1 text-sm text-slate-700">{entry.cause}</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="font-semibold">整改期内与整改期后</h2>
          <p className="mt-1 text-sm text-slate-700"><span className="font-medium">整改期内：</span>{entry.duringPeriod}</p>
          <p className="mt-1 text-sm text-slate-700"><span className="font-medium">超过整改期：</span>{entry.afterPeriod}</p>
        </div>
        <p className="text-xs text-slate-500 md:col-span-2">来源：{sourceLabel(entry.source)}</p>
      </section>

      {unresolved || v.finding.status === 'access_cancelled' ? (
        <Decision v={v} objectName={objectName} searchParams={await searchParams} />
      ) : null}

      {unresolved ? <Extension v={v} /> : null}
    </div>
  );
}

function Facts({ v }: { v: RectificationView }) {
  const { filedValue, observedValue, detail } = v.finding;
  if (!filedValue && !observedValue && !detail) return null;
  // The filed value is that of the check's day: after a change order the filing says something else now.
  const { changedTo } = filedFacts(v.finding.code, filedValue, v);
  return (
    <section aria-labelledby="facts" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="facts" className="font-semibold">核查发现</h2>
      <dl className="mt-2 grid gap-3 text-sm sm:grid-cols-2">
        {filedValue ? (
          <div>
            <dt className="text-slate-600">核查时的备案信息</dt>
            <dd className="font-medium">{filedValue}</dd>
          </div>
        ) : null}
        {changedTo ? (
          <div>
            <dt className="text-slate-600">当前备案信息（核查后已变更）</dt>
            <dd className="font-medium">{changedTo}</dd>
          </div>
        ) : null}
        {observedValue ? (
          <div>
            <dt className="text-slate-600">核查结果</dt>
            <dd className="font-medium text-red-800">{observedValue}</dd>
          </div>
        ) : null}
        {detail ? (
          <div className="sm:col-span-2">
            <dt className="text-slate-600">说明</dt>
            <dd>{detail}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}

/** Where this finding stands: the order working on it, the latest 复核 and the 延期 request. */
function Progress({ v }: { v: RectificationView }) {
  const { recheck, openOrder, finding } = v;
  if (!recheck && !openOrder && finding.status !== 'resolved') return null;
  return (
    <section aria-labelledby="progress" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="progress" className="font-semibold">整改进度</h2>
      <ul className="mt-2 space-y-2 text-sm">
        {finding.status === 'resolved' ? (
          <li className="flex flex-wrap items-center gap-2">
            <Badge tone="green" icon="✓">已整改</Badge>
            该整改项已完成{finding.resolvedAt ? `（${formatDate(finding.resolvedAt)}）` : ''}，无需再操作。
          </li>
        ) : null}
        {openOrder ? (
          <li>
            进行中的订单：{ORDER_TYPE_NAMES[openOrder.type]} {openOrder.number}（{ORDER_STATE_LABELS[openOrder.state]}）{' '}
            <Link href={`/orders/${openOrder.id}`} className="font-medium text-brand-700 underline">查看订单</Link>
          </li>
        ) : null}
        {recheck ? <RecheckStatus r={recheck} /> : null}
      </ul>
    </section>
  );
}

function RecheckStatus({ r }: { r: NonNullable<RectificationView['recheck']> }) {
  if (r.state === 'pending') {
    return (
      <li className="flex flex-wrap items-center gap-2">
        <Badge tone="blue" icon="…">复核中</Badge>
        {formatDateTime(r.createdAt)} 提交的复核申请正在等待审核专员核实。
      </li>
    );
  }
  if (r.state === 'closed') {
    return (
      <li>
        <span className="flex flex-wrap items-center gap-2">
          <Badge tone="slate" icon="–">复核已结束</Badge>
          {r.decidedAt ? formatDateTime(r.decidedAt) : ''} 整改事项已关闭，复核申请无需再审核。
        </span>
        {r.decisionReason ? <span className="mt-1 block text-slate-700">{r.decisionReason}</span> : null}
      </li>
    );
  }
  if (r.state === 'accepted') {
    return (
      <li className="flex flex-wrap items-center gap-2">
        <Badge tone="green" icon="✓">复核通过</Badge>
        {r.decidedAt ? formatDateTime(r.decidedAt) : ''} 审核专员已确认整改完成。
      </li>
    );
  }
  return (
    <li>
      <span className="flex flex-wrap items-center gap-2">
        <Badge tone="red" icon="✕">复核未通过</Badge>
        {r.decidedAt ? formatDateTime(r.decidedAt) : ''} 审核专员退回了复核申请，请按意见处理后重新申请复核。
      </span>
      {r.decisionReason ? <span className="mt-1 block rounded bg-red-50 p-2 text-red-900">退回原因：{r.decisionReason}</span> : null}
    </li>
  );
}

async function Decision({ v, objectName, searchParams }: { v: RectificationView; objectName: string; searchParams: Record<string, string | string[] | undefined> }) {
  const entry = FINDING_CATALOGUE[v.finding.code];
  const reaccess = v.subject.status === 'access_cancelled' || v.website?.status === 'access_cancelled' || v.finding.status === 'access_cancelled';
  const ctx: RectificationContext = {
    finding: v.finding.code,
    scope: entry.scope,
    reaccess,
    objectName,
    subject: { nature: v.subject.nature, province: v.subject.provinceCode, websiteCount: v.websiteCount },
    website: v.website ? { domainCount: v.domainCount } : undefined,
    openOrder: v.openOrder !== null,
    siteOnly: reaccess && v.subject.status !== 'access_cancelled',
  };
  const answers = parseAnswers(searchParams);
  const { answered, next } = questionsFor(ctx, answers);
  const options = planFor(ctx, answers);
  const chosen = options?.find((o) => o.id === answers.option);
  const basePath = `/rectifications/${v.finding.id}`;
  return (
    <>
      <section aria-labelledby="questions" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="questions" className="text-lg font-semibold">{next ? (reaccess ? '重新接入：请先回答几个问题' : '请先回答一个问题') : '您的回答'}</h2>
        {reaccess ? (
          <p className="mt-1 text-sm text-slate-700">
            该备案已因超期未整改被取消接入，网站无法在本接入商正常访问。根据工信部备案查询的结果，办理方式不同。
          </p>
        ) : null}
        <div className="mt-4">
          <AnsweredList answered={answered} answers={answers} basePath={basePath} />
          {next ? <QuestionForm question={next} answers={answers} /> : null}
        </div>
      </section>
      {options ? (
        <section aria-labelledby="options" className="space-y-3">
          <h2 id="options" className="text-lg font-semibold">整改方案</h2>
          <p className="text-sm text-slate-700">根据您的回答，可以这样整改（推荐的方案排在第一位）：</p>
          <OptionsForm options={options} answers={answers} />
        </section>
      ) : null}
      {chosen ? (
        <OptionSteps
          option={chosen}
          ctx={{
            findingId: v.finding.id,
            subjectId: v.subject.id,
            websiteId: v.website?.id ?? null,
            domainId: answers.intent === 'retire' && v.domain ? v.domain.id : null,
            openOrder: v.openOrder,
            recheckPending: v.recheck?.state === 'pending',
            footer: v.website ? { siteIcpNumber: v.website.icpNumber, subjectIcpNumber: v.subject.icpNumber, province: v.subject.provinceCode } : undefined,
          }}
        />
      ) : null}
    </>
  );
}

function Extension({ v }: { v: RectificationView }) {
  const ext = v.extension;
  return (
    <section aria-labelledby="extension" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id="extension" className="text-lg font-semibold">整改延期</h2>
      {ext ? (
        <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          {ext.state === 'pending' ? <Badge tone="amber" icon="…">待审核</Badge> : null}
          {ext.state === 'granted' ? <Badge tone="green" icon="✓">已批准</Badge> : null}
          {ext.state === 'refused' ? <Badge tone="red" icon="✕">已拒绝</Badge> : null}
          {ext.state === 'closed' ? <Badge tone="slate" icon="–">已结束</Badge> : null}
          <span>
            {ext.state === 'pending' ? `您已于 ${formatDateTime(ext.createdAt)} 申请延期，请在审核结果出来前继续整改。` : null}
            {ext.state === 'granted' ? `新截止日期：${ext.newDeadline ? formatCalendarDate(ext.newDeadline) : '见上方'}。` : null}
            {ext.state === 'refused' ? '延期申请未获批准，请在原截止日期前完成整改。' : null}
            {ext.state === 'closed' ? '延期申请已随原整改事项关闭而结束，请在上方的截止日期前完成整改。' : null}
          </span>
        </p>
      ) : (
        <>
          <p className="mb-3 mt-1 text-sm text-slate-700">如确实无法在截止日期前完成整改，可申请一次延期，由{EXTENSION_DECIDED_BY.label}决定是否批准。</p>
          <ExtensionForm findingId={v.finding.id} />
        </>
      )}
    </section>
  );
}
