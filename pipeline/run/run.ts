// `rollwatch run`: discover, crawl, extract, load — for every source in a config.
// The clock and all I/O live here; extraction (extractPage) stays pure.
import { randomBytes } from 'node:crypto';
import { loadKnowledge } from '../analyse/index.ts';
import { openArchive } from '../archive/index.ts';
import { CrawlHosts, crawlSource, SourceCrawlFailure, type FetchError, type SourceCrawlStats } from '../crawl/index.ts';
import { Store, type FetchErrorRecord, type NotModifiedRecord, type PageRecord, type RunCounts, type SourceRunRecord } from '../load/store.ts';
import type { LoadedConfig } from '../sources/load.ts';
import type { Source } from '../sources/schema.ts';
import { createProgress, type Progress } from './progress.ts';
import { ExtractPool, workerCount } from './extract-pool.ts';
import { openWriter } from './open-writer.ts';
import { sourcesInShard, type Shard } from './shard.ts';

export { documentUrl, toPageRecord, type SelectorCheck } from './page-record.ts';

export interface RunReport {
  runId: string;
  resumedFrom: string | null;
  status: 'ok' | 'source_failed';
  counts: RunCounts;
  sources: SourceRunRecord[];
}

export interface RunOptions {
  command?: string;
  progress?: Progress;
  signal?: AbortSignal;
  /** Crawl only this slice of the config's sites (by host). */
  shard?: Shard;
}

export function newRunId(now: Date): string {
  return `${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomBytes(3).toString('hex')}`;
}

/** A note for the run report when a source's selectors no longer fit its pages (a changed template). */
function selectorNote(pages: number, failed: number, misses: Map<string, number>): string | null {
  if (!pages || (!failed && !misses.size)) return null;
  const parts: string[] = [];
  if (failed) parts.push(`body selector found little on ${failed} of ${pages} pages (generic extractor used)`);
  for (const [field, n] of misses) parts.push(`selector "${field}" matched nothing on ${n} of ${pages} pages`);
  return parts.join('; ');
}

export async function runPipeline(loaded: LoadedConfig, options: RunOptions = {}): Promise<RunReport> {
  const progress = options.progress ?? createProgress();
  const knowledge = loadKnowledge();
  const db = await openWriter(loaded);
  const pool = new ExtractPool(workerCount(loaded.config.workers), knowledge);
  try {
    const store = new Store(db);
    const interrupted = await store.interruptedRuns();
    const resumedFrom = interrupted[0] ?? null;
    const done = await store.urlsCapturedInRuns(interrupted);
    if (resumedFrom) {
      for (const run of interrupted) await store.markRun(run, 'interrupted');
      progress.log('resume', { run: resumedFrom, pagesAlreadyDone: done.size });
    }
    const started = new Date();
    const runId = newRunId(started);
    await store.beginRun(runId, started.toISOString(), options.command ?? 'run', {
      configFile: loaded.file ?? null,
      archiveDir: loaded.paths.archive,
      sources: sourcesInShard(loaded.sources, options.shard),
    });
    const known = await store.knownPages();
    const archivedCaptures = await store.captureOrigins();
    const archive = await openArchive(loaded.paths.archive, runId);

    const counts: RunCounts = {
      pagesFetched: 0,
      pagesFailed: 0,
      pagesNotModified: 0,
      pagesSkippedLastmod: 0,
      documentsNew: 0,
      documentsChanged: 0,
      eventsAdded: 0,
    };
    const records: SourceRunRecord[] = [];
    // Loads are serialised through one promise chain: DuckDB has one connection here.
    let writes: Promise<unknown> = Promise.resolve();
    let writesQueued = 0;
    const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
      writesQueued++;
      const next = writes.then(work).finally(() => { writesQueued--; });
      writes = next.catch(() => undefined);
      return next;
    };
    // Backpressure: while one batch commits and another waits, a page handler waits too, so a slow
    // commit never lets the crawl run ahead of the file (a kill loses at most those two batches).
    const keepPace = async (): Promise<void> => {
      while (writesQueued > 1) await writes;
    };

    // Sources are crawled side by side: each is a different site with its own politeness
    // limits, so a nightly run over seven polite sources takes as long as the slowest one.
    // Sources on one host share its gate and robots.txt.
    const hosts = new CrawlHosts();
    const crawlOne = async (source: Source, index: number): Promise<void> => {
      const batch: PageRecord[] = [];
      const errors: FetchErrorRecord[] = [];
      const unchanged: NotModifiedRecord[] = [];
      // What the crawl counted for the records waiting in this batch: committed with them.
      let pending = { pagesFetched: 0, pagesFailed: 0, pagesNotModified: 0, pagesSkippedLastmod: 0 };
      const count = (key: keyof typeof pending): void => {
        counts[key]++;
        pending[key]++;
      };
      let sourceEvents = 0;
      let extracted = 0;
      let selectorFailures = 0;
      const selectorMisses = new Map<string, number>();
      // A batch commits when it is full or when its first page has waited batchSeconds,
      // whichever comes first: big transactions for a backfill, prompt ones for a slow crawl.
      let batchTimer: NodeJS.Timeout | null = null;
      // A write that failed on the timer is reported by the next flush, which a crawl hook awaits.
      let timerFailure: { error: unknown } | null = null;
      const flush = (): Promise<void> => {
        if (batchTimer) clearTimeout(batchTimer);
        batchTimer = null;
        if (timerFailure) {
          const { error } = timerFailure;
          timerFailure = null;
          return Promise.reject(error);
        }
        const pages = batch.splice(0);
        const errs = errors.splice(0);
        const same = unchanged.splice(0);
        const fetched = pending;
        pending = { pagesFetched: 0, pagesFailed: 0, pagesNotModified: 0, pagesSkippedLastmod: 0 };
        return enqueue(async () => {
          if (!pages.length && !errs.length && !same.length && !fetched.pagesFetched) return;
          const { outcomes, eventsAdded } = await store.commitBatch(runId, { pages, errors: errs, unchanged: same }, fetched);
          for (const o of outcomes) {
            if (o === 'new') counts.documentsNew++;
            if (o === 'changed') counts.documentsChanged++;
          }
          counts.eventsAdded += eventsAdded;
          sourceEvents += eventsAdded;
        });
      };

      const commitSoon = (): void => {
        if (batchTimer) return;
        batchTimer = setTimeout(() => {
          flush().catch((error: unknown) => {
            timerFailure = { error };
          });
        }, loaded.config.batchSeconds * 1000);
        batchTimer.unref();
      };

      let stats: SourceCrawlStats | null = null;
      let crashed: string | null = null;
      try {
        stats = await crawlSource(
          source,
          {
            userAgent: loaded.config.userAgent,
            fetchOrigin: loaded.config.origins[source.id],
            archive,
            fast: loaded.config.fast,
            maxArticles: loaded.config.maxArticlesPerSource,
            timeoutMs: loaded.config.requestTimeoutSecs * 1000,
            proxyUrls: loaded.config.proxyUrls,
            hosts,
            signal: options.signal,
          },
          {
            known: (url) => known.get(url),
            done: (url) => done.has(url),
            archived: (url, at) => archivedCaptures.has(`${url} ${at}`),
            onArticle: async (capture, archived) => {
              count('pagesFetched');
              let record: PageRecord;
              try {
                const page = await pool.extract(source, capture, archived);
                record = page.record;
                extracted++;
                if (page.check.selectorFailed) selectorFailures++;
                for (const m of page.check.misses) selectorMisses.set(m, (selectorMisses.get(m) ?? 0) + 1);
              } catch (err) {
                // A page the extractor cannot read is recorded as failed; the run goes on.
                count('pagesFailed');
                errors.push({
                  sourceId: source.id,
                  url: capture.url,
                  reason: 'extract_failed',
                  httpStatus: capture.status,
                  detail: (err as Error).stack ?? String(err),
                  at: new Date().toISOString(),
                });
                commitSoon();
                return;
              }
              if (!record.article.body.trim()) {
                // No article text even after re-parsing by the HTML standard: an empty document
                // would look like a page that says nothing, so the page is a failure with its reason.
                count('pagesFailed');
                errors.push({
                  sourceId: source.id,
                  url: capture.url,
                  reason: 'empty_body',
                  httpStatus: capture.status,
                  detail: 'no article text found on the page',
                  at: new Date().toISOString(),
                });
                commitSoon();
                return;
              }
              batch.push(record);
              if (batch.length >= loaded.config.batchSize) await flush();
              else commitSoon();
              await keepPace();
            },
            onNotModified: async (url, seen) => {
              count(seen.how === 'lastmod' ? 'pagesSkippedLastmod' : 'pagesNotModified');
              unchanged.push({ sourceId: source.id, url, at: new Date().toISOString(), known: known.get(url), sitemapLastmod: seen.sitemapLastmod });
              if (unchanged.length >= loaded.config.batchSize * 10) await flush();
              else commitSoon();
            },
            onError: async (e: FetchError) => {
              count('pagesFailed');
              errors.push({ ...e, at: new Date().toISOString() });
              commitSoon();
            },
            onProgress: (p) => progress.update(source.id, p),
          },
        );
      } catch (err) {
        // The counts up to the error are kept: they say how far the source got before it broke.
        if (err instanceof SourceCrawlFailure) stats = err.stats;
        crashed = (err as Error).message;
        progress.log('source_failed', { source: source.id, error: crashed });
      }
      await flush(); // resolves after every write queued before it, this source's included
      if (stats) progress.update(source.id, { fetched: stats.fetched, queued: 0, failed: stats.failed });

      const articlesSeen = stats ? stats.articles + stats.notModified + stats.skippedLastmod + stats.skippedDone : 0;
      let status: SourceRunRecord['status'] = 'ok';
      let message: string | null = null;
      if (crashed) {
        status = 'failed';
        message = crashed;
      } else if (articlesSeen === 0) {
        status = stats && stats.failed > 0 ? 'failed' : 'empty';
        message = stats && stats.failed > 0 ? `all ${stats.failed} pages failed` : 'no article pages found';
      } else if (stats && stats.failed > 0) {
        message = `${stats.failed} pages failed`;
      }
      if (stats?.skippedDone) {
        const resumed = `${stats.skippedDone} pages already loaded by the interrupted run`;
        message = message ? `${message}; ${resumed}` : resumed;
      }
      const selectors = source.selectors ? selectorNote(extracted, selectorFailures, selectorMisses) : null;
      if (selectors) message = message ? `${message}; ${selectors}` : selectors;
      const record: SourceRunRecord = {
        sourceId: source.id,
        status,
        discovered: stats?.discovered ?? 0,
        fetched: stats?.fetched ?? 0,
        notModified: stats?.notModified ?? 0,
        skippedLastmod: stats?.skippedLastmod ?? 0,
        failed: stats?.failed ?? 0,
        articles: stats?.articles ?? 0,
        events: sourceEvents,
        message,
      };
      records[index] = record;
      await enqueue(() => store.recordSourceRun(runId, record));
      progress.log('source_done', { source: record.sourceId, ...record, sourceId: undefined });
    };
    await Promise.all(sourcesInShard(loaded.sources, options.shard).map(crawlOne));

    await archive.close();
    const status = records.every((r) => r.status === 'ok') ? 'ok' : 'source_failed';
    const keys = await store.checkKeys().then(
      () => null,
      (err: unknown) => err,
    );
    await store.finishRun(runId, new Date().toISOString(), keys ? 'failed' : status, counts);
    await db.run('CHECKPOINT');
    if (keys) throw keys;
    progress.stop();
    return { runId, resumedFrom, status, counts, sources: records };
  } finally {
    await pool.close();
    db.close();
  }
}
