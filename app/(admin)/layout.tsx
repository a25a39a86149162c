import { AppHeader } from '@/components/app-header';
import { requirePageUser } from '@/app/_server/session';

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser(["admin"]);
  return (
    <>
      <AppHeader user={user} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
