// Merging rollwatch files: the union of what they hold, with one version per document chosen as one
// run would choose it, and nothing added by merging the same files again.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../pipeline/load/db.ts';
import { mergeDatabases, MergeError } from '../../pipeline/load/merge.ts';
import { minhashSignature } from '../../pipeline/load/near-duplicates.ts';
import { docIdFor, Store, type PageRecord } from '../../pipeline/load/store.ts';
import type { RolloutStatus } from '../../pipeline/types.ts';

const dir = mkdtempSync(join(tmpdir(), 'rollwatch-merge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LONG =
  'The county commissioning group said its NHS 111 urgent care line would open to callers in the spring, once the clinical ' +
  'advisers had been trained and the directory of local services had been checked by practices. A spokesman said the group ' +
  'would publish weekly figures on calls answered and on how many callers were sent on to accident and emergency departments.';

const OTHER =
  'Ambulance crews in the region will take over the out-of-hours telephone line from the autumn, the trust board heard on Tuesday. ' +
  'Directors were told that recruitment of call handlers was ahead of plan and that the switchboard move had been tested twice ' +
  'overnight without calls being lost, although some rural practices still had to update the numbers printed on their leaflets.';

function page(url: string, at: string, status: RolloutStatus, body = `NHS 111 here is ${status}. ${LONG}`, published = '2013-01-15'): PageRecord {
  return {
    capture: { url, sourceId: new URL(url).host, fetchedAt: at, status: 200, contentType: 'text/html', etag: null, lastModified: null, contentHash: `${status}:${body.length}:${url}` },
    docUrl: url,
    article: { url, title: `${status} at ${url}`, published, publishedRaw: null, publishedSource: 'meta', updated: null, author: null, body },
    signature: minhashSignature(body),
    findings: {
      entities: [{ kind: 'service', name: 'NHS 111', surface: 'NHS 111', code: null, start: 0, end: 7 }],
      quotes: [],
      dates: [],
      claims: [],
      events: [{ service: 'NHS 111', region: 'England', regionCode: null, provider: null, status, target: null, evidence: body.slice(0, 30), evidenceStart: 0, evidenceEnd: 30, confidence: 0.8 }],
    },
  };
}

async function fileWith(name: string, runs: [string, PageRecord[]][]): Promise<string> {
  const path = join(dir, name);
  const db = await openDatabase(path);
  const store = new Store(db);
  for (const [runId, pages] of runs) {
    await store.beginRun(runId, '2013-06-01T00:00:00Z', 'run');
    await store.savePages(runId, pages);
    await store.finishRun(runId, '2013-06-01T01:00:00Z', 'ok', { pagesFetched: pages.length, pagesFailed: 0, pagesNotModified: 0, pagesSkippedLastmod: 0, documentsNew: 0, documentsChanged: 0, eventsAdded: 0 });
  }
  db.close();
  return path;
}

const TABLES = ['documents', 'earlier_versions', 'entities', 'rollout_events', 'captures', 'runs'];
async function snapshot(path: string): Promise<Record<string, unknown[]>> {
  const db = await openDatabase(path, { readOnly: true });
  try {
    const out: Record<string, unknown[]> = {};
    for (const t of TABLES) out[t] = await db.query(`SELECT * FROM ${t} ORDER BY ALL`);
    return out;
  } finally {
    db.close();
  }
}

const A = 'https://a.example/news/one';
const B = 'https://b.example/news/two';
const X = 'https://b.example/news/changed';

describe('rollwatch merge', () => {
  it('holds what both files hold, with the same ids, and merging again changes nothing', async () => {
    const one = await fileWith('one.duckdb', [['run-1', [page(A, '2013-02-01T00:00:00Z', 'planned')]]]);
    const two = await fileWith('two.duckdb', [['run-2', [page(B, '2013-02-02T00:00:00Z', 'live', OTHER)]]]);
    const all = join(dir, 'all.duckdb');
    const report = await mergeDatabases([one, two], all);
    expect(report).toMatchObject({ documents: 2, events: 2 });
    const merged = await snapshot(all);
    const [s1, s2] = [await snapshot(one), await snapshot(two)];
    const rows = (list: unknown[]) => list.map((r) => JSON.stringify(r)).sort();
    for (const t of TABLES) expect(rows(merged[t]!), t).toEqual(rows([...s1[t]!, ...s2[t]!]));
    expect(merged.rollout_events).toHaveLength(2);
    expect(merged.runs!.map((r) => (r as { run_id: string }).run_id).sort()).toEqual(['run-1', 'run-2']);
    const again = await mergeDatabases([one, two], all);
    expect(again.inputs.map((i) => [i.documentsTaken, i.earlierVersions, i.logRows])).toEqual([[0, 0, 0], [0, 0, 0]]);
    expect(await snapshot(all)).toEqual(merged);
  });

  it('where two files hold different versions of a document, the newer capture wins whichever is merged first', async () => {
    const early = await fileWith('early.duckdb', [['run-e', [page(X, '2013-03-01T00:00:00Z', 'planned')]]]);
    const late = await fileWith('late.duckdb', [['run-l', [page(X, '2013-04-01T00:00:00Z', 'paused')]]]);
    const forward = join(dir, 'forward.duckdb');
    const backward = join(dir, 'backward.duckdb');
    await mergeDatabases([early, late], forward);
    await mergeDatabases([late, early], backward);
    for (const path of [forward, backward]) {
      const s = await snapshot(path);
      expect(s.rollout_events!.map((e) => (e as { status: string }).status), path).toEqual(['paused']);
      expect(s.earlier_versions!.map((v) => (v as { title: string }).title), path).toEqual([`planned at ${X}`]);
      expect(s.captures, path).toHaveLength(2);
    }
    const f = await snapshot(forward);
    const b = await snapshot(backward);
    expect(f.documents).toEqual(b.documents);
  });

  it('finds syndicated copies that ended up in different files', async () => {
    const story = `A national statement. ${LONG}`;
    const original = await fileWith('orig.duckdb', [['r-o', [page(A, '2013-02-01T00:00:00Z', 'live', story, '2013-01-10')]]]);
    const copy = await fileWith('copy.duckdb', [['r-c', [page(B, '2013-02-01T00:00:00Z', 'live', story, '2013-01-12')]]]);
    const all = join(dir, 'syndicated.duckdb');
    await mergeDatabases([copy, original], all);
    const db = await openDatabase(all, { readOnly: true });
    const rows = await db.query<{ doc_id: string; duplicate_of: string | null }>('SELECT doc_id, duplicate_of FROM documents ORDER BY doc_id');
    db.close();
    expect(rows.find((r) => r.doc_id === docIdFor(B))?.duplicate_of).toBe(docIdFor(A));
    expect(rows.find((r) => r.doc_id === docIdFor(A))?.duplicate_of).toBeNull();
  });

  it('refuses to merge a file into itself, or a file that is not a rollwatch database', async () => {
    const one = await fileWith('self.duckdb', [['r', [page(A, '2013-02-01T00:00:00Z', 'live')]]]);
    await expect(mergeDatabases([one], one)).rejects.toThrow(MergeError);
    const text = join(dir, 'notes.duckdb');
    writeFileSync(text, 'not a database');
    await expect(mergeDatabases([text], join(dir, 'x.duckdb'))).rejects.toThrow(/notes\.duckdb/);
  });
});
