'use client';
import { useActionState, useState } from 'react';
import { FormMessage } from '@/components/ui/field';
import { issueNoticeAction } from '../actions';
import { fieldErrorsOfClient } from '@/components/admin/field-errors';
import { issueNoticeSchema } from '@/lib/notices/schema';
import type { FindingCode, Scope } from '@/lib/remediation';

type Site = { id: string; label: string; domains: { id: string; name: string }[] };
type Code = { code: FindingCode; notice: string; scope: Scope };
type Row = { key: number; code: FindingCode | ''; websiteId: string; domainId: string; observedValue: string };

const SCOPE_LABELS: Record<Scope, string> = { subject: '主体类', website: '网站类', domain: '域名类' };
const select = 'block w-full rounded border bg-white px-3 py-2 text-sm';

export function NoticeForm({ subjectId, websites, codes, today, defaultDeadline }: { subjectId: string; websites: Site[]; codes: Code[]; today: string; defaultDeadline: string }) {
  const [state, action, pending] = useActionState(issueNoticeAction, null);
  const [rows, setRows] = useState<Row[]>([{ key: 1, code: '', websiteId: '', domainId: '', observedValue: '' }]);
  const [deadline, setDeadline] = useState(defaultDeadline);
  // Once a submit was refused here, errors follow the fields: a fixed field loses its message at once.
  const [checking, setChecking] = useState(false);
  const scopeOf = (code: string) => codes.find((c) => c.code === code)?.scope;
  const update = (key: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const payload = rows.map((r) => ({
    code: r.code || undefined,
    websiteId: scopeOf(r.code) === 'website' ? r.websiteId || null : null,
    domainId: scopeOf(r.code) === 'domain' ? r.domainId || null : null,
    observedValue: r.observedValue.trim() || null,
  }));
  const checked = checking ? issueNoticeSchema.safeParse({ subjectId, deadline, findings: payload }) : null;
  const clientErrors = checked && !checked.success ? fieldErrorsOfClient(checked.error) : undefined;
  const errors = clientErrors ?? (state && !state.ok ? state.fieldErrors : undefined);
  const err = (path: string) => errors?.[path]?.[0];
  return (
    <form
      action={action}
      noValidate
      onSubmit={(e) => {
        // Same schema as the server: obvious mistakes are shown before anything is sent.
        const parsed = issueNoticeSchema.safeParse({ subjectId, deadline, findings: payload });
        if (!parsed.success) e.preventDefault();
        setChecking(!parsed.success);
      }}
    >
      <FormMessage state={clientErrors ? { ok: false, message: '提交的内容有误，请按提示修改。' } : state} />
      <input type="hidden" name="subjectId" value={subjectId} />
      <input type="hidden" name="findings" value={JSON.stringify(payload)} />
      {err('findings') ? <p className="mb-3 text-sm text-red-700">{err('findings')}</p> : null}
      <ol className="space-y-4">
        {rows.map((r, i) => {
          const scope = scopeOf(r.code);
          const id = (f: string) => `f${r.key}-${f}`;
          return (
            <li key={r.key}>
              <fieldset className="rounded border border-slate-200 p-3">
                <legend className="px-1 text-sm font-medium">不合格项 {i + 1}</legend>
                <div className="grid gap-3 sm:grid-cols-2">
                  <div className="sm:col-span-2">
                    <label htmlFor={id('code')} className="mb-1 block text-sm font-medium">不合格项</label>
                    <select id={id('code')} value={r.code} onChange={(e) => update(r.key, { code: e.target.value as FindingCode, websiteId: '', domainId: '' })} className={`${select} ${err(`findings.${i}.code`) ? 'border-red-600' : 'border-slate-400'}`} aria-invalid={err(`findings.${i}.code`) ? true : undefined} aria-describedby={err(`findings.${i}.code`) ? id('code-err') : undefined}>
                      <option value="">请选择</option>
                      {(['subject', 'website', 'domain'] as const).map((s) => (
                        <optgroup key={s} label={SCOPE_LABELS[s]}>
                          {codes.filter((c) => c.scope === s).map((c) => <option key={c.code} value={c.code}>{c.notice}</option>)}
                        </optgroup>
                      ))}
                    </select>
                    {err(`findings.${i}.code`) ? <p id={id('code-err')} className="mt-1 text-sm text-red-700">{err(`findings.${i}.code`)}</p> : null}
                  </div>
                  {scope === 'website' ? (
                    <div>
                      <label htmlFor={id('site')} className="mb-1 block text-sm font-medium">网站</label>
                      <select id={id('site')} value={r.websiteId} onChange={(e) => update(r.key, { websiteId: e.target.value })} className={`${select} ${err(`findings.${i}.websiteId`) ? 'border-red-600' : 'border-slate-400'}`} aria-describedby={err(`findings.${i}.websiteId`) ? id('site-err') : undefined}>
                        <option value="">请选择</option>
                        {websites.map((w) => <option key={w.id} value={w.id}>{w.label}</option>)}
                      </select>
                      {err(`findings.${i}.websiteId`) ? <p id={id('site-err')} className="mt-1 text-sm text-red-700">{err(`findings.${i}.websiteId`)}</p> : null}
                    </div>
                  ) : null}
                  {scope === 'domain' ? (
                    <div>
                      <label htmlFor={id('domain')} className="mb-1 block text-sm font-medium">域名</label>
                      <select id={id('domain')} value={r.domainId} onChange={(e) => update(r.key, { domainId: e.target.value })} className={`${select} ${err(`findings.${i}.domainId`) ? 'border-red-600' : 'border-slate-400'}`} aria-describedby={err(`findings.${i}.domainId`) ? id('domain-err') : undefined}>
                        <option value="">请选择</option>
                        {websites.map((w) => (
                          <optgroup key={w.id} label={w.label}>
                            {w.domains.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
                          </optgroup>
                        ))}
                      </select>
                      {err(`findings.${i}.domainId`) ? <p id={id('domain-err')} className="mt-1 text-sm text-red-700">{err(`findings.${i}.domainId`)}</p> : null}
                    </div>
                  ) : null}
                  <div className={scope === 'subject' || !scope ? 'sm:col-span-2' : ''}>
                    <label htmlFor={id('observed')} className="mb-1 block text-sm font-medium">检查发现（选填）</label>
                    <input id={id('observed')} value={r.observedValue} maxLength={500} onChange={(e) => update(r.key, { observedValue: e.target.value })} className="block w-full rounded border border-slate-400 bg-white px-3 py-2 text-sm" />
                  </div>
                </div>
                {rows.length > 1 ? (
                  <button type="button" onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))} className="mt-2 text-sm text-red-700 underline">
                    删除不合格项 {i + 1}
                  </button>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => setRows((rs) => [...rs, { key: Math.max(...rs.map((x) => x.key)) + 1, code: '', websiteId: '', domainId: '', observedValue: '' }])} className="mt-3 rounded border border-brand-700 px-3 py-1.5 text-sm text-brand-700">
        添加一项不合格项
      </button>
      <div className="mt-4 max-w-xs">
        <label htmlFor="deadline" className="mb-1 block text-sm font-medium">整改期限</label>
        <input id="deadline" name="deadline" type="date" min={today} value={deadline} onChange={(e) => setDeadline(e.target.value)} className={`block w-full rounded border bg-white px-3 py-2 text-sm ${err('deadline') ? 'border-red-600' : 'border-slate-400'}`} aria-describedby={err('deadline') ? 'deadline-err' : undefined} />
        {err('deadline') ? <p id="deadline-err" className="mt-1 text-sm text-red-700">{err('deadline')}</p> : null}
      </div>
      <button type="submit" disabled={pending} className="mt-4 rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-600 disabled:opacity-60">
        {pending ? '正在下发…' : '下发整改通知'}
      </button>
    </form>
  );
}
