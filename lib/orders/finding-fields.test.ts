import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from '@/lib/domain/codes';
import { FINDING_FIELDS, isFieldOpen, openFieldsFor } from './finding-fields';

describe('finding → fields', () => {
  it('maps every finding code, contact findings to the three contact fields', () => {
    expect(Object.keys(FINDING_FIELDS).sort()).toEqual([...FINDING_CODES].sort());
    expect(FINDING_FIELDS.SUBJECT_CONTACT_INVALID).toEqual(['principal.mobile', 'principal.email', 'principal.emergencyMobile']);
  });
  it('no finding and no rejection: everything is open', () => {
    expect(openFieldsFor([])).toBeNull();
    expect(isFieldOpen(null, 'subject.name')).toBe(true);
  });
  it('opens the finding’s fields and the rejected ones, nothing else', () => {
    const open = openFieldsFor(['SUBJECT_CONTACT_INVALID'], ['subject.certNumber', null]);
    expect(isFieldOpen(open, 'principal.mobile')).toBe(true);
    expect(isFieldOpen(open, 'subject.certNumber')).toBe(true);
    expect(isFieldOpen(open, 'principal.name')).toBe(false);
    expect(isFieldOpen(open, 'subject.name')).toBe(false);
  });
  it('a section-level entry opens its fields; a field opens its parent list', () => {
    const open = openFieldsFor([], ['website.domains']);
    expect(isFieldOpen(open, 'website.domains.0.name')).toBe(true);
    expect(isFieldOpen(openFieldsFor(['SITE_NAME_VIOLATION']), 'website')).toBe(true);
    // A finding with nothing to edit in an order (footer) leaves every field read-only.
    expect(isFieldOpen(openFieldsFor(['FOOTER_ICP_NUMBER_MISSING']), 'website.name')).toBe(false);
  });
});
