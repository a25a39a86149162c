// 需要处理 on 我的备案: which of a filer's findings the dashboard lists, and in what order.

/**
 * What fits the first screen (1280×900) together with the stats, the orders waiting for the filer and the link
 * to the rest: 整改通知 (/notices) lists every finding, with filters; the dashboard leads with the urgent ones.
 */
export const TODO_PREVIEW = 5;

/**
 * Every subject's findings, earliest deadline first across subjects (ties by 主体备案号, then the subject's own
 * order), cut to `limit`. Access-cancelled findings carry the oldest deadlines, so they lead. `total` counts all.
 */
export function dashboardTodo<S extends { icpNumber: string; findings: readonly { deadline: string }[] }>(
  subjects: readonly S[],
  limit: number = TODO_PREVIEW,
): { shown: { subject: S; finding: S['findings'][number] }[]; total: number } {
  const all = subjects
    .flatMap((subject) => subject.findings.map((finding) => ({ subject, finding })))
    .sort((a, b) => a.finding.deadline.localeCompare(b.finding.deadline) || a.subject.icpNumber.localeCompare(b.subject.icpNumber));
  return { shown: all.slice(0, limit), total: all.length };
}
