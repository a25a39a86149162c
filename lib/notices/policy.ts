// The operator's deadline policy for findings that come back after a 接入备案.
//
// After 取消接入 a finding waits (已取消接入). Once the 接入备案 is approved the original problem is still there, and
// seeds 000/001 say to do the 变更 promptly after 接入备案 (接入备案成功后，请您及时…变更备案; 管局 asks for it
// 在规定时间内). So the finding opens again with a fresh 整改期: this many days from the approval, set by the
// operator with REACCESS_RECTIFY_DAYS (1–365), 30 by default.

export const REACCESS_RECTIFY_DAYS_DEFAULT = 30;

export function reaccessRectifyDays(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.REACCESS_RECTIFY_DAYS);
  return Number.isInteger(n) && n >= 1 && n <= 365 ? n : REACCESS_RECTIFY_DAYS_DEFAULT;
}

/**
 * Who decides a 整改延期: the operators, who issue notices and chase deadlines (seed 001: 联系售后给予适当延期).
 * The rectification page names them, and only they reach /admin/extensions and decideExtension.
 */
export const EXTENSION_DECIDED_BY = { role: 'admin', label: '运营人员' } as const;
