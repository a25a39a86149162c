import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import * as t from '@/db/schema';
import { createImportBatch } from '@/db/imports/preview';
import { addDaysIso, todayIso } from '@/lib/time';

export const IMPORT_HEADER = '主体备案号,网站备案号,域名,不合格项代码,检查发现,整改期限';

/** An upload of these data lines under the header, as the upload route hands it over. */
export const csvSource = (lines: string[]) =>
  (async function* () {
    yield new TextEncoder().encode([IMPORT_HEADER, ...lines].join('\n'));
  })();

/**
 * Step 1 of an import by `adminId`: a one-line file finding the demo's 杭州数帆 website unreachable, with
 * `observed` as the finding's text. Returns the pending batch's id.
 */
export async function uploadUnreachableSite(db: Db, adminId: string, observed: string): Promise<string> {
  const [s] = await db.select().from(t.subjects).where(eq(t.subjects.name, '杭州数帆网络科技有限公司'));
  const [w] = await db.select().from(t.websites).where(eq(t.websites.subjectId, s!.id));
  const { batchId } = await createImportBatch(db, {
    actor: { id: adminId, role: 'admin' },
    fileName: '核查结果.csv',
    source: csvSource([`${s!.icpNumber},${w!.icpNumber},,SITE_UNREACHABLE,${observed},`]),
    deadline: addDaysIso(todayIso(), 30),
  });
  return batchId;
}
