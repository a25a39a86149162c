import type { ReactNode, TextareaHTMLAttributes } from 'react';

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string; error?: string | string[]; hint?: ReactNode };

/** A labelled textarea whose error sits next to it and is announced, like Field. */
export function TextareaField({ label, name, error, hint, id, ...rest }: Props) {
  const inputId = id ?? `f-${name}`;
  const message = Array.isArray(error) ? error[0] : error;
  const describedBy = [hint ? `${inputId}-hint` : null, message ? `${inputId}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="mb-4">
      <label htmlFor={inputId} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
        {rest.required ? <span className="ml-0.5 text-red-700" aria-hidden>*</span> : null}
      </label>
      <textarea
        id={inputId}
        name={name}
        rows={4}
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={`block w-full rounded border px-3 py-2 text-sm ${message ? 'border-red-600' : 'border-slate-400'} bg-white`}
        {...rest}
      />
      {hint ? <p id={`${inputId}-hint`} className="mt-1 text-xs text-slate-600">{hint}</p> : null}
      {message ? <p id={`${inputId}-error`} className="mt-1 text-sm text-red-700">{message}</p> : null}
    </div>
  );
}
