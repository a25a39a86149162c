import { RoleShell } from '@/components/role-shell';

export default function StaffLayout({ children }: { children: React.ReactNode }) {
  return <RoleShell roles={['reviewer', 'admin']}>{children}</RoleShell>;
}
