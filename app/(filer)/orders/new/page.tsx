import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { planDraft, WebsiteChoiceNeeded, type DraftPlan } from '@/db/orders/drafts';
import { ORDER_TYPES, type OrderTypeValue } from '@/lib/domain/codes';
import { PublicError } from '@/lib/errors';
import { FINDING_CATALOGUE, isFindingCode, ORDER_TYPE_EXPLANATIONS, ORDER_TYPE_LABELS } from '@/lib/remediation';
import { StartOrderForm } from './start-form';
import { getFilingForOwner } from '@/db/queries/filings';
import { compareIcpNumbers } from '@/lib/filings/sort';

export const metadata: Metadata = { title: '确认发起订单' };

type Query = { type?: string; subject?: string; website?: string; finding?: string; domain?: string };
const one = (v: string | string[] | undefined) => (typeof v === 'string' && v ? v : undefined);

/**
 * The page every "办理" link leads to. It only shows what would be created (which order, for which 主体 and
 * 网站, and why) and offers 确认发起, a POST to startOrderAction: a GET never creates anything, so a link
 * followed from another site, a crawler or a prefetch changes nothing. An open order of the subject is
 * offered instead; an order the filing cannot take says why.
 */
export default async function NewOrderPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser(['filer']);
  const raw = await searchParams;
  const q: Query = { type: one(raw.type), subject: one(raw.subject), website: one(raw.website), finding: one(raw.finding), domain: one(raw.domain) };
  if (!q.type || !(ORDER_TYPES as readonly string[]).includes(q.type) || !q.subject) notFound();
  const type = q.type as OrderTypeValue;
  const label = ORDER_TYPE_LABELS[type];
  let plan: DraftPlan | null = null;
  let refusal: string | null = null;
  try {
    plan = await planDraft(await getDb(), { ownerId: user.id, type, subjectId: q.subject, websiteId: q.website ?? null, findingId: q.finding ?? null, domainId: q.domain ?? null });
  } catch (err) {
    if (err instanceof WebsiteChoiceNeeded) return <WebsitePicker userId={user.id} q={{ ...q, subject: q.subject }} label={label} />;
    if (err instanceof PublicError && err.name === 'NotFoundError') notFound();
    if (!(err instanceof PublicError)) throw err;
    refusal = err.message;
  }
  const back = q.finding ? { href: `/rectifications/${q.finding}`, text: '返回整改页' } : { href: `/subjects/${q.subject}`, text: '返回备案主体' };
  const fields = Object.fromEntries(Object.entries(q).filter((e): e is [string, string] => Boolean(e[1])));
  const finding = plan?.finding && isFindingCode(plan.finding.code) ? FINDING_CATALOGUE[plan.finding.code].notice : null;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <nav aria-label="面包屑" className="text-sm text-slate-600">
        <Link href="/dashboard" className="underline">我的备案</Link> / 发起{label}
      </nav>
      <h1 className="text-2xl font-semibold">确认发起{label}</h1>
      {refusal ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">{refusal}</p>
      ) : plan ? (
        <section aria-labelledby="what" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <h2 id="what" className="text-lg font-semibold">将要办理的业务</h2>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-600">业务类型</dt>
            <dd>{label}</dd>
            <dt className="text-slate-600">备案主体</dt>
            <dd>{plan.subject.name}{plan.subject.icpNumber ? `（${plan.subject.icpNumber}）` : ''}</dd>
            {plan.website ? (
              <>
                <dt className="text-slate-600">网站</dt>
                <dd>{plan.website.name}</dd>
              </>
            ) : null}
            {plan.domain ? (
              <>
                <dt className="text-slate-600">涉及域名</dt>
                <dd>{plan.domain.name}</dd>
              </>
            ) : null}
            {finding ? (
              <>
                <dt className="text-slate-600">办理原因</dt>
                <dd>整改通知：{finding}</dd>
              </>
            ) : null}
          </dl>
          <p className="mt-4 text-sm text-slate-700">{ORDER_TYPE_EXPLANATIONS[type].explanation}</p>
          {plan.openOrderId ? (
            <p className="mt-4 rounded border border-blue-200 bg-blue-50 p-3 text-sm text-blue-900">
              该主体已有进行中的订单，同一主体同时只能有一个进行中的订单。{' '}
              <Link href={`/orders/${plan.openOrderId}`} className="font-medium underline">查看进行中的订单</Link>
            </p>
          ) : (
            <>
              <p className="mt-4 text-sm text-slate-700">
                确认后将{type === 'NEW_WEBSITE' ? '' : '按当前备案信息'}创建一份{label}草稿，您可以逐步填写、随时保存；提交前不会发送给审核人员，草稿也可以随时放弃。
              </p>
              <StartOrderForm fields={fields} label={label} />
            </>
          )}
        </section>
      ) : null}
      <p>
        <Link href={back.href} className="text-brand-700 underline">{back.text}</Link>
      </p>
    </div>
  );
}

/** A website order reached from a subject-level finding (注销网站 for one of several sites): choose the site first. */
async function WebsitePicker({ userId, q, label }: { userId: string; q: Query & { subject: string }; label: string }) {
  const filing = await getFilingForOwner(await getDb(), q.subject, userId);
  if (!filing) notFound();
  const sites = filing.websites.filter((w) => w.status === 'active').sort((a, b) => compareIcpNumbers(a.icpNumber, b.icpNumber));
  const base = Object.fromEntries(Object.entries(q).filter((e): e is [string, string] => Boolean(e[1])));
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold">选择要办理{label}的网站</h1>
      <p className="text-sm text-slate-700">{filing.name}名下有以下网站，请选择要办理{label}的那一个。</p>
      {sites.length === 0 ? (
        <p role="status" className="rounded border border-slate-300 bg-slate-50 p-3 text-sm">该主体下没有可以办理此业务的网站。</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm">
          {sites.map((w) => (
            <li key={w.id} className="p-3">
              <a className="font-medium text-brand-700 underline" href={`/orders/new?${new URLSearchParams({ ...base, website: w.id }).toString()}`}>
                {w.name}（{w.icpNumber}）
              </a>
            </li>
          ))}
        </ul>
      )}
      <p><Link href={q.finding ? `/rectifications/${q.finding}` : `/subjects/${q.subject}`} className="underline">返回</Link></p>
    </div>
  );
}
