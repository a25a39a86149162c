import type { InputHTMLAttributes, ReactNode } from 'react';

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  error?: string | string[];
  hint?: ReactNode;
};

/** A labelled input whose error sits next to it and is announced (aria-describedby + aria-invalid). */
export function Field({ label, name, error, hint, id, className, ...rest }: FieldProps) {
  const inputId = id ?? `f-${name}`;
  const message = Array.isArray(error) ? error[0] : error;
  const describedBy = [hint ? `${inputId}-hint` : null, message ? `${inputId}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={className ?? 'mb-4'}>
      <label htmlFor={inputId} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
        {rest.required ? <span className="ml-0.5 text-red-700" aria-hidden>*</span> : null}
      </label>
      <input
        id={inputId}
        name={name}
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={`block w-full rounded border px-3 py-2 text-sm ${message ? 'border-red-600' : 'border-slate-400'} bg-white`}
        {...rest}
      />
      {hint ? (
        <p id={`${inputId}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {message ? (
        <p id={`${inputId}-error`} className="mt-1 text-sm text-red-700">
          {message}
        </p>
      ) : null}
    </div>
  );
}

export function FormMessage({ state }: { state: { ok: boolean; message?: string } | null }) {
  if (!state?.message) return null;
  return (
    <p
      role={state.ok ? 'status' : 'alert'}
      className={`mb-4 rounded border p-3 text-sm ${state.ok ? 'border-green-300 bg-green-50 text-green-900' : 'border-red-300 bg-red-50 text-red-900'}`}
    >
      {state.message}
    </p>
  );
}
