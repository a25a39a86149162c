import type { OrderTypeValue, SubjectNature } from '@/lib/domain/codes';

// The proposed data an order carries. Each order type has its own shape; the wizard's zod schemas
// (lib/orders/schemas.ts) produce exactly these, and applying an approved order reads exactly these.

export type SubjectData = {
  name: string;
  nature: SubjectNature;
  certType: string;
  certNumber: string;
  certAddress: string;
  provinceCode: string;
  mailingAddress: string;
  legalRepName?: string | null;
};

export type PrincipalData = {
  name: string;
  idType: string;
  idNumber: string;
  idValidUntil: string | null; // ISO date; null = 长期
  mobile: string;
  landline?: string | null;
  emergencyMobile: string;
  email: string;
};

export type DomainData = {
  name: string;
  registrantName: string;
  registrantIdType: string;
  registrantIdNumber: string;
  expiresOn: string;
};

export type NewWebsiteData = {
  name: string;
  serviceContent: string;
  domains: DomainData[];
  ips: string[];
  principal: PrincipalData;
};

export type OrderPayload =
  | { type: 'CHANGE_SUBJECT'; subject: SubjectData; principal: PrincipalData }
  | {
      type: 'CHANGE_WEBSITE';
      website: { name: string; serviceContent: string };
      principal: PrincipalData;
      removeDomainIds: string[];
    }
  | { type: 'CHANGE_ACCESS'; ips: string[] }
  | { type: 'CANCEL_SUBJECT'; reason: string; confirmed: boolean }
  | { type: 'CANCEL_WEBSITE'; reason: string; confirmed: boolean }
  | { type: 'CANCEL_ACCESS'; reason: string; confirmed: boolean }
  | { type: 'ACCESS_FILING'; ips: string[] }
  | { type: 'NEW_WEBSITE'; website: NewWebsiteData }
  | { type: 'FIRST_FILING'; subject: SubjectData; principal: PrincipalData; website: NewWebsiteData };

export type PayloadOf<T extends OrderTypeValue> = Extract<OrderPayload, { type: T }>;

/** One 驳回 reason picked by a reviewer, optionally attached to a field the filer will see it next to. */
export type RejectionEntry = { code: string; field?: string | null; note?: string | null };
