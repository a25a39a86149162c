import { SUBJECT_NATURE_LABELS, type SubjectNature } from '@/lib/domain/codes';
import { getProvince } from '@/lib/rules/provinces';

export function natureLabel(n: SubjectNature): string {
  return SUBJECT_NATURE_LABELS[n];
}

export function provinceName(code: string): string {
  return getProvince(code)?.name ?? code;
}
