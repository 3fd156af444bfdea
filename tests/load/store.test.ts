import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion, type Database } from '../../pipeline/load/db.ts';
import { minhashSignature } from '../../pipeline/load/near-duplicates.ts';
import { MIGRATIONS, SCHEMA_VERSION } from '../../pipeline/load/schema.ts';
import { Store, docIdFor, type PageRecord } from '../../pipeline/load/store.ts';

function page(url: string, body: string, hash: string, overrides: Partial<PageRecord['findings']> = {}): PageRecord {
  return {
    capture: {
      url,
      sourceId: 'test-source',
      fetchedAt: '2013-05-22T08:00:00.000Z',
      status: 200,
      contentType: 'text/html',
      etag: '"v1"',
      lastModified: null,
      contentHash: hash,
    },
    docUrl: url,
    article: {
      url,
      title: 'Commissioners halt NHS 111 launch',
      published: '2013-05-21',
      publishedRaw: '21 May 2013',
      publishedSource: 'text',
      updated: null,
      author: 'A Reporter',
      body,
    },
    signature: minhashSignature(body),
    findings: {
      entities: [{ kind: 'service', name: 'NHS 111', surface: 'NHS 111', code: null, start: 0, end: 7 }],
      quotes: [],
      dates: [{ surface: 'June', value: '2013-06', rangeStart: '2013-06-01', rangeEnd: '2013-06-30', start: 10, end: 14 }],
      claims: [],
      events: [
        {
          service: 'NHS 111',
          region: 'Leicester, Leicestershire and Rutland',
          regionCode: null,
          provider: 'Derbyshire Health United',
          status: 'paused',
          target: null,
          evidence: body,
          evidenceStart: 0,
          evidenceEnd: body.length,
          confidence: 0.9,
        },
      ],
      ...overrides,
    },
  };
}

const STORY =
  'Commissioners in the county have put the launch of the NHS 111 urgent care telephone line on hold, ' +
  'saying the service will only go live when clinicians are satisfied that it is safe for patients to use. ' +
  'The provider said it would keep working with local practices. The decision follows problems in other ' +
  'parts of the country, where callers waited too long and too many were sent to accident and emergency.';

const count = async (db: Database, table: string) => (await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n;

describe('Store', () => {
  let dir: string;
  let db: Database;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rollwatch-store-'));
    db = await openDatabase(join(dir, 'test.duckdb'));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the current schema with a recorded version, and migrating again is a no-op', async () => {
    expect(await schemaVersion(db)).toBe(SCHEMA_VERSION);
    db.close();
    db = await openDatabase(join(dir, 'test.duckdb'));
    expect(await count(db, 'schema_version')).toBe(MIGRATIONS.length);
  });

  it('a v1 file (MinHash as a list) migrates, and its stored stories still catch later copies', async () => {
    db.close();
    const path = join(dir, 'v1.duckdb');
    const instance = await DuckDBInstance.create(path);
    const con = await instance.connect();
    await con.run(MIGRATIONS[0]!.sql);
    await con.run('INSERT INTO schema_version (version) VALUES (1)');
    await con.run(
      `INSERT INTO documents (doc_id, url, source_id, title, published_at, body, content_hash, fetched_at, body_minhash)
       VALUES (?, 'https://news.example/orig', 'test-source', 'Original', DATE '2013-05-21', ?, 'h1', TIMESTAMP '2013-05-22 08:00:00', [1, 2, 3])`,
      [docIdFor('https://news.example/orig'), STORY],
    );
    con.closeSync();
    instance.closeSync();

    db = await openDatabase(path);
    expect(await schemaVersion(db)).toBe(SCHEMA_VERSION);
    const copy = page('https://other.example/copy', STORY, 'h2');
    copy.article.published = '2013-05-23';
    await new Store(db).savePages('run2', [copy]);
    const rows = await db.query<{ url: string; duplicate_of: string | null }>('SELECT url, duplicate_of FROM documents ORDER BY url');
    expect(rows).toEqual([
      { url: 'https://news.example/orig', duplicate_of: null },
      { url: 'https://other.example/copy', duplicate_of: docIdFor('https://news.example/orig') },
    ]);
  });

  it('a run can cap the memory DuckDB uses for buffers', async () => {
    db.close();
    db = await openDatabase(join(dir, 'test.duckdb'), { memoryLimit: '64MB' });
    const [row] = await db.query<{ limit: string }>("SELECT current_setting('memory_limit') AS \"limit\"");
    expect(row!.limit).toBe('61.0 MiB'); // DuckDB reports 64 MB in MiB
  });

  it('loading the same page twice adds its facts once', async () => {
    const store = new Store(db);
    const p = page('https://news.example/a', 'NHS 111 in the area is on hold.', 'h1');
    const first = await store.savePages('run1', [p]);
    const second = await store.savePages('run2', [p]);
    expect(first.outcomes).toEqual(['new']);
    expect(second.outcomes).toEqual(['unchanged']);
    expect(await count(db, 'documents')).toBe(1);
    expect(await count(db, 'rollout_events')).toBe(1);
    expect(await count(db, 'date_mentions')).toBe(1);
    expect(await count(db, 'captures')).toBe(2); // both fetches are kept as captures
  });

  it('a changed page replaces its derived rows, keeping earlier captures', async () => {
    const store = new Store(db);
    await store.savePages('run1', [page('https://news.example/a', 'NHS 111 in the area is on hold.', 'h1')]);
    const changed = page('https://news.example/a', 'NHS 111 in the area went live today.', 'h2', {
      events: [],
    });
    const { outcomes } = await store.savePages('run2', [changed]);
    expect(outcomes).toEqual(['changed']);
    expect(await count(db, 'rollout_events')).toBe(0);
    const docs = await db.query<{ body: string; content_hash: string }>('SELECT body, content_hash FROM documents');
    expect(docs).toEqual([{ body: 'NHS 111 in the area went live today.', content_hash: 'h2' }]);
    expect(await count(db, 'captures')).toBe(2);
  });

  it('stores dates as DATE and keeps the document id stable for a URL', async () => {
    const store = new Store(db);
    await store.savePages('run1', [page('https://news.example/b', 'Body text here.', 'h3')]);
    const rows = await db.query<{ doc_id: string; published_at: string; range_end: string }>(
      `SELECT d.doc_id, CAST(published_at AS VARCHAR) AS published_at, CAST(m.range_end AS VARCHAR) AS range_end
         FROM documents d JOIN date_mentions m USING (doc_id)`,
    );
    expect(rows).toEqual([{ doc_id: docIdFor('https://news.example/b'), published_at: '2013-05-21', range_end: '2013-06-30' }]);
  });

  it('marks a syndicated copy with the same words as a duplicate of the first publication', async () => {
    const store = new Store(db);
    const text = STORY;
    const original = page('https://news.example/orig', text, 'h4');
    const copy = page('https://other.example/copy', `${text.toUpperCase()}  `, 'h5');
    copy.article.published = '2013-05-23';
    await store.savePages('run1', [copy]);
    await store.savePages('run1', [original]);
    const rows = await db.query<{ url: string; duplicate_of: string | null }>('SELECT url, duplicate_of FROM documents ORDER BY url');
    expect(rows).toEqual([
      { url: 'https://news.example/orig', duplicate_of: null },
      { url: 'https://other.example/copy', duplicate_of: docIdFor('https://news.example/orig') },
    ]);
  });

  it('a lightly edited reprint is a near-duplicate, a different story on the same subject is not', async () => {
    const store = new Store(db);
    const text =
      'The NHS 111 non-emergency number will be available across the whole of England from 1 April, NHS England ' +
      'confirmed today. Callers will be assessed by trained advisers supported by clinicians, and directed to the ' +
      'right local service, whether that is a GP out of hours, a pharmacy, a walk-in centre or an ambulance. ' +
      'Thirty areas are already taking calls and the remainder will switch over in the coming weeks.';
    const edited = text.replace('confirmed today', 'said on Monday').replace('Thirty areas', 'About thirty areas');
    const other =
      'Commissioners in the county have put the launch of the NHS 111 urgent care telephone line on hold, ' +
      'saying the service will only go live when clinicians are satisfied that it is safe for patients to use. ' +
      'The provider said it would keep working with local practices while the review of call handling continues.';
    await store.savePages('run1', [
      page('https://news.example/launch', text, 'a1'),
      page('https://press.example/reprint', edited, 'a2'),
      page('https://news.example/hold', other, 'a3'),
    ]);
    const rows = await db.query<{ url: string; duplicate_of: string | null }>('SELECT url, duplicate_of FROM documents ORDER BY url');
    const dup = Object.fromEntries(rows.map((r) => [r.url, r.duplicate_of]));
    const launch = docIdFor('https://news.example/launch');
    const reprint = docIdFor('https://press.example/reprint');
    // Same day: the lower id is the original, so the choice is stable across runs.
    expect([dup['https://news.example/launch'], dup['https://press.example/reprint']].sort()).toEqual(
      [null, launch < reprint ? launch : reprint].sort(),
    );
    expect(dup['https://news.example/hold']).toBeNull();
  });

  it('the key check passes after repeated loads and names a repeated id when one slips in', async () => {
    const store = new Store(db);
    const p = page('https://news.example/a', STORY, 'h1');
    await store.savePages('run1', [p, p]);
    await store.savePages('run2', [p]);
    await expect(store.checkKeys()).resolves.toBeUndefined();
    await db.run('INSERT INTO rollout_events SELECT * FROM rollout_events');
    await expect(store.checkKeys()).rejects.toThrow(/1 repeated event_id values in rollout_events/);
  });

  it('a failed batch leaves the database as it was', async () => {
    const store = new Store(db);
    await store.savePages('run1', [page('https://news.example/a', 'First body.', 'h1')]);
    const bad = page('https://news.example/c', 'Second body.', 'h6');
    bad.capture.fetchedAt = 'not a time';
    await expect(store.savePages('run1', [page('https://news.example/d', 'Third.', 'h7'), bad])).rejects.toThrow();
    expect(await count(db, 'documents')).toBe(1);
    expect(await count(db, 'captures')).toBe(1);
  });
});
