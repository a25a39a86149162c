import { getProvince, type Fact } from '@/lib/rules/provinces';

// The province's 管局 rules as lib/rules states them; whatever the seeds leave open is shown as 未知.

function show<T>(f: Fact<T>, render: (v: T) => string): string {
  return f === 'unknown' ? '未知' : render(f.value);
}

const yesNo = (v: boolean) => (v ? '是' : '否');

export function ProvinceRules({ code }: { code: string }) {
  const p = getProvince(code);
  return (
    <section aria-labelledby="rules-h">
      <h2 id="rules-h" className="mb-2 text-lg font-semibold">{p ? `${p.name}管局规则` : '省份规则'}</h2>
      {!p ? (
        <p className="text-sm text-slate-700">未知省份代码（{code}）。</p>
      ) : (
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2">
          <Rule label="单位主体负责人须为法定代表人" value={show(p.principalMustBeLegalRep, yesNo)} />
          <Rule label="网站负责人非法定代表人时须提供授权书" value={show(p.websitePrincipalNeedsAuthorisation, yesNo)} />
          <Rule label="网站底部悬挂的备案号" value={show(p.footerNumber, (v) => (v === 'subject' ? '主体备案号' : '网站备案号'))} />
          <Rule label="每个网站仅限一个域名" value={show(p.oneDomainPerWebsite, yesNo)} />
          <Rule label="需额外提供的材料" value={show(p.extraDocuments, (docs) => (docs.length ? docs.map((d) => `${d.name}（${d.appliesTo}）`).join('；') : '无'))} />
          <Rule
            label="授权书、证明时限的省内例外"
            value={show(p.proofWindowOverrides, (o) => {
              const names = { authorisation: '授权书', proof: '证明', work_certificate: '工作证明', domain_certificate: '域名证书', commercial_statement: '经营性说明书' } as const;
              const parts = Object.entries(o).map(([k, w]) => `${names[k as keyof typeof names]}${'days' in w! ? `${w!.days} 天` : `${w!.months} 个月`}内`);
              return parts.length ? parts.join('；') : '无（全国统一 3 个月）';
            })}
          />
          <Rule label="允许通过变更备案改变主体性质" value={show(p.natureChange, yesNo)} />
          <Rule label="允许先接入后变更" value={show(p.accessThenChange, yesNo)} />
        </dl>
      )}
    </section>
  );
}

function Rule({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-slate-600">{label}</dt>
      <dd className={value === '未知' ? 'text-slate-500' : 'font-medium'}>{value}</dd>
    </div>
  );
}
