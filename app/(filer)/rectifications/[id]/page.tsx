import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { getFindingForOwner } from '@/db/queries/findings';
import { Deadline } from '@/components/deadline';
import { FINDING_CATALOGUE } from '@/lib/remediation';

export const metadata: Metadata = { title: '整改事项' };

// Minimal landing page for the e-mail deep link (issue 6); the full rectification page replaces it.
export default async function RectificationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser(['filer']);
  const { id } = await params;
  const row = await getFindingForOwner(await getDb(), id, user.id);
  if (!row) notFound();
  const entry = FINDING_CATALOGUE[row.finding.code];
  return (
    <div className="space-y-4">
      <nav aria-label="面包屑" className="text-sm text-slate-600">
        <Link href="/dashboard" className="underline">我的备案</Link> /{' '}
        <Link href={`/subjects/${row.subjectId}`} className="underline">{row.subjectName}</Link>
      </nav>
      <h1 className="text-2xl font-semibold">{entry.notice}</h1>
      <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <p>整改期限：<Deadline date={row.finding.deadline} /></p>
        <p><span className="font-medium">如何整改：</span>{entry.remedy}</p>
        <p><span className="font-medium">逾期后果：</span>{entry.afterPeriod}</p>
      </div>
    </div>
  );
}
