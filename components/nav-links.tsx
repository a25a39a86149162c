'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { NavGroup, NavItem } from '@/lib/auth/roles';

const linkClass = (current: boolean) =>
  current ? 'block rounded bg-brand-50 px-3 py-1.5 font-medium text-brand-700' : 'block rounded px-3 py-1.5 text-slate-700 hover:bg-slate-100';

function currentHref(items: readonly NavItem[], pathname: string): string | undefined {
  // The most specific matching item is current, so /admin does not light up on /admin/users.
  return items
    .filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

/** Closes the menu a link sits in once it is followed (the header stays mounted across pages). */
const closeMenu = (e: React.MouseEvent<HTMLAnchorElement>) => e.currentTarget.closest('details')?.removeAttribute('open');

export function NavLinks({ items, groups }: { items: readonly NavItem[]; groups?: readonly NavGroup[] }) {
  const pathname = usePathname();
  const current = currentHref(groups ? groups.flatMap((g) => g.items) : items, pathname);
  const link = (item: NavItem) => (
    <Link href={item.href} onClick={closeMenu} aria-current={item.href === current ? 'page' : undefined} className={linkClass(item.href === current)}>
      {item.label}
    </Link>
  );
  if (!groups) {
    return (
      <ul className="flex flex-wrap gap-1 text-sm">
        {items.map((item) => <li key={item.href}>{link(item)}</li>)}
      </ul>
    );
  }
  return (
    <>
      {/* Phones: the whole menu behind one button, groups as headed lists. */}
      <details className="text-sm sm:hidden">
        <summary className="inline-block cursor-pointer rounded border border-slate-300 px-3 py-1.5">菜单</summary>
        <div className="mt-2 space-y-2">
          {groups.map((g) => (
            <div key={g.label}>
              <p className="px-3 text-xs font-medium text-slate-600">{g.label}</p>
              <ul>{g.items.map((item) => <li key={item.href}>{link(item)}</li>)}</ul>
            </div>
          ))}
        </div>
      </details>
      {/* Wider screens: one line of groups; a group of one is a plain link, the others open a short list. */}
      <ul className="hidden flex-nowrap gap-1 text-sm sm:flex">
        {groups.map((g) => {
          const here = g.items.some((i) => i.href === current);
          if (g.items.length === 1) return <li key={g.label}>{link(g.items[0]!)}</li>;
          return (
            <li key={g.label} className="relative">
              <details>
                <summary className={`cursor-pointer list-none whitespace-nowrap ${linkClass(here)}`}>
                  {g.label} <span aria-hidden="true">▾</span>
                </summary>
                <ul className="absolute left-0 z-20 mt-1 min-w-40 rounded border border-slate-200 bg-white p-1 shadow-lg">
                  {g.items.map((item) => <li key={item.href} className="whitespace-nowrap">{link(item)}</li>)}
                </ul>
              </details>
            </li>
          );
        })}
      </ul>
    </>
  );
}
