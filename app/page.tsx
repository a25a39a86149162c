import { redirect } from 'next/navigation';
import { currentUser } from './_server/session';
import { ROLE_HOME } from '@/lib/auth/roles';

export default async function Home() {
  const user = await currentUser();
  redirect(user ? ROLE_HOME[user.role] : '/login');
}
