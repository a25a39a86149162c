// The kinds of image a filer uploads (materials.kind), with the names filers and reviewers read.
// A missing label fails the type check; a stored kind the list does not know reads as 其他材料.

export const MATERIAL_KINDS = ['subject_cert', 'verification_form', 'screen_photo', 'extra_document', 'recheck_evidence'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

export const MATERIAL_KIND_LABELS = {
  subject_cert: '主办单位证件照片',
  verification_form: '网站备案信息真实性核验单',
  screen_photo: '网站负责人幕布照片',
  extra_document: '省份要求的其他材料',
  recheck_evidence: '复核证明材料',
} as const satisfies Record<MaterialKind, string>;

export function isMaterialKind(s: string): s is MaterialKind {
  return Object.prototype.hasOwnProperty.call(MATERIAL_KIND_LABELS, s);
}

export function materialKindLabel(kind: string): string {
  return isMaterialKind(kind) ? MATERIAL_KIND_LABELS[kind] : '其他材料';
}
