import { describe, expect, it } from 'vitest';
import { fullSchema, legalRepRequired, stepSchema, validateSteps } from './schemas';
import { company, context, id, person, uscc } from '@/tests/support/order-fixtures';

const errors = (r: ReturnType<typeof validateSteps>) => (r.ok ? {} : r.fieldErrors);
const issues = (key: Parameters<typeof stepSchema>[0], values: Record<string, unknown>, ctx = context()) => {
  const r = stepSchema(key, ctx).safeParse(values);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('subject step', () => {
  it('accepts the filed data and trims/upper-cases the certificate number', () => {
    const r = stepSchema('subject', context()).safeParse({ subject: company({ certNumber: ` ${uscc('91330106MA2B3C4D5').toLowerCase()} ` }) });
    expect(r.success).toBe(true);
    expect((r.data as { subject: { certNumber: string } }).subject.certNumber).toBe(uscc('91330106MA2B3C4D5'));
  });
  it('refuses a wrong USCC, a wrong resident ID, a missing 法定代表人 and short addresses in Chinese', () => {
    expect(issues('subject', { subject: company({ certNumber: '370202000123456' }) })).toEqual({ 'subject.certNumber': '请输入正确的18位统一社会信用代码' });
    expect(issues('subject', { subject: company({ certType: '居民身份证', nature: 'personal', certNumber: '330106198503120310', legalRepName: null }) })).toEqual({
      'subject.certNumber': '请输入正确的18位居民身份证号码',
    });
    expect(issues('subject', { subject: company({ legalRepName: '' }) })).toEqual({ 'subject.legalRepName': '请填写法定代表人姓名' });
    expect(issues('subject', { subject: company({ name: '', certAddress: '杭州' }) })).toEqual({ 'subject.name': '主办单位名称至少2个字', 'subject.certAddress': '证件住所至少5个字' });
    expect(issues('subject', { subject: company({ certType: '驾驶证' as never }) })['subject.certType']).toBe('请选择证件类型');
  });
  // 001 1.2 变更备案的类型: 备案成功后个人性质备案不可变更为其他个人.
  it('a personal filing cannot be changed into another person', () => {
    const filedPerson = { name: '张伟', idNumber: id('33010619850312031') };
    const ctx = context({ type: 'CHANGE_SUBJECT', nature: 'personal', filedPerson });
    const personal = (over: Record<string, unknown>) => ({ subject: company({ nature: 'personal', certType: '居民身份证', name: '张伟', certNumber: filedPerson.idNumber, legalRepName: null, ...over }) });
    expect(issues('subject', personal({}), ctx)).toEqual({});
    expect(issues('subject', personal({ name: '张维' }), ctx)).toEqual({});
    expect(issues('subject', personal({ name: '李娜', certNumber: id('32010619950819064') }), ctx)).toEqual({
      'subject.certNumber': '个人性质备案不可变更为其他个人：如网站改由他人开办，请注销本备案后由新的个人重新首次备案',
    });
  });
  it('never lets the province change', () => {
    expect(issues('subject', { subject: company({ provinceCode: '31' }) })).toEqual({ 'subject.provinceCode': '备案不能变更所属省份' });
  });
  // 001 6 变更备案信息后是否需要重新备案? 注意: 部分管局不允许跨省份变更备案主体…可先注销备案，再重新提交备案申请;
  // 001 2.3 跨省备案: 单位备案不可以跨省备案，请修改主办单位所属区域，使其与主办单位证件住所在同一省.
  it('a 首次备案 files in the province of the current certificate, not the old filing\'s', () => {
    const first = context({ type: 'FIRST_FILING' });
    const moved = company({ provinceCode: '44', certAddress: '广东省深圳市南山区科技园路1号' });
    expect(issues('subject', { subject: moved }, first)).toEqual({});
    expect(issues('subject', { subject: company({ provinceCode: '33', certAddress: '广东省深圳市南山区科技园路1号' }) }, first)).toEqual({
      'subject.provinceCode': '单位备案不可以跨省备案：证件住所在广东，所属区域须选择广东',
    });
    expect(issues('subject', { subject: company({ provinceCode: '99', certAddress: '杭州市西湖区文三路90号' }) }, first)).toEqual({ 'subject.provinceCode': '请选择所属区域' });
    // An address naming no province is not second-guessed; a personal filing follows the 管局's own rules.
    expect(issues('subject', { subject: company({ provinceCode: '44', certAddress: '深圳市南山区科技园路1号' }) }, first)).toEqual({});
  });
});

describe('principal step', () => {
  it('accepts a valid principal, 长期 ID and an empty landline', () => {
    expect(issues('principal', { subject: company(), principal: person({ idValidUntil: null, landline: '' }) })).toEqual({});
  });
  it('checks the ID number, its validity ≥ 3 months after today, contacts and the landline format', () => {
    const bad = person({ idNumber: '330106198503120310', idValidUntil: '2027-01-10', mobile: '1380571', email: 'x@', landline: '0571 1234' });
    expect(issues('principal', { subject: company(), principal: bad })).toEqual({
      'principal.idNumber': '请输入正确的18位居民身份证号码',
      'principal.idValidUntil': '证件有效期自提交之日起须不少于3个月，请换领新证件后上传',
      'principal.mobile': '请输入正确的11位手机号码',
      'principal.email': '请输入正确的电子邮件地址',
      'principal.landline': '请输入正确的固定电话，格式为“区号-号码”，区号3~4位、号码7~8位，如 010-12345678',
    });
    expect(issues('principal', { subject: company(), principal: person({ emergencyMobile: '13805710001' }) })).toEqual({ 'principal.emergencyMobile': '应急联系电话不能与手机号码相同' });
    expect(issues('principal', { subject: company(), principal: person({ idType: '护照', idNumber: 'E12' }) })).toEqual({ 'principal.idNumber': '请填写正确的证件号码' });
    expect(issues('principal', { subject: company(), principal: person({ idValidUntil: '' }) })['principal.idValidUntil']).toMatch(/长期有效/);
  });
  it('requires the 法定代表人 as principal where the province says so (浙江), not in 北京 or for personal filings', () => {
    const other = person({ name: '何平' });
    expect(issues('principal', { subject: company(), principal: other })).toEqual({ 'principal.name': '浙江管局要求单位的主体负责人必须是法定代表人（张伟）' });
    expect(issues('principal', { subject: company({ provinceCode: '11' }), principal: other }, context({ provinceCode: '11' }))).toEqual({});
    expect(legalRepRequired('33', 'personal')).toBe(false);
    expect(legalRepRequired('33', 'enterprise')).toBe(true);
    expect(legalRepRequired('99', 'enterprise')).toBe(false);
    // Orders that do not edit the subject compare with the filed 法定代表人.
    expect(issues('principal', { principal: other }, context({ type: 'CANCEL_SUBJECT', legalRepName: null }))).toEqual({ 'principal.name': '浙江管局要求单位的主体负责人必须是法定代表人（未填写）' });
  });
  it('different principals may not share a mobile or an e-mail; the same person may', () => {
    const others = [{ idNumber: id('33010619910214022'), mobile: '13805710001', email: 'ZHANGWEI@yunqi-tech.cn' }];
    expect(issues('principal', { subject: company(), principal: person() }, context({ otherPrincipals: others }))).toEqual({
      'principal.mobile': '不同负责人不能使用相同的手机号码',
      'principal.email': '不同负责人不能使用相同的电子邮件地址',
    });
    const self = [{ idNumber: person().idNumber, mobile: '13805710001', email: 'zhangwei@yunqi-tech.cn' }];
    expect(issues('principal', { subject: company(), principal: person() }, context({ otherPrincipals: self }))).toEqual({});
  });
  it('the website principal of a 首次备案 is compared with the subject principal in the same payload', () => {
    const ctx = context({ type: 'FIRST_FILING' });
    const v = { subject: company(), principal: person(), website: { principal: person({ name: '何平', idNumber: id('33010619910214022') }) } };
    expect(issues('websitePrincipal', v, ctx)).toEqual({ 'website.principal.mobile': '不同负责人不能使用相同的手机号码', 'website.principal.email': '不同负责人不能使用相同的电子邮件地址' });
    // 变更网站 edits `principal`, and the 法定代表人 rule is for the subject's principal only.
    expect(issues('websitePrincipal', { principal: person({ name: '何平' }) }, context({ type: 'CHANGE_WEBSITE' }))).toEqual({});
  });
});

describe('website, domains and access steps', () => {
  it('site names follow the naming rules for the subject nature', () => {
    expect(issues('website', { website: { name: '云栖科技官网', serviceContent: '综合门户' } }, context({ type: 'CHANGE_WEBSITE', domains: [{ id: 'd1', name: 'yunqi-tech.cn' }] }))).toEqual({});
    expect(issues('website', { website: { name: 'yunqi-tech.cn', serviceContent: '综合门户' } }, context({ type: 'CHANGE_WEBSITE', domains: [{ id: 'd1', name: 'yunqi-tech.cn' }] }))['website.name']).toBe('不能直接用网站域名作为网站名称');
    expect(issues('website', { website: { name: '晓明摄影商城', serviceContent: '' } }, context({ type: 'NEW_WEBSITE', nature: 'personal' }))).toEqual({
      'website.name': '个人网站名称不能含有企业、门户或交易类词语：商城（涉及企业内容请以单位性质备案）',
      'website.serviceContent': '网站服务内容至少2个字',
    });
    expect(issues('website', { subject: company({ nature: 'personal' }), website: { name: '王磊官网博客', serviceContent: '博客', domains: [{ name: 'x.cn' }] } }, context({ type: 'FIRST_FILING' }))['website.name']).toMatch(/个人网站名称/);
  });
  it('变更网站 deletes only this website’s domains and never the last one', () => {
    const ctx = context({ type: 'CHANGE_WEBSITE', domains: [{ id: 'a', name: 'a.cn' }, { id: 'b', name: 'b.cn' }] });
    expect(issues('domains', { removeDomainIds: ['a'] }, ctx)).toEqual({});
    expect(issues('domains', { removeDomainIds: ['a', 'b'] }, ctx)).toEqual({ removeDomainIds: '不能删除网站的最后一个域名；如不再使用该网站，请办理注销网站' });
    expect(issues('domains', { removeDomainIds: ['z'] }, ctx)).toEqual({ removeDomainIds: '只能删除本网站已备案的域名' });
  });
  it('new domains: valid names, not expired, unique, one per website in 湖北/湖南', () => {
    const d = (name: string, expiresOn = '2030-01-01') => ({ name, registrantName: '云栖科技', registrantIdType: '营业执照', registrantIdNumber: uscc('91330106MA2B3C4D5'), expiresOn });
    expect(issues('newDomains', { website: { domains: [d('a.cn'), d('b.cn')] } }, context({ type: 'NEW_WEBSITE' }))).toEqual({});
    expect(issues('newDomains', { website: { domains: [d('http://a.cn'), d('b.cn', '2026-01-01')] } }, context({ type: 'NEW_WEBSITE' }))).toEqual({
      'website.domains.0.name': '请输入正确的域名，如 example.com（不含 http:// 和路径）',
      'website.domains.1.expiresOn': '域名已过期，请续费后再填写',
    });
    expect(issues('newDomains', { website: { domains: [d('a.cn'), d('A.cn')] } }, context({ type: 'NEW_WEBSITE' }))).toEqual({ 'website.domains': '同一域名不能重复填写' });
    expect(issues('newDomains', { website: { domains: [d('a.cn'), d('b.cn')] } }, context({ type: 'NEW_WEBSITE', provinceCode: '42' }))).toEqual({ 'website.domains': '湖北管局规定一个网站只能备案一个域名' });
    expect(issues('newDomains', { website: { domains: [] } }, context({ type: 'NEW_WEBSITE' }))).toEqual({ 'website.domains': '请至少填写一个域名' });
  });
  it('IP addresses: at least one, each valid, at the type’s path', () => {
    expect(issues('ips', { ips: ['47.96.12.34'] }, context({ type: 'CHANGE_ACCESS' }))).toEqual({});
    expect(issues('ips', { ips: [] }, context({ type: 'CHANGE_ACCESS' }))).toEqual({ ips: '请至少填写一个 IP 地址' });
    expect(issues('ips', { website: { ips: ['300.1.1.1'] } }, context({ type: 'NEW_WEBSITE' }))).toEqual({ 'website.ips.0': '请输入正确的 IPv4 或 IPv6 地址' });
  });
  it('接入 IP addresses must be public, for every order that files them', () => {
    expect(issues('ips', { ips: ['47.96.12.34', '192.168.1.10'] }, context({ type: 'ACCESS_FILING' }))).toEqual({ 'ips.1': '请填写公网 IP 地址：192.168.1.10 是内网地址，互联网上无法访问' });
    expect(issues('ips', { ips: ['10.1.2.3'] }, context({ type: 'CHANGE_ACCESS' }))).toEqual({ 'ips.0': '请填写公网 IP 地址：10.1.2.3 是内网地址，互联网上无法访问' });
    expect(issues('ips', { website: { ips: ['fe80::1'] } }, context({ type: 'NEW_WEBSITE' }))['website.ips.0']).toMatch(/^请填写公网 IP 地址/);
    expect(issues('ips', { website: { ips: ['127.0.0.1'] } }, context({ type: 'FIRST_FILING' }))['website.ips.0']).toMatch(/^请填写公网 IP 地址/);
  });
});

describe('cancellation, materials and review steps', () => {
  it('cancellations need a reason and the explicit confirmation', () => {
    const ctx = context({ type: 'CANCEL_WEBSITE' });
    expect(issues('cancel', { reason: '不再使用', confirmed: true }, ctx)).toEqual({});
    expect(issues('cancel', { reason: '', confirmed: false }, ctx)).toEqual({ reason: '注销原因至少2个字', confirmed: '请勾选确认您已了解上述后果' });
    expect(issues('cancel', { reason: '迁', confirmed: true }, context({ type: 'CANCEL_ACCESS' }))).toEqual({ reason: '取消接入原因至少2个字' });
  });
  it('materials: every required kind is uploaded', () => {
    const ctx = context({ type: 'NEW_WEBSITE' });
    expect(issues('materials', { materials: [{ id: '1', kind: 'verification_form', fileName: 'a.png' }] }, ctx)).toEqual({ materials: '请上传：网站负责人幕布照片' });
    expect(issues('materials', { materials: [] }, context({ type: 'CHANGE_ACCESS' }))).toEqual({});
    expect(issues('review', {}, ctx)).toEqual({});
  });
});

describe('validateSteps and fullSchema', () => {
  const draft = { type: 'CHANGE_SUBJECT', subject: company(), principal: person(), materials: [{ id: 'm', kind: 'subject_cert', fileName: 's.png' }] };
  it('passes a complete order and returns the parsed values', () => {
    const r = validateSteps(context(), draft);
    expect(r.ok).toBe(true);
    expect(fullSchema(context()).safeParse(draft).success).toBe(true);
  });
  it('stops at the first failing step up to `upTo`, and only checks that far', () => {
    const noMaterials = { ...draft, materials: [] };
    expect(validateSteps(context(), noMaterials, 1).ok).toBe(true);
    const r = validateSteps(context(), noMaterials);
    expect(r).toEqual({ ok: false, step: 2, fieldErrors: { materials: ['请上传：主办单位证件照片'] } });
    const f = fullSchema(context()).safeParse({ ...draft, principal: person({ mobile: '1' }) });
    expect(f.success).toBe(false);
    expect(errors(validateSteps(context(), { ...draft, principal: person({ mobile: '1' }) }))).toEqual({ 'principal.mobile': ['请输入正确的11位手机号码'] });
    expect(f.error?.issues[0]?.path).toEqual(['principal', 'mobile']);
  });
});
