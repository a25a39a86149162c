'use client';
import Link from 'next/link';
import { ADMIN_NAV_GROUPS, ROLE_LABELS, ROLE_NAV } from '@/lib/auth/roles';
import type { Role } from '@/lib/domain/codes';
import { NavLinks } from './nav-links';

// A client component so the header crosses to the browser as one element with two props, not as ~40
// serialised server elements and three client references on every signed-in request.
export function AppHeader({ name, role, signOut }: { name: string; role: Role; signOut: () => Promise<void> }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold text-brand-700">
          {/* eslint-disable-next-line @next/next/no-img-element -- a 384-byte SVG needs no image optimiser */}
          <img src="/logo.svg" alt="" width={28} height={28} />
          备案整改门户
        </Link>
        <nav aria-label="主导航" className="order-3 w-full sm:order-none sm:w-auto">
          <NavLinks items={ROLE_NAV[role]} groups={role === 'admin' ? ADMIN_NAV_GROUPS : undefined} />
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span>
            <span className="font-medium">{name}</span>
            <span className="ml-2 rounded bg-slate-100 px-2 py-0.5 text-slate-700">{ROLE_LABELS[role]}</span>
          </span>
          <form action={signOut}>
            <button type="submit" className="rounded border border-slate-300 px-3 py-1 text-slate-700 hover:bg-slate-100">
              退出登录
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
