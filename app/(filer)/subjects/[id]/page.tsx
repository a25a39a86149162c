import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { getFilingForOwner } from '@/db/queries/filings';
import { FilingStatusBadge } from '@/components/ui/status-badge';
import { Deadline } from '@/components/deadline';
import { FindingStatusBadge } from '@/components/ui/finding-status-badge';
import { displayStatus } from '@/lib/filings/status';
import { natureLabel, provinceName } from '@/lib/filings/labels';
import { FINDING_CATALOGUE, ORDER_TYPE_LABELS } from '@/lib/remediation';
import type { OrderTypeValue } from '@/lib/domain/codes';
import { principalContacts } from '@/db/queries/principals';
import { maskMobile } from '@/lib/privacy/mask';
import { formatCalendarDate } from '@/lib/time';
import { SelfCheckPanel } from '@/components/self-check';
import { runSelfCheckAction } from '@/app/_actions/self-check';
import { websiteCheckRemedies } from '@/lib/checks/website-codes';
import { Item } from '@/components/ui/item';

export const metadata: Metadata = { title: '备案主体详情' };

export default async function SubjectPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ error?: string }> }) {
  const user = await requirePageUser(['filer']);
  const [{ id }, { error }] = await Promise.all([params, searchParams]);
  // Someone else's subject and a subject that does not exist look the same: 404.
  const db = await getDb();
  const s = await getFilingForOwner(db, id, user.id);
  if (!s) notFound();
  const people = await principalContacts(db, [s.principalId, ...s.websites.map((w) => w.principalId)]);
  return (
    <div className="space-y-6">
      <nav aria-label="面包屑" className="text-sm text-slate-600">
        <Link href="/dashboard" className="underline">我的备案</Link> / {s.name}
      </nav>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{s.name}</h1>
        <FilingStatusBadge status={displayStatus(s.status, s.findings)} />
      </header>
      {error ? <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">{error.slice(0, 200)}</p> : null}
      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2">
        <Item label="主体备案号" value={s.icpNumber} />
        <Item label="主办单位性质" value={natureLabel(s.nature)} />
        <Item label="所属区域" value={provinceName(s.provinceCode)} />
        <Item label="证件类型" value={s.certType} />
        <Item label="证件住所" value={s.certAddress} />
        <Item label="通信地址" value={s.mailingAddress} />
        <Item label="主体负责人" value={contact(people.get(s.principalId))} />
      </dl>
      <section aria-labelledby="findings">
        <h2 id="findings" className="mb-2 text-lg font-semibold">整改事项</h2>
        {s.findings.length === 0 ? (
          <p className="text-sm text-slate-700">暂无待整改事项。</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {s.findings.map((f) => (
              <li key={f.id} className="flex flex-wrap items-center gap-3 p-3 text-sm">
                <FindingStatusBadge status={f.status} />
                <span className="flex-1">{FINDING_CATALOGUE[f.code].notice} · 截止 <Deadline date={f.deadline} /></span>
                <Link href={`/rectifications/${f.id}`} aria-label={`查看整改：${FINDING_CATALOGUE[f.code].notice}`} className="font-medium text-brand-700 underline">查看</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="business" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <h2 id="business" className="mb-2 text-lg font-semibold">办理备案业务</h2>
        {s.openOrder ? (
          <p>
            该主体有一个进行中的订单，同一主体同时只能办理一个订单：
            <Link href={`/orders/${s.openOrder.id}`} className="font-medium text-brand-700 underline">查看订单 {s.openOrder.number}</Link>
          </p>
        ) : (
          <OrderLinks subjectId={s.id} status={s.status} label={s.name} />
        )}
      </section>
      <section aria-labelledby="sites">
        <h2 id="sites" className="mb-2 text-lg font-semibold">网站</h2>
        <ul className="space-y-3">
          {s.websites.map((w) => (
            <li key={w.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <h3 className="font-medium">{w.name}</h3>
                <span className="text-slate-600">{w.icpNumber}</span>
                <FilingStatusBadge status={displayStatus(w.status, s.findings.filter((f) => f.websiteId === w.id))} />
              </div>
              <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">
                <Item label="网站负责人" value={contact(people.get(w.principalId))} />
                <Item label="接入信息" value={w.provider ? `${w.provider} · ${w.ips.join('、') || '—'}` : '未接入'} />
                <div className="sm:col-span-2">
                  <dt className="text-slate-600">域名（到期日期）</dt>
                  <dd>
                    <ul className="mt-0.5 space-y-0.5">
                      {w.domains.map((d) => (
                        <li key={d.id}>
                          <span className="font-medium">{d.name}</span>（{formatCalendarDate(d.expiresOn)} 到期）
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              </dl>
              {!s.openOrder ? <OrderLinks subjectId={s.id} websiteId={w.id} status={w.status} label={w.name} /> : null}
              {w.status !== 'cancelled' ? (
                <div className="mt-3">
                  <SelfCheckPanel run={runSelfCheckAction} websiteId={w.id} websiteName={w.name} path={`/subjects/${s.id}`} latest={null} remedies={websiteCheckRemedies()} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/** The orders a filer may start from here: each link opens the confirmation page (/orders/new), whose button creates. */
function OrderLinks({ subjectId, websiteId, status, label }: { subjectId: string; websiteId?: string; status: string; label: string }) {
  const types: OrderTypeValue[] = websiteId
    ? status === 'active' ? ['CHANGE_WEBSITE', 'CHANGE_ACCESS', 'CANCEL_WEBSITE', 'CANCEL_ACCESS'] : status === 'access_cancelled' ? ['ACCESS_FILING'] : []
    : status === 'active' ? ['CHANGE_SUBJECT', 'NEW_WEBSITE', 'CANCEL_SUBJECT', 'CANCEL_ACCESS'] : status === 'access_cancelled' ? ['ACCESS_FILING', 'NEW_WEBSITE', 'FIRST_FILING'] : [];
  if (!types.length) return null;
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1" aria-label={`${label}可办理的业务`}>
      {types.map((t) => (
        <li key={t}>
          <a href={`/orders/new?type=${t}&subject=${subjectId}${websiteId ? `&website=${websiteId}` : ''}`} className="text-brand-700 underline">
            {ORDER_TYPE_LABELS[t]}
          </a>
        </li>
      ))}
    </ul>
  );
}


function contact(p: { name: string; mobile: string } | undefined): string {
  return p ? `${p.name}（手机 ${maskMobile(p.mobile)}）` : '—';
}
