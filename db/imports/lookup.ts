import { sql } from 'drizzle-orm';
import type { Tx } from '../client';
import { pgArray, rowsOf } from '../raw-sql';
import { IMPORT_COLUMNS, normaliseDomain, normaliseIcp, validateRow, type RawRow, type RowLookup, type RowResult } from '@/lib/imports/validate-row';

/**
 * Loads only the filings one chunk of rows names: three indexed queries per chunk whatever the file size, each
 * taking its keys as one array parameter (`= any($1)`), so every chunk runs the same three prepared statements.
 */
export async function lookupForRows(tx: Tx, rows: RawRow[]): Promise<RowLookup> {
  const subjectIcps = unique(rows.map((r) => normaliseIcp(r[IMPORT_COLUMNS.subject])));
  const websiteIcps = unique(rows.map((r) => normaliseIcp(r[IMPORT_COLUMNS.website])));
  const domainNames = unique(rows.map((r) => normaliseDomain(r[IMPORT_COLUMNS.domain])));
  type S = { id: string; icp: string; status: 'active' | 'access_cancelled' | 'cancelled' };
  const subjects = subjectIcps.length
    ? rowsOf<S>(await tx.execute(sql`select id, icp_number as icp, status from subjects where icp_number = any(${pgArray(subjectIcps)}::text[])`))
    : [];
  // The owning subject's 备案号 by a subquery per website (one primary-key probe each): as a join, 1,000
  // websites made the planner hash the whole subjects table (a Seq Scan of 100k rows per chunk).
  const websites = websiteIcps.length
    ? rowsOf<S & { subjectIcp: string }>(
        await tx.execute(sql`select w.id, w.icp_number as icp, w.status,
            (select s.icp_number from subjects s where s.id = w.subject_id) as "subjectIcp"
          from websites w where w.icp_number = any(${pgArray(websiteIcps)}::text[])`),
      )
    : [];
  const domains = domainNames.length
    ? rowsOf<{ id: string; name: string; websiteId: string }>(
        await tx.execute(sql`select id, name, website_id as "websiteId" from domains
          where lower(name) = any(${pgArray(domainNames)}::text[]) and removed_at is null`),
      )
    : [];
  return {
    subjects: new Map(subjects.map((s) => [s.icp, { id: s.id, status: s.status }])),
    websites: new Map(websites.map((w) => [w.icp, { id: w.id, status: w.status, subjectIcp: w.subjectIcp }])),
    domains: new Map(domains.map((d) => [d.name.toLowerCase(), { id: d.id, websiteId: d.websiteId }])),
  };
}

export async function validateChunk(tx: Tx, rows: RawRow[], today: string): Promise<RowResult[]> {
  const lookup = await lookupForRows(tx, rows);
  return rows.map((r) => validateRow(r, lookup, today));
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}
