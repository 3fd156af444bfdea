// The analyst layer: stable views, the status_on(d) table macro and a COMMENT on
// every table, view and column, installed into the DuckDB file after migrations.
// Views are the public face of the database: tables may be reshaped by future
// migrations, the views keep their columns. Idempotent (CREATE OR REPLACE).
import type { Database } from './db.ts';

/**
 * Every rollout event a reader should count once. An event is left out when its
 * document is a near-duplicate of another document that is present: the
 * original carries the same facts, so counting both would double them.
 * An event's date is the day its document was published (the day the fact was
 * reported); `target` is the separate date the fact is about.
 */
export const FACTS_SQL = `
SELECT
  e.event_id,
  d.published_at AS reported_on,
  e.service,
  e.region,
  e.region_code,
  e.provider,
  e.status,
  e.target,
  e.evidence,
  e.evidence_start,
  e.evidence_end,
  e.confidence,
  e.doc_id,
  d.source_id,
  d.title,
  d.url
FROM rollout_events e
JOIN documents d ON d.doc_id = e.doc_id
WHERE d.duplicate_of IS NULL
   OR NOT EXISTS (SELECT 1 FROM documents o WHERE o.doc_id = d.duplicate_of)`;

/** Each event beside the status that came before it for the same service and region. */
export const TIMELINE_SQL = `
SELECT
  f.*,
  lag(f.status) OVER w AS previous_status,
  (lag(f.status) OVER w IS DISTINCT FROM f.status) AS status_changed
FROM v_events f
WINDOW w AS (PARTITION BY f.service, f.region ORDER BY f.reported_on NULLS FIRST, f.confidence, f.event_id)`;

/**
 * Latest reported status per service and region. Ties on the same day go to the
 * more confident event; events with no publication date cannot be placed in
 * time and only count when nothing dated exists.
 */
export const CURRENT_SQL = `
SELECT * EXCLUDE (rank_in_region)
FROM (
  SELECT
    f.*,
    count(*) OVER (PARTITION BY f.service, f.region) AS reports,
    row_number() OVER (
      PARTITION BY f.service, f.region
      ORDER BY f.reported_on DESC NULLS LAST, f.confidence DESC, f.event_id
    ) AS rank_in_region
  FROM v_events f
)
WHERE rank_in_region = 1`;

/** Quotes with their document and the services and regions its events are about. */
export const QUOTES_SQL = `
SELECT
  q.doc_id,
  d.published_at AS reported_on,
  q.speaker,
  q.speaker_role,
  q.text AS quote,
  q.char_start,
  q.char_end,
  (SELECT list(DISTINCT f.service ORDER BY f.service) FROM v_events f WHERE f.doc_id = q.doc_id) AS services,
  (SELECT list(DISTINCT f.region ORDER BY f.region) FROM v_events f WHERE f.doc_id = q.doc_id) AS regions,
  d.source_id,
  d.title,
  d.url
FROM quotes q
JOIN documents d ON d.doc_id = q.doc_id
WHERE d.duplicate_of IS NULL
   OR NOT EXISTS (SELECT 1 FROM documents o WHERE o.doc_id = d.duplicate_of)`;

/** Status per service and region as it stood at the end of day `d`. */
export const STATUS_ON_SQL = `
SELECT * EXCLUDE (rank_in_region)
FROM (
  SELECT
    f.*,
    row_number() OVER (
      PARTITION BY f.service, f.region
      ORDER BY f.reported_on DESC, f.confidence DESC, f.event_id
    ) AS rank_in_region
  FROM v_events f
  WHERE f.reported_on <= CAST(d AS DATE)
)
WHERE rank_in_region = 1`;

type ColumnComments = Record<string, string>;
interface Commented {
  comment: string;
  columns: ColumnComments;
}

const FACT_COLUMNS: ColumnComments = {
  event_id: 'Stable id of the rollout event (rollout_events.event_id).',
  reported_on: 'Day the fact was reported: the publication date of its document. Use this for timelines.',
  service: 'NHS service the fact is about, canonical name (e.g. NHS 111, NHS App).',
  region: 'Canonical region name; England for the national programme.',
  region_code: 'ODS or other code of the region, when the reference data knows one.',
  provider: 'Organisation running the service there, when stated.',
  status:
    'planned, live, delayed, paused, resumed, cancelled, under_review, provider_appointed or provider_withdrawn.',
  target: 'Target date the fact names, ISO at its own precision (2013, 2013-08, 2013-08-31); separate from reported_on.',
  target_start: 'First day the target can mean (DATE): sort and filter targets on this, not on the text.',
  target_end: 'Last day the target can mean (DATE): 2013-08 ends on 2013-08-31.',
  effective:
    'When the status took effect, ISO at its precision: the date its sentence ties to it ("went live in 2007"), else the day it was reported.',
  effective_start: 'First day the effective date can mean (DATE); timelines and status_on(d) place the fact here.',
  effective_end: 'Last day the effective date can mean (DATE).',
  provider_code: 'ODS code of the provider, when the reference data knows it.',
  evidence: 'The sentence of the document that states the fact.',
  evidence_start: 'Character offset where the evidence starts in documents.body.',
  evidence_end: 'Character offset where the evidence ends in documents.body.',
  confidence: 'Extractor confidence in the fact, 0 to 1.',
  doc_id: 'Document the fact comes from (documents.doc_id).',
  source_id: 'Source declaration the document was crawled from (sources/*.json id).',
  title: 'Headline of the document.',
  url: 'Canonical URL of the document: where to read the fact in context.',
};

/** Comments for tables and views; installAnalystLayer applies those that exist. */
export const COMMENTS: Record<string, Commented> = {
  schema_version: {
    comment: 'One row per applied schema migration; max(version) is the schema version of this file.',
    columns: { version: 'Migration number.', applied_at: 'When the migration ran (UTC).' },
  },
  documents: {
    comment: 'One row per article (canonical URL): the text the facts were extracted from.',
    columns: {
      doc_id: 'Stable id of the canonical URL; one row per doc_id (the loader keeps it unique and every run checks).',
      url: 'Canonical URL of the article.',
      source_id: 'Source declaration the article was crawled from.',
      title: 'Headline.',
      published_at: 'Publication day as the page gives it; the date every fact from this page is reported on.',
      author: 'Byline, when the page gives one.',
      body: 'Article text, paragraphs joined by a blank line; all char_start/char_end offsets index into it.',
      content_hash: 'sha256 of the raw page bytes as fetched.',
      fetched_at: 'When the page was fetched (UTC).',
      published_raw: 'The publication date as written on the page, before parsing.',
      published_source: 'Where the publication date came from: json-ld, meta, time, microdata, url, text or none.',
      updated_at: 'Last-modified day when the page gives one separately.',
      duplicate_of: 'doc_id of the document this one nearly duplicates (syndicated copy); its facts are not counted twice.',
      body_minhash: 'MinHash signature of the body text (64 little-endian 32-bit words), used to find near-duplicates (syndicated copies).',
    },
  },
  entities: {
    comment: 'Named things found in a document: regions, providers, organisations, people and services.',
    columns: {
      doc_id: 'Document the mention is in.',
      kind: 'region, provider, organisation, person or service.',
      name: 'Canonical name (reference data where known).',
      surface: 'The text as written in the article.',
      code: 'ODS or other code, when known.',
      char_start: 'Start offset in documents.body.',
      char_end: 'End offset in documents.body.',
    },
  },
  quotes: {
    comment: 'Direct quotations in a document, with the speaker when the text names one.',
    columns: {
      doc_id: 'Document the quote is in.',
      text: 'The quoted words.',
      speaker: 'Person quoted, when attributed.',
      speaker_role: 'Their role or organisation as the article gives it.',
      char_start: 'Start offset in documents.body.',
      char_end: 'End offset in documents.body.',
    },
  },
  date_mentions: {
    comment: 'Dates written in a document, resolved against its publication date.',
    columns: {
      doc_id: 'Document the date is in.',
      surface: 'The date as written ("the end of the summer").',
      value: 'ISO at its own precision: 2013, 2013-08, 2013-08-31.',
      range_start: 'First day the mention can mean.',
      range_end: 'Last day the mention can mean.',
      char_start: 'Start offset in documents.body.',
      char_end: 'End offset in documents.body.',
      milestone: 'True when the date times a rollout milestone (a launch, a deadline); false for other dates; null when not judged.',
    },
  },
  numeric_claims: {
    comment: 'Counted facts such as "23 of 44 areas are not yet fully live".',
    columns: {
      doc_id: 'Document the claim is in.',
      text: 'The sentence fragment stating the count.',
      value: 'The number counted (23).',
      total: 'Out of how many (44), when stated.',
      unit: 'What is counted (areas, CCGs, trusts).',
      service: 'Service the count is about, when known.',
      char_start: 'Start offset in documents.body.',
      char_end: 'End offset in documents.body.',
    },
  },
  rollout_events: {
    comment: 'Raw rollout facts, one per statement; includes those from duplicate documents. Prefer v_events.',
    columns: {
      event_id: FACT_COLUMNS.event_id,
      doc_id: FACT_COLUMNS.doc_id,
      service: FACT_COLUMNS.service,
      region: FACT_COLUMNS.region,
      region_code: FACT_COLUMNS.region_code,
      provider: FACT_COLUMNS.provider,
      status: FACT_COLUMNS.status,
      target: FACT_COLUMNS.target,
      evidence: FACT_COLUMNS.evidence,
      confidence: FACT_COLUMNS.confidence,
      evidence_start: FACT_COLUMNS.evidence_start,
      evidence_end: FACT_COLUMNS.evidence_end,
      effective: FACT_COLUMNS.effective,
      effective_start: FACT_COLUMNS.effective_start,
      effective_end: FACT_COLUMNS.effective_end,
      target_start: FACT_COLUMNS.target_start,
      target_end: FACT_COLUMNS.target_end,
      provider_code: FACT_COLUMNS.provider_code,
    },
  },
  runs: {
    comment: 'One row per pipeline run, with its counts.',
    columns: {
      run_id: 'Id of the run.',
      started_at: 'Start time (UTC).',
      finished_at: 'End time (UTC); null while running or after a crash.',
      status: 'Outcome of the run.',
      pages_fetched: 'Pages downloaded.',
      pages_failed: 'Pages that could not be fetched.',
      documents_new: 'Articles seen for the first time.',
      documents_changed: 'Articles whose content changed since the last fetch.',
      events_added: 'Rollout events added.',
      pages_not_modified:
        'Article pages requested and found unchanged: the server answered 304 Not Modified or sent the same bytes. Before schema v3 this also counted pages skipped by lastmod.',
      pages_skipped_lastmod:
        'Article pages not requested at all: their sitemap <lastmod> is no later than the last good fetch. Null for runs before schema v3.',
      command: 'CLI command that started the run (run, reprocess, demo).',
      config_file: 'Run config file the run was started with (absolute path), when it came from a file.',
      archive_dir: 'Folder of the WARC archive the run wrote its captures to; reprocess reads it back from here.',
    },
  },
  source_runs: {
    comment: 'Per-source outcome of each run: the table the nightly job summary shows.',
    columns: {
      run_id: 'Run (runs.run_id).',
      source_id: 'Source declaration id.',
      status: 'Outcome for this source: ok, failed, or empty (no articles found, usually a changed site); anything but ok fails the run.',
      discovered: 'Article URLs discovered.',
      fetched: 'Pages fetched.',
      not_modified: 'Article pages requested and found unchanged (304 Not Modified, or the same bytes).',
      skipped_lastmod: 'Article pages not requested: sitemap <lastmod> no later than the last good fetch. Null before schema v3.',
      failed: 'Pages that failed.',
      articles: 'Articles extracted.',
      events: 'Rollout events extracted.',
      message: 'Why the source failed, when it did.',
    },
  },
  run_sources: {
    comment:
      'The source declarations each run crawled with (defaults filled in): reprocess extracts each page with the declaration of the run that captured it.',
    columns: {
      run_id: 'Run (runs.run_id).',
      source_id: 'Source declaration id.',
      declaration: 'The declaration as JSON, after validation (selectors, defaultRegion, dateOrder, discovery).',
      declaration_sha256: 'sha256 of the declaration text: equal hashes, equal declarations.',
    },
  },
  area_within: {
    comment:
      'Reference data: which areas lie inside which (local authority, CCG or ICB footprint, NHS region, England), with the names those bodies had at the time. One row per pair, inner to outer, at any distance.',
    columns: {
      area: 'The inner area, by the canonical name facts use (rollout_events.region).',
      area_code: 'Its ODS or GSS code, when known.',
      within: 'An area that contains it.',
      within_code: 'Its ODS or GSS code, when known.',
      levels: 'Steps between the two in the hierarchy (1 = directly inside).',
    },
  },
  captures: {
    comment: 'Every HTTP capture, pointing at its raw record in the WARC archive.',
    columns: {
      url: 'URL fetched (after redirects).',
      doc_id: 'Document built from it, when it was an article.',
      source_id: 'Source declaration id.',
      run_id: 'Run that fetched it.',
      fetched_at: 'When it was fetched (UTC).',
      status: 'HTTP status.',
      etag: 'ETag header, for conditional GET.',
      last_modified: 'Last-Modified header, for conditional GET.',
      content_hash: 'sha256 of the raw body.',
      warc_file: 'Archive file holding the raw response.',
      warc_record_id: 'WARC-Record-ID of the response in that file.',
      sitemap_lastmod: 'The sitemap <lastmod> the page had when fetched; a later run skips it while the sitemap says no later.',
    },
  },
  fetch_errors: {
    comment: 'Pages that could not be fetched or parsed, with the reason.',
    columns: {
      run_id: 'Run in which it failed.',
      source_id: 'Source declaration id.',
      url: 'URL that failed.',
      failed_at: 'When it failed (UTC).',
      reason: 'Short reason (timeout, http, robots, too_large, charset).',
      http_status: 'HTTP status, when there was a response.',
      detail: 'Error message.',
    },
  },
  v_events: {
    comment:
      'Every rollout fact counted once (facts from near-duplicate documents left out), with its evidence, source, title and URL.',
    columns: FACT_COLUMNS,
  },
  v_timeline: {
    comment: 'v_events in time order per service and region, with the status that came before each fact.',
    columns: {
      ...FACT_COLUMNS,
      previous_status: 'Status of the previous fact for the same service and region; null for the first.',
      status_changed: 'True when this fact changes the status (always true for the first).',
    },
  },
  v_rollout_current: {
    comment: 'Latest reported status per service and region, with its evidence, source and date.',
    columns: {
      ...FACT_COLUMNS,
      reports: 'How many facts exist for this service and region (the history is in v_timeline).',
    },
  },
  v_quotes: {
    comment: 'Quotes with speaker, document, source and the services and regions the document reports on.',
    columns: {
      doc_id: 'Document the quote is in.',
      reported_on: 'Publication day of the document.',
      speaker: 'Person quoted, when attributed.',
      speaker_role: 'Their role or organisation.',
      quote: 'The quoted words.',
      char_start: 'Start offset in documents.body.',
      char_end: 'End offset in documents.body.',
      services: 'Services the document reports facts about (list).',
      regions: 'Regions the document reports facts about (list).',
      source_id: 'Source declaration id.',
      title: 'Headline of the document.',
      url: 'Canonical URL of the document.',
    },
  },
};

export const STATUS_ON_COMMENT =
  "status_on(d): the latest status per service and region reported on or before day d, e.g. SELECT * FROM status_on(DATE '2013-06-30'). Same columns as v_events.";

/** View name → its SQL, in dependency order. */
export const VIEWS: [string, string][] = [
  ['v_events', FACTS_SQL],
  ['v_timeline', TIMELINE_SQL],
  ['v_rollout_current', CURRENT_SQL],
  ['v_quotes', QUOTES_SQL],
];

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Creates or replaces the views and macro and comments every table, view and
 * column that exists. Runs as one transaction, so readers never see half a
 * layer (and ~80 statements commit once instead of 80 times). Pass
 * `withinTransaction: true` when calling it inside a transaction you opened.
 */
export async function installAnalystLayer(db: Database, options: { withinTransaction?: boolean } = {}): Promise<void> {
  // DuckDB cannot nest transactions, and a failed BEGIN aborts the caller's, so the caller says.
  const own = !options.withinTransaction;
  if (own) await db.run('BEGIN TRANSACTION');
  try {
    await install(db);
    if (own) await db.run('COMMIT');
  } catch (err) {
    if (own) await db.run('ROLLBACK');
    throw err;
  }
}

async function install(db: Database): Promise<void> {
  for (const [name, sql] of VIEWS) await db.run(`CREATE OR REPLACE VIEW ${name} AS ${sql}`);
  await db.run(`CREATE OR REPLACE MACRO status_on(d) AS TABLE ${STATUS_ON_SQL}`);
  await db.run(`COMMENT ON MACRO TABLE status_on IS ${literal(STATUS_ON_COMMENT)}`);

  // Tables added by a later migration without a comment here are left alone,
  // and docs/schema.md shows them as undocumented rather than failing the load.
  const present = await db.query<{ table_name: string; column_name: string; is_view: boolean }>(
    `SELECT c.table_name, c.column_name, v.view_name IS NOT NULL AS is_view
     FROM duckdb_columns() c
     LEFT JOIN duckdb_views() v ON v.view_name = c.table_name AND v.schema_name = c.schema_name
     WHERE c.schema_name = 'main' AND c.database_name = current_database()`,
  );
  const columnsOf = new Map<string, { isView: boolean; columns: Set<string> }>();
  for (const row of present) {
    const entry = columnsOf.get(row.table_name) ?? { isView: row.is_view, columns: new Set<string>() };
    entry.columns.add(row.column_name);
    columnsOf.set(row.table_name, entry);
  }
  for (const [name, doc] of Object.entries(COMMENTS)) {
    const found = columnsOf.get(name);
    if (!found) continue;
    await db.run(`COMMENT ON ${found.isView ? 'VIEW' : 'TABLE'} ${ident(name)} IS ${literal(doc.comment)}`);
    for (const [column, comment] of Object.entries(doc.columns)) {
      if (!found.columns.has(column)) continue;
      await db.run(`COMMENT ON COLUMN ${ident(name)}.${ident(column)} IS ${literal(comment)}`);
    }
  }
}
