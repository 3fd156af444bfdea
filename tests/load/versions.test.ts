// Document versions: captures of one article that differ are versions of one document. The
// facts are those of the newest capture, whatever order captures are loaded in, and every
// earlier text stays queryable.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../pipeline/load/db.ts';
import { Store, type PageRecord } from '../../pipeline/load/store.ts';
import { installAnalystLayer } from '../../pipeline/load/views.ts';
import type { RolloutStatus } from '../../pipeline/types.ts';

const URL_A = 'https://pct.example/news/111-go-live';

/** One capture of the article: its text says the service has the given status. */
function capture(at: string, status: RolloutStatus, hash: string): PageRecord {
  const body = `The NHS 111 line in the county is ${status} as of this week, the primary care trust said.`;
  return {
    capture: { url: URL_A, sourceId: 'pct', fetchedAt: at, status: 200, contentType: 'text/html', etag: null, lastModified: null, contentHash: hash },
    docUrl: URL_A,
    article: { url: URL_A, title: `NHS 111 ${status}`, published: '2013-02-01', publishedRaw: null, publishedSource: 'meta', updated: null, author: null, body },
    signature: null,
    findings: {
      entities: [],
      quotes: [],
      dates: [],
      claims: [],
      events: [
        { service: 'NHS 111', region: 'England', regionCode: null, provider: null, status, target: null, evidence: body, evidenceStart: 0, evidenceEnd: body.length, confidence: 0.9 },
      ],
    },
  };
}

const T1 = '2013-02-01T10:00:00.000Z';
const T2 = '2013-03-01T10:00:00.000Z';
const T3 = '2013-04-01T10:00:00.000Z';

describe('document versions', () => {
  let dir: string;
  let db: Database;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rollwatch-versions-'));
    db = await openDatabase(join(dir, 'v.duckdb'));
    await installAnalystLayer(db);
    store = new Store(db);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const current = async () =>
    db.query<{ title: string; status: string }>('SELECT d.title, e.status FROM documents d JOIN rollout_events e USING (doc_id)');
  const earlier = async () =>
    db.query<{ title: string; at: string }>("SELECT title, strftime(fetched_at, '%Y-%m-%d') AS at FROM earlier_versions ORDER BY fetched_at");

  it('a later capture that differs becomes the current version, and the old text an earlier one', async () => {
    expect((await store.savePages('r1', [capture(T1, 'planned', 'h1')])).outcomes).toEqual(['new']);
    expect((await store.savePages('r2', [capture(T2, 'live', 'h2')])).outcomes).toEqual(['changed']);
    expect(await current()).toEqual([{ title: 'NHS 111 live', status: 'live' }]);
    expect(await earlier()).toEqual([{ title: 'NHS 111 planned', at: '2013-02-01' }]);
  });

  it('an older capture loaded after a newer one is kept as an earlier version and leaves the facts alone', async () => {
    await store.savePages('r1', [capture(T2, 'live', 'h2')]);
    expect((await store.savePages('r2', [capture(T1, 'planned', 'h1')])).outcomes).toEqual(['earlier']);
    expect(await current()).toEqual([{ title: 'NHS 111 live', status: 'live' }]);
    expect(await earlier()).toEqual([{ title: 'NHS 111 planned', at: '2013-02-01' }]);
  });

  it('within one batch the newest capture wins, in whatever order the batch lists them', async () => {
    const { outcomes } = await store.savePages('r1', [capture(T3, 'paused', 'h3'), capture(T1, 'planned', 'h1'), capture(T2, 'live', 'h2')]);
    expect(outcomes).toEqual(['new', 'earlier', 'earlier']);
    expect(await current()).toEqual([{ title: 'NHS 111 paused', status: 'paused' }]);
    expect((await earlier()).map((r) => r.title)).toEqual(['NHS 111 planned', 'NHS 111 live']);
  });

  it('loading the same captures again adds no version and changes no fact', async () => {
    const all = [capture(T1, 'planned', 'h1'), capture(T2, 'live', 'h2')];
    await store.savePages('r1', all);
    const again = await store.savePages('r2', [...all].reverse());
    expect(again.outcomes).toEqual(['unchanged', 'unchanged']);
    expect(again.eventsAdded).toBe(0);
    expect(await earlier()).toHaveLength(1);
    await store.checkKeys();
  });

  it('a version seen again later counts from its last sighting: an in-between capture cannot displace it', async () => {
    await store.savePages('r1', [capture(T1, 'planned', 'h1')]);
    await store.savePages('r2', [capture(T3, 'planned', 'h1')]); // same text, seen again in April
    const fresh = new Store(db); // a later process reads the state back from the file
    expect((await fresh.savePages('r3', [capture(T2, 'live', 'h2')])).outcomes).toEqual(['earlier']);
    expect(await current()).toEqual([{ title: 'NHS 111 planned', status: 'planned' }]);
  });

  it('a page that goes back to an earlier text makes that text current again, listed once', async () => {
    await store.savePages('r1', [capture(T1, 'planned', 'h1')]);
    await store.savePages('r2', [capture(T2, 'live', 'h2')]);
    expect((await store.savePages('r3', [capture(T3, 'planned', 'h1')])).outcomes).toEqual(['changed']);
    expect(await current()).toEqual([{ title: 'NHS 111 planned', status: 'planned' }]);
    expect((await earlier()).map((r) => r.title)).toEqual(['NHS 111 live']);
    await store.checkKeys();
  });

  it('v_document_versions lists every version in capture order, the current one marked', async () => {
    await store.savePages('r1', [capture(T2, 'live', 'h2'), capture(T1, 'planned', 'h1')]);
    const rows = await db.query<{ version: number; is_current: boolean; title: string }>(
      'SELECT version, is_current, title FROM v_document_versions ORDER BY version',
    );
    expect(rows).toEqual([
      { version: 1, is_current: false, title: 'NHS 111 planned' },
      { version: 2, is_current: true, title: 'NHS 111 live' },
    ]);
  });
});
