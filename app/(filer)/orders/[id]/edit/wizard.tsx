'use client';
import { useActionState, useCallback, useEffect, useMemo, useRef, useState, useTransition, type MouseEvent } from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';
import { useRouter } from 'next/navigation';
import { FormProvider, set, useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { OrderState, OrderTypeValue } from '@/lib/domain/codes';
import { stepSchema, validateSteps, type MaterialRef, type WizardContext } from '@/lib/orders/schemas';
import { STEP_TITLES, WIZARD_STEPS, firstStepOf, ipsPath, rejectionApplies, websitePrincipalPath, type MaterialRequirement } from '@/lib/orders/steps';
import { isFieldOpen } from '@/lib/orders/finding-fields';
import { diffView, type CurrentFiling } from '@/lib/orders/diff';
import { toPayload } from '@/lib/orders/invariants';
import { MaterialUpload } from '@/components/material-upload';
import { saveDraftAction, submitOrderAction, wizardFormAction } from '../../actions';
import { STALE_ORDER_MESSAGE } from '@/lib/orders/version';
import type { FieldMeta } from '@/components/orders/wizard-inputs';
import { CancelConfirmation, DiffTable } from '@/components/orders/diff-table';
import { CancelStep, DomainsStep, IpsStep, NewDomainsStep, PrincipalStep, SubjectStep, WebsiteStep } from '@/components/orders/wizard-steps';
import type { ContactStatus } from '@/lib/contacts/verification';
import { ContactVerification } from './contact-verification';

type Values = Record<string, unknown>;

export type WizardProps = {
  order: { id: string; number: string; type: OrderTypeValue; typeLabel: string; state: OrderState; wizardStep: number; version: number };
  /** The step to open (0-based): the one in the address, else the first with a rejected field, else the saved one. */
  initialStep: number;
  ctx: WizardContext;
  initial: Values;
  /** The filing as it stands, as the reviewer sees it: the review step shows the reviewer's rows. */
  current: CurrentFiling;
  openFields: string[] | null;
  rejections: { path: string | null; text: string }[];
  explanation: string;
  materialsNeeded: readonly MaterialRequirement[];
  extraDocuments: readonly { name: string; appliesTo: string }[];
  /** Why the last plain-form upload was refused, for the material of that kind (JavaScript off). */
  uploadRefusal?: { kind: string; message: string } | null;
  /** What the filer must read before confirming a 注销 (lib/remediation/cancel-warnings). */
  cancelWarnings?: readonly string[];
  /** New or changed 负责人 mobiles and e-mails of the saved draft: each needs a code before submitting. */
  contacts: readonly ContactStatus[];
};

export function OrderWizard(p: WizardProps) {
  const steps = WIZARD_STEPS[p.order.type];
  // Without JavaScript the step's form posts to wizardFormAction; when it does not move on (an error, 添加 or
  // 删除 of a list item), the page is rendered again with its answer: that step, what was typed, and why.
  const [posted, formAction] = useActionState(wizardFormAction, null);
  const echo = posted?.data;
  const [step, setStepState] = useState(Math.min(echo?.step ?? p.initialStep, steps.length - 1));
  // The step lives in the address (?step=N): the browser's back and forward move between steps instead of
  // leaving the wizard, and a reload opens the same step.
  const setStep = useCallback((n: number) => {
    setStepState(n);
    window.history.pushState(null, '', stepHref(n));
  }, []);
  useEffect(() => {
    window.history.replaceState(window.history.state, '', stepHref(Math.min(p.initialStep, steps.length - 1)));
    const onPop = () => {
      const n = Number(new URL(window.location.href).searchParams.get('step')) - 1;
      if (Number.isInteger(n) && n >= 0 && n < steps.length) setStepState(n);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [p.initialStep, steps.length]);
  // The resolver reads the step when it validates, which is always after the render that set it.
  const stepRef = useRef(step);
  useEffect(() => {
    stepRef.current = step;
  }, [step]);
  const resolver = useCallback<Resolver<Values>>(
    (values, c, o) => (zodResolver(stepSchema(steps[stepRef.current]!, p.ctx) as never) as unknown as Resolver<Values>)(values, c, o),
    [steps, p.ctx],
  );
  const serverErrors = useMemo(() => nestedErrors(posted && !posted.ok ? posted.fieldErrors : undefined), [posted]);
  const form = useForm<Values>({ defaultValues: echo?.values ?? p.initial, resolver, mode: 'onSubmit', errors: serverErrors });
  const [message, setMessage] = useState<string | null>(posted && !posted.ok ? posted.message : null);
  // The order version this tab last loaded or saved; it travels with every save and the submit.
  const [version, setVersion] = useState(echo?.version ?? p.order.version);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const heading = useRef<HTMLHeadingElement>(null);
  const router = useRouter();
  const first = useRef(true);
  // Until hydrated (or without JavaScript) the form posts itself to wizardFormAction.
  const ready = useHydrated();
  const goTo = (n: number) => (e: MouseEvent) => {
    e.preventDefault();
    setStep(n);
  };

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);

  const open = useMemo(() => (p.openFields ? new Set(p.openFields) : null), [p.openFields]);
  const meta: FieldMeta = useMemo(
    () => ({
      isOpen: (path) => isFieldOpen(open, path),
      rejectionFor: (path) => p.rejections.filter((r) => rejectionApplies(r.path, path)).map((r) => r.text),
    }),
    [open, p.rejections],
  );
  const key = steps[step]!;
  const isReview = key === 'review';
  const resubmitting = p.order.state !== 'DRAFT';

  const materials = (useWatch({ control: form.control, name: 'materials' }) as MaterialRef[] | undefined) ?? [];
  const addMaterial = useCallback(
    (kind: string) => (m: { id: string; fileName: string }) => {
      const cur = (form.getValues('materials') as MaterialRef[] | undefined) ?? [];
      if (cur.some((x) => x.id === m.id)) return;
      const keep = kind === 'extra_document' ? cur : cur.filter((x) => x.kind !== kind);
      form.setValue('materials', [...keep, { id: m.id, kind, fileName: m.fileName }]);
      form.clearErrors('materials');
    },
    [form],
  );
  const uploadHandlers = useMemo(
    () => Object.fromEntries([...p.materialsNeeded.map((m) => m.kind), 'extra_document'].map((k) => [k, addMaterial(k)])),
    [p.materialsNeeded, addMaterial],
  );

  function applyServerErrors(fieldErrors?: Record<string, string[]>) {
    const entries = Object.entries(fieldErrors ?? {});
    // An error the server found on another step (a domain filed meanwhile) is shown at its field, on its step.
    const at = firstStepOf(p.order.type, entries.map(([path]) => path));
    if (at !== null && at !== step) setStep(at);
    for (const [path, msgs] of entries) form.setError(path === '_' ? 'root' : path, { message: msgs[0] });
  }

  const next = form.handleSubmit((values) => {
    setMessage(null);
    start(async () => {
      const target = isReview ? step : step + 1;
      const res = await saveDraftAction(null, { orderId: p.order.id, step: target, completed: step, values, materialIds: materials.map((m) => m.id), version });
      if (!res?.ok) {
        setMessage(res?.message ?? '保存失败，请重试。');
        applyServerErrors(res?.fieldErrors);
        return;
      }
      const saved = res.data?.version ?? version;
      setVersion(saved);
      setUnsaved(false);
      if (!isReview) {
        setSaved(`已保存草稿（${new Date().toLocaleTimeString('zh-CN', { hour12: false })}）`);
        setStep(target);
        window.scrollTo({ top: 0 });
        return;
      }
      const sub = await submitOrderAction(null, { orderId: p.order.id, expectedState: p.order.state, version: saved });
      if (!sub?.ok) {
        setMessage(sub?.message ?? '提交失败，请重试。');
        return;
      }
      router.push(`/orders/${p.order.id}?notice=submitted`);
      router.refresh();
    });
  });

  // Typed but not yet saved (a step is saved when it is left with 下一步): ask before the page is left.
  const [unsaved, setUnsaved] = useState(false);
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const legalRep = p.ctx.legalRepName;
  return (
    <FormProvider {...form}>
      <nav aria-label="填写步骤" className="mb-4">
        <ol className="flex flex-wrap gap-2 text-sm">
          {steps.map((s, i) => (
            <li
              key={s}
              aria-current={i === step ? 'step' : undefined}
              className={`rounded-full px-3 py-1 ${i === step ? 'bg-brand-700 text-white' : i < step ? 'bg-green-50 text-green-800 ring-1 ring-green-600/30' : 'bg-slate-100 text-slate-700'}`}
            >
              <span className="sr-only">{i < step ? '已完成：' : i === step ? '当前步骤：' : '未开始：'}</span>
              {i + 1}. {STEP_TITLES[s]}
            </li>
          ))}
        </ol>
      </nav>
      {/* data-hydrated: typing before React takes over the inputs would be reset; tests wait for this. */}
      <section className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6" aria-labelledby="step-heading" data-hydrated={ready ? '' : undefined}>
        <h2 id="step-heading" ref={heading} tabIndex={-1} className="mb-1 text-lg font-semibold focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-700">
          第 {step + 1} 步（共 {steps.length} 步）：{STEP_TITLES[key]}
        </h2>
        <p aria-live="polite" className="mb-4 min-h-5 text-xs text-slate-600">{saved}</p>
        {p.openFields && !isReview && key !== 'materials' && key !== 'cancel' ? (
          <p className="mb-4 text-sm text-slate-700">已展开需要修改的项目；其他项目沿用当前备案信息，如有变化请点“修改”。</p>
        ) : null}
        {message ? (
          <div role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
            <p>{message}</p>
            {message === STALE_ORDER_MESSAGE ? (
              <button type="button" onClick={() => window.location.reload()} className="mt-2 rounded border border-red-400 bg-white px-3 py-1 font-medium">
                重新加载页面
              </button>
            ) : null}
          </div>
        ) : null}
        {p.rejections.length ? (
          <div className="mb-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" role="region" aria-label="驳回原因汇总">
            <p className="font-medium">审核驳回原因（共 {p.rejections.length} 条，请逐条修改后重新提交）</p>
            <ul className="list-disc pl-5">
              {p.rejections.map((r) => {
                const at = r.path ? firstStepOf(p.order.type, [r.path]) : null;
                return (
                  <li key={`${r.path}-${r.text}`}>
                    {r.text}
                    {at !== null && at !== step ? (
                      <a href={`?step=${at + 1}`} onClick={goTo(at)} className="ml-2 underline">
                        去第 {at + 1} 步修改
                      </a>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
        {key === 'materials' ? (
          <MaterialsStep
            needed={p.materialsNeeded}
            extra={p.extraDocuments}
            materials={materials}
            handlers={uploadHandlers}
            error={(form.formState.errors.materials as { message?: string } | undefined)?.message}
            draft={{ orderId: p.order.id, step: step + 1 }}
            refusal={p.uploadRefusal ?? null}
          />
        ) : null}
        {isReview ? <ContactVerification orderId={p.order.id} contacts={p.contacts} /> : null}
        <form action={formAction} onSubmit={next} onInput={() => setUnsaved(true)} noValidate>
          <input type="hidden" name="orderId" value={p.order.id} />
          <input type="hidden" name="step" value={step} />
          {key === 'subject' ? <SubjectStep meta={meta} ctx={p.ctx} /> : null}
          {key === 'principal' ? <PrincipalStep meta={meta} base="principal" legalRepHint={legalRep ? `单位的主体负责人须为法定代表人（${legalRep}）的省份，请填写法定代表人` : undefined} /> : null}
          {key === 'websitePrincipal' ? <PrincipalStep meta={meta} base={websitePrincipalPath(p.order.type)} /> : null}
          {key === 'website' ? <WebsiteStep meta={meta} /> : null}
          {key === 'domains' ? <DomainsStep ctx={p.ctx} meta={meta} /> : null}
          {key === 'newDomains' ? <NewDomainsStep ctx={p.ctx} meta={meta} /> : null}
          {key === 'ips' ? <IpsStep path={ipsPath(p.order.type)} meta={meta} /> : null}
          {key === 'cancel' ? <CancelStep type={p.order.type} explanation={p.explanation} meta={meta} title={p.order.typeLabel} warnings={p.cancelWarnings ?? []} /> : null}
          {isReview ? <ReviewTable type={p.order.type} typeLabel={p.order.typeLabel} ctx={p.ctx} current={p.current} values={form.getValues()} materials={materials} /> : null}
          <input type="hidden" name="version" value={version} />
          <div className="mt-6 flex flex-wrap gap-3">
            {/* Before hydration (or without JavaScript) both buttons post the form: 上一步 keeps what was typed. */}
            {step > 0 ? (
              ready ? (
                <button type="button" onClick={() => setStep(step - 1)} className="rounded border border-slate-400 px-4 py-2 text-sm">
                  上一步
                </button>
              ) : (
                <button type="submit" name="intent" value="back" formNoValidate className="rounded border border-slate-400 px-4 py-2 text-sm">
                  上一步
                </button>
              )
            ) : null}
            <button type="submit" name="intent" value="next" disabled={pending} className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60">
              {pending ? '正在保存…' : isReview ? (resubmitting ? '修改后重新提交' : '提交订单') : '下一步'}
            </button>
          </div>
        </form>
      </section>
    </FormProvider>
  );
}

type MaterialsStepProps = {
  needed: readonly MaterialRequirement[];
  extra: readonly { name: string; appliesTo: string }[];
  materials: MaterialRef[];
  handlers: Record<string, (m: { id: string; fileName: string }) => void>;
  error?: string;
  draft: { orderId: string; step: number };
  refusal: { kind: string; message: string } | null;
};

function MaterialsStep({ needed, extra, materials, handlers, error, draft, refusal }: MaterialsStepProps) {
  const refused = (kind: string) => (refusal?.kind === kind ? refusal.message : null);
  return (
    <div>
      {needed.length === 0 && extra.length === 0 ? <p className="mb-4 text-sm text-slate-700">此业务无需上传材料。</p> : null}
      {needed.map((m) => (
        <MaterialUpload key={m.kind} label={m.label} kind={m.kind} value={materials.find((x) => x.kind === m.kind) ?? null} onUploaded={handlers[m.kind]!} draft={draft} refusal={refused(m.kind)} />
      ))}
      {extra.map((d) => (
        <MaterialUpload key={d.name} label={`${d.name}（${d.appliesTo}）`} kind="extra_document" value={null} onUploaded={handlers.extra_document!} draft={draft} refusal={refused('extra_document')} />
      ))}
      {error ? <p role="alert" className="mb-4 text-sm text-red-700">{error}</p> : null}
    </div>
  );
}

function ReviewTable({ type, typeLabel, ctx, current, values, materials }: { type: OrderTypeValue; typeLabel: string; ctx: WizardContext; current: CurrentFiling; values: Values; materials: MaterialRef[] }) {
  // The values as the steps store them (trimmed, upper-cased), not as typed.
  const checked = validateSteps(ctx, values);
  const payload = toPayload(type, checked.ok ? checked.values : values);
  return (
    <div>
      <p className="mb-3 text-sm text-slate-700">请核对以下变更内容（左为当前备案信息，右为本次提交的信息）。</p>
      <DiffTable rows={diffView(current, payload)} />
      {'confirmed' in payload && payload.confirmed ? <CancelConfirmation typeLabel={typeLabel} /> : null}
      {materials.length ? <p className="mt-3 text-sm">已上传材料：{materials.map((m) => m.fileName).join('、')}</p> : null}
    </div>
  );
}

/** The server's per-field messages (dotted paths) as react-hook-form's nested errors. */
function nestedErrors(fieldErrors: Record<string, string[]> | undefined): FieldErrors<Values> | undefined {
  if (!fieldErrors) return undefined;
  const out: FieldErrors<Values> = {};
  for (const [path, msgs] of Object.entries(fieldErrors)) set(out, path === '_' ? 'root' : path, { type: 'server', message: msgs[0] });
  return out;
}

/** This page's address with `step` (1-based) set, the rest of the query kept. */
function stepHref(step: number): string {
  const url = new URL(window.location.href);
  url.searchParams.set('step', String(step + 1));
  return `${url.pathname}${url.search}${url.hash}`;
}
