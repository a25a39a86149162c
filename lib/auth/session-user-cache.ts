import type { Role } from '@/lib/domain/codes';
import { NotifiedCache } from '@/lib/cache/notified-cache';

/** What a request needs of its user to authorise it. Never the password hash: this lives for hours. */
export type SessionUserRow = Readonly<{ id: string; email: string; name: string; role: Role; disabled: boolean; sessionVersion: number }>;

/**
 * The users that signed-in requests re-check (disabled, role, session version), kept in memory while the
 * database is telling us about every change (lib/cache/notified-cache.ts has the rules that keep it exact).
 * The database side is db/session-users.ts: a trigger NOTIFYs each changed id at commit.
 */
export class SessionUserCache extends NotifiedCache<SessionUserRow> {
  constructor(capacity = 10_000) {
    super(capacity, (row) => Object.freeze({ ...row }));
  }
}
