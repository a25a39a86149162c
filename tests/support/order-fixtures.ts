import { residentIdCheckChar, usccCheckChar } from '@/lib/validation/ids';
import type { PrincipalData, SubjectData } from '@/lib/orders/payload';
import type { WizardContext } from '@/lib/orders/schemas';

// Valid identities for the order tests, built with the real check characters.
export const id = (body17: string) => body17 + residentIdCheckChar(body17)!;
export const uscc = (body17: string) => body17 + usccCheckChar(body17)!;

export const person = (over: Partial<PrincipalData> = {}): PrincipalData => ({
  name: '张伟',
  idType: '居民身份证',
  idNumber: id('33010619850312031'),
  idValidUntil: '2035-03-12',
  mobile: '13805710001',
  landline: null,
  emergencyMobile: '13905710001',
  email: 'zhangwei@yunqi-tech.cn',
  ...over,
});

export const company = (over: Partial<SubjectData> = {}): SubjectData => ({
  name: '杭州云栖科技有限公司',
  nature: 'enterprise',
  certType: '营业执照',
  certNumber: uscc('91330106MA2B3C4D5'),
  certAddress: '浙江省杭州市西湖区文三路90号',
  provinceCode: '33',
  mailingAddress: '浙江省杭州市西湖区文三路90号',
  legalRepName: '张伟',
  ...over,
});

export const context = (over: Partial<WizardContext> = {}): WizardContext => ({
  type: 'CHANGE_SUBJECT',
  provinceCode: '33',
  nature: 'enterprise',
  legalRepName: '张伟',
  domains: [],
  otherPrincipals: [],
  today: '2026-11-23',
  ...over,
});
