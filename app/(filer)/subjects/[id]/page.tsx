import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { getFilingForOwner } from '@/db/queries/filings';
import { FilingStatusBadge } from '@/components/ui/status-badge';
import { Deadline } from '@/components/deadline';
import { displayStatus } from '@/lib/filings/status';
import { natureLabel, provinceName } from '@/lib/filings/labels';
import { FINDING_CATALOGUE } from '@/lib/remediation';

export const metadata: Metadata = { title: '备案主体详情' };

export default async function SubjectPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser(['filer']);
  const { id } = await params;
  // Someone else's subject and a subject that does not exist look the same: 404.
  const s = await getFilingForOwner(await getDb(), id, user.id);
  if (!s) notFound();
  return (
    <div className="space-y-6">
      <nav aria-label="面包屑" className="text-sm text-slate-600">
        <Link href="/dashboard" className="underline">我的备案</Link> / {s.name}
      </nav>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{s.name}</h1>
        <FilingStatusBadge status={displayStatus(s.status, s.findings)} />
      </header>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2">
        <Item label="主体备案号" value={s.icpNumber} />
        <Item label="主办单位性质" value={natureLabel(s.nature)} />
        <Item label="所属区域" value={provinceName(s.provinceCode)} />
        <Item label="证件类型" value={s.certType} />
        <Item label="证件住所" value={s.certAddress} />
        <Item label="通信地址" value={s.mailingAddress} />
      </dl>
      <section aria-labelledby="findings">
        <h2 id="findings" className="mb-2 text-lg font-semibold">整改事项</h2>
        {s.findings.length === 0 ? (
          <p className="text-sm text-slate-700">暂无待整改事项。</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {s.findings.map((f) => (
              <li key={f.id} className="flex flex-wrap items-center gap-3 p-3 text-sm">
                <span className="flex-1">{FINDING_CATALOGUE[f.code].notice} · 截止 <Deadline date={f.deadline} /></span>
                <Link href={`/rectifications/${f.id}`} className="font-medium text-brand-700 underline">查看</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="sites">
        <h2 id="sites" className="mb-2 text-lg font-semibold">网站</h2>
        <ul className="space-y-3">
          {s.websites.map((w) => (
            <li key={w.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
              <p className="font-medium">{w.name} <span className="ml-2 text-slate-600">{w.icpNumber}</span></p>
              <p className="text-slate-700">域名：{w.domains.map((d) => d.name).join('、')} · 接入 IP：{w.ips.join('、') || '—'}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function Item({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-slate-600">{label}</dt>
      <dd className="font-medium">{value}</dd>
    </div>
  );
}
