import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dashboardTodo, TODO_PREVIEW } from './todo';

const subject = (icpNumber: string, deadlines: string[]) => ({ icpNumber, findings: deadlines.map((deadline, i) => ({ id: `${icpNumber}#${i}`, deadline })) });

describe('dashboardTodo', () => {
  it('orders findings by deadline across subjects, ties by 主体备案号 and then the subject’s own order', () => {
    const { shown, total } = dashboardTodo([
      subject('浙ICP备2号', ['2026-12-01', '2026-12-01']),
      subject('京ICP备1号', ['2026-12-03', '2026-12-01']),
    ]);
    expect(total).toBe(4);
    expect(shown.map((t) => t.finding.id)).toEqual(['京ICP备1号#1', '浙ICP备2号#0', '浙ICP备2号#1', '京ICP备1号#0']);
  });

  it('shows at most a screen’s worth and counts the rest', () => {
    const many = [subject('京ICP备1号', Array.from({ length: 25 }, (_, i) => `2026-12-${String(i + 1).padStart(2, '0')}`))];
    const { shown, total } = dashboardTodo(many);
    expect(TODO_PREVIEW).toBe(5);
    expect(total).toBe(25);
    expect(shown.map((t) => t.finding.deadline)).toEqual(many[0]!.findings.slice(0, TODO_PREVIEW).map((f) => f.deadline));
    expect(dashboardTodo([])).toEqual({ shown: [], total: 0 });
  });

  it('never shows a later deadline while an earlier one is left out', () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-12-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.array(fc.array(day, { maxLength: 12 }), { maxLength: 6 }), fc.integer({ min: 0, max: 15 }), (lists, limit) => {
        const subjects = lists.map((ds, i) => subject(`京ICP备${i}号`, [...ds].sort()));
        const { shown, total } = dashboardTodo(subjects, limit);
        expect(total).toBe(lists.flat().length);
        expect(shown).toHaveLength(Math.min(limit, total));
        const shownIds = new Set(shown.map((t) => t.finding.id));
        const latestShown = shown.at(-1)?.finding.deadline ?? '';
        for (const s of subjects) for (const f of s.findings) if (!shownIds.has(f.id) && shown.length) expect(f.deadline >= latestShown).toBe(true);
      }),
    );
  });
});
