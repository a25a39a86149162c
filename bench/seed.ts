import postgres from 'postgres';
import { hashPassword } from '@/lib/auth/password';
import { openDb } from '@/db/client';

// `npm run bench:seed`: large data for the benchmarks, generated inside PostgreSQL with generate_series
// (one statement per table; no rows cross the wire). SUBJECTS=100000 gives 100k subjects, 300k websites,
// 1M findings, 200k orders. Ids are md5-derived UUIDs so every table can refer to the others without lookups.
// The benchmark filer (bench-filer@bench.example) has 5 subjects, 20 websites and 30 open findings.

export const BENCH_PASSWORD = 'Bench@2026';

export async function seedBench(url: string, subjects: number, log = console.log) {
  const handle = await openDb({ url }); // migrates
  await handle.close();
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const n = subjects;
  const t0 = Date.now();
  const step = async (label: string, q: Promise<unknown>) => {
    const s = Date.now();
    await q;
    log(`  ${label.padEnd(14)} ${((Date.now() - s) / 1000).toFixed(1)} s`);
  };
  const hash = await hashPassword(BENCH_PASSWORD);
  await step('users', sql`
    insert into users (id, email, name, role, password_hash)
    select md5('owner-' || g)::uuid,
           case when g = 1 then 'bench-filer@bench.example' else 'owner-' || g || '@bench.example' end,
           '压测用户' || g, 'filer'::user_role, ${hash}
    from generate_series(1, ceil(${n}::numeric / 5)::int) g
    union all select md5('bench-reviewer')::uuid, 'bench-reviewer@bench.example', '压测初审', 'reviewer'::user_role, ${hash}`);
  await step('principals', sql`
    insert into principals (id, name, id_type, id_number, id_valid_until, mobile, emergency_mobile, email)
    select md5('principal-' || g)::uuid, '负责人' || g, '居民身份证', lpad(g::text, 18, '0'), date '2036-01-01' - (g % 4000),
           '13' || lpad(g::text, 9, '0'), '15' || lpad(g::text, 9, '0'), 'p' || g || '@bench.example'
    from generate_series(1, ${n}) g`);
  await step('subjects', sql`
    insert into subjects (id, owner_id, icp_number, name, nature, cert_type, cert_number, cert_address, province_code, mailing_address, legal_rep_name, principal_id)
    select md5('subject-' || g)::uuid, md5('owner-' || ((g - 1) / 5 + 1))::uuid,
           (array['浙','粤','京','沪','苏','蜀'])[1 + g % 6] || 'ICP备B' || lpad(g::text, 8, '0') || '号',
           '压测主体' || g || '有限公司', 'enterprise'::subject_nature, '营业执照', '91330106B' || lpad(g::text, 9, '0'),
           '测试地址' || g || '号', (array['33','44','11','31','32','51'])[1 + g % 6], '测试地址' || g || '号', '负责人' || g,
           md5('principal-' || g)::uuid
    from generate_series(1, ${n}) g`);
  const sites = sql`select g, k from generate_series(1, ${n}) g cross join lateral generate_series(1, case when g <= 5 then 4 else 3 end) k`;
  await step('websites', sql`
    insert into websites (id, subject_id, icp_number, name, principal_id)
    select md5('website-' || g || '-' || k)::uuid, md5('subject-' || g)::uuid,
           (array['浙','粤','京','沪','苏','蜀'])[1 + g % 6] || 'ICP备B' || lpad(g::text, 8, '0') || '号-' || k,
           '压测网站' || g || '之' || k, md5('principal-' || g)::uuid
    from (${sites}) s`);
  await step('domains', sql`
    insert into domains (id, website_id, name, registrant_name, registrant_id_type, registrant_id_number, expires_on)
    select md5('domain-' || g || '-' || k)::uuid, md5('website-' || g || '-' || k)::uuid, 'b' || g || '-' || k || '.bench.cn',
           '压测主体' || g || '有限公司', '营业执照', '91330106B' || lpad(g::text, 9, '0'), current_date + 100 + (g % 300)
    from (${sites}) s`);
  await step('access', sql`
    insert into access_records (website_id, provider, ips)
    select md5('website-' || g || '-' || k)::uuid, '云端网络科技有限公司', array['47.96.' || (g % 250) || '.' || k]
    from (${sites}) s`);
  await step('notices', sql`
    insert into notices (id, subject_id, deadline, source)
    select md5('notice-' || g)::uuid, md5('subject-' || g)::uuid, current_date + 15, 'check'::notice_source from generate_series(1, ${n}) g`);
  await step('findings', sql`
    insert into findings (notice_id, subject_id, website_id, code, status, deadline)
    select md5('notice-' || g)::uuid, md5('subject-' || g)::uuid,
           case when j > 8 then md5('website-' || g || '-1')::uuid end,
           ((array['SUBJECT_NAME_MISMATCH','SUBJECT_CERT_NUMBER_MISMATCH','SUBJECT_CERT_ADDRESS_MISMATCH','SUBJECT_BUSINESS_CLOSED',
                   'SUBJECT_LEGAL_REP_MISMATCH','SUBJECT_PRINCIPAL_ID_EXPIRED','SUBJECT_PRINCIPAL_ID_MISMATCH','SUBJECT_CONTACT_INVALID',
                   'WEBSITE_PRINCIPAL_ID_EXPIRED','WEBSITE_CONTACT_INVALID'])[j])::finding_code,
           (case when g <= 5 then (case when j <= 6 then 'open' else 'resolved' end)
                 when (g + j) % 10 < 3 then 'open' else 'resolved' end)::finding_status,
           current_date + ((g + j) % 40 - 5)
    from generate_series(1, ${n}) g cross join generate_series(1, 10) j`);
  // Every pending order is 4 to 7.5 days old, past the one-working-day 初审 limit whatever the weekday, so each
  // queue page shows the same kind of row (with its 已超时 badge) at 1,000 and at 100,000 subjects. Spread over
  // the last 3.5 days instead, only the large database's oldest rows were overdue, and the extra badges
  // were counted as a cost of data size (12% more CPU per request on page 1).
  await step('orders', sql`
    insert into orders (id, number, type, owner_id, subject_id, province_code, state, payload, submitted_at, expires_at, created_at)
    select md5('order-' || g || '-' || o)::uuid, 'BB' || lpad(g::text, 8, '0') || o,
           (case when o = 1 then 'CHANGE_ACCESS' else 'CHANGE_SUBJECT' end)::order_type,
           s.owner_id, s.id, s.province_code,
           (case when o = 1 then 'APPROVED' when g % 2 = 0 then 'SUBMITTED' else 'WITHDRAWN' end)::order_state,
           case when o = 1 then jsonb_build_object('type', 'CHANGE_ACCESS', 'ips', jsonb_build_array('47.96.0.1'))
                else jsonb_build_object('type', 'CHANGE_SUBJECT',
                  'subject', jsonb_build_object('name', s.name, 'nature', s.nature, 'certType', s.cert_type, 'certNumber', s.cert_number,
                     'certAddress', s.cert_address || '（新址）', 'provinceCode', s.province_code, 'mailingAddress', s.mailing_address, 'legalRepName', s.legal_rep_name),
                  'principal', jsonb_build_object('name', p.name, 'idType', p.id_type, 'idNumber', p.id_number, 'idValidUntil', p.id_valid_until,
                     'mobile', p.mobile, 'landline', null, 'emergencyMobile', p.emergency_mobile, 'email', p.email)) end,
           now() - interval '4 days' - make_interval(mins => g % 5000), now() + interval '40 days', now() - interval '4 days' - make_interval(mins => g % 5000 + 60)
    from generate_series(1, ${n}) g cross join generate_series(1, 2) o
    join subjects s on s.id = md5('subject-' || g)::uuid join principals p on p.id = s.principal_id`);
  // Vacuum too, not only analyze: a freshly loaded table has no visibility map (index-only scans read the heap)
  // and autovacuum would otherwise churn through 1.6M new rows while the load tests run.
  await step('vacuum analyze', sql`vacuum analyze`);
  await sql.end();
  log(`  total          ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('bench:seed 需要 DATABASE_URL（PostgreSQL）。 bench:seed needs DATABASE_URL (PostgreSQL).');
    process.exit(2);
  }
  const n = Number(process.env.SUBJECTS ?? 100_000);
  console.log(`seeding ${n} subjects into ${url.replace(/\/\/[^@]*@/, '//')}`);
  await seedBench(url, n);
}
