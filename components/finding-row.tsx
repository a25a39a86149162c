import Link from 'next/link';
import { Deadline } from '@/components/deadline';
import { FindingStatusBadge } from '@/components/ui/finding-status-badge';
import type { FindingStatus } from '@/lib/domain/codes';

export type FindingRowView = { id: string; title: string; status: FindingStatus; where: string; labelSite: string; deadline: string; live: boolean };

/**
 * One finding in a list (我的备案's 需要处理, 整改通知): what failed, where, by when, and the way in. A finding
 * still to rectify gets its deadline and 去整改; a closed one is only shown. Goes inside a flex-row `<li>`.
 */
export function FindingRow({ f, now }: { f: FindingRowView; now: Date }) {
  return (
    <>
      <div className="min-w-0 flex-1">
        <p className="font-medium">{f.title}</p>
        <p className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
          <FindingStatusBadge status={f.status} />
          <span>{f.where}</span>
          {f.live ? <Deadline date={f.deadline} now={now} prefix="· 截止 " /> : null}
        </p>
      </div>
      <Link
        href={`/rectifications/${f.id}`}
        aria-label={`${f.live ? '去整改' : '查看'}：${f.title}（${f.labelSite}）`}
        className={f.live ? 'btn-primary' : 'text-sm font-medium text-brand-700 underline'}
      >
        {f.live ? '去整改' : '查看'}
      </Link>
    </>
  );
}
