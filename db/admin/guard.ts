import { PublicError } from '@/lib/errors';
import type { Role } from '@/lib/domain/codes';

export type AdminActor = { id: string; role: Role };

/**
 * Operator-only db functions check the actor themselves (not only the server action), so no caller can
 * write through them with a filer's or reviewer's identity. Checked before any statement runs.
 */
export function assertAdmin(actor: { id: string | null; role: string }): asserts actor is { id: string; role: 'admin' } {
  if (actor.role !== 'admin' || !actor.id) throw new PublicError('您没有执行此操作的权限。');
}

/** Postgres unique violation, through drizzle's and the drivers' wrappers; optionally of one constraint. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  let e = err as { code?: string; constraint_name?: string; constraint?: string; message?: string; cause?: unknown } | undefined;
  for (let i = 0; i < 4 && e; i++) {
    if (e.code === '23505') {
      if (!constraint) return true;
      const name = e.constraint_name ?? e.constraint ?? '';
      return name === constraint || String(e.message ?? '').includes(constraint);
    }
    e = e.cause as typeof e;
  }
  return false;
}
