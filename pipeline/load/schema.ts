// DuckDB schema: v1 is the DESIGN.md contract. Tables may gain columns, never lose them.
// Each migration runs once, in order, inside a transaction, and bumps `schema_version`.
// A new migration is one more entry at the end of MIGRATIONS: a frozen copy of its SQL,
// never a reference to code that may change later.

/** Tables derived from captures by the pure extractor; `reprocess` rebuilds exactly these. */
export const DERIVED_TABLES = ['entities', 'quotes', 'date_mentions', 'numeric_claims', 'rollout_events'] as const;

export interface Migration {
  version: number;
  sql: string;
  /** Data work SQL alone cannot do, run after `sql` in the same transaction. */
  backfill?: 'body-signatures';
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE IF NOT EXISTS schema_version (
  version INTEGER NOT NULL,
  applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS documents (
  doc_id VARCHAR PRIMARY KEY,
  url VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  title VARCHAR,
  published_at DATE,
  author VARCHAR,
  body VARCHAR NOT NULL,
  content_hash VARCHAR NOT NULL,
  fetched_at TIMESTAMP NOT NULL,
  published_raw VARCHAR,
  published_source VARCHAR,
  updated_at DATE,
  duplicate_of VARCHAR,
  body_minhash UINTEGER[]
);

CREATE TABLE IF NOT EXISTS entities (
  doc_id VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  surface VARCHAR NOT NULL,
  code VARCHAR,
  char_start INTEGER NOT NULL,
  char_end INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS quotes (
  doc_id VARCHAR NOT NULL,
  text VARCHAR NOT NULL,
  speaker VARCHAR,
  speaker_role VARCHAR,
  char_start INTEGER NOT NULL,
  char_end INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS date_mentions (
  doc_id VARCHAR NOT NULL,
  surface VARCHAR NOT NULL,
  value VARCHAR NOT NULL,
  range_start DATE,
  range_end DATE,
  char_start INTEGER NOT NULL,
  char_end INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS numeric_claims (
  doc_id VARCHAR NOT NULL,
  text VARCHAR NOT NULL,
  value DOUBLE NOT NULL,
  total DOUBLE,
  unit VARCHAR NOT NULL,
  service VARCHAR,
  char_start INTEGER NOT NULL,
  char_end INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS rollout_events (
  event_id VARCHAR PRIMARY KEY,
  doc_id VARCHAR NOT NULL,
  service VARCHAR NOT NULL,
  region VARCHAR NOT NULL,
  region_code VARCHAR,
  provider VARCHAR,
  status VARCHAR NOT NULL,
  target VARCHAR,
  evidence VARCHAR NOT NULL,
  confidence DOUBLE NOT NULL,
  evidence_start INTEGER,
  evidence_end INTEGER
);

CREATE TABLE IF NOT EXISTS runs (
  run_id VARCHAR PRIMARY KEY,
  started_at TIMESTAMP NOT NULL,
  finished_at TIMESTAMP,
  status VARCHAR NOT NULL,
  pages_fetched INTEGER NOT NULL DEFAULT 0,
  pages_failed INTEGER NOT NULL DEFAULT 0,
  documents_new INTEGER NOT NULL DEFAULT 0,
  documents_changed INTEGER NOT NULL DEFAULT 0,
  events_added INTEGER NOT NULL DEFAULT 0,
  pages_not_modified INTEGER NOT NULL DEFAULT 0,
  command VARCHAR
);

CREATE TABLE IF NOT EXISTS source_runs (
  run_id VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  status VARCHAR NOT NULL,
  discovered INTEGER NOT NULL DEFAULT 0,
  fetched INTEGER NOT NULL DEFAULT 0,
  not_modified INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  articles INTEGER NOT NULL DEFAULT 0,
  events INTEGER NOT NULL DEFAULT 0,
  message VARCHAR,
  PRIMARY KEY (run_id, source_id)
);

CREATE TABLE IF NOT EXISTS captures (
  url VARCHAR NOT NULL,
  doc_id VARCHAR,
  source_id VARCHAR NOT NULL,
  run_id VARCHAR,
  fetched_at TIMESTAMP NOT NULL,
  status INTEGER NOT NULL,
  etag VARCHAR,
  last_modified VARCHAR,
  content_hash VARCHAR,
  warc_file VARCHAR,
  warc_record_id VARCHAR
);

CREATE TABLE IF NOT EXISTS fetch_errors (
  run_id VARCHAR,
  source_id VARCHAR NOT NULL,
  url VARCHAR NOT NULL,
  failed_at TIMESTAMP NOT NULL,
  reason VARCHAR NOT NULL,
  http_status INTEGER,
  detail VARCHAR
);
`,
  },
  {
    // Loading speed (issue 7). Primary keys on documents and rollout_events made every append
    // update an ART index, about 40 % of a backfill's load time; the loader keeps both ids
    // unique itself (ids are hashes it checks against its in-memory state) and every run ends
    // with a uniqueness check (Store.checkKeys). DuckDB cannot drop a constraint, so both
    // tables are rebuilt, their columns written out (CREATE TABLE AS would drop the NOT NULLs;
    // a migration is a frozen copy, not a reference to v1). And v1 stored the MinHash as UINTEGER[]: 64 list values per document
    // cost more to append than the rest of the document; the same 64 words are now one
    // 256-byte BLOB, recomputed from the stored bodies.
    version: 2,
    sql: `
CREATE TABLE documents_v2 (
  doc_id VARCHAR NOT NULL,
  url VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  title VARCHAR,
  published_at DATE,
  author VARCHAR,
  body VARCHAR NOT NULL,
  content_hash VARCHAR NOT NULL,
  fetched_at TIMESTAMP NOT NULL,
  published_raw VARCHAR,
  published_source VARCHAR,
  updated_at DATE,
  duplicate_of VARCHAR,
  body_minhash BLOB
);
INSERT INTO documents_v2
SELECT doc_id, url, source_id, title, published_at, author, body, content_hash, fetched_at,
       published_raw, published_source, updated_at, duplicate_of, NULL
  FROM documents;
DROP TABLE documents;
ALTER TABLE documents_v2 RENAME TO documents;

CREATE TABLE rollout_events_v2 (
  event_id VARCHAR NOT NULL,
  doc_id VARCHAR NOT NULL,
  service VARCHAR NOT NULL,
  region VARCHAR NOT NULL,
  region_code VARCHAR,
  provider VARCHAR,
  status VARCHAR NOT NULL,
  target VARCHAR,
  evidence VARCHAR NOT NULL,
  confidence DOUBLE NOT NULL,
  evidence_start INTEGER,
  evidence_end INTEGER
);
INSERT INTO rollout_events_v2 SELECT * FROM rollout_events;
DROP TABLE rollout_events;
ALTER TABLE rollout_events_v2 RENAME TO rollout_events;
`,
    backfill: 'body-signatures',
  },
  {
    // Answers a journalist can publish (issue 15). Every column is added without a DEFAULT
    // and filled by an UPDATE here: DuckDB 1.5 cannot replay some WAL records for tables
    // with DEFAULT columns, and an old row's value is better stated than assumed.
    // - when a fact took effect (`effective*`) beside when it was reported; typed target days;
    //   the provider's ODS code; whether a date times a rollout milestone;
    // - pages skipped by sitemap lastmod counted apart from 304s (NULL: not counted apart then);
    // - the config, archive folder and source declarations a run used, so reprocess rebuilds
    //   facts with the same settings the run extracted them with;
    // - which areas lie inside which (reference data, refilled by the analyst layer).
    version: 3,
    sql: `
ALTER TABLE rollout_events ADD COLUMN effective VARCHAR;
ALTER TABLE rollout_events ADD COLUMN effective_start DATE;
ALTER TABLE rollout_events ADD COLUMN effective_end DATE;
ALTER TABLE rollout_events ADD COLUMN target_start DATE;
ALTER TABLE rollout_events ADD COLUMN target_end DATE;
ALTER TABLE rollout_events ADD COLUMN provider_code VARCHAR;
ALTER TABLE date_mentions ADD COLUMN milestone BOOLEAN;
ALTER TABLE runs ADD COLUMN pages_skipped_lastmod INTEGER;
ALTER TABLE runs ADD COLUMN config_file VARCHAR;
ALTER TABLE runs ADD COLUMN archive_dir VARCHAR;
ALTER TABLE source_runs ADD COLUMN skipped_lastmod INTEGER;

CREATE TABLE run_sources (
  run_id VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  declaration VARCHAR NOT NULL,
  declaration_sha256 VARCHAR NOT NULL
);

CREATE TABLE area_within (
  inner_name VARCHAR NOT NULL,
  inner_code VARCHAR,
  inner_kind VARCHAR NOT NULL,
  outer_name VARCHAR NOT NULL,
  outer_code VARCHAR,
  outer_kind VARCHAR NOT NULL,
  levels INTEGER NOT NULL
);

-- Facts loaded before v3 took effect, as far as anyone can now tell, on the day they were
-- reported; reprocess reads their sentences again.
UPDATE rollout_events SET effective = strftime(d.published_at, '%Y-%m-%d'),
       effective_start = d.published_at, effective_end = d.published_at
  FROM documents d WHERE d.doc_id = rollout_events.doc_id AND d.published_at IS NOT NULL;

-- Target days from the ISO value: 2013, 2013-06, 2013-06-30, or a span a/b of those.
UPDATE rollout_events SET
  target_start = CASE length(split_part(target, '/', 1))
      WHEN 4 THEN try_cast(split_part(target, '/', 1) || '-01-01' AS DATE)
      WHEN 7 THEN try_cast(split_part(target, '/', 1) || '-01' AS DATE)
      WHEN 10 THEN try_cast(split_part(target, '/', 1) AS DATE) END,
  target_end = CASE length(coalesce(nullif(split_part(target, '/', 2), ''), target))
      WHEN 4 THEN try_cast(coalesce(nullif(split_part(target, '/', 2), ''), target) || '-12-31' AS DATE)
      WHEN 7 THEN last_day(try_cast(coalesce(nullif(split_part(target, '/', 2), ''), target) || '-01' AS DATE))
      WHEN 10 THEN try_cast(coalesce(nullif(split_part(target, '/', 2), ''), target) AS DATE) END
  WHERE target IS NOT NULL;
`,
  },
  {
    // Sitemap lastmod skip (issue 12, item 8): a page is skipped only when its sitemap
    // <lastmod> is no later than the one it had when it was last fetched, so each capture
    // records the lastmod the sitemap gave at the time.
    version: 4,
    sql: `ALTER TABLE captures ADD COLUMN sitemap_lastmod VARCHAR;`,
  },
  {
    // Document versions (issue 16, web archives): two captures of one article that differ are two
    // versions of one document, not two documents. `documents` keeps the latest capture's version
    // (its facts are the derived rows); every earlier version keeps its text here, so what a page
    // said in 2012 stays queryable after it changed in 2013. Only superseded versions are stored
    // here: most documents have one version, and a second copy of every body would cost the loader.
    // `captures.origin` says where a capture came from when it was not fetched live: the memento
    // URL read from a web archive, or the WARC file (and record) it was imported from.
    version: 5,
    sql: `
CREATE TABLE IF NOT EXISTS earlier_versions (
  doc_id VARCHAR NOT NULL,
  url VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  title VARCHAR,
  published_at DATE,
  author VARCHAR,
  body VARCHAR NOT NULL,
  content_hash VARCHAR NOT NULL,
  fetched_at TIMESTAMP NOT NULL,
  published_raw VARCHAR,
  published_source VARCHAR,
  updated_at DATE
);
ALTER TABLE captures ADD COLUMN origin VARCHAR;
`,
  },
];

/** The schema this rollwatch writes: the last migration's version. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
