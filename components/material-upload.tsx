'use client';
import { useActionState, useEffect, useId, useState, type FormEvent } from 'react';
import { uploadMaterial } from '@/app/_actions/materials';
import type { SavedMaterial } from '@/db/materials/store';
import { checkUploadSize } from '@/lib/validation/upload';

/**
 * One labelled image upload. The server checks type, structure and size by content; the error appears
 * next to the field. A file outside 200 KB – 4 MB is refused here before a byte is sent (the server would
 * refuse it anyway, and a 50 MB body would only be cut off). `onUploaded` receives the stored material's
 * id (put it in the form / draft).
 */
export function MaterialUpload({
  label,
  kind,
  hint = 'JPG、JPEG、PNG 或 GIF，200 KB – 4 MB',
  value,
  onUploaded,
}: {
  label: string;
  kind: string;
  hint?: string;
  value?: { id: string; fileName: string } | null;
  onUploaded: (m: SavedMaterial) => void;
}) {
  const [state, action, pending] = useActionState(uploadMaterial, null);
  const [tooBig, setTooBig] = useState<string | null>(null);
  const id = useId();
  useEffect(() => {
    if (state?.ok && state.data) onUploaded(state.data);
  }, [state, onUploaded]);
  // Runs before React hands the form to the action; preventDefault keeps the request from being sent.
  const checkSize = (e: FormEvent<HTMLFormElement>) => {
    const file = new FormData(e.currentTarget).get('file');
    const problem = file instanceof File && file.size > 0 ? checkUploadSize(file.size) : null;
    setTooBig(problem);
    if (problem) e.preventDefault();
  };
  const error = tooBig ?? (state && !state.ok ? (state.fieldErrors?.file?.[0] ?? state.message) : null);
  return (
    <form action={action} onSubmit={checkSize} className="mb-4">
      <input type="hidden" name="kind" value={kind} />
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">{label}</label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={id}
          name="file"
          type="file"
          accept="image/jpeg,image/png,image/gif"
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          aria-invalid={error ? true : undefined}
          className="text-sm"
        />
        <button type="submit" disabled={pending} className="rounded border border-brand-700 px-3 py-1 text-sm text-brand-700 disabled:opacity-60">
          {pending ? '上传中…' : '上传'}
        </button>
      </div>
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">{hint}</p>
      {value ? (
        <p className="mt-1 text-sm text-green-800">
          已上传：<a href={`/materials/${value.id}`} target="_blank" rel="noreferrer" className="underline">{value.fileName}</a>
        </p>
      ) : null}
      {error ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700">{error}</p> : null}
    </form>
  );
}
