import type { Adapter, AdapterUser } from 'next-auth/adapters';
import { eq } from 'drizzle-orm';
import { getDb } from './client';
import { users } from './schema';
import { createVerificationToken, findUserByEmail, findUserById, redeemVerificationToken } from './queries/users';

// The few adapter methods Auth.js needs for magic links with JWT sessions. Users are never created by
// signing in: accounts exist only when an operator invites them or the seed creates them.
function toAdapterUser(u: typeof users.$inferSelect): AdapterUser & { role: typeof u.role; sessionVersion: number } {
  return { id: u.id, email: u.email, name: u.name, emailVerified: u.emailVerified, role: u.role, sessionVersion: u.sessionVersion };
}

export function portalAdapter(): Adapter {
  return {
    async createUser() {
      throw new Error('self-registration is disabled');
    },
    async getUser(id) {
      const u = await findUserById(await getDb(), id);
      return u && !u.disabled ? toAdapterUser(u) : null;
    },
    async getUserByEmail(email) {
      const u = await findUserByEmail(await getDb(), email);
      return u && !u.disabled ? toAdapterUser(u) : null;
    },
    async updateUser(patch) {
      const db = await getDb();
      if (patch.emailVerified !== undefined) {
        await db.update(users).set({ emailVerified: patch.emailVerified }).where(eq(users.id, patch.id));
      }
      const u = await findUserById(db, patch.id);
      if (!u) throw new Error('user not found');
      return toAdapterUser(u);
    },
    async createVerificationToken(v) {
      return createVerificationToken(await getDb(), v);
    },
    async useVerificationToken(v) {
      return redeemVerificationToken(await getDb(), v);
    },
  };
}
