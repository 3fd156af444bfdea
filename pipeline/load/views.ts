// The analyst layer: stable views, the status_on(d) table macro and a COMMENT on
// every table, view and column, installed into the DuckDB file after migrations.
// Views are the public face of the database: tables may be reshaped by future
// migrations, the views keep their columns. Idempotent (CREATE OR REPLACE).
import type { Database } from './db.ts';
import { CAPTURE_ORIGIN_COMMENT, VERSION_COMMENTS, VERSIONS_SQL } from './version-views.ts';
import { axisSql } from './status-axes.ts';

/** A document that counts: not a near-duplicate of another document that is present. */
const COUNTED_DOCUMENT = `(d.duplicate_of IS NULL
   OR NOT EXISTS (SELECT 1 FROM documents o WHERE o.doc_id = d.duplicate_of))`;

/**
 * Every rollout event a reader should count once. An event is left out when its
 * document is a near-duplicate of another document that is present: the
 * original carries the same facts, so counting both would double them.
 * An event has two dates: `reported_on`, the day its document was published, and
 * `effective`, when its status took effect (the date its sentence gives, else the
 * report day); `target` is the separate date a plan points at.
 */
export const FACTS_SQL = `
SELECT
  e.event_id,
  d.published_at AS reported_on,
  e.effective,
  e.effective_start,
  e.effective_end,
  e.service,
  e.region,
  e.region_code,
  e.provider,
  e.provider_code,
  e.status,
  ${axisSql('e.status')} AS axis,
  e.target,
  e.target_start,
  e.target_end,
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
WHERE ${COUNTED_DOCUMENT}`;

/** Facts in syndicated copies, which every count leaves out (the original carries them). */
export const COPIED_FACTS_SQL = `
SELECT e.event_id, e.doc_id, e.service, e.region, e.region_code, e.provider, e.status, d.source_id, d.published_at AS reported_on
FROM rollout_events e
JOIN documents d ON d.doc_id = e.doc_id
WHERE NOT ${COUNTED_DOCUMENT}`;

/** The order in which facts follow each other: when they took effect, then when they were reported. */
// A coarse date ("in August 2010") is placed by the last day it can mean: it claims no more
// than that it had happened by then, so a precise fact within its span does not outrank it.
const IN_TIME = 'f.effective_end NULLS FIRST, f.effective_start NULLS FIRST, f.reported_on NULLS FIRST, f.confidence, f.event_id';
const LATEST_FIRST = 'f.effective_end DESC NULLS LAST, f.effective_start DESC NULLS LAST, f.reported_on DESC NULLS LAST, f.confidence DESC, f.event_id';

/** Each event beside the status that came before it on its axis, for the same service and region. */
export const TIMELINE_SQL = `
SELECT
  f.*,
  lag(f.status) OVER w AS previous_status,
  (lag(f.status) OVER w IS DISTINCT FROM f.status) AS status_changed
FROM v_events f
WINDOW w AS (PARTITION BY f.service, f.region, f.axis ORDER BY ${IN_TIME})`;

/**
 * Areas whose facts answer a question about area `x` (a name or code, any case): x itself,
 * the areas inside it, and the areas that contain it below the national level, each with how
 * it relates. Reads the area_within reference table. (Its columns are inner_/outer_ so that no
 * column can shadow a macro parameter: in DuckDB an unqualified name binds to a column first.)
 */
export function areaMatchSql(x: string): string {
  return `
SELECT region, min(relation) AS relation FROM (
  SELECT ${x} AS region, '1 named' AS relation
  UNION ALL SELECT DISTINCT region, '1 named' FROM rollout_events WHERE lower(region_code) = lower(${x})
  UNION ALL SELECT inner_name, '2 inside' FROM area_within WHERE lower(outer_name) = lower(${x}) OR lower(outer_code) = lower(${x})
  UNION ALL SELECT outer_name, '3 contains' FROM area_within
    WHERE (lower(inner_name) = lower(${x}) OR lower(inner_code) = lower(${x})) AND outer_kind <> 'nation'
) GROUP BY region`;
}

/**
 * Per service and region: the latest lifecycle fact (the status), the current provider and any
 * open review, each with its own evidence. \`where\` narrows the facts considered (status_on).
 */
export function currentSql(where = ''): string {
  // An appointment that names nobody cannot say who runs the service: provider events count when they name one.
  const ranked = (axis: string) => `
  SELECT f.*, row_number() OVER (PARTITION BY f.service, f.region ORDER BY ${LATEST_FIRST}) AS nth
  FROM considered f WHERE f.axis = '${axis}'${axis === 'provider' ? ' AND f.provider IS NOT NULL' : ''}`;
  return `
WITH considered AS (SELECT * FROM v_events f ${where}),
areas AS (SELECT service, region, count(*) AS reports, max(region_code) AS region_code FROM considered GROUP BY service, region),
life AS (SELECT * FROM (${ranked('lifecycle')}) WHERE nth = 1),
prov AS (SELECT * FROM (${ranked('provider')}) WHERE nth = 1),
rev AS (SELECT * FROM (${ranked('review')}) WHERE nth = 1),
named AS (
  SELECT * FROM (SELECT f.*, row_number() OVER (PARTITION BY f.service, f.region ORDER BY ${LATEST_FIRST}) AS nth
                 FROM considered f WHERE f.axis = 'lifecycle' AND f.provider IS NOT NULL) WHERE nth = 1)
SELECT
  a.service,
  a.region,
  a.region_code,
  l.status,
  l.effective,
  l.effective_start,
  l.effective_end,
  l.reported_on,
  l.target,
  l.target_start,
  l.target_end,
  l.evidence,
  l.evidence_start,
  l.evidence_end,
  l.confidence,
  l.event_id,
  l.doc_id,
  l.source_id,
  l.title,
  l.url,
  CASE WHEN p.status = 'provider_appointed' THEN p.provider WHEN p.status IS NULL THEN n.provider END AS provider,
  CASE WHEN p.status = 'provider_appointed' THEN p.provider_code WHEN p.status IS NULL THEN n.provider_code END AS provider_code,
  CASE p.status WHEN 'provider_appointed' THEN 'appointed' WHEN 'provider_withdrawn' THEN 'withdrawn'
       ELSE CASE WHEN n.provider IS NOT NULL THEN 'named' END END AS provider_status,
  coalesce(p.provider, n.provider) AS provider_named,
  coalesce(p.effective, n.effective) AS provider_effective,
  coalesce(p.evidence, n.evidence) AS provider_evidence,
  coalesce(p.event_id, n.event_id) AS provider_event_id,
  coalesce(p.url, n.url) AS provider_url,
  (r.event_id IS NOT NULL AND (l.effective_end IS NULL OR r.effective_end IS NULL OR l.effective_end <= r.effective_end)) AS review_open,
  r.effective AS review_effective,
  r.evidence AS review_evidence,
  r.event_id AS review_event_id,
  r.url AS review_url,
  a.reports
FROM areas a
LEFT JOIN life l ON l.service = a.service AND l.region = a.region
LEFT JOIN prov p ON p.service = a.service AND p.region = a.region
LEFT JOIN rev r ON r.service = a.service AND r.region = a.region
LEFT JOIN named n ON n.service = a.service AND n.region = a.region`;
}

/** Latest status per service and region, by the rules of STATUS_RULES. */
export const CURRENT_SQL = currentSql();

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
WHERE ${COUNTED_DOCUMENT}`;

/**
 * Status per service and region as it stood at the end of day \`d\`, with what is known now:
 * facts that took effect on or before d, whenever they were reported. \`area\` narrows it to an
 * area, the areas inside it and those containing it (areaMatchSql).
 */
export const STATUS_ON_SQL = currentSql(
  `WHERE f.effective_start <= CAST(d AS DATE)
     AND (area IS NULL OR f.region IN (SELECT region FROM (${areaMatchSql('CAST(area AS VARCHAR)')})))`,
);

/**
 * The rules the views follow, as docs/schema.md states them; each has a test in
 * tests/export/views.test.ts that names it.
 */
export const STATUS_RULES: { rule: string; text: string }[] = [
  { rule: 'axes', text: 'A status belongs to one of three axes: a service\'s lifecycle in an area (planned, live, delayed, paused, resumed, cancelled), provider events (provider_appointed, provider_withdrawn) and reviews (under_review). v_events.axis says which.' },
  { rule: 'lifecycle', text: 'The status of a service in an area (v_rollout_current.status, status_on(d).status) is its latest lifecycle fact. A provider event or a review never stands as the status; where only those are known, status is null and they show in their own columns.' },
  { rule: 'latest', text: 'Latest means the latest effective_end (the last day the fact\'s effective date can mean: "in August 2010" counts as by 31 August), then effective_start, then reported_on, then the most confident fact. v_timeline orders facts the same way.' },
  { rule: 'effective', text: 'A fact takes effect on the date its sentence ties to its status ("went live in 2007", "from 1 April"), else on the day it was reported. A fact reported later about the past ("began in 2007") is placed when it happened, and still cites the later article.' },
  { rule: 'provider', text: 'The current provider is the one the latest provider event naming a provider appointed; a withdrawal leaves none (provider_status withdrawn, provider_named who withdrew). With no such provider event, it is the provider the latest lifecycle fact naming one gives (provider_status named).' },
  { rule: 'review', text: 'A review is open (review_open) when it is the latest review fact and no lifecycle fact took effect after it (a later effective_end).' },
  { rule: 'status_on', text: 'status_on(d) applies the same rules to the facts whose effective date begins on or before d (effective_start <= d), whenever they were reported.' },
  { rule: 'areas', text: 'status_on(d, area := X) and the --region X filter of export, report and serve match facts about X, about the areas inside X, and about the areas that contain X below the national level (a contract area or region covering it), using area_within.' },
  { rule: 'copies', text: 'Facts from a syndicated copy (documents.duplicate_of names a document that is present) are left out of every view and every count; outputs that count facts say how many they left out.' },
];

type ColumnComments = Record<string, string>;

const AREA_KIND_COMMENT =
  'What kind of area: local_authority, ccg, pct, stp, icb, area_team, sha, nhse_region, region (English region), contract_area (a service area named as a list of places, such as an NHS 111 area), nation.';
interface Commented {
  comment: string;
  columns: ColumnComments;
}

const FACT_COLUMNS: ColumnComments = {
  event_id: 'Stable id of the rollout event (rollout_events.event_id).',
  reported_on: 'Day the fact was reported: the publication date of its document. Timelines use effective, when it took effect.',
  service: 'NHS service the fact is about, canonical name (e.g. NHS 111, NHS App).',
  region: 'Canonical region name; England for the national programme.',
  region_code: 'ODS or other code of the region, when the reference data knows one.',
  provider: 'Organisation running the service there, when stated.',
  status:
    'planned, live, delayed, paused, resumed, cancelled, under_review, provider_appointed or provider_withdrawn.',
  axis: 'lifecycle (planned … cancelled), provider (provider_appointed, provider_withdrawn) or review (under_review): a provider event or a review is never a service\'s status.',
  target: 'Target date the fact names, ISO at its own precision (2013, 2013-08, 2013-08-31); separate from reported_on.',
  target_start: 'First day the target can mean (DATE): sort and filter targets on this, not on the text.',
  target_end: 'Last day the target can mean (DATE): 2013-08 ends on 2013-08-31.',
  effective:
    'When the status took effect, ISO at its precision: the date its sentence ties to it ("went live in 2007"), else the day it was reported.',
  effective_start: 'First day the effective date can mean (DATE); status_on(d) counts the fact from this day.',
  effective_end: 'Last day the effective date can mean (DATE); facts are ranked and drawn in time by this day ("in August 2010" counts as by 31 August).',
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
  ...VERSION_COMMENTS,
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
      inner_name: 'The inner area, by the canonical name facts use (rollout_events.region).',
      inner_code: 'Its ODS or GSS code, when known.',
      inner_kind: AREA_KIND_COMMENT,
      outer_name: 'An area that contains it.',
      outer_code: 'Its ODS or GSS code, when known.',
      outer_kind: AREA_KIND_COMMENT,
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
      origin: CAPTURE_ORIGIN_COMMENT,
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
    comment:
      'v_events in time order (effective, then reported) per service, region and axis, with the status that came before each fact on its axis.',
    columns: {
      ...FACT_COLUMNS,
      previous_status: 'Status of the previous fact on the same axis for the same service and region; null for the first.',
      status_changed: 'True when this fact changes the status (always true for the first).',
    },
  },
  v_rollout_current: {
    comment:
      'Per service and region: the latest lifecycle status with its evidence, source and dates, beside the current provider and any open review, each with its own evidence (rules in docs/schema.md, "Status rules").',
    columns: {
      service: FACT_COLUMNS.service,
      region: FACT_COLUMNS.region,
      region_code: FACT_COLUMNS.region_code,
      status: 'Latest lifecycle status (planned, live, delayed, paused, resumed, cancelled); null when only provider events or reviews are known.',
      effective: 'When that status took effect, ISO at its precision.',
      effective_start: FACT_COLUMNS.effective_start,
      effective_end: FACT_COLUMNS.effective_end,
      reported_on: 'Day the status fact was reported (its article\'s publication day).',
      target: 'Target date of the status fact, ISO at its precision.',
      target_start: FACT_COLUMNS.target_start,
      target_end: FACT_COLUMNS.target_end,
      evidence: 'Sentence stating the status.',
      evidence_start: FACT_COLUMNS.evidence_start,
      evidence_end: FACT_COLUMNS.evidence_end,
      confidence: FACT_COLUMNS.confidence,
      event_id: 'The status fact (rollout_events.event_id).',
      doc_id: 'Document of the status fact.',
      source_id: 'Source of the status fact.',
      title: 'Headline of the status fact\'s article.',
      url: 'URL of the status fact\'s article.',
      provider: 'Current provider: appointed by the latest provider event (none after a withdrawal); with no provider event, the one the latest lifecycle fact names.',
      provider_code: FACT_COLUMNS.provider_code,
      provider_status: 'appointed, withdrawn (the latest provider event is a withdrawal: no current provider) or named (no provider event; named beside a lifecycle fact).',
      provider_named: 'The provider the latest provider event (or lifecycle fact) names, whatever it says of them.',
      provider_effective: 'When that provider fact took effect.',
      provider_evidence: 'Sentence of that provider fact.',
      provider_event_id: 'That provider fact (rollout_events.event_id).',
      provider_url: 'URL of its article.',
      review_open: 'True when the latest review fact has no lifecycle fact taking effect after it.',
      review_effective: 'When the latest review fact took effect.',
      review_evidence: 'Sentence of the latest review fact.',
      review_event_id: 'The latest review fact (rollout_events.event_id).',
      review_url: 'URL of its article.',
      reports: 'How many facts exist for this service and region, all axes (the history is in v_timeline).',
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
  "status_on(d, area := NULL): the status per service and region as it stood at the end of day d, from the facts that took effect on or before d (whenever reported), with the provider and any open review then; area narrows it to an area, the areas inside it and those containing it. E.g. SELECT * FROM status_on(DATE '2013-06-30', area := 'Leicestershire'). Same columns as v_rollout_current.";

/** View name → its SQL, in dependency order. */
export const VIEWS: [string, string][] = [
  ['v_events', FACTS_SQL],
  ['v_timeline', TIMELINE_SQL],
  ['v_rollout_current', CURRENT_SQL],
  ['v_quotes', QUOTES_SQL],
  ['v_document_versions', VERSIONS_SQL],
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
    // A failed COMMIT (a full disk) has already ended the transaction: keep its error, not ROLLBACK's.
    if (own) await db.run('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

async function install(db: Database): Promise<void> {
  for (const [name, sql] of VIEWS) await db.run(`CREATE OR REPLACE VIEW ${name} AS ${sql}`);
  await db.run(`CREATE OR REPLACE MACRO status_on(d, area := NULL) AS TABLE ${STATUS_ON_SQL}`);
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
