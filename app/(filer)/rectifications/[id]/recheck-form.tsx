'use client';
import { useActionState, useCallback, useState } from 'react';
import { requestRecheckAction } from '@/app/_actions/rectifications';
import { MaterialUpload } from '@/components/material-upload';
import { FormMessage } from '@/components/ui/field';
import { TextareaField } from '@/components/ui/textarea-field';
import type { SavedMaterial } from '@/db/materials/store';
import { RECHECK_NOTE_MAX } from '@/lib/rectification/forms';

/**
 * 我已完成，申请复核. The evidence upload has its own form (MaterialUpload), so it sits before this one
 * and hands the stored material's id in as a hidden input.
 */
export function RecheckForm({ findingId, actionCode }: { findingId: string; actionCode?: string }) {
  const [state, action, pending] = useActionState(requestRecheckAction, null);
  const [note, setNote] = useState('');
  const [material, setMaterial] = useState<SavedMaterial | null>(null);
  const onUploaded = useCallback((m: SavedMaterial) => setMaterial(m), []);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <div className="mt-3 rounded-lg border border-slate-200 bg-slate-50 p-4">
      <MaterialUpload label="证明材料（可选，如新的域名证书、网页截图）" kind="recheck_evidence" value={material} onUploaded={onUploaded} />
      <form action={action} noValidate aria-label="申请复核">
        <input type="hidden" name="findingId" value={findingId} />
        <input type="hidden" name="actionCode" value={actionCode ?? ''} />
        <input type="hidden" name="materialId" value={material?.id ?? ''} />
        <FormMessage state={state} />
        <TextareaField
          label="说明（可选）"
          name="note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          hint={`向审核专员说明您做了哪些修改，不超过 ${RECHECK_NOTE_MAX} 字（已输入 ${note.length} 字）。`}
          error={errors?.note}
        />
        {errors?.materialId ? <p className="mb-3 text-sm text-red-700">{errors.materialId[0]}</p> : null}
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-600 disabled:opacity-60">
          {pending ? '正在提交…' : '我已完成，申请复核'}
        </button>
      </form>
    </div>
  );
}
