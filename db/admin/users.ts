import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import * as t from '../schema';
import { assertAdmin, isUniqueViolation, type AdminActor } from './guard';
import { enqueue } from '../queries/outbox';
import { NotFoundError, PublicError } from '@/lib/errors';
import type { Role } from '@/lib/domain/codes';
import { inviteEmail } from '@/lib/notify/templates/decisions';
import { maskPersonalText } from '@/lib/privacy/mask';
import { writeAudit } from '../audit';
import type { AuditDetails } from '@/lib/audit/actions';

/**
 * 邀请用户: creates the account with no password and e-mails where to sign in with 邮箱链接登录. The e-mail
 * carries no token (SPEC 8); the one-time link is sent when the invitee asks for it on the sign-in page.
 */
export async function inviteUser(db: Db, input: { actor: AdminActor; name: string; email: string; role: Role; baseUrl?: string }): Promise<{ id: string }> {
  assertAdmin(input.actor);
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim();
  return db.transaction(async (tx) => {
    const [dup] = await tx.select({ id: t.users.id }).from(t.users).where(sql`lower(${t.users.email}) = ${email}`);
    if (dup) throw new PublicError('该邮箱已有账号。', { email: ['该邮箱已有账号。'] });
    let row: { id: string } | undefined;
    try {
      [row] = await tx.insert(t.users).values({ email, name, role: input.role, passwordHash: null }).returning({ id: t.users.id });
    } catch (err) {
      if (isUniqueViolation(err)) throw new PublicError('该邮箱已有账号。', { email: ['该邮箱已有账号。'] });
      throw err;
    }
    await audit(tx, input.actor, 'user.invite', row!.id, { email: maskPersonalText(email), name: maskPersonalText(name), role: input.role });
    const mail = await inviteEmail({ name, email, role: input.role, baseUrl: input.baseUrl });
    await enqueue(tx, {
      channel: 'email',
      recipient: email,
      template: mail.template,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      data: { userId: row!.id },
      dedupeKey: `invite:${row!.id}`,
    });
    return row!;
  });
}

/** Role changes and disabling end the user's existing sessions (sessionVersion) and are audited. */
export async function changeUserRole(db: Db, input: { actor: AdminActor; userId: string; role: Role }): Promise<void> {
  assertAdmin(input.actor);
  if (input.userId === input.actor.id) throw new PublicError('不能修改自己的角色。');
  await db.transaction(async (tx) => {
    const user = await mustUser(tx, input.userId);
    if (user.role === input.role) return;
    await tx.update(t.users).set({ role: input.role, sessionVersion: sql`${t.users.sessionVersion} + 1` }).where(eq(t.users.id, user.id));
    await audit(tx, input.actor, 'user.role', user.id, { email: user.email, from: user.role, to: input.role });
  });
}

export async function setUserDisabled(db: Db, input: { actor: AdminActor; userId: string; disabled: boolean }): Promise<void> {
  assertAdmin(input.actor);
  if (input.userId === input.actor.id) throw new PublicError('不能停用自己的账号。');
  await db.transaction(async (tx) => {
    const user = await mustUser(tx, input.userId);
    const [moved] = await tx
      .update(t.users)
      .set({ disabled: input.disabled, sessionVersion: sql`${t.users.sessionVersion} + 1` })
      .where(and(eq(t.users.id, user.id), eq(t.users.disabled, !input.disabled)))
      .returning({ id: t.users.id });
    if (moved) await audit(tx, input.actor, input.disabled ? 'user.disable' : 'user.enable', user.id, { email: user.email });
  });
}

async function mustUser(tx: Tx, id: string) {
  const [u] = await tx.select().from(t.users).where(eq(t.users.id, id));
  if (!u) throw new NotFoundError();
  return u;
}

async function audit<A extends 'user.invite' | 'user.role' | 'user.disable' | 'user.enable'>(tx: Tx, actor: AdminActor, action: A, userId: string, details: AuditDetails[A]) {
  await writeAudit(tx, { actorId: actor.id, action, entityType: 'user', entityId: userId, details });
}
