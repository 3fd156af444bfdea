// A commit that is slow (a busy disk, a big batch) must hold the crawl back: pages fetched but not
// yet in the file are what a kill loses, so the crawl may not run more than a couple of batches ahead.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Store } from '../../pipeline/load/store.ts';
import { createProgress } from '../../pipeline/run/progress.ts';
import { runPipeline } from '../../pipeline/run/run.ts';
import { loadConfig } from '../../pipeline/sources/load.ts';
import { sitemapSite, type SitemapSite } from './sitemap-site.ts';

const ARTICLES = 24;
const BATCH = 2;
const CONCURRENCY = 2;
const page = (i: number): string =>
  `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Notice ${i}</title></head><body><article>` +
  `<h1>Notice ${i}</h1><p>The walk-in centre in Truro extended its opening hours, notice ${i} from the practice said.</p></article></body></html>`;

let site: SitemapSite;
let origin = '';
const dir = mkdtempSync(join(tmpdir(), 'rollwatch-backpressure-'));

beforeAll(async () => {
  // A page takes longer to arrive than a batch waits, so most batches go on the timer, one page each.
  site = await sitemapSite(ARTICLES, page, 30);
  origin = site.origin;
  writeFileSync(join(dir, 'site.json'), JSON.stringify({
    id: 'notices', name: 'Notices', site: origin, hosts: [new URL(origin).host],
    discover: [{ sitemap: `${origin}/sitemap.xml` }], articles: { include: ['^/news/\\d+$'] },
    rateLimit: { maxConcurrency: CONCURRENCY, delayMs: 0 },
  }));
  // A batch commits when full or 10 ms after its first page: with slow commits, the timer alone would queue batch after batch.
  writeFileSync(join(dir, 'run.json'), JSON.stringify({
    sources: ['site.json'], db: join(dir, 'rw.duckdb'), archive: join(dir, 'archive'), batchSize: BATCH, batchSeconds: 0.01, workers: 0, fast: true,
  }));
});

afterAll(async () => {
  vi.restoreAllMocks();
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a slow commit', () => {
  it('keeps the pages fetched but not yet committed to two batches and the pages in flight', async () => {
    const commit = Store.prototype.commitBatch;
    let committed = 0;
    let ahead = 0;
    vi.spyOn(Store.prototype, 'commitBatch').mockImplementation(async function (this: Store, ...args: Parameters<Store['commitBatch']>) {
      await new Promise((r) => setTimeout(r, 120));
      const result = await commit.apply(this, args);
      committed += args[1].pages.length;
      ahead = Math.max(ahead, site.served() - committed);
      return result;
    });
    const report = await runPipeline(loadConfig(join(dir, 'run.json')), { progress: createProgress(process.stderr, true) });
    expect(report.status).toBe('ok');
    expect(committed).toBe(ARTICLES);
    expect(ahead).toBeLessThanOrEqual(2 * BATCH + CONCURRENCY);
  }, 60_000);
});
