import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import * as t from '../schema';
import { assertAdmin, isUniqueViolation, type AdminActor } from '../admin/guard';
import { queueNoticeEmail } from './email';
import { PublicError } from '@/lib/errors';
import { FINDING_CATALOGUE, type FindingCode } from '@/lib/remediation';
import { UNRESOLVED_FINDING_STATUSES } from '@/lib/domain/codes';
import { todayIso } from '@/lib/time';
import { writeAudit } from '../audit';

export type NoticeFindingInput = { code: FindingCode; websiteId?: string | null; domainId?: string | null; observedValue?: string | null };

export type IssueNoticeInput = {
  actor: AdminActor;
  subjectId: string;
  deadline: string;
  findings: NoticeFindingInput[];
  baseUrl?: string;
  /** Where the findings came from: an operator by hand, or a 专项核查 run. */
  source?: 'manual' | 'check';
};

/**
 * 下发整改通知: one notice, its findings and the e-mail to the subject's owner, in one transaction.
 * Each finding must name the object its scope needs (website / domain of this subject); a finding that
 * duplicates an unresolved one is refused (the database enforces it too: findings_unresolved_uq).
 */
export async function issueNotice(db: Db, input: IssueNoticeInput): Promise<{ noticeId: string; findingIds: string[] }> {
  assertAdmin(input.actor);
  if (input.findings.length === 0) throw new PublicError('请至少添加一项不合格项。');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.deadline) || input.deadline < todayIso()) {
    throw new PublicError('整改期限不能早于今天。', { deadline: ['整改期限不能早于今天。'] });
  }
  return db.transaction(async (tx) => {
    const [subject] = await tx.select().from(t.subjects).where(eq(t.subjects.id, input.subjectId));
    if (!subject) throw new PublicError('未找到该备案主体。');
    if (subject.status !== 'active') throw new PublicError('该主体已取消接入或已注销，不能再下发整改通知。');

    const sites = await tx.select({ id: t.websites.id, status: t.websites.status }).from(t.websites).where(eq(t.websites.subjectId, subject.id));
    const siteIds = sites.filter((s) => s.status === 'active').map((s) => s.id);
    const domains = siteIds.length
      ? await tx.select({ id: t.domains.id, websiteId: t.domains.websiteId }).from(t.domains).where(and(inArray(t.domains.websiteId, siteIds), isNull(t.domains.removedAt)))
      : [];

    // Resolve each finding to the object it concerns, refusing what does not belong to this subject.
    const resolved = input.findings.map((f, i) => {
      const scope = FINDING_CATALOGUE[f.code].scope;
      const label = `第 ${i + 1} 项（${FINDING_CATALOGUE[f.code].notice}）`;
      if (scope === 'subject') return { ...f, websiteId: null, domainId: null };
      if (scope === 'domain') {
        const d = domains.find((x) => x.id === f.domainId);
        if (!d) throw new PublicError(`${label}：请选择该主体下的域名。`);
        return { ...f, websiteId: d.websiteId, domainId: d.id };
      }
      if (!f.websiteId || !siteIds.includes(f.websiteId)) throw new PublicError(`${label}：请选择该主体下的网站。`);
      return { ...f, websiteId: f.websiteId, domainId: null };
    });
    const keyOf = (f: { code: string; websiteId: string | null; domainId: string | null }) => `${f.code}|${f.websiteId ?? ''}|${f.domainId ?? ''}`;
    const keys = resolved.map(keyOf);
    if (new Set(keys).size !== keys.length) throw new PublicError('同一对象的同一不合格项只能添加一次。');

    const unresolved = await tx
      .select({ code: t.findings.code, websiteId: t.findings.websiteId, domainId: t.findings.domainId })
      .from(t.findings)
      .where(and(eq(t.findings.subjectId, subject.id), inArray(t.findings.status, UNRESOLVED_FINDING_STATUSES)));
    const taken = new Set(unresolved.map(keyOf));
    const dup = resolved.find((f) => taken.has(keyOf(f)));
    if (dup) throw new PublicError(`该主体已有尚未解决的“${FINDING_CATALOGUE[dup.code].notice}”不合格项，不能重复下发。`);

    const [notice] = await tx
      .insert(t.notices)
      .values({ subjectId: subject.id, issuedBy: input.actor.id, source: input.source ?? 'manual', deadline: input.deadline })
      .returning({ id: t.notices.id });
    let rows: { id: string }[];
    try {
      rows = await tx
        .insert(t.findings)
        .values(
          resolved.map((f) => ({
            noticeId: notice!.id,
            subjectId: subject.id,
            websiteId: f.websiteId,
            domainId: f.domainId,
            code: f.code,
            deadline: input.deadline,
            observedValue: f.observedValue?.trim() || null,
          })),
        )
        .returning({ id: t.findings.id });
    } catch (err) {
      // Someone issued the same finding a moment ago: the partial unique index caught it.
      if (isUniqueViolation(err)) throw new PublicError('该主体已有尚未解决的同类不合格项，不能重复下发。');
      throw err;
    }
    await writeAudit(tx, {
      actorId: input.actor.id,
      action: 'notice.issue',
      entityType: 'notice',
      entityId: notice!.id,
      subjectId: subject.id,
      details: { deadline: input.deadline, codes: resolved.map((f) => f.code), findings: rows.length },
    });
    await queueNoticeEmail(tx, notice!.id, input.baseUrl);
    return { noticeId: notice!.id, findingIds: rows.map((r) => r.id) };
  });
}
