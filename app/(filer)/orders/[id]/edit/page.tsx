import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { requirePageUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { getOrderForOwner, isEditable, materialsOf, reviewBasis } from '@/db/orders/drafts';
import { orderFindingCodes, orderLabels } from '@/db/queries/orders';
import { OrderWizard } from './wizard';
import { ORDER_TYPE_EXPLANATIONS, ORDER_TYPE_LABELS } from '@/lib/remediation';
import { REJECTION_REASONS } from '@/lib/remediation/rejection-reasons';
import { openFieldsFor } from '@/lib/orders/finding-fields';
import { REQUIRED_MATERIALS, openingStep, rejectionPath } from '@/lib/orders/steps';
import { getProvince } from '@/lib/rules/provinces';
import { NotFoundError } from '@/lib/errors';
import { cancelWarnings } from '@/lib/remediation/cancel-warnings';
import { subjectDomainNames } from '@/db/queries/filings';
import { uploadProblemMessage } from '@/lib/validation/upload';
import { contactStatuses } from '@/db/contacts/verification';

export const metadata: Metadata = { title: '填写备案订单' };

export default async function EditOrderPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ step?: string; uploadError?: string; uploadKind?: string }> }) {
  const user = await requirePageUser(['filer']);
  const [{ id }, { step: askedStep, uploadError, uploadKind }] = await Promise.all([params, searchParams]);
  const refusal = uploadProblemMessage(uploadError);
  const db = await getDb();
  const order = await getOrderForOwner(db, id, user.id).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  // Only a draft or a rejected order can be edited; anything else is followed on its page.
  if (!isEditable(order.state)) redirect(`/orders/${order.id}`);
  const [{ ctx, current }, materials, findings, labels] = await Promise.all([reviewBasis(db, order), materialsOf(db, order.id), orderFindingCodes(db, order.id), orderLabels(db, order)]);
  // The new or changed 负责人 contacts of the saved draft, each with whether the filer has confirmed it with a code.
  const contacts = await contactStatuses(db, order, { current });
  const creates = order.type === 'NEW_WEBSITE' || order.type === 'FIRST_FILING';
  const rejections = (order.rejection ?? []).map((r) => {
    const reason = REJECTION_REASONS.find((x) => x.code === r.code);
    const text = [reason?.reason, reason?.fix, r.note].filter(Boolean).join(' ');
    return { path: rejectionPath(order.type, r.field ?? reason?.field), text };
  });
  const initialStep = openingStep(order.type, order.state, order.wizardStep, askedStep, rejections.map((r) => r.path));
  const open = openFieldsFor(order.type, findings.map((f) => f.code), rejections.map((r) => r.path));
  const extra = getProvince(order.provinceCode)?.extraDocuments;
  const typeLabel = ORDER_TYPE_LABELS[order.type];
  const cancelDomains = order.type === 'CANCEL_SUBJECT' && order.subjectId ? await subjectDomainNames(db, order.subjectId) : (current.website?.domains ?? []).map((d) => d.name);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <nav aria-label="面包屑" className="text-sm text-slate-600">
        <Link href="/orders" className="underline">我的订单</Link> / <Link href={`/orders/${order.id}`} className="underline">{order.number}</Link> / 填写
      </nav>
      <header>
        <h1 className="text-2xl font-semibold">{typeLabel}</h1>
        <p className="text-sm text-slate-700">
          订单 {order.number}
          {labels.subject ? ` · ${labels.subject.name}` : ''}
          {labels.website ? ` · ${labels.website.name}（${labels.website.icpNumber}）` : ''}
        </p>
        {/* Cancellations say it on their first step, next to the confirmation. */}
        {order.type.startsWith('CANCEL_') ? null : <p className="mt-2 text-sm text-slate-700">{ORDER_TYPE_EXPLANATIONS[order.type].explanation}</p>}
        <p className="mt-1 text-xs text-slate-600">每完成一步都会自动保存草稿，您可以随时离开，回到本页或订单页继续填写。</p>
      </header>
      <OrderWizard
        order={{ id: order.id, number: order.number, type: order.type, typeLabel, state: order.state, wizardStep: order.wizardStep, version: order.version }}
        initialStep={initialStep}
        ctx={ctx}
        initial={{ ...(order.payload as object), materials }}
        current={current}
        openFields={open ? [...open] : null}
        rejections={rejections}
        explanation={ORDER_TYPE_EXPLANATIONS[order.type].explanation}
        materialsNeeded={REQUIRED_MATERIALS[order.type] ?? []}
        extraDocuments={creates && extra && extra !== 'unknown' ? extra.value : []}
        cancelWarnings={cancelWarnings(order.type, cancelDomains)}
        uploadRefusal={refusal && uploadKind ? { kind: uploadKind, message: refusal } : null}
        contacts={contacts}
      />
    </div>
  );
}
