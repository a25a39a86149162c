import type { SeedRef } from '@/lib/remediation';

// The seed documents by provider and title (seeds/README.md), for the small 来源 line under seed texts.
const DOCUMENTS: Record<string, string> = {
  '000_dba9c9c4249e25c8.txt': '阿里云《备案信息专项核查》',
  '001_c2f9db2b4f566150.txt': '阿里云《ICP备案常见问题》',
  '002_5156400736c8003b.txt': '腾讯云《专项核查》',
  '003_76638778018492ba.txt': '青云《备案整改》',
  '004_6ba88f399b14c9a7.txt': '腾讯云《备案信息核查不通过处理》',
};

export function sourceLabel(ref: SeedRef): string {
  const doc = DOCUMENTS[ref.file] ?? ref.file;
  return `${doc} · ${ref.heading}${ref.row ? ` · ${ref.row}` : ''}`;
}
