import Link from 'next/link';
import { requirePageUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { listImportBatches } from '@/db/queries/admin';
import { PageTitle, TableCard, Td, Th, card, linkClass } from '@/components/admin/ui';
import { IMPORT_COLUMNS } from '@/lib/imports/validate-row';
import { addDaysIso, formatDateTime, todayIso } from '@/lib/time';
import { UploadForm } from './upload-form';
import { BATCH_STATUS } from './status';

export const metadata = { title: '批量导入检查结果' };

export default async function ImportPage() {
  await requirePageUser(['admin']);
  const batches = await listImportBatches(await getDb());
  return (
    <div className="space-y-4">
      <nav aria-label="面包屑" className="text-sm text-slate-600">
        <Link href="/admin/notices" className="underline">整改通知管理</Link> / 批量导入
      </nav>
      <PageTitle title="批量导入检查结果" />
      <section className={`${card} p-4`} aria-labelledby="fmt">
        <h2 id="fmt" className="mb-2 text-lg font-semibold">文件格式</h2>
        <p className="text-sm text-slate-700">
          CSV 文件（UTF-8 或 GBK 编码，表格软件“另存为 CSV”即可），第一行为列名：
          <code className="mx-1 rounded bg-slate-100 px-1">{Object.values(IMPORT_COLUMNS).join(',')}</code>。
          “网站备案号”“域名”按不合格项类型填写；“不合格项代码”可填代码（如 DOMAIN_EXPIRED）或整改通知原文（如“域名过期”）；“整改期限”不填时使用下面的默认期限。
          同一主体的不合格项合并为一份整改通知；同一行重复导入不会重复创建。
        </p>
      </section>
      <section className={`${card} p-4`} aria-labelledby="up">
        <h2 id="up" className="mb-2 text-lg font-semibold">第一步：上传并预检</h2>
        <UploadForm today={todayIso()} defaultDeadline={addDaysIso(todayIso(), 30)} />
      </section>
      <section aria-labelledby="recent">
        <h2 id="recent" className="mb-2 text-lg font-semibold">最近的导入</h2>
        <TableCard caption="最近的导入批次">
          <thead className="bg-slate-50">
            <tr><Th>文件</Th><Th>状态</Th><Th>行数</Th><Th>新建不合格项</Th><Th>上传人</Th><Th>上传时间</Th></tr>
          </thead>
          <tbody>
            {batches.map(({ batch: b, by }) => (
              <tr key={b.id} className="border-t border-slate-100">
                <Td><Link href={`/admin/notices/import/${b.id}`} className={linkClass}>{b.fileName}</Link></Td>
                <Td>{BATCH_STATUS[b.status as keyof typeof BATCH_STATUS] ?? b.status}</Td>
                <Td>{b.totalRows}</Td>
                <Td>{b.createdFindings}</Td>
                <Td>{by}</Td>
                <Td>{formatDateTime(b.createdAt)}</Td>
              </tr>
            ))}
            {batches.length === 0 ? <tr><Td className="text-slate-600">还没有导入记录。</Td></tr> : null}
          </tbody>
        </TableCard>
      </section>
    </div>
  );
}
