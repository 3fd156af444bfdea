// The whole pipeline on the bundled sample sites, as `rollwatch demo` runs it: crawl over
// 127.0.0.1, extract, load; then a second run must add nothing and reprocess must rebuild
// the same rows from the archive. Expected facts were read off the sample articles by hand.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../pipeline/load/db.ts';
import { DERIVED_TABLES } from '../../pipeline/load/schema.ts';
import { docIdFor } from '../../pipeline/load/store.ts';
import { DEMO_CONFIG, runDemo } from '../../pipeline/run/demo.ts';
import { createProgress } from '../../pipeline/run/progress.ts';
import { reprocess } from '../../pipeline/run/reprocess.ts';
import type { RunReport } from '../../pipeline/run/run.ts';
import { loadConfig } from '../../pipeline/sources/load.ts';
import { foldName, openingKey } from '../eval/score.ts';
import { expectedArticles, FOUNDING_EXAMPLE_URL, irrelevantArticleUrls, nearDuplicatePairs, syndicatedPairs } from '../sample/expected.ts';

// Names compared as `npm run eval` compares them.
const fold = (s: string | null | undefined) => foldName(s ?? '');

const DERIVED = ['documents', ...DERIVED_TABLES];

async function snapshot(db: Database): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of DERIVED) {
    out[t] = await db.query(`SELECT * EXCLUDE (${t === 'documents' ? 'fetched_at' : 'doc_id'}) FROM ${t} ORDER BY ALL`);
  }
  return out;
}

async function counts(db: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of DERIVED) out[t] = (await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${t}`))[0]!.n;
  return out;
}

describe('rollwatch demo, end to end', () => {
  let dir: string;
  let dbPath: string;
  let archive: string;
  let first: RunReport;
  let second: RunReport;
  let db: Database;
  let afterFirst: Record<string, number>;
  let afterSecond: Record<string, number>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rollwatch-e2e-'));
    dbPath = join(dir, 'rollwatch.duckdb');
    archive = join(dir, 'archive');
    const quiet = createProgress(process.stderr, true);
    first = (await runDemo({ db: dbPath, archive, progress: quiet })).report;
    db = await openDatabase(dbPath);
    afterFirst = await counts(db);
    db.close();
    second = (await runDemo({ db: dbPath, archive, progress: quiet })).report;
    db = await openDatabase(dbPath);
    afterSecond = await counts(db);
  }, 180_000);

  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('crawls every sample source successfully and populates every v1 table', async () => {
    expect(first.status).toBe('ok');
    expect(first.sources.map((s) => [s.sourceId, s.status])).toEqual([
      ['nhs-news', 'ok'],
      ['trade-press', 'ok'],
      ['local-ccg', 'ok'],
      ['app-news', 'ok'],
    ]);
    for (const t of [...DERIVED.filter((t) => t !== 'numeric_claims'), 'runs', 'captures', 'source_runs']) {
      const n = (await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${t}`))[0]!.n;
      expect(n, t).toBeGreaterThan(0);
    }
  });

  it('a second run over unchanged sites adds no documents or facts', () => {
    expect(second.status).toBe('ok');
    expect(second.counts.documentsNew).toBe(0);
    expect(second.counts.documentsChanged).toBe(0);
    expect(second.counts.eventsAdded).toBe(0);
    // Pages the sitemap dates before the last fetch are not requested at all, and counted apart from 304s.
    expect(second.counts.pagesNotModified + second.counts.pagesSkippedLastmod).toBeGreaterThanOrEqual(afterFirst.documents!);
    expect(second.counts.pagesSkippedLastmod).toBeGreaterThan(0);
    expect(afterSecond).toEqual(afterFirst);
  });

  it('stores each labelled article with its title, publication day and author', async () => {
    for (const a of expectedArticles) {
      const rows = await db.query<{ title: string; published: string | null; author: string | null; source_id: string }>(
        `SELECT title, CAST(published_at AS VARCHAR) AS published, author, source_id FROM documents WHERE doc_id = ?`,
        [docIdFor(a.url)],
      );
      expect(rows, a.url).toHaveLength(1);
      expect(rows[0]!.title, a.url).toBe(a.title);
      expect(rows[0]!.published, a.url).toBe(a.published);
      expect(rows[0]!.source_id).toBe(a.sourceId);
      if (a.author) expect(fold(rows[0]!.author), a.url).toBe(fold(a.author));
    }
  });

  it('document identity uses the public URLs, never the 127.0.0.1 port', async () => {
    const rows = await db.query<{ n: number }>("SELECT count(*) AS n FROM documents WHERE url LIKE '%127.0.0.1%'");
    expect(rows[0]!.n).toBe(0);
  });

  it('gets the founding example right: the paused LLR event, the national delay, both speakers', async () => {
    const id = docIdFor(FOUNDING_EXAMPLE_URL);
    const events = await db.query<{ service: string; region: string; status: string; provider: string | null; target: string | null }>(
      'SELECT service, region, status, provider, target FROM rollout_events WHERE doc_id = ?',
      [id],
    );
    const paused = events.find((e) => e.status === 'paused');
    expect(paused?.service).toBe('NHS 111');
    expect(fold(paused?.region)).toBe(fold('Leicester, Leicestershire and Rutland'));
    expect(paused?.provider).toBe('Derbyshire Health United');
    const delayed = events.find((e) => e.status === 'delayed' && e.region === 'England');
    expect(delayed?.target).toBe('2013-08');
    const speakers = await db.query<{ speaker: string | null }>('SELECT DISTINCT speaker FROM quotes WHERE doc_id = ?', [id]);
    const folded = speakers.map((s) => fold(s.speaker));
    expect(folded).toContain(fold('Avi Prasad'));
    expect(folded).toContain(fold('Earl Howe'));
    const claims = await db.query<{ value: number; total: number }>('SELECT value, total FROM numeric_claims WHERE doc_id = ?', [id]);
    expect(claims).toContainEqual({ value: 23, total: 44 });
  });

  it('finds most labelled events and quotes across the sample sites', async () => {
    let found = 0;
    let total = 0;
    let quotesFound = 0;
    let quotesTotal = 0;
    const missed: string[] = [];
    for (const a of expectedArticles) {
      const id = docIdFor(a.url);
      const events = await db.query<{ service: string; region: string; status: string }>(
        'SELECT service, region, status FROM rollout_events WHERE doc_id = ?',
        [id],
      );
      for (const e of a.events) {
        total++;
        const hit = events.some((g) => fold(g.service) === fold(e.service) && fold(g.region) === fold(e.region) && g.status === e.status);
        if (hit) found++;
        else missed.push(`${a.url}: ${e.service} / ${e.region} / ${e.status}`);
      }
      const quotes = await db.query<{ speaker: string | null; text: string }>('SELECT speaker, text FROM quotes WHERE doc_id = ?', [id]);
      for (const q of a.quotes) {
        quotesTotal++;
        const opening = openingKey(q.opening);
        if (quotes.some((g) => fold(g.speaker) === fold(q.speaker) && openingKey(g.text) === opening)) quotesFound++;
      }
    }
    // Recall floors, not perfection: `npm run eval` reports the exact figures.
    expect(found / total, `missed events:\n${missed.join('\n')}`).toBeGreaterThanOrEqual(0.7);
    expect(quotesFound / quotesTotal).toBeGreaterThanOrEqual(0.7);
  });

  it('finds no rollout events on irrelevant pages (jobs, events, unrelated news)', async () => {
    for (const url of irrelevantArticleUrls) {
      const rows = await db.query<{ n: number }>('SELECT count(*) AS n FROM rollout_events WHERE doc_id = ?', [docIdFor(url)]);
      expect(rows[0]!.n, url).toBe(0);
    }
  });

  it('marks syndicated copies as duplicates of one original', async () => {
    for (const [a, b] of [...syndicatedPairs, ...nearDuplicatePairs]) {
      const rows = await db.query<{ doc_id: string; duplicate_of: string | null }>(
        'SELECT doc_id, duplicate_of FROM documents WHERE doc_id = ? OR doc_id = ?',
        [docIdFor(a), docIdFor(b)],
      );
      expect(rows).toHaveLength(2);
      expect(rows.filter((r) => r.duplicate_of !== null)).toHaveLength(1);
    }
  });

  it('reprocess rebuilds the same rows from the archive, without the network', async () => {
    const before = await snapshot(db);
    db.close();
    const loaded = loadConfig(DEMO_CONFIG);
    loaded.paths.db = dbPath;
    loaded.paths.archive = archive;
    const report = await reprocess(loaded, { progress: createProgress(process.stderr, true) });
    expect(report.missing).toEqual([]);
    expect(report.reprocessed).toBe(afterFirst.documents);
    db = await openDatabase(dbPath);
    expect(await snapshot(db)).toEqual(before);
  });
});
