import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { getImportBatch } from '@/db/queries/admin';
import { Notice, PageTitle, TableCard, Td, Th, card, linkClass } from '@/components/admin/ui';
import { formatDateTime } from '@/lib/time';
import { discardImportAction, startImportAction } from '../../actions';
import { BATCH_STATUS } from '../status';
import { Refresher } from './refresher';
import { ActionForm, SubmitButton } from '@/components/admin/action-form';

export const metadata = { title: '导入批次' };

const SHOWN_ERRORS = 200;

export default async function ImportBatchPage({ params }: { params: Promise<{ batchId: string }> }) {
  await requirePageUser(['admin']);
  const { batchId } = await params;
  const db = await getDb();
  const b = await getImportBatch(db, batchId);
  if (!b) notFound();
  const errors = b.errorRows.length;
  const duplicates = b.duplicateRows;
  const valid = b.totalRows - errors - duplicates;
  const pct = b.totalRows ? Math.floor((b.processedRows / b.totalRows) * 100) : 0;
  return (
    <div className="space-y-4">
      <nav aria-label="面包屑" className="text-sm text-slate-600">
        <Link href="/admin/notices" className="underline">整改通知管理</Link> / <Link href="/admin/notices/import" className="underline">批量导入</Link> / {b.fileName}
      </nav>
      <PageTitle title={b.status === 'pending' ? '导入预检结果' : '导入进度'} />
      <dl className={`${card} grid grid-cols-2 gap-3 p-4 text-sm sm:grid-cols-6`}>
        <Stat label="文件" value={b.fileName} />
        <Stat label="状态" value={BATCH_STATUS[b.status as keyof typeof BATCH_STATUS] ?? b.status} />
        <Stat label="总行数" value={b.totalRows} />
        <Stat label="可导入" value={valid} />
        <Stat label="有错误" value={errors} />
        <Stat label="文件内重复" value={duplicates} />
      </dl>
      {b.status === 'pending' ? (
        <section className={`${card} p-4`} aria-labelledby="go">
          <h2 id="go" className="mb-2 text-lg font-semibold">第二步：确认导入</h2>
          {b.sameFileImportedAt ? (
            <Notice tone="info">同一文件已于 {formatDateTime(b.sameFileImportedAt)} 导入过；再次导入不会重复创建已有的不合格项。</Notice>
          ) : null}
          <p className="mb-3 text-sm text-slate-700">
            将导入 {valid} 行（有错误的 {errors} 行{duplicates ? `、与文件中前面某行完全相同的 ${duplicates} 行` : ''}会被跳过），按主体合并为整改通知并向备案用户发送通知邮件；未填写整改期限的行使用默认期限 {b.deadline}。
          </p>
          {valid > 0 ? (
            <ActionForm action={startImportAction}>
              <input type="hidden" name="batchId" value={b.id} />
              <SubmitButton pendingText="正在开始…">开始导入 {valid} 行</SubmitButton>
            </ActionForm>
          ) : (
            <p className="text-sm text-red-800">没有可导入的行，请修改文件后重新上传。</p>
          )}
          <ActionForm action={discardImportAction} className="mt-3">
            <input type="hidden" name="batchId" value={b.id} />
            <SubmitButton pendingText="正在放弃…" className="rounded border border-slate-400 px-4 py-2 text-sm text-slate-800 hover:bg-slate-100 disabled:opacity-60">放弃此批次（不导入任何行）</SubmitButton>
          </ActionForm>
        </section>
      ) : (
        <section className={`${card} p-4`} aria-labelledby="prog">
          <h2 id="prog" className="mb-2 text-lg font-semibold">导入进度</h2>
          <label htmlFor="progress" className="mb-1 block text-sm">已处理 {b.processedRows} / {b.totalRows} 行（{pct}%）</label>
          <progress id="progress" value={b.processedRows} max={b.totalRows || 1} className="h-4 w-full accent-brand-700" aria-valuetext={`${pct}%`}>{pct}%</progress>
          {b.status === 'running' ? <Refresher /> : null}
          {b.status === 'done' ? (
            <p role="status" className="mt-3 text-sm">
              导入完成：新建不合格项 <strong>{b.createdFindings}</strong> 项，跳过 <strong>{b.skippedRows}</strong> 行（含有错误的 {errors} 行，以及已存在或重复的行）。
              <Link href="/admin/notices?source=import" className={`ml-2 ${linkClass}`}>查看导入的整改通知</Link>
            </p>
          ) : null}
          {b.status === 'failed' ? <p role="alert" className="mt-3 text-sm text-red-800">导入中断。已导入的部分已保存，请联系技术支持查看日志后重试。</p> : null}
        </section>
      )}
      {errors > 0 ? (
        <section aria-labelledby="errs">
          <h2 id="errs" className="mb-2 text-lg font-semibold">有错误的行（{errors} 行）</h2>
          <TableCard caption="有错误的行" narrow>
            <thead className="bg-slate-50"><tr><Th className="w-24">数据行</Th><Th>错误</Th></tr></thead>
            <tbody>
              {b.errorRows.slice(0, SHOWN_ERRORS).map((e) => (
                <tr key={e.row} className="border-t border-slate-100">
                  <Td>第 {e.row} 行</Td>
                  <Td><ul className="list-disc pl-4 text-red-800">{e.messages.map((m) => <li key={m}>{m}</li>)}</ul></Td>
                </tr>
              ))}
            </tbody>
          </TableCard>
          {errors > SHOWN_ERRORS ? <p className="mt-2 text-sm text-slate-600">仅显示前 {SHOWN_ERRORS} 行错误。</p> : null}
        </section>
      ) : null}
    </div>
  );
}

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <div>
      <dt className="text-slate-600">{label}</dt>
      <dd className="break-all font-medium">{value}</dd>
    </div>
  );
}
