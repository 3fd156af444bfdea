// Schema migrations on files written by older rollwatch versions: nothing is lost, new columns
// are filled as well as the old rows allow, and the loader writes to a migrated file as to a new one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion, type Database } from '../../pipeline/load/db.ts';
import { MIGRATIONS, SCHEMA_VERSION } from '../../pipeline/load/schema.ts';
import { Store, docIdFor, type PageRecord } from '../../pipeline/load/store.ts';

const BODY = 'Commissioners have put the local NHS 111 launch on hold. The national deadline moved to the end of the summer.';

/** A file as rollwatch wrote it at `version`: the migrations up to it, run by hand. */
async function fileAtVersion(path: string, version: number, rows: string): Promise<void> {
  const instance = await DuckDBInstance.create(path);
  const con = await instance.connect();
  for (const m of MIGRATIONS.filter((m) => m.version <= version)) {
    await con.run(m.sql);
    await con.run(`INSERT INTO schema_version (version) VALUES (${m.version})`);
  }
  await con.run(rows);
  con.closeSync();
  instance.closeSync();
}

const V2_ROWS = `
INSERT INTO documents (doc_id, url, source_id, title, published_at, body, content_hash, fetched_at)
  VALUES ('${docIdFor('https://news.example/hold')}', 'https://news.example/hold', 'news', 'On hold', DATE '2013-05-21', '${BODY}', 'h1',
          TIMESTAMP '2013-05-22 08:00:00');
INSERT INTO rollout_events (event_id, doc_id, service, region, status, target, evidence, confidence) VALUES
  ('e-year', '${docIdFor('https://news.example/hold')}', 'NHS 111', 'England', 'planned', '2013', 'x', 0.8),
  ('e-month', '${docIdFor('https://news.example/hold')}', 'NHS 111', 'England', 'delayed', '2013-08', 'x', 0.8),
  ('e-span', '${docIdFor('https://news.example/hold')}', 'NHS 111', 'Somerset', 'delayed', '2014-09/2014-11', 'x', 0.8),
  ('e-day', '${docIdFor('https://news.example/hold')}', 'NHS 111', 'Devon', 'planned', '2013-04-01', 'x', 0.8),
  ('e-none', '${docIdFor('https://news.example/hold')}', 'NHS 111', 'Leicester, Leicestershire and Rutland', 'paused', NULL, 'x', 0.9);
INSERT INTO runs (run_id, started_at, finished_at, status, pages_fetched, pages_not_modified)
  VALUES ('r1', TIMESTAMP '2013-05-22 08:00:00', TIMESTAMP '2013-05-22 08:05:00', 'ok', 1, 4);
INSERT INTO source_runs (run_id, source_id, status, fetched, not_modified) VALUES ('r1', 'news', 'ok', 1, 4);
`;

function page(url: string): PageRecord {
  return {
    capture: { url, sourceId: 'news', fetchedAt: '2013-06-01T08:00:00.000Z', status: 200, contentType: 'text/html', etag: null, lastModified: null, contentHash: 'h9' },
    docUrl: url,
    article: { url, title: 'Live', published: '2013-06-01', publishedRaw: null, publishedSource: 'meta', updated: null, author: null, body: BODY },
    signature: null,
    findings: {
      entities: [],
      quotes: [],
      dates: [{ surface: 'June', value: '2013-06', rangeStart: '2013-06-01', rangeEnd: '2013-06-30', start: 0, end: 4 }],
      claims: [],
      events: [{
        service: 'NHS 111', region: 'Devon', regionCode: null, provider: 'South Western Ambulance Service', status: 'live', target: null,
        evidence: BODY, evidenceStart: 0, evidenceEnd: BODY.length, confidence: 0.9,
        effective: '2013-06', effectiveStart: '2013-06-01', effectiveEnd: '2013-06-30', targetStart: null, targetEnd: null,
      }],
    },
  };
}

describe('schema migrations', () => {
  let dir: string;
  let db: Database | null = null;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rollwatch-migrate-'));
  });
  afterEach(() => {
    db?.close();
    db = null;
    rmSync(dir, { recursive: true, force: true });
  });

  it('a v2 file keeps every row and gains the v3 columns, filled from what it holds', async () => {
    const path = join(dir, 'v2.duckdb');
    await fileAtVersion(path, 2, V2_ROWS);
    db = await openDatabase(path);
    expect(await schemaVersion(db)).toBe(SCHEMA_VERSION);
    const events = await db.query<Record<string, string | null>>(
      `SELECT event_id, target, effective, CAST(effective_start AS VARCHAR) AS effective_start, CAST(effective_end AS VARCHAR) AS effective_end,
              CAST(target_start AS VARCHAR) AS target_start, CAST(target_end AS VARCHAR) AS target_end, provider_code
         FROM rollout_events ORDER BY event_id`,
    );
    const byId = Object.fromEntries(events.map((e) => [e.event_id, e]));
    // An old fact took effect, as far as the file can tell, on the day it was reported.
    for (const e of events) expect(e).toMatchObject({ effective: '2013-05-21', effective_start: '2013-05-21', effective_end: '2013-05-21', provider_code: null });
    // A target written at any precision becomes the first and last day it can mean.
    expect(byId['e-year']).toMatchObject({ target: '2013', target_start: '2013-01-01', target_end: '2013-12-31' });
    expect(byId['e-month']).toMatchObject({ target: '2013-08', target_start: '2013-08-01', target_end: '2013-08-31' });
    expect(byId['e-span']).toMatchObject({ target: '2014-09/2014-11', target_start: '2014-09-01', target_end: '2014-11-30' });
    expect(byId['e-day']).toMatchObject({ target: '2013-04-01', target_start: '2013-04-01', target_end: '2013-04-01' });
    expect(byId['e-none']).toMatchObject({ target: null, target_start: null, target_end: null });
    // A count an old run never split is unknown, not zero.
    const [run] = await db.query<{ pages_not_modified: number; pages_skipped_lastmod: number | null }>('SELECT pages_not_modified, pages_skipped_lastmod FROM runs');
    expect(run).toEqual({ pages_not_modified: 4, pages_skipped_lastmod: null });
    const [sourceRun] = await db.query<{ skipped_lastmod: number | null }>('SELECT skipped_lastmod FROM source_runs');
    expect(sourceRun!.skipped_lastmod).toBeNull();
  });

  it('a migrated file has the columns of a new one, in the same order, so the loader writes to both', async () => {
    const oldPath = join(dir, 'v2.duckdb');
    await fileAtVersion(oldPath, 2, V2_ROWS);
    const columns = async (d: Database) =>
      d.query<{ t: string; c: string; type: string }>(
        `SELECT table_name AS t, column_name AS c, data_type AS type FROM duckdb_columns()
          WHERE schema_name = 'main' AND database_name = current_database() ORDER BY table_name, column_index`,
      );
    db = await openDatabase(oldPath);
    const migrated = await columns(db);
    const fresh = await openDatabase(join(dir, 'fresh.duckdb'));
    try {
      expect(migrated).toEqual(await columns(fresh));
    } finally {
      fresh.close();
    }
    await new Store(db).savePages('r2', [page('https://news.example/live')]);
    const [row] = await db.query<Record<string, string | null>>(
      `SELECT effective, CAST(effective_start AS VARCHAR) AS s, CAST(effective_end AS VARCHAR) AS e FROM rollout_events WHERE region = 'Devon' AND status = 'live'`,
    );
    expect(row).toEqual({ effective: '2013-06', s: '2013-06-01', e: '2013-06-30' });
  });

  it('records what a run was started with: config file, archive folder and each source declaration', async () => {
    db = await openDatabase(join(dir, 'runs.duckdb'));
    const store = new Store(db);
    const declaration = { id: 'local-ccg', name: 'A CCG', defaultRegion: 'Leicester, Leicestershire and Rutland' };
    await store.beginRun('r1', '2013-06-01T08:00:00.000Z', 'run', { configFile: '/cfg/demo.json', archiveDir: '/out/archive', sources: [declaration] });
    const [run] = await db.query<Record<string, string>>('SELECT config_file, archive_dir FROM runs');
    expect(run).toEqual({ config_file: '/cfg/demo.json', archive_dir: '/out/archive' });
    const [source] = await db.query<{ source_id: string; declaration: string }>('SELECT source_id, declaration FROM run_sources');
    expect(source!.source_id).toBe('local-ccg');
    expect(JSON.parse(source!.declaration)).toEqual(declaration);
  });
});
