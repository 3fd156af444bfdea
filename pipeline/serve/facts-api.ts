// The data the browse page asks for: facets to filter by, filtered facts, and
// one fact in its context (paragraph and quotes of its article).
import type { Database } from '../load/db.ts';
import { FACTS_SQL } from '../load/views.ts';
import { queryCurrent, type CurrentRow } from '../export/current.ts';
import { queryFacts, type FactRow } from '../export/facts.ts';
import type { FactFilters } from '../export/filters.ts';

export interface Facets {
  services: string[];
  regions: string[];
  providers: string[];
  statuses: string[];
  sources: string[];
}

export async function facets(db: Database): Promise<Facets> {
  const distinct = async (column: string) =>
    (
      await db.query<{ v: string }>(
        `SELECT DISTINCT ${column} AS v FROM (${FACTS_SQL}) WHERE ${column} IS NOT NULL ORDER BY v`,
      )
    ).map((r) => r.v);
  return {
    services: await distinct('service'),
    regions: await distinct('region'),
    providers: await distinct('provider'),
    statuses: await distinct('status'),
    sources: await distinct('source_id'),
  };
}

/** Shown on screen at most; the CSV download always has every matching fact. */
export const PAGE_LIMIT = 1000;

export async function facts(db: Database, filters: FactFilters): Promise<{ total: number; rows: FactRow[] }> {
  const rows = await queryFacts(db, filters);
  return { total: rows.length, rows: rows.slice(0, PAGE_LIMIT) };
}

/** The status per service and area for the filtered facts: lifecycle status, provider and open review. */
export async function currentStatus(db: Database, filters: FactFilters): Promise<{ rows: CurrentRow[] }> {
  return { rows: await queryCurrent(db, filters) };
}

export interface FactContext {
  fact: FactRow;
  published: string | null;
  /** The paragraph holding the evidence, split around it so the page can highlight it. */
  paragraph: { before: string; evidence: string; after: string } | null;
  quotes: { text: string; speaker: string | null; speaker_role: string | null }[];
}

export async function factContext(db: Database, eventId: string): Promise<FactContext | null> {
  const [found] = await queryFacts(db, {}, { eventId });
  if (!found) return null;
  const [doc] = await db.query<{ body: string; published: string | null; evidence_start: number | null; evidence_end: number | null }>(
    `SELECT d.body, CAST(d.published_at AS VARCHAR) AS published, e.evidence_start, e.evidence_end
     FROM rollout_events e JOIN documents d ON d.doc_id = e.doc_id WHERE e.event_id = ?`,
    [eventId],
  );
  const quotes = await db.query<FactContext['quotes'][number]>(
    'SELECT text, speaker, speaker_role FROM quotes WHERE doc_id = ? ORDER BY char_start',
    [found.doc_id],
  );
  let paragraph: FactContext['paragraph'] = null;
  if (doc) {
    let start = doc.evidence_start ?? -1;
    let end = doc.evidence_end ?? -1;
    if (start < 0 || end > doc.body.length || start >= end) {
      start = doc.body.indexOf(found.evidence);
      end = start + found.evidence.length;
    }
    if (start >= 0) {
      // Paragraphs are joined by a blank line (Article.body), so the context
      // runs from the blank line before the evidence to the one after it.
      const from = doc.body.lastIndexOf('\n\n', start);
      const to = doc.body.indexOf('\n\n', end);
      const pStart = from < 0 ? 0 : from + 2;
      const pEnd = to < 0 ? doc.body.length : to;
      paragraph = {
        before: doc.body.slice(pStart, start),
        evidence: doc.body.slice(start, end),
        after: doc.body.slice(end, pEnd),
      };
    }
  }
  return { fact: found, published: doc?.published ?? null, paragraph, quotes };
}
