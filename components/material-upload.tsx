'use client';
import { useId, useState, type FormEvent } from 'react';
import type { SavedMaterial } from '@/db/materials/store';
import { checkUploadSize } from '@/lib/validation/upload';
import { MATERIAL_UPLOAD_PATH, type UploadReply } from '@/lib/http/body-limits';
import { postFormWithProgress } from './post-form';
import { useHydrated } from './ui/use-hydrated';

/**
 * One labelled image upload, posted to the upload route (app/materials/upload/route.ts). Picking a file
 * uploads it, with a progress bar; without JavaScript an 上传 button posts the same form. The server checks
 * type, structure and size by content; the error appears next to the field. A file outside 200 KB – 4 MB
 * is refused here before a byte is sent (the server would refuse it anyway: 413 past its body limit).
 * `onUploaded` receives the stored material's id (put it in the form / draft).
 */
export function MaterialUpload({
  label,
  kind,
  hint = 'JPG、JPEG、PNG 或 GIF，200 KB – 4 MB',
  value,
  onUploaded,
  draft,
  refusal,
}: {
  label: string;
  kind: string;
  hint?: string;
  value?: { id: string; fileName: string } | null;
  onUploaded: (m: SavedMaterial) => void;
  /** The wizard step this upload belongs to: without JavaScript the image goes onto that draft and the filer back to the step. */
  draft?: { orderId: string; step: number };
  /** Why the last plain-form upload was refused (the step's address names it). */
  refusal?: string | null;
}) {
  const [state, setState] = useState<UploadReply<SavedMaterial> | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [tooBig, setTooBig] = useState<string | null>(null);
  const hydrated = useHydrated();
  const id = useId();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const body = new FormData(e.currentTarget);
    const file = body.get('file');
    const problem = file instanceof File && file.size > 0 ? checkUploadSize(file.size) : null;
    setTooBig(problem);
    if (problem) return; // not a byte sent
    setState(null);
    setProgress(0);
    const r = await postFormWithProgress<SavedMaterial>(MATERIAL_UPLOAD_PATH, body, setProgress);
    setProgress(null);
    setState(r);
    if (r.ok && r.data) onUploaded(r.data);
  };
  const error = tooBig ?? (state && !state.ok ? (state.fieldErrors?.file?.[0] ?? state.message) : state ? null : (refusal ?? null));
  return (
    <form action={MATERIAL_UPLOAD_PATH} method="post" encType="multipart/form-data" onSubmit={submit} className="mb-4">
      <input type="hidden" name="kind" value={kind} />
      {draft ? (
        <>
          <input type="hidden" name="orderId" value={draft.orderId} />
          <input type="hidden" name="step" value={draft.step} />
        </>
      ) : null}
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">{label}</label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={id}
          name="file"
          type="file"
          accept="image/jpeg,image/png,image/gif"
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          aria-invalid={error ? true : undefined}
          disabled={progress !== null || (!hydrated && !draft)}
          onChange={(e) => e.currentTarget.files?.length && e.currentTarget.form?.requestSubmit()}
          className="text-sm"
        />
        {hydrated ? null : draft ? (
          <button type="submit" className="rounded border border-brand-700 px-3 py-1 text-sm text-brand-700">上传</button>
        ) : null}
      </div>
      {progress !== null ? (
        <p className="mt-1 flex items-center gap-2 text-sm text-slate-700" role="status">
          <progress value={Math.round(progress * 100)} max={100} aria-label={`${label}上传进度`} className="h-2 w-40" />
          上传中 {Math.round(progress * 100)}%
        </p>
      ) : null}
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">{hint}</p>
      {/* Outside a wizard step the stored image's id reaches the form only through JavaScript: say so rather than post. */}
      {hydrated || draft ? null : <p className="mt-1 text-xs text-slate-700">上传图片需要启用浏览器的 JavaScript；不附图片也可以继续。</p>}
      {value ? (
        <p className="mt-1 text-sm text-green-800">
          已上传：<a href={`/materials/${value.id}`} target="_blank" rel="noreferrer" className="underline">{value.fileName}</a>
        </p>
      ) : null}
      {error ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700">{error}</p> : null}
    </form>
  );
}
