import { RoleShell } from '@/app/_components/role-shell';

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return <RoleShell roles={['admin']}>{children}</RoleShell>;
}
