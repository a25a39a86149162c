'use client';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { SUBJECT_NATURES, SUBJECT_NATURE_LABELS, type OrderTypeValue, type SubjectNature } from '@/lib/domain/codes';
import { cancelReasonLabel } from '@/lib/orders/steps';
import { PRINCIPAL_ID_TYPES, SUBJECT_CERT_TYPES, type WizardContext } from '@/lib/orders/schemas';
import { PROVINCE_CODES, getProvince } from '@/lib/rules/provinces';
import { ListButton, StringListField, ValidityField, WizardField, useFieldError, type FieldMeta } from './wizard-inputs';
import { useHydrated } from '@/components/ui/use-hydrated';
import { LIST_LENGTH_SUFFIX, blankDomain } from '@/lib/orders/form-values';

const opts = (list: readonly string[]) => list.map((v) => ({ value: v, label: v }));

export function SubjectStep({ meta, ctx }: { meta: FieldMeta; ctx: WizardContext }) {
  return (
    <>
      {ctx.type === 'FIRST_FILING' ? (
        <WizardField
          path="subject.provinceCode"
          label="所属区域"
          kind="select"
          meta={meta}
          options={PROVINCE_CODES.map((c) => ({ value: c, label: getProvince(c)!.name }))}
          display={(v) => getProvince(String(v))?.name ?? String(v)}
          hint="首次备案在当前证件所在省份办理；单位备案不可以跨省，所属区域须与证件住所在同一省"
        />
      ) : (
        <div className="mb-4 flex flex-wrap items-baseline gap-x-3">
          <span className="w-full text-sm text-slate-600 sm:w-40">所属区域</span>
          <span className="font-medium">{getProvince(ctx.provinceCode)?.name}</span>
          <span className="text-xs text-slate-600">（备案所属省份不能变更）</span>
        </div>
      )}
      <WizardField path="subject.name" label="主办单位名称" meta={meta} />
      <WizardField path="subject.nature" label="主办单位性质" kind="select" meta={meta} options={SUBJECT_NATURES.map((n) => ({ value: n, label: SUBJECT_NATURE_LABELS[n] }))} display={(v) => SUBJECT_NATURE_LABELS[v as SubjectNature]} />
      <WizardField path="subject.certType" label="证件类型" kind="select" meta={meta} options={opts(SUBJECT_CERT_TYPES)} />
      <WizardField path="subject.certNumber" label="证件号码" meta={meta} hint="单位填写18位统一社会信用代码，个人填写18位居民身份证号码" />
      <WizardField path="subject.certAddress" label="证件住所" meta={meta} />
      <WizardField path="subject.mailingAddress" label="通信地址" meta={meta} />
      <WizardField path="subject.legalRepName" label="法定代表人" meta={meta} required={false} hint="单位备案必填，须与营业执照等证件一致" />
    </>
  );
}

export function PrincipalStep({ meta, base, legalRepHint }: { meta: FieldMeta; base: 'principal' | 'website.principal'; legalRepHint?: string }) {
  return (
    <>
      <WizardField path={`${base}.name`} label="姓名" meta={meta} hint={legalRepHint} />
      <WizardField path={`${base}.idType`} label="证件类型" kind="select" meta={meta} options={opts(PRINCIPAL_ID_TYPES)} />
      <WizardField path={`${base}.idNumber`} label="证件号码" meta={meta} />
      <ValidityField path={`${base}.idValidUntil`} label="证件有效期至" meta={meta} />
      <WizardField path={`${base}.mobile`} label="手机号码" kind="tel" inputMode="tel" meta={meta} hint="将接收工信部短信核验码，请填写负责人本人的手机号码" />
      <WizardField path={`${base}.landline`} label="固定电话" kind="tel" meta={meta} required={false} hint="选填，格式：区号-号码" />
      <WizardField path={`${base}.emergencyMobile`} label="应急联系电话" kind="tel" inputMode="tel" meta={meta} />
      <WizardField path={`${base}.email`} label="电子邮箱" kind="email" meta={meta} />
    </>
  );
}

export function WebsiteStep({ meta }: { meta: FieldMeta }) {
  return (
    <>
      <WizardField path="website.name" label="网站名称" meta={meta} hint="至少三个汉字，与网站内容相关；不能是域名、纯数字或字母，不能含符号" />
      <WizardField path="website.serviceContent" label="网站服务内容" meta={meta} />
    </>
  );
}

/** 变更网站 may delete filed domains but never the last one, and never add or edit one. */
export function DomainsStep({ ctx, meta }: { ctx: WizardContext; meta: FieldMeta }) {
  const { watch, setValue } = useFormContext();
  const removed = (watch('removeDomainIds') as string[] | undefined) ?? [];
  const error = useFieldError('removeDomainIds');
  const rejections = meta.rejectionFor('removeDomainIds');
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium text-slate-800">勾选要删除的域名</legend>
      <p id="domains-hint" className="mb-3 text-sm text-slate-700">变更网站只能删除不再使用的域名，不能新增或修改域名；网站至少保留一个域名。删除的域名在管局审核通过后将无法访问。</p>
      <ul className="space-y-2">
        {ctx.domains.map((d) => {
          const checked = removed.includes(d.id);
          const last = !checked && removed.length >= ctx.domains.length - 1;
          return (
            <li key={d.id}>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="removeDomainIds"
                  value={d.id}
                  checked={checked}
                  disabled={last}
                  aria-describedby="domains-hint"
                  onChange={(e) => setValue('removeDomainIds', e.target.checked ? [...removed, d.id] : removed.filter((x) => x !== d.id))}
                />
                删除 {d.name}
                {last ? <span className="text-xs text-slate-600">（网站至少保留一个域名）</span> : null}
              </label>
            </li>
          );
        })}
      </ul>
      {error ? <p className="mt-2 text-sm text-red-700" role="alert">{error}</p> : null}
      {rejections.map((r) => <p key={r} className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">驳回原因：{r}</p>)}
    </fieldset>
  );
}

export function NewDomainsStep({ ctx, meta }: { ctx: WizardContext; meta: FieldMeta }) {
  const { control } = useFormContext();
  const { fields, append, remove } = useFieldArray({ control, name: 'website.domains' });
  const hydrated = useHydrated();
  const listError = useFieldError('website.domains');
  const one = getProvince(ctx.provinceCode)?.oneDomainPerWebsite;
  const onlyOne = one !== undefined && one !== 'unknown' && one.value;
  return (
    <>
      {onlyOne ? <p className="mb-3 text-sm text-slate-700">{getProvince(ctx.provinceCode)?.name}管局规定一个网站只能备案一个域名。</p> : null}
      <input type="hidden" name={`website.domains.${LIST_LENGTH_SUFFIX}`} value={fields.length} />
      {fields.map((f, i) => (
        <fieldset key={f.id} className="mb-4 rounded border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium">域名 {i + 1}</legend>
          <WizardField path={`website.domains.${i}.name`} label="域名" meta={meta} hint="如 example.com，不含 http:// 和路径" />
          <WizardField path={`website.domains.${i}.registrantName`} label="域名持有者" meta={meta} />
          <WizardField path={`website.domains.${i}.registrantIdType`} label="持有者证件类型" meta={meta} />
          <WizardField path={`website.domains.${i}.registrantIdNumber`} label="持有者证件号码" meta={meta} />
          <WizardField path={`website.domains.${i}.expiresOn`} label="域名到期日期" kind="date" meta={meta} />
          {fields.length > 1 ? (
            <ListButton hydrated={hydrated} intent={`remove:website.domains:${i}`} onClick={() => remove(i)}>
              删除域名 {i + 1}
            </ListButton>
          ) : null}
        </fieldset>
      ))}
      {!onlyOne || fields.length === 0 ? (
        <ListButton hydrated={hydrated} intent="add:website.domains" className="mb-2 text-sm text-brand-700 underline" onClick={() => append(blankDomain())}>
          添加域名
        </ListButton>
      ) : null}
      {listError ? <p className="text-sm text-red-700" role="alert">{listError}</p> : null}
    </>
  );
}

export function IpsStep({ path, meta }: { path: 'ips' | 'website.ips'; meta: FieldMeta }) {
  return (
    <>
      <p className="mb-3 text-sm text-slate-700">填写网站使用的本接入商服务器公网 IP 地址，域名须解析到这些 IP。</p>
      <StringListField path={path} label="IP 地址" meta={meta} addLabel="添加 IP 地址" />
    </>
  );
}

export function CancelStep({ type, explanation, meta, title, warnings }: { type: OrderTypeValue; explanation: string; meta: FieldMeta; title: string; warnings: readonly string[] }) {
  const { register, getValues } = useFormContext();
  const error = useFieldError('confirmed');
  // Nothing filed to keep: the reason is always typed, never shown read-only behind 修改.
  const open: FieldMeta = { ...meta, isOpen: () => true };
  return (
    <>
      <section aria-labelledby="consequences" className="mb-4 rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900">
        <h3 id="consequences" className="mb-1 font-semibold">办理{title}后将发生什么</h3>
        <p>{explanation}</p>
        {warnings.length > 0 ? (
          <ul className="mt-2 list-disc space-y-1 pl-5 font-medium">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        ) : null}
        <p className="mt-2 font-semibold">此操作提交后不能撤销。</p>
      </section>
      <WizardField path="reason" label={cancelReasonLabel(type)} kind="textarea" meta={open} />
      <div className="mb-4">
        <label className="flex items-start gap-2 text-sm font-medium">
          <input type="checkbox" defaultChecked={getValues('confirmed') === true} {...register('confirmed')} aria-invalid={error ? true : undefined} aria-describedby={error ? 'confirmed-error' : undefined} className="mt-1" />
          我已了解上述后果，确认办理{title}
        </label>
        {error ? <p id="confirmed-error" className="mt-1 text-sm text-red-700">{error}</p> : null}
      </div>
    </>
  );
}
