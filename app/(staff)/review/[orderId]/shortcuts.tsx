'use client';
import { useEffect } from 'react';
import { useRouter } from 'next/navigation';

// Reviewing without the mouse. Keys act only when focus is not in a form field, and never with a modifier.

export const ORDER_SHORTCUTS = [
  { key: 'J', text: '下一单（同一筛选条件）' },
  { key: 'K', text: '上一单' },
  { key: 'D', text: '跳到初审结论（通过清单的第一项）' },
  { key: 'R', text: '跳到驳回原因' },
  { key: 'Q', text: '回到初审队列' },
] as const;

function typing(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  return e.metaKey || e.ctrlKey || e.altKey || !!el?.closest('input, select, textarea, [contenteditable="true"]');
}

export function ReviewShortcuts({ next, prev, queue }: { next: string | null; prev: string | null; queue: string }) {
  const router = useRouter();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e)) return;
      const focus = (selector: string) => {
        const el = document.querySelector<HTMLElement>(selector);
        if (!el) return;
        e.preventDefault();
        el.scrollIntoView({ block: 'center' });
        el.focus();
      };
      switch (e.key.toLowerCase()) {
        case 'j':
          if (next) router.push(next);
          break;
        case 'k':
          if (prev) router.push(prev);
          break;
        case 'q':
          router.push(queue);
          break;
        case 'd':
          focus('#decision [name="checklist"], #decision button');
          break;
        case 'r':
          focus('#decision select[id^="reason-"]');
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [next, prev, queue, router]);
  return null;
}

export function ShortcutHelp() {
  return (
    <details className="rounded border border-slate-200 bg-white p-3 text-sm">
      <summary className="cursor-pointer font-medium">键盘快捷键</summary>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        {ORDER_SHORTCUTS.map((s) => (
          <div key={s.key} className="contents">
            <dt><kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono">{s.key}</kbd></dt>
            <dd>{s.text}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-xs text-slate-600">在输入框中输入时快捷键不生效。</p>
    </details>
  );
}
