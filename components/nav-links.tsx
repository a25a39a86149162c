'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { NavItem } from '@/lib/auth/roles';

export function NavLinks({ items }: { items: readonly NavItem[] }) {
  const pathname = usePathname();
  // The most specific matching item is current, so /admin does not light up on /admin/users.
  const current = items
    .filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <ul className="flex flex-wrap gap-1 text-sm">
      {items.map((item) => (
        <li key={item.href}>
          <Link
            href={item.href}
            aria-current={item.href === current ? 'page' : undefined}
            className={
              item.href === current
                ? 'block rounded bg-brand-50 px-3 py-1.5 font-medium text-brand-700'
                : 'block rounded px-3 py-1.5 text-slate-700 hover:bg-slate-100'
            }
          >
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
