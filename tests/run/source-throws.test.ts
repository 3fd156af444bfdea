// A source whose crawl stops on an error (here: a batch the database refused) must leave a
// source_runs row that says how far it got and why it stopped, not a row of zeros.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../pipeline/load/db.ts';
import { Store } from '../../pipeline/load/store.ts';
import { createProgress } from '../../pipeline/run/progress.ts';
import { runPipeline } from '../../pipeline/run/run.ts';
import { loadConfig } from '../../pipeline/sources/load.ts';
import { sitemapSite, type SitemapSite } from './sitemap-site.ts';

const ARTICLES = 8;
const page = (i: number): string =>
  `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Bulletin ${i}</title></head><body><article>` +
  `<h1>Bulletin ${i}</h1><p>The minor injuries unit in Bodmin reopened after refurbishment, bulletin ${i} of the trust said.</p></article></body></html>`;

let site: SitemapSite;
let origin = '';
const dir = mkdtempSync(join(tmpdir(), 'rollwatch-source-throws-'));

beforeAll(async () => {
  site = await sitemapSite(ARTICLES, page);
  origin = site.origin;
  writeFileSync(join(dir, 'site.json'), JSON.stringify({
    id: 'bulletins', name: 'Bulletins', site: origin, hosts: [new URL(origin).host],
    discover: [{ sitemap: `${origin}/sitemap.xml` }], articles: { include: ['^/news/\\d+$'] }, rateLimit: { maxConcurrency: 1, delayMs: 0 },
  }));
  writeFileSync(join(dir, 'run.json'), JSON.stringify({
    sources: ['site.json'], db: join(dir, 'rw.duckdb'), archive: join(dir, 'archive'), batchSize: 2, batchSeconds: 30, workers: 0, fast: true,
  }));
});

afterAll(async () => {
  vi.restoreAllMocks();
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a source that throws', () => {
  it('keeps in source_runs what it discovered, fetched and loaded before the error, and the error', async () => {
    const commit = Store.prototype.commitBatch;
    let calls = 0;
    vi.spyOn(Store.prototype, 'commitBatch').mockImplementation(function (this: Store, ...args: Parameters<Store['commitBatch']>) {
      if (++calls === 2) return Promise.reject(new Error('Constraint Error: the second batch was refused'));
      return commit.apply(this, args);
    });
    const report = await runPipeline(loadConfig(join(dir, 'run.json')), { progress: createProgress(process.stderr, true) });
    expect(report.status).toBe('source_failed');

    const db = await openDatabase(join(dir, 'rw.duckdb'), { readOnly: true });
    try {
      const [row] = await db.query<{ status: string; discovered: number; fetched: number; articles: number; message: string }>(
        'SELECT status, discovered, fetched, articles, message FROM source_runs WHERE run_id = ?',
        [report.runId],
      );
      expect(row!.status).toBe('failed');
      expect(row!.message).toContain('the second batch was refused');
      expect(row!.discovered).toBe(ARTICLES);
      expect(row!.fetched).toBeGreaterThanOrEqual(4); // two batches of two were fetched before the refusal
      expect(row!.articles).toBeGreaterThanOrEqual(4);
      const [docs] = await db.query<{ n: number }>('SELECT count(*) AS n FROM documents');
      expect(docs!.n).toBeGreaterThanOrEqual(2); // the first batch stays loaded
    } finally {
      db.close();
    }
  }, 60_000);
});
