import { RoleShell } from '@/components/role-shell';

export default function FilerLayout({ children }: { children: React.ReactNode }) {
  return <RoleShell roles={['filer']}>{children}</RoleShell>;
}
