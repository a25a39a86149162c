import type { OrderTypeValue } from '@/lib/domain/codes';
import { REJECTION_FIELD_LABELS, REJECTION_REASONS, isRejectionField, type RejectionReason } from '@/lib/remediation/rejection-reasons';
import { fieldLabel } from './field-labels';
import { STEP_TITLES, WIZARD_STEPS, rejectionPath, stepOfPath } from './steps';
import { MATERIAL_KIND_LABELS } from './materials';

// A 驳回 names fields either from the catalogue (`domain`, `materials`, …) or from the order's diff
// (`principal.mobile`, `website.domains.0.name`, …). Both are shown by name, never by key, and each leads to
// the wizard step where the filer changes it.

/** The field's name for filer and reviewer; an unknown path reads as 相关信息 rather than its key. */
export function rejectionFieldLabel(type: OrderTypeValue, field: string | null | undefined): string | null {
  if (!field) return null;
  // A principal's field belongs to the website's principal in a 变更网站 order: the diff's words say which.
  if (isRejectionField(field) && !(field.startsWith('principal.') && type === 'CHANGE_WEBSITE')) return REJECTION_FIELD_LABELS[field];
  if (field === 'materials' || field in MATERIAL_KIND_LABELS) return '上传材料';
  const label = fieldLabel(type, field);
  return label === field ? '相关信息' : label;
}

export type RejectedField = {
  code: string;
  reason: string;
  fix: string | null;
  note: string | null;
  field: string | null;
  fieldLabel: string | null;
  step: { number: number; title: string } | null;
  /** Path and query under the portal's origin: /orders/{id}/edit?rejected=1&step={n}&field={path}#w-{path} */
  href: string;
};

/**
 * Each rejection entry with its reason, fix, field name and a link into the wizard at the step that holds
 * the field: `step` counts from 1 as the wizard's heading does (第 n 步), `field` is the payload path, and
 * the fragment is the input's id (`w-` and the path with dots as dashes).
 */
export function rejectedFields(
  order: { id: string; type: OrderTypeValue },
  entries: readonly { code: string; field?: string | null; note?: string | null }[],
): RejectedField[] {
  return entries.map((r) => {
    const entry: RejectionReason | undefined = REJECTION_REASONS.find((x) => x.code === r.code);
    const field = r.field ?? entry?.field ?? null;
    const path = rejectionPath(order.type, field);
    const stepKey = path ? stepOfPath(order.type, path) : null;
    const index = stepKey ? WIZARD_STEPS[order.type].indexOf(stepKey) : -1;
    const query = new URLSearchParams({ rejected: '1' });
    if (index >= 0) query.set('step', String(index + 1));
    if (path) query.set('field', path);
    const hash = path ? `#w-${path.replace(/\./g, '-')}` : '';
    return {
      code: r.code,
      reason: entry?.reason ?? '初审专员驳回了此项。',
      fix: entry?.fix ?? null,
      note: r.note ?? null,
      field,
      fieldLabel: rejectionFieldLabel(order.type, field),
      step: index >= 0 ? { number: index + 1, title: STEP_TITLES[stepKey!] } : null,
      href: `/orders/${encodeURIComponent(order.id)}/edit?${query.toString()}${hash}`,
    };
  });
}
