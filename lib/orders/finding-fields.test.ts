import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from '@/lib/domain/codes';
import { FINDING_FIELDS, isFieldOpen, openFieldsFor } from './finding-fields';

describe('finding → fields', () => {
  it('maps every finding code, contact findings to the three contact fields', () => {
    expect(Object.keys(FINDING_FIELDS).sort()).toEqual([...FINDING_CODES].sort());
    expect(FINDING_FIELDS.SUBJECT_CONTACT_INVALID).toEqual(['principal.mobile', 'principal.email', 'principal.emergencyMobile']);
  });
  it('no finding and no rejection: everything is open', () => {
    expect(openFieldsFor('CHANGE_SUBJECT', [])).toBeNull();
    expect(isFieldOpen(null, 'subject.name')).toBe(true);
  });
  it('opens the finding’s fields and the rejected ones, nothing else', () => {
    const open = openFieldsFor('CHANGE_SUBJECT', ['SUBJECT_CONTACT_INVALID'], ['subject.certNumber', null]);
    expect(isFieldOpen(open, 'principal.mobile')).toBe(true);
    expect(isFieldOpen(open, 'subject.certNumber')).toBe(true);
    expect(isFieldOpen(open, 'principal.name')).toBe(false);
    expect(isFieldOpen(open, 'subject.name')).toBe(false);
  });
  it('a section-level entry opens its fields; a field opens its parent list', () => {
    const open = openFieldsFor('CHANGE_SUBJECT', [], ['subject']);
    expect(isFieldOpen(open, 'subject.name')).toBe(true);
    expect(isFieldOpen(open, 'principal.name')).toBe(false);
    expect(isFieldOpen(openFieldsFor('CHANGE_WEBSITE', ['SITE_NAME_VIOLATION']), 'website')).toBe(true);
    // A finding with nothing to edit in an order (footer) leaves every field read-only.
    expect(isFieldOpen(openFieldsFor('CHANGE_WEBSITE', ['FOOTER_ICP_NUMBER_MISSING']), 'website.name')).toBe(false);
  });
  it('a new website, a new filing and a 注销 open every field, whatever finding or 驳回 led to them', () => {
    for (const type of ['NEW_WEBSITE', 'FIRST_FILING', 'CANCEL_SUBJECT', 'CANCEL_WEBSITE', 'CANCEL_ACCESS'] as const) {
      expect(openFieldsFor(type, ['SITE_UNREACHABLE'], ['website.domains'])).toBeNull();
      expect(openFieldsFor(type, ['FOOTER_ICP_NUMBER_MISSING'])).toBeNull();
    }
    expect(isFieldOpen(openFieldsFor('NEW_WEBSITE', ['SITE_UNREACHABLE']), 'website.name')).toBe(true);
    expect(isFieldOpen(openFieldsFor('CANCEL_WEBSITE', ['SITE_UNREACHABLE']), 'reason')).toBe(true);
    // A change order still opens only what the finding concerns.
    expect(isFieldOpen(openFieldsFor('CHANGE_ACCESS', ['SITE_UNREACHABLE']), 'ips')).toBe(true);
  });
});
