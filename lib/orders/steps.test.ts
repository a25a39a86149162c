import { describe, expect, it } from 'vitest';
import { ORDER_TYPES } from '@/lib/domain/codes';
import { REQUIRED_MATERIALS, STEP_TITLES, WIZARD_STEPS, firstStepOf, ipsPath, openingStep, rejectionPath, websitePrincipalPath } from './steps';

describe('wizard steps', () => {
  it('every type has titled steps ending with the review; material steps exactly where materials are needed', () => {
    for (const type of ORDER_TYPES) {
      const steps = WIZARD_STEPS[type];
      expect(steps.at(-1)).toBe('review');
      for (const s of steps) expect(STEP_TITLES[s]).toBeTruthy();
      expect(steps.includes('materials')).toBe(!!REQUIRED_MATERIALS[type]?.length);
    }
    // Domains are deleted only in 变更网站; cancellations confirm their consequences.
    expect(ORDER_TYPES.filter((t) => WIZARD_STEPS[t].includes('domains'))).toEqual(['CHANGE_WEBSITE']);
    expect(ORDER_TYPES.filter((t) => WIZARD_STEPS[t].includes('cancel'))).toEqual(['CANCEL_SUBJECT', 'CANCEL_WEBSITE', 'CANCEL_ACCESS']);
  });
  it('paths differ between editing a website and creating one', () => {
    expect(websitePrincipalPath('CHANGE_WEBSITE')).toBe('principal');
    expect(websitePrincipalPath('NEW_WEBSITE')).toBe('website.principal');
    expect(ipsPath('CHANGE_ACCESS')).toBe('ips');
    expect(ipsPath('FIRST_FILING')).toBe('website.ips');
  });
  it('maps the reviewer’s field names to this payload’s paths', () => {
    expect(rejectionPath('CHANGE_SUBJECT', null)).toBeNull();
    expect(rejectionPath('CHANGE_SUBJECT', 'subject.certNumber')).toBe('subject.certNumber');
    expect(rejectionPath('CHANGE_SUBJECT', 'subject.province')).toBe('subject.provinceCode');
    expect(rejectionPath('CHANGE_WEBSITE', 'website.principal.idNumber')).toBe('principal.idNumber');
    expect(rejectionPath('NEW_WEBSITE', 'website.principal.idNumber')).toBe('website.principal.idNumber');
    expect(rejectionPath('CHANGE_WEBSITE', 'domain')).toBe('removeDomainIds');
    expect(rejectionPath('NEW_WEBSITE', 'domain')).toBe('website.domains');
  });
});

describe('rejectionApplies', () => {
  it('matches the same path and the items of a list, nothing else', async () => {
    const { rejectionApplies } = await import('./steps');
    expect(rejectionApplies('ips', 'ips')).toBe(true);
    expect(rejectionApplies('ips', 'ips.0')).toBe(true);
    expect(rejectionApplies('ips', 'ips.12')).toBe(true);
    expect(rejectionApplies('subject', 'subject.name')).toBe(false);
    expect(rejectionApplies('principal.mobile', 'principal.mobileX')).toBe(false);
    expect(rejectionApplies(null, 'ips.0')).toBe(false);
  });
  it('server field errors lead to the earliest step that edits one of the fields', () => {
    expect(firstStepOf('NEW_WEBSITE', ['website.principal.mobile', 'website.domains.0.name'])).toBe(1);
    expect(firstStepOf('NEW_WEBSITE', ['website.ips.0'])).toBe(2);
    expect(firstStepOf('CHANGE_ACCESS', ['ips.1'])).toBe(0);
    expect(firstStepOf('NEW_WEBSITE', ['_', 'subject.name'])).toBeNull();
  });
});

describe('openingStep: where the wizard opens', () => {
  // CHANGE_SUBJECT: subject (0), principal (1), materials (2), review (3).
  it('honours the step in the address up to the furthest step the filer may reach', () => {
    expect(openingStep('CHANGE_SUBJECT', 'DRAFT', 2, '2', [])).toBe(1);
    expect(openingStep('CHANGE_SUBJECT', 'DRAFT', 2, '4', [])).toBe(2); // a draft cannot skip unsaved steps
    expect(openingStep('CHANGE_SUBJECT', 'FIRST_REVIEW_REJECTED', 3, '1', ['principal.mobile'])).toBe(0);
    for (const bad of ['0', '99', 'x', '-1', '1.5']) expect(openingStep('CHANGE_SUBJECT', 'DRAFT', 2, bad, [])).toBe(2);
  });
  it('opens a rejected order at its first step with a rejected field, a draft where it was left', () => {
    expect(openingStep('CHANGE_SUBJECT', 'FIRST_REVIEW_REJECTED', 3, undefined, ['principal.mobile', 'materials'])).toBe(1);
    expect(openingStep('CHANGE_SUBJECT', 'FIRST_REVIEW_REJECTED', 3, undefined, [null])).toBe(3);
    expect(openingStep('CHANGE_ACCESS', 'FIRST_REVIEW_REJECTED', 1, undefined, ['ips'])).toBe(0);
    expect(openingStep('CHANGE_SUBJECT', 'DRAFT', 9, undefined, [])).toBe(3);
  });
});
