import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on a narrow screen: the scrolling box is a labelled region that takes
 * keyboard focus, so it can be scrolled with the arrow keys (WCAG 2.1.1; axe: scrollable-region-focusable).
 */
export function ScrollRegion({ label, className = '', children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`overflow-x-auto focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-700 ${className}`}>
      {children}
    </div>
  );
}
