import type { OrderTypeValue } from '@/lib/domain/codes';
import type { DomainData, NewWebsiteData, OrderPayload, PrincipalData, SubjectData } from './payload';

// A new order starts from what is filed now, so the filer only changes what is wrong.

export type WebsiteSnapshot = {
  id: string;
  name: string;
  serviceContent: string;
  principal: PrincipalData;
  domains: (DomainData & { id: string })[];
  ips: string[];
};
export type FilingSnapshot = { subject: SubjectData; principal: PrincipalData; websites: WebsiteSnapshot[] };

/**
 * A new website starts empty: nothing filed describes it, so nothing is carried over as if it were. Only what
 * comes from the subject and is right for almost every filer is filled in, in open fields the filer may change:
 * the domain's 持有者 is the subject (the 管局 refuses a domain whose 实名 holder is not the 备案主体), and the
 * 网站负责人 is the subject's 主体负责人 (one person may hold both roles, and in most small filings does; a
 * different person is typed over it, with their own 幕布照).
 */
const blankWebsite = (snap: FilingSnapshot): NewWebsiteData => ({
  name: '',
  serviceContent: '',
  domains: [{ name: '', registrantName: snap.subject.name, registrantIdType: snap.subject.certType, registrantIdNumber: snap.subject.certNumber, expiresOn: '' }],
  ips: [''],
  principal: { ...snap.principal },
});

const siteData = (w: WebsiteSnapshot): NewWebsiteData => ({
  name: w.name,
  serviceContent: w.serviceContent,
  domains: w.domains.map(({ id: _id, ...d }) => d),
  ips: [...w.ips],
  principal: { ...w.principal },
});

/**
 * The draft payload for `type`, prefilled from the filing. `website` is the website the order concerns;
 * `domainId` a domain a finding names (a 变更网站 from a domain finding proposes deleting it when the site has others).
 */
export function prefillPayload(type: OrderTypeValue, snap: FilingSnapshot, opts: { websiteId?: string | null; domainId?: string | null } = {}): OrderPayload {
  const site = snap.websites.find((w) => w.id === opts.websiteId);
  switch (type) {
    case 'CHANGE_SUBJECT':
      return { type, subject: { ...snap.subject }, principal: { ...snap.principal } };
    case 'CHANGE_WEBSITE': {
      const w = site ?? snap.websites[0];
      const remove = opts.domainId && w && w.domains.length > 1 && w.domains.some((d) => d.id === opts.domainId) ? [opts.domainId] : [];
      return {
        type,
        website: { name: w?.name ?? '', serviceContent: w?.serviceContent ?? '' },
        principal: { ...(w?.principal ?? snap.principal) },
        removeDomainIds: remove,
      };
    }
    case 'CHANGE_ACCESS':
    case 'ACCESS_FILING':
      return { type, ips: [...(site ?? snap.websites[0])?.ips ?? ['']] };
    case 'CANCEL_SUBJECT':
    case 'CANCEL_WEBSITE':
    case 'CANCEL_ACCESS':
      return { type, reason: '', confirmed: false };
    case 'NEW_WEBSITE':
      return { type, website: blankWebsite(snap) };
    case 'FIRST_FILING':
      return { type, subject: { ...snap.subject }, principal: { ...snap.principal }, website: site ? siteData(site) : blankWebsite(snap) };
  }
}
