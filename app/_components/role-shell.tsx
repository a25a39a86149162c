import { AppHeader } from '@/components/app-header';
import { requirePageUser } from '@/app/_server/session';
import { signOutAction } from '@/app/_server/sign-out';
import type { Role } from '@/lib/domain/codes';

/** The signed-in frame of a route group: the role check (404 for other roles), the header, the main area. */
export async function RoleShell({ roles, children }: { roles: readonly Role[]; children: React.ReactNode }) {
  const user = await requirePageUser(roles);
  return (
    <>
      <AppHeader name={user.name} role={user.role} signOut={signOutAction} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
