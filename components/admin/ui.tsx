import Link from 'next/link';
import type { ReactNode } from 'react';
import { ScrollRegion } from '@/components/ui/scroll-region';

// Small shared pieces of the operator pages, so every list looks and reads the same.

export const card = 'rounded-lg border border-slate-200 bg-white';
export const primaryButton = 'rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-600 disabled:opacity-60';
export const secondaryButton = 'rounded border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100 disabled:opacity-60';
export const inputClass = 'block w-full rounded border border-slate-400 bg-white px-3 py-2 text-sm';
export const linkClass = 'text-brand-700 underline';

export function PageTitle({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="mb-4 flex flex-wrap items-end justify-between gap-3">
      <h1 className="text-2xl font-semibold">{title}</h1>
      {children ? <div className="flex flex-wrap gap-2 text-sm">{children}</div> : null}
    </header>
  );
}

export function Th({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <th scope="col" className={`px-3 py-2 text-left font-medium text-slate-700 ${className ?? ''}`}>
      {children}
    </th>
  );
}

export function Td({ children, className }: { children: ReactNode; className?: string }) {
  return <td className={`px-3 py-2 align-top ${className ?? ''}`}>{children}</td>;
}

/** Tables scroll sideways inside their card on narrow screens instead of breaking the page. */
export function TableCard({ caption, children, narrow }: { caption: string; children: ReactNode; narrow?: boolean }) {
  return (
    <ScrollRegion label={caption} className={card}>
      <table className={`w-full text-sm ${narrow ? '' : 'min-w-[640px]'}`}>
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </ScrollRegion>
  );
}

export function SubjectLink({ id, name, icp }: { id: string; name: string; icp: string }) {
  return (
    <>
      <Link href={`/admin/subjects/${id}`} className={linkClass}>
        {name}
      </Link>
      <div className="text-xs text-slate-600">{icp}</div>
    </>
  );
}

export function Notice({ tone, children }: { tone: 'ok' | 'error' | 'info'; children: ReactNode }) {
  const cls = tone === 'ok' ? 'border-green-300 bg-green-50 text-green-900' : tone === 'error' ? 'border-red-300 bg-red-50 text-red-900' : 'border-blue-200 bg-blue-50 text-blue-900';
  return (
    <p role={tone === 'error' ? 'alert' : 'status'} className={`mb-4 rounded border p-3 text-sm ${cls}`}>
      {children}
    </p>
  );
}
