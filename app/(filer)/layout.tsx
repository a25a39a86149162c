import { RoleShell } from '@/app/_components/role-shell';

export default function FilerLayout({ children }: { children: React.ReactNode }) {
  return <RoleShell roles={['filer']}>{children}</RoleShell>;
}
