import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { setDbForTests } from '@/db/client';
import { createDraft, filedDomainErrors, saveDraft, submitOrder } from '@/db/orders/drafts';
import { PublicError } from '@/lib/errors';
import type { OrderPayload } from '@/lib/orders/payload';
import type { SessionUser } from '@/app/_server/session';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';

// What the wizard's save and submit check against the filings: a 新增网站 cannot file a domain that is filed
// already (the error comes back at the domain's field), and what the filer typed is stored in canonical form.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/app/_server/session', () => ({ currentUser: async () => session.user, requirePageUser: async () => session.user }));
vi.mock('@/app/_server/auth', () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined, clientIp: () => '127.0.0.1' }));
vi.mock('next/cache', async () => (await import('../support/next-mocks')).cacheMock);
vi.mock('next/headers', async () => (await import('../support/next-mocks')).headersMock);
vi.mock('next/navigation', async () => (await import('../support/next-mocks')).navigationMock);

type NewSite = Extract<OrderPayload, { type: 'NEW_WEBSITE' }>;
type Result = { ok: boolean; message?: string; fieldErrors?: Record<string, string[]> };

const OTHER_SUBJECT = '该域名已在其他备案主体下备案，不能重复备案。如域名已归您所有，请先由原备案主体注销该网站或在变更网站中删除该域名，再新增网站';

describe.each(TEST_TARGETS)('filed domains and canonical values on save and submit, on %s', (target) => {
  let h: TestDb;
  let filer: SessionUser;
  let orderId: string;
  let draft: NewSite;

  const order = async (id: string) => (await h.db.select().from(t.orders).where(eq(t.orders.id, id)))[0]!;
  const subject = async (name: string) => (await h.db.select().from(t.subjects).where(eq(t.subjects.name, name)))[0]!;
  const withDomain = (name: string): NewSite => ({
    ...draft,
    website: {
      ...draft.website,
      name: '云栖科技博客',
      serviceContent: '企业博客',
      domains: [{ ...draft.website.domains[0]!, name, expiresOn: '2099-12-31' }],
    },
  });
  const saveAction = async (id: string, values: Record<string, unknown>, completed: number): Promise<Result> => {
    const { saveDraftAction } = await import('@/app/(filer)/orders/actions');
    session.user = filer;
    return (await saveDraftAction(null, { orderId: id, step: completed + 1, completed, values, materialIds: [], version: (await order(id)).version })) as Result;
  };

  beforeAll(async () => {
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
    setDbForTests(h);
    const [u] = await h.db.select().from(t.users).where(eq(t.users.email, 'filer@beian.example'));
    filer = { id: u!.id, email: u!.email, name: u!.name, role: u!.role };
    ({ orderId } = await createDraft(h.db, { ownerId: filer.id, type: 'NEW_WEBSITE', subjectId: (await subject('杭州云栖科技有限公司')).id }));
    draft = (await order(orderId)).payload as NewSite;
  }, 120_000);
  afterAll(async () => {
    setDbForTests(undefined);
    await h?.close();
  });

  it("refuses another subject's domain (any owner, any case) at the domain's field, without naming that subject", async () => {
    const yunqi = await subject('杭州云栖科技有限公司');
    expect(await filedDomainErrors(h.db, { type: 'NEW_WEBSITE', subjectId: yunqi.id }, withDomain(' LinaReads.cn '))).toEqual({ 'website.domains.0.name': [OTHER_SUBJECT] });
    // Another subject of the same filer is still another filing.
    expect(await filedDomainErrors(h.db, { type: 'NEW_WEBSITE', subjectId: yunqi.id }, withDomain('qhsl.com.cn'))).toEqual({ 'website.domains.0.name': [OTHER_SUBJECT] });
    const err = await saveDraft(h.db, { ownerId: filer.id, orderId, payload: withDomain('linareads.cn'), wizardStep: 2 }).catch((e) => e);
    expect(err).toBeInstanceOf(PublicError);
    expect((err as PublicError).fieldErrors).toEqual({ 'website.domains.0.name': [OTHER_SUBJECT] });
    expect((err as Error).message).not.toContain('李娜');
    expect((await order(orderId)).payload).toEqual(draft);
  });

  it("names the filer's own website when the domain is filed under this subject", async () => {
    const r = await filedDomainErrors(h.db, { type: 'NEW_WEBSITE', subjectId: (await subject('杭州云栖科技有限公司')).id }, withDomain('yunqitech.com'));
    expect(r?.['website.domains.0.name']?.[0]).toMatch(/^该域名已在本主体的网站“云栖科技官网”（浙ICP备\d+号-1）中备案，不能重复备案；如需修改该网站的信息，请办理变更网站$/);
  });

  it('a domain deleted from its website, or a new one, may be filed; other order types are not checked', async () => {
    const yunqi = await subject('杭州云栖科技有限公司');
    expect(await filedDomainErrors(h.db, { type: 'NEW_WEBSITE', subjectId: yunqi.id }, withDomain('yunqi-blog.cn'))).toBeNull();
    const [d] = await h.db.select().from(t.domains).where(eq(t.domains.name, 'qhshulian.com'));
    await h.db.update(t.domains).set({ removedAt: new Date() }).where(eq(t.domains.id, d!.id));
    expect(await filedDomainErrors(h.db, { type: 'NEW_WEBSITE', subjectId: yunqi.id }, withDomain('qhshulian.com'))).toBeNull();
    await h.db.update(t.domains).set({ removedAt: null }).where(eq(t.domains.id, d!.id));
    expect(await filedDomainErrors(h.db, { type: 'CHANGE_ACCESS', subjectId: yunqi.id }, withDomain('linareads.cn'))).toBeNull();
  });

  it('the wizard save action returns the error at the domain field once the domain step is done, and not before', async () => {
    const r = await saveAction(orderId, withDomain('linareads.cn'), 1);
    expect(r).toMatchObject({ ok: false, fieldErrors: { 'website.domains.0.name': [OTHER_SUBJECT] } });
    // Saving the first step (the domain is not checked yet: the filer has not reached it).
    expect(await saveAction(orderId, withDomain('linareads.cn'), 0)).toMatchObject({ ok: true });
    expect(await saveAction(orderId, withDomain('yunqi-blog.cn'), 1)).toMatchObject({ ok: true });
  });

  it('submit checks the domains again: one filed meanwhile is refused at its field', async () => {
    const complete = (name: string): NewSite => ({ ...withDomain(name), website: { ...withDomain(name).website, ips: ['47.96.12.40'] } });
    const materials = await h.db
      .insert(t.materials)
      .values(['verification_form', 'screen_photo'].map((kind) => ({ ownerId: filer.id, kind, fileName: `${kind}.png`, mime: 'image/png', size: 300_000, sha256: kind })))
      .returning({ id: t.materials.id });
    await saveDraft(h.db, { ownerId: filer.id, orderId, payload: complete('xmphoto.cn'), wizardStep: 5, completedStep: 0, materialIds: materials.map((m) => m.id) });
    const err = await submitOrder(h.db, { ownerId: filer.id, orderId, expectedState: 'DRAFT' }).catch((e) => e);
    expect(err).toBeInstanceOf(PublicError);
    expect((err as PublicError).fieldErrors).toEqual({ 'website.domains.0.name': [OTHER_SUBJECT] });
    expect((await order(orderId)).state).toBe('DRAFT');
  });

  it('the wizard stores a lower-case 统一社会信用代码 in upper case', async () => {
    const zhiyuan = await subject('北京智源未来科技有限公司');
    const { orderId: id } = await createDraft(h.db, { ownerId: filer.id, type: 'CHANGE_SUBJECT', subjectId: zhiyuan.id });
    const p = (await order(id)).payload as Extract<OrderPayload, { type: 'CHANGE_SUBJECT' }>;
    const r = await saveAction(id, { ...p, subject: { ...p.subject, certNumber: zhiyuan.certNumber.toLowerCase() } }, 0);
    expect(r).toMatchObject({ ok: true });
    expect(((await order(id)).payload as typeof p).subject.certNumber).toBe(zhiyuan.certNumber);
    expect(zhiyuan.certNumber).toMatch(/[A-Z]/);
  });

  it('the wizard refuses a private 接入 IP at its field and stores nothing', async () => {
    const chen = await subject('陈晓明');
    const [site] = await h.db.select().from(t.websites).where(and(eq(t.websites.subjectId, chen.id), eq(t.websites.name, '晓明的技术随笔')));
    const { orderId: id } = await createDraft(h.db, { ownerId: filer.id, type: 'CHANGE_ACCESS', subjectId: chen.id, websiteId: site!.id });
    const before = await order(id);
    const r = await saveAction(id, { type: 'CHANGE_ACCESS', ips: ['47.98.110.21', '192.168.1.10'] }, 0);
    expect(r).toMatchObject({ ok: false, fieldErrors: { 'ips.1': ['请填写公网 IP 地址：192.168.1.10 是内网地址，互联网上无法访问'] } });
    expect((await order(id)).version).toBe(before.version);
  });
});
