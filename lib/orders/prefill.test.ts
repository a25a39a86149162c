import { describe, expect, it } from 'vitest';
import { prefillPayload, type FilingSnapshot } from './prefill';
import { company, person } from '@/tests/support/order-fixtures';

const dom = (id: string, name: string) => ({ id, name, registrantName: 'r', registrantIdType: 't', registrantIdNumber: 'n', expiresOn: '2030-01-01' });
const snap: FilingSnapshot = {
  subject: company(),
  principal: person(),
  websites: [
    { id: 'w1', name: '云栖科技官网', serviceContent: '综合门户', principal: person(), domains: [dom('d1', 'a.cn'), dom('d2', 'b.cn')], ips: ['1.1.1.1'] },
    { id: 'w2', name: '云栖开发者社区', serviceContent: '社区', principal: person({ name: '何平' }), domains: [dom('d3', 'c.cn')], ips: ['2.2.2.2'] },
  ],
};

describe('prefillPayload', () => {
  it('starts change orders from the filed data', () => {
    expect(prefillPayload('CHANGE_SUBJECT', snap)).toEqual({ type: 'CHANGE_SUBJECT', subject: company(), principal: person() });
    expect(prefillPayload('CHANGE_WEBSITE', snap, { websiteId: 'w2' })).toEqual({ type: 'CHANGE_WEBSITE', website: { name: '云栖开发者社区', serviceContent: '社区' }, principal: person({ name: '何平' }), removeDomainIds: [] });
    expect(prefillPayload('CHANGE_ACCESS', snap, { websiteId: 'w2' })).toEqual({ type: 'CHANGE_ACCESS', ips: ['2.2.2.2'] });
    expect(prefillPayload('ACCESS_FILING', snap)).toEqual({ type: 'ACCESS_FILING', ips: ['1.1.1.1'] });
    expect(prefillPayload('ACCESS_FILING', { ...snap, websites: [] })).toEqual({ type: 'ACCESS_FILING', ips: [''] });
  });
  it('a domain finding proposes deleting that domain only when the site keeps another', () => {
    expect(prefillPayload('CHANGE_WEBSITE', snap, { websiteId: 'w1', domainId: 'd2' })).toMatchObject({ removeDomainIds: ['d2'] });
    expect(prefillPayload('CHANGE_WEBSITE', snap, { websiteId: 'w2', domainId: 'd3' })).toMatchObject({ removeDomainIds: [] });
    expect(prefillPayload('CHANGE_WEBSITE', { ...snap, websites: [] })).toMatchObject({ website: { name: '' }, principal: person() });
  });
  it('cancellations start unconfirmed; new websites start blank with the subject as registrant', () => {
    for (const type of ['CANCEL_SUBJECT', 'CANCEL_WEBSITE', 'CANCEL_ACCESS'] as const) expect(prefillPayload(type, snap)).toEqual({ type, reason: '', confirmed: false });
    const nw = prefillPayload('NEW_WEBSITE', snap, { websiteId: 'w2' });
    // Nothing of an existing website is carried over (not even the one the link named): only the subject's data.
    expect(nw).toEqual({
      type: 'NEW_WEBSITE',
      website: {
        name: '',
        serviceContent: '',
        domains: [{ name: '', registrantName: company().name, registrantIdType: company().certType, registrantIdNumber: company().certNumber, expiresOn: '' }],
        ips: [''],
        principal: person(),
      },
    });
  });
  it('首次备案 copies the old subject, and the website when one is named', () => {
    expect(prefillPayload('FIRST_FILING', snap, { websiteId: 'w2' })).toMatchObject({ subject: company(), website: { name: '云栖开发者社区', domains: [{ name: 'c.cn' }], ips: ['2.2.2.2'] } });
    expect(prefillPayload('FIRST_FILING', snap)).toMatchObject({ website: { name: '' } });
  });
});
