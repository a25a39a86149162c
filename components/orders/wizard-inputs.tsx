'use client';
import { useState, type ReactNode } from 'react';
import { get, useFormContext } from 'react-hook-form';
import { useHydrated } from '@/components/ui/use-hydrated';
import { LIST_LENGTH_SUFFIX, LONG_TERM_SUFFIX } from '@/lib/orders/form-values';

// Every input carries its value in the server's HTML (defaultValue) and a name that is its dotted path, so
// that the wizard works as a plain form without JavaScript (lib/orders/form-values.ts reads it back).
const asText = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** Context every field of the wizard reads: which fields start open, and the reviewer's reasons per field. */
export type FieldMeta = { isOpen: (path: string) => boolean; rejectionFor: (path: string) => string[] };

export function useFieldError(path: string): string | undefined {
  const { formState } = useFormContext();
  const e = get(formState.errors, path) as { message?: string } | undefined;
  return e?.message;
}

function Rejections({ id, items }: { id: string; items: string[] }) {
  if (!items.length) return null;
  return (
    <div id={id} className="mt-1 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
      {items.map((t) => (
        <p key={t}>驳回原因：{t}</p>
      ))}
    </div>
  );
}

/**
 * One wizard field. Fields the finding does not concern start read-only with a 修改 toggle; a field with an
 * error or a 驳回 reason is always open so the filer can fix it where it is marked.
 */
export function WizardField({
  path,
  label,
  meta,
  kind = 'text',
  options,
  required = true,
  hint,
  display,
  inputMode,
}: {
  path: string;
  label: string;
  meta: FieldMeta;
  kind?: 'text' | 'date' | 'select' | 'textarea' | 'email' | 'tel';
  options?: readonly { value: string; label: string }[];
  required?: boolean;
  hint?: ReactNode;
  display?: (v: unknown) => string;
  inputMode?: 'numeric' | 'tel' | 'email' | 'text';
}) {
  const { register, getValues } = useFormContext();
  const error = useFieldError(path);
  const rejections = meta.rejectionFor(path);
  const [unlocked, setUnlocked] = useState(false);
  const open = unlocked || meta.isOpen(path) || !!error || rejections.length > 0;
  const id = `w-${path.replace(/\./g, '-')}`;
  if (!open) {
    const v = getValues(path);
    return (
      <div className="mb-4 flex flex-wrap items-baseline gap-x-3">
        <span className="w-full text-sm text-slate-600 sm:w-40">{label}</span>
        <span className="font-medium">{display ? display(v) : String(v ?? '') || '—'}</span>
        <button type="button" onClick={() => setUnlocked(true)} className="js-only text-sm text-brand-700 underline" aria-label={`修改${label}`}>
          修改
        </button>
        {/* Without JavaScript the 修改 toggle cannot open the field: the field is there, filled in. */}
        <noscript>
          <label className="mt-1 block w-full text-sm">
            <span className="sr-only">{label}</span>
            {kind === 'select' ? (
              <select name={path} defaultValue={asText(v)} className="block w-full rounded border border-slate-400 bg-white px-3 py-2 text-sm">
                {options?.map((o) => (
                  <option key={o.value} value={o.value}>{o.label}</option>
                ))}
              </select>
            ) : (
              <input name={path} type={kind === 'textarea' ? 'text' : kind} defaultValue={asText(v)} className="block w-full rounded border border-slate-400 bg-white px-3 py-2 text-sm" />
            )}
          </label>
        </noscript>
      </div>
    );
  }
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null, rejections.length ? `${id}-rej` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': required || undefined,
    className: `block w-full rounded border px-3 py-2 text-sm ${error ? 'border-red-600' : 'border-slate-400'} bg-white`,
  };
  return (
    <div className="mb-4">
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
        {required ? <span className="ml-0.5 text-red-700" aria-hidden>*</span> : null}
      </label>
      {kind === 'select' ? (
        <select {...common} defaultValue={asText(getValues(path))} {...register(path)}>
          {options?.map((o) => (
            <option key={o.value} value={o.value}>{o.label}</option>
          ))}
        </select>
      ) : kind === 'textarea' ? (
        <textarea rows={3} {...common} defaultValue={asText(getValues(path))} {...register(path)} />
      ) : (
        <input type={kind} inputMode={inputMode} {...common} defaultValue={asText(getValues(path))} {...register(path)} />
      )}
      {hint ? <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700">{error}</p> : null}
      <Rejections id={`${id}-rej`} items={rejections} />
    </div>
  );
}

/** 证件有效期: a date, or 长期有效 (stored as null). */
export function ValidityField({ path, label, meta }: { path: string; label: string; meta: FieldMeta }) {
  const { register, setValue, watch } = useFormContext();
  const value = watch(path) as string | null;
  const error = useFieldError(path);
  const rejections = meta.rejectionFor(path);
  const [unlocked, setUnlocked] = useState(false);
  const open = unlocked || meta.isOpen(path) || !!error || rejections.length > 0;
  const id = `w-${path.replace(/\./g, '-')}`;
  if (!open) {
    return (
      <div className="mb-4 flex flex-wrap items-baseline gap-x-3">
        <span className="w-full text-sm text-slate-600 sm:w-40">{label}</span>
        <span className="font-medium">{value ?? '长期'}</span>
        <button type="button" onClick={() => setUnlocked(true)} className="js-only text-sm text-brand-700 underline" aria-label={`修改${label}`}>修改</button>
        <noscript>
          <span className="mt-1 flex w-full flex-wrap items-center gap-3 text-sm">
            <label>
              <span className="sr-only">{label}</span>
              <input type="date" name={path} defaultValue={asText(value)} className="rounded border border-slate-400 px-3 py-2" />
            </label>
            <label className="flex items-center gap-1">
              <input type="checkbox" name={`${path}${LONG_TERM_SUFFIX}`} value="1" defaultChecked={value === null} />
              长期有效
            </label>
          </span>
        </noscript>
      </div>
    );
  }
  const longTerm = value === null;
  return (
    <div className="mb-4">
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">{label}<span className="ml-0.5 text-red-700" aria-hidden>*</span></label>
      <div className="flex flex-wrap items-center gap-3">
        <input
          id={id}
          type="date"
          readOnly={longTerm}
          aria-disabled={longTerm || undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? `${id}-error` : null, rejections.length ? `${id}-rej` : null].filter(Boolean).join(' ') || undefined}
          className={`rounded border px-3 py-2 text-sm ${error ? 'border-red-600' : 'border-slate-400'} ${longTerm ? "bg-slate-100" : "bg-white"}`}
          defaultValue={asText(value)}
          {...register(path)}
        />
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" name={`${path}${LONG_TERM_SUFFIX}`} value="1" checked={longTerm} onChange={(e) => setValue(path, e.target.checked ? null : '', { shouldDirty: true })} />
          长期有效
        </label>
      </div>
      {error ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700">{error}</p> : null}
      <Rejections id={`${id}-rej`} items={rejections} />
    </div>
  );
}

/** A list of plain strings (IP addresses): one input each, add and remove. */
export function StringListField({ path, label, meta, addLabel }: { path: string; label: string; meta: FieldMeta; addLabel: string }) {
  const { register, setValue, watch } = useFormContext();
  const hydrated = useHydrated();
  const list = (watch(path) as string[] | undefined) ?? [];
  const listError = useFieldError(path);
  const { formState } = useFormContext();
  const rejections = meta.rejectionFor(path);
  return (
    <fieldset className="mb-4">
      <legend className="mb-1 text-sm font-medium text-slate-800">{label}</legend>
      <input type="hidden" name={`${path}.${LIST_LENGTH_SUFFIX}`} value={list.length} />
      {list.map((_, i) => {
        const p = `${path}.${i}`;
        const e = (get(formState.errors, p) as { message?: string } | undefined)?.message;
        const id = `w-${p.replace(/\./g, '-')}`;
        return (
          <div key={i} className="mb-2">
            <div className="flex items-center gap-2">
              <label htmlFor={id} className="sr-only">{`${label} ${i + 1}`}</label>
              <input id={id} defaultValue={asText(list[i])} {...register(p)} aria-invalid={e ? true : undefined} aria-describedby={[e ? `${id}-error` : null, rejections.length ? `w-${path}-rej` : null].filter(Boolean).join(' ') || undefined} className={`block w-full max-w-sm rounded border px-3 py-2 text-sm ${e ? 'border-red-600' : 'border-slate-400'}`} />
              {list.length > 1 ? (
                <ListButton hydrated={hydrated} intent={`remove:${path}:${i}`} label={`删除${label} ${i + 1}`} onClick={() => setValue(path, list.filter((__, j) => j !== i))}>
                  删除
                </ListButton>
              ) : null}
            </div>
            {e ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700">{e}</p> : null}
          </div>
        );
      })}
      <ListButton hydrated={hydrated} intent={`add:${path}`} onClick={() => setValue(path, [...list, ''])}>{addLabel}</ListButton>
      {listError ? <p className="mt-1 text-sm text-red-700" role="alert">{listError}</p> : null}
      <Rejections id={`w-${path}-rej`} items={rejections} />
    </fieldset>
  );
}

/**
 * 添加 / 删除 of a list item: a plain button with JavaScript; before hydration (or without JavaScript) a
 * submit button whose `intent` the server applies, answering with the same step and nothing typed lost.
 */
export function ListButton({ hydrated, intent, label, onClick, children, className = 'text-sm text-brand-700 underline' }: { hydrated: boolean; intent: string; label?: string; onClick: () => void; children: ReactNode; className?: string }) {
  return hydrated ? (
    <button type="button" className={className} aria-label={label} onClick={onClick}>
      {children}
    </button>
  ) : (
    <button type="submit" name="intent" value={intent} formNoValidate className={className} aria-label={label}>
      {children}
    </button>
  );
}
