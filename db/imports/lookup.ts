import { and, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../client';
import * as t from '../schema';
import { IMPORT_COLUMNS, normaliseDomain, normaliseIcp, validateRow, type RawRow, type RowLookup, type RowResult } from '@/lib/imports/validate-row';

/** Loads only the filings one chunk of rows names (three indexed queries per chunk, whatever the file size). */
export async function lookupForRows(tx: Tx, rows: RawRow[]): Promise<RowLookup> {
  const subjectIcps = unique(rows.map((r) => normaliseIcp(r[IMPORT_COLUMNS.subject])));
  const websiteIcps = unique(rows.map((r) => normaliseIcp(r[IMPORT_COLUMNS.website])));
  const domainNames = unique(rows.map((r) => normaliseDomain(r[IMPORT_COLUMNS.domain])));
  const subjects = subjectIcps.length
    ? await tx.select({ id: t.subjects.id, icp: t.subjects.icpNumber, status: t.subjects.status }).from(t.subjects).where(inArray(t.subjects.icpNumber, subjectIcps))
    : [];
  const websites = websiteIcps.length
    ? await tx
        .select({ id: t.websites.id, icp: t.websites.icpNumber, status: t.websites.status, subjectIcp: t.subjects.icpNumber })
        .from(t.websites)
        .innerJoin(t.subjects, sql`${t.subjects.id} = ${t.websites.subjectId}`)
        .where(inArray(t.websites.icpNumber, websiteIcps))
    : [];
  const domains = domainNames.length
    ? await tx
        .select({ id: t.domains.id, name: t.domains.name, websiteId: t.domains.websiteId })
        .from(t.domains)
        .where(and(inArray(sql`lower(${t.domains.name})`, domainNames), isNull(t.domains.removedAt)))
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
