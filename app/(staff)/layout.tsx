import { RoleShell } from '@/app/_components/role-shell';

export default function StaffLayout({ children }: { children: React.ReactNode }) {
  return <RoleShell roles={['reviewer', 'admin']}>{children}</RoleShell>;
}
