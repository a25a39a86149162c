import { describeRule, getProvince, type Fact, type OpenRule } from '@/lib/rules/provinces';

// The province's 管局 rules as lib/rules states them. Where the seeds say the rule varies by 管局 without naming
// the province, the panel says "以当地管局要求为准" and what to ask the 管局, never a bare 未知.

const yesNo = (v: boolean) => (v ? '是' : '否');
const PROOF_NAMES = { authorisation: '授权书', proof: '证明', work_certificate: '工作证明', domain_certificate: '域名证书', commercial_statement: '经营性说明书' } as const;

export function ProvinceRules({ code }: { code: string }) {
  const p = getProvince(code);
  return (
    <section aria-labelledby="rules-h">
      <h2 id="rules-h" className="mb-2 text-lg font-semibold">{p ? `${p.name}管局规则` : '省份规则'}</h2>
      {!p ? (
        <p className="text-sm text-slate-700">未知省份代码（{code}），请按当地管局要求审核。</p>
      ) : (
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2">
          <Rule label="单位主体负责人须为法定代表人" fact={p.principalMustBeLegalRep} render={yesNo} />
          <Rule label="网站负责人非法定代表人时须提供授权书" fact={p.websitePrincipalNeedsAuthorisation} render={yesNo} open="websitePrincipalNeedsAuthorisation" />
          <Rule label="网站底部悬挂的备案号" fact={p.footerNumber} render={(v) => (v === 'subject' ? '主体备案号' : '网站备案号')} />
          <Rule label="每个网站仅限一个域名" fact={p.oneDomainPerWebsite} render={yesNo} />
          <Rule label="需额外提供的材料" fact={p.extraDocuments} render={(docs) => (docs.length ? docs.map((d) => `${d.name}（${d.appliesTo}）`).join('；') : '无')} open="extraDocuments" />
          <Rule
            label="授权书、证明时限的省内例外"
            fact={p.proofWindowOverrides}
            render={(o) => {
              const parts = Object.entries(o).map(([k, w]) => `${PROOF_NAMES[k as keyof typeof PROOF_NAMES]}${'days' in w! ? `${w!.days} 天` : `${w!.months} 个月`}内`);
              return parts.length ? parts.join('；') : '无（全国统一 3 个月）';
            }}
          />
          <Rule label="允许通过变更备案改变主体性质" fact={p.natureChange} render={yesNo} open="natureChange" />
          <Rule label="允许先接入后变更" fact={p.accessThenChange} render={yesNo} open="accessThenChange" />
        </dl>
      )}
    </section>
  );
}

function Rule<T>({ label, fact, render, open }: { label: string; fact: Fact<T>; render: (v: T) => string; open?: OpenRule }) {
  const r = describeRule(fact, render, open);
  return (
    <div>
      <dt className="text-slate-600">{label}</dt>
      <dd className={r.known ? 'font-medium' : 'text-slate-700'}>{r.text}</dd>
      {r.ask ? <dd className="mt-0.5 text-xs text-slate-600">请向管局确认：{r.ask}</dd> : null}
    </div>
  );
}
