import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../client';
import * as t from '../schema';

// Demo 复核 requests waiting in the reviewers' queue: filers who fixed something outside the portal (renewed
// a domain, removed content, linked the footer number) and asked for a re-check. Appended to the demo seed.

const DEMO_RECHECKS = [
  {
    key: 'demo:zhiyuan:SITE_UNREACHABLE:1:',
    actionCode: 'RESTORE_SITE_ACCESS',
    note: '服务器已迁移完成，网站已恢复访问，请复核。',
    selfCheck: { passed: true, findings: [], domains: [{ domain: 'zyjobs.cn', addresses: ['39.105.22.34'], reachable: true, detail: 'HTTP 200' }] },
    hoursAgo: 20,
  },
  {
    key: 'demo:xyljd:CONTENT_VIOLATION:1:',
    actionCode: 'EDIT_CONTENT',
    note: '“便民信息”栏目中的广告链接已全部删除，并已加强发布审核。',
    selfCheck: null,
    hoursAgo: 6,
  },
  {
    key: 'demo:wanglei:FOOTER_ICP_NUMBER_MISSING:0:',
    actionCode: 'FIX_FOOTER',
    note: '首页底部备案号已链接到 https://beian.miit.gov.cn/。',
    selfCheck: { passed: true, findings: [], domains: [{ domain: 'wangleitravel.cn', addresses: ['106.15.80.90'], reachable: true, detail: 'HTTP 200' }] },
    hoursAgo: 2,
  },
] as const;

export async function seedDemoRechecks(tx: Tx, now: Date): Promise<void> {
  const findings = await tx
    .select({ id: t.findings.id, key: t.findings.externalKey, ownerId: t.subjects.ownerId })
    .from(t.findings)
    .innerJoin(t.subjects, eq(t.subjects.id, t.findings.subjectId))
    .where(inArray(t.findings.externalKey, DEMO_RECHECKS.map((r) => r.key)));
  for (const r of DEMO_RECHECKS) {
    const f = findings.find((x) => x.key === r.key);
    if (!f) continue;
    await tx.insert(t.rechecks).values({
      findingId: f.id,
      requestedBy: f.ownerId,
      actionCode: r.actionCode,
      note: r.note,
      // The filer's own check ran just before asking.
      selfCheck: r.selfCheck && { ...r.selfCheck, checkedAt: new Date(now.getTime() - (r.hoursAgo + 0.5) * 3600_000).toISOString() },
      createdAt: new Date(now.getTime() - r.hoursAgo * 3600_000),
    });
    // Asking for 复核 starts work on the finding (SPEC 2: open → in_progress).
    await tx.update(t.findings).set({ status: 'in_progress' }).where(eq(t.findings.id, f.id));
  }
}
