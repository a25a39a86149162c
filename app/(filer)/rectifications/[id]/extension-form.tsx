'use client';
import { useActionState, useState } from 'react';
import { requestExtensionAction } from '@/app/_actions/rectifications';
import { FormMessage } from '@/components/ui/field';
import { TextareaField } from '@/components/ui/textarea-field';
import { EXTENSION_REASON_MIN } from '@/lib/rectification/forms';

/** 整改延期: once per finding, with a reason the reviewer reads. */
export function ExtensionForm({ findingId }: { findingId: string }) {
  const [state, action, pending] = useActionState(requestExtensionAction, null);
  const [reason, setReason] = useState('');
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} noValidate aria-label="申请整改延期">
      <input type="hidden" name="findingId" value={findingId} />
      <FormMessage state={state} />
      <TextareaField
        label="延期原因"
        name="reason"
        required
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        hint={`说明为什么无法在截止日期前完成整改（至少 ${EXTENSION_REASON_MIN} 个字）。每个整改项只能申请一次延期。`}
        error={errors?.reason}
      />
      <button type="submit" disabled={pending} className="rounded border border-brand-700 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60">
        {pending ? '正在提交…' : '申请延期'}
      </button>
    </form>
  );
}
