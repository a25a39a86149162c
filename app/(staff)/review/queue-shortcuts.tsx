'use client';
import { useEffect } from 'react';

// J / K move the focus down and up the queue's order links; Enter opens the focused order.

export function QueueShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (e.metaKey || e.ctrlKey || e.altKey || el?.closest('input, select, textarea')) return;
      const key = e.key.toLowerCase();
      if (key !== 'j' && key !== 'k') return;
      const links = [...document.querySelectorAll<HTMLAnchorElement>('[data-queue-link]')].filter((a) => a.offsetParent !== null);
      if (links.length === 0) return;
      e.preventDefault();
      const at = links.indexOf(document.activeElement as HTMLAnchorElement);
      const next = at < 0 ? 0 : Math.min(Math.max(at + (key === 'j' ? 1 : -1), 0), links.length - 1);
      links[next]!.focus();
      links[next]!.scrollIntoView({ block: 'nearest' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <p className="text-xs text-slate-600">
      键盘：<kbd className="rounded border border-slate-300 px-1 font-mono">J</kbd> / <kbd className="rounded border border-slate-300 px-1 font-mono">K</kbd> 在订单间移动，
      <kbd className="rounded border border-slate-300 px-1 font-mono">Enter</kbd> 打开；订单页中 <kbd className="rounded border border-slate-300 px-1 font-mono">J</kbd> 下一单、
      <kbd className="rounded border border-slate-300 px-1 font-mono">D</kbd> 跳到初审结论。
    </p>
  );
}
