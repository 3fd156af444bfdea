// The crawl stage: discover a source's article URLs (re-read on every run), then fetch each
// article politely and incrementally, archiving every response before it is handed on.
// crawlee runs it: an HTTP crawler, or a browser crawler for sources declared
// `render: "browser"`, each driven by the router in routes.ts.
import type { Source } from '../sources/schema.ts';
import { SourceContext } from './context.ts';
import { withDefaultSigint } from './crawlee-settings.ts';
import { HttpFetcher } from './fetch-step.ts';
import { Frontier, type Candidate } from './frontier.ts';
import { httpCrawl, type Crawl } from './http-crawler.ts';
import { Proxies } from './proxy.ts';
import { LABELS, requestFor, screenArticle, startRequests } from './routes.ts';
import type { CrawlHooks, CrawlOptions, SourceCrawlStats } from './types.ts';

export { canonicalUrl, stripTracking } from './canonical.ts';
export { decodeHtml } from './charset.ts';
export { CrawlHosts } from './hosts.ts';
export type { Archive, ArchiveRef } from '../archive/warc.ts';
export type { CrawlHooks, CrawlOptions, FetchError, KnownPage, RetryOptions, SourceCrawlStats, UnchangedHow } from './types.ts';

/** A source's crawl stopped by an error: what it had counted until then travels with the error. */
export class SourceCrawlFailure extends Error {
  override name = 'SourceCrawlFailure';
  constructor(
    cause: unknown,
    readonly stats: SourceCrawlStats,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

/**
 * Discovers and crawls one source. Resolves with its stats; rejects only when a hook throws,
 * with a SourceCrawlFailure carrying the counts so far (the run records them with the error).
 */
export async function crawlSource(source: Source, options: CrawlOptions, hooks: CrawlHooks): Promise<SourceCrawlStats> {
  const ctx = new SourceContext(source, options, hooks);
  try {
    await crawlWith(ctx, source, options, hooks);
  } catch (err) {
    throw new SourceCrawlFailure(err, finalStats(ctx));
  }
  return finalStats(ctx);
}

function finalStats(ctx: SourceContext): SourceCrawlStats {
  // The frontier is missing only when the crawler could not even be made.
  ctx.stats.discovered = ctx.frontier?.discovered ?? 0;
  ctx.stats.skippedDone = ctx.frontier?.skippedDone ?? 0;
  return ctx.stats;
}

async function crawlWith(ctx: SourceContext, source: Source, options: CrawlOptions, hooks: CrawlHooks): Promise<void> {
  const proxies = options.proxyUrls?.length ? new Proxies(options.proxyUrls) : null;
  const fetcher = new HttpFetcher(ctx, proxies);
  // Parallel requests: the per-host limit times the source's hosts (the gates hold each host to its own).
  const concurrency = Math.min(20, source.rateLimit.maxConcurrency * new Set(source.hosts).size);
  // Loaded only for a browser source: Playwright takes seconds to import on a busy machine.
  const crawl: Crawl =
    source.render === 'browser'
      ? await (await import('./browser-crawler.ts')).browserCrawl(ctx, fetcher, proxies, concurrency)
      : httpCrawl(ctx, fetcher, concurrency);
  const screen = (c: Candidate): Promise<boolean> => screenArticle(ctx, c, (url) => fetcher.refusal(url));
  const articleRequest = (c: Candidate) =>
    requestFor(ctx, LABELS.article, { publicUrl: c.url, key: c.canonical, hops: 0, seen: [], ...(c.lastmod ? { lastmod: c.lastmod } : {}) });
  ctx.frontier = new Frontier(hooks, options.maxArticles ?? 0, concurrency * 2, screen, (batch) => crawl.enqueue(batch.map((c) => articleRequest(c))));
  const stop = (): void => {
    ctx.frontier.close();
    ctx.stopCrawler();
  };
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    const first = startRequests(ctx);
    if (first.length) await crawl.enqueue(first);
    await ctx.frontier.topUp();
    if (!options.signal?.aborted) await withDefaultSigint(() => crawl.run());
  } finally {
    options.signal?.removeEventListener('abort', stop);
    await proxies?.close();
  }
  ctx.rethrow();
}
