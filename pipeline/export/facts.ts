// Facts as a person reads them: one row per rollout fact, with the quote that
// states it (when the evidence is a quotation), its source and link.
import { FACTS_SQL } from '../load/views.ts';
import type { Database } from '../load/db.ts';
import { whereClause, type FactFilters } from './filters.ts';

export interface FactRow {
  event_id: string;
  doc_id: string;
  /** Day the fact was reported (its article's publication day). */
  date: string | null;
  /** When its status took effect, ISO at its precision ("2007", "2013-04-01"), and the days that spans. */
  effective: string | null;
  effective_start: string | null;
  effective_end: string | null;
  service: string;
  region: string;
  status: string;
  /** lifecycle, provider or review (load/status-axes.ts). */
  axis: string;
  provider: string | null;
  /** Target, ISO at its precision, and the first and last day it can mean (DATE in Parquet). */
  target: string | null;
  target_start: string | null;
  target_end: string | null;
  evidence: string;
  quote: string | null;
  speaker: string | null;
  source: string;
  title: string | null;
  url: string;
}

/**
 * Columns of CSV/JSON/Parquet exports, in order, with the header a person sees. The `_start` and
 * `_end` columns are days (DATE in Parquet, YYYY-MM-DD in CSV), so a spreadsheet sorts and
 * filters targets and effective dates as dates; `target` and `effective` keep their precision.
 */
export const EXPORT_COLUMNS = [
  'date',
  'effective',
  'effective_start',
  'effective_end',
  'service',
  'region',
  'status',
  'provider',
  'target',
  'target_start',
  'target_end',
  'evidence',
  'quote',
  'speaker',
  'source',
  'title',
  'url',
] as const satisfies readonly (keyof FactRow)[];

// Built on FACTS_SQL rather than the v_events view so exports also work on a
// file opened read-only that an older rollwatch wrote without the views.
// A quote belongs to a fact when it overlaps the evidence sentence.
export function factsQuery(
  filters: FactFilters,
  only: { eventId?: string } = {},
): { sql: string; params: ReturnType<typeof whereClause>['params'] } {
  const where = whereClause(filters);
  if (only.eventId !== undefined) {
    where.sql = `${where.sql ? `${where.sql} AND` : 'WHERE'} f.event_id = ?`;
    where.params.push(only.eventId);
  }
  const sql = `
WITH f AS (${FACTS_SQL}),
linked AS (
  SELECT f.event_id, q.text, q.speaker, q.speaker_role,
         row_number() OVER (PARTITION BY f.event_id ORDER BY q.char_start) AS nth
  FROM f JOIN quotes q ON q.doc_id = f.doc_id
  WHERE (f.evidence_start IS NOT NULL AND q.char_start < f.evidence_end AND q.char_end > f.evidence_start)
     OR contains(f.evidence, q.text)
)
SELECT
  f.event_id,
  f.doc_id,
  f.reported_on AS date,
  f.effective,
  f.effective_start,
  f.effective_end,
  f.service,
  f.region,
  f.status,
  f.axis,
  f.provider,
  f.target,
  f.target_start,
  f.target_end,
  f.evidence,
  l.text AS quote,
  CASE WHEN l.speaker IS NULL THEN NULL
       WHEN l.speaker_role IS NULL OR l.speaker_role = '' THEN l.speaker
       ELSE l.speaker || ', ' || l.speaker_role END AS speaker,
  f.source_id AS source,
  f.title,
  f.url
FROM f
LEFT JOIN linked l ON l.event_id = f.event_id AND l.nth = 1
${where.sql}
ORDER BY f.reported_on NULLS LAST, f.service, f.region, f.event_id`;
  return { sql, params: where.params };
}

export async function queryFacts(db: Database, filters: FactFilters = {}, only: { eventId?: string } = {}): Promise<FactRow[]> {
  const { sql, params } = factsQuery(filters, only);
  return db.query<FactRow>(sql, params);
}
