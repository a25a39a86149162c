'use client';
import { useActionState, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { FormMessage } from '@/components/ui/field';
import type { ActionState } from '@/lib/actions/state';

type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;

/** A form bound to a server action built with defineAction; its outcome is announced above the fields. */
export function ActionForm({ action, children, className, label }: { action: Action; children: ReactNode; className?: string; label?: string }) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className={className} aria-label={label}>
      <FormMessage state={state} />
      {children}
    </form>
  );
}

export function SubmitButton({ children, pendingText, className }: { children: ReactNode; pendingText: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={`shrink-0 whitespace-nowrap ${className ?? 'rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-600 disabled:opacity-60'}`}>
      {pending ? pendingText : children}
    </button>
  );
}
