'use client';
import { useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { FormMessage } from '@/components/ui/field';
import { postForm } from '@/components/post-form';
import { IMPORT_UPLOAD_PATH, type UploadReply } from '@/lib/http/body-limits';

/** The import's file and default deadline, posted to its upload route; the batch page follows. */
export function UploadForm({ today, defaultDeadline }: { today: string; defaultDeadline: string }) {
  const router = useRouter();
  const [state, setState] = useState<UploadReply<{ batchId: string }> | null>(null);
  const [pending, setPending] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setPending(true);
    const r = await postForm<{ batchId: string }>(IMPORT_UPLOAD_PATH, new FormData(e.currentTarget));
    if (r.ok && r.data) return router.push(`/admin/notices/import/${r.data.batchId}`);
    setPending(false);
    setState(r);
  };
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={IMPORT_UPLOAD_PATH} method="post" encType="multipart/form-data" onSubmit={submit} className="grid gap-3 sm:grid-cols-2">
      <div className="sm:col-span-2"><FormMessage state={state} /></div>
      <div>
        <label htmlFor="file" className="mb-1 block text-sm font-medium">检查结果文件（CSV）</label>
        <input id="file" name="file" type="file" accept=".csv,text/csv" required aria-describedby={errors?.file ? 'file-err' : undefined} className="block w-full text-sm" />
        {errors?.file ? <p id="file-err" className="mt-1 text-sm text-red-700">{errors.file[0]}</p> : null}
      </div>
      <div>
        <label htmlFor="deadline" className="mb-1 block text-sm font-medium">默认整改期限</label>
        <input id="deadline" name="deadline" type="date" min={today} defaultValue={defaultDeadline} required aria-describedby={errors?.deadline ? 'deadline-err' : undefined} className="block w-full rounded border border-slate-400 bg-white px-3 py-2 text-sm" />
        {errors?.deadline ? <p id="deadline-err" className="mt-1 text-sm text-red-700">{errors.deadline[0]}</p> : null}
      </div>
      <div className="sm:col-span-2">
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-600 disabled:opacity-60">
          {pending ? '正在上传并预检…' : '上传并预检'}
        </button>
      </div>
    </form>
  );
}
