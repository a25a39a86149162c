// Printed by `npm run demo` and listed in the README; db/seed/data.ts holds the same accounts.
export const DEMO_PASSWORD = 'Beian@2026';
export const DEMO_USERS = [
  { role: 'admin', email: 'admin@beian.example', name: '运营管理员 林静' },
  { role: 'reviewer', email: 'reviewer@beian.example', name: '初审专员 许晴' },
  { role: 'reviewer', email: 'reviewer2@beian.example', name: '初审专员 韩冰' },
  { role: 'filer', email: 'filer@beian.example', name: '张伟（4 个主体）' },
  { role: 'filer', email: 'filer2@beian.example', name: '刘芳（5 个主体）' },
  { role: 'filer', email: 'filer3@beian.example', name: '周杰（5 个主体）' },
];
