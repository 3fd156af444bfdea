// One source's crawl: its settings, counts, URL spaces, frontier and the hooks it reports to.
// The router's handlers and crawlee's error hooks all work through this object.
import type { Archive, ArchiveRef } from '../archive/warc.ts';
import type { Source } from '../sources/schema.ts';
import type { Frontier } from './frontier.ts';
import { CrawlHosts } from './hosts.ts';
import type { RawResponse } from './http.ts';
import type { HostGate } from './politeness.ts';
import { ALLOW_ALL, UNAVAILABLE, parseRobots, type RobotsPolicy } from './robots.ts';
import type { CrawlHooks, CrawlOptions, SourceCrawlStats } from './types.ts';
import { UrlSpace } from './url-space.ts';

const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const MAX_CRAWL_DELAY_MS = 60_000;

export interface CrawlLimits {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
  maxRetries: number;
  baseDelayMs: number;
  maxRetryAfterMs: number;
}

/** Fetches robots.txt for a fetch origin: the HTTP exchange is the caller's (it has the retries). */
export type RobotsLoader = (fetchOrigin: string) => Promise<{ status: number; body: Buffer } | { failure: string; httpStatus: number | null } | null>;

export class SourceContext {
  readonly stats: SourceCrawlStats;
  readonly urls: UrlSpace;
  readonly hosts: CrawlHosts;
  readonly limits: CrawlLimits;
  /** Set once the crawler and frontier exist (they need this context first). */
  frontier!: Frontier;
  /** Stops the crawler: nothing new starts. Set by whoever built the crawler. */
  stopCrawler: () => void = () => undefined;
  /** Sitemap documents already read or queued: an index that lists itself cannot loop. */
  readonly sitemapsSeen = new Set<string>();
  private hookFailure: { error: unknown } | null = null;

  constructor(
    readonly source: Source,
    readonly options: CrawlOptions,
    readonly hooks: CrawlHooks,
  ) {
    this.stats = {
      sourceId: source.id,
      discovered: 0,
      fetched: 0,
      notModified: 0,
      skippedLastmod: 0,
      failed: 0,
      articles: 0,
      skippedDone: 0,
      discoveryPages: 0,
    };
    this.urls = new UrlSpace(source, options.fetchOrigin);
    this.hosts = options.hosts ?? new CrawlHosts();
    this.limits = {
      maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
      timeoutMs: options.timeoutMs ?? 15_000,
      maxRedirects: options.maxRedirects ?? 10,
      maxRetries: options.retry?.maxRetries ?? 3,
      baseDelayMs: options.retry?.baseDelayMs ?? (options.fast ? 50 : 1000),
      maxRetryAfterMs: options.retry?.maxRetryAfterMs ?? 120_000,
    };
  }

  get archive(): Archive {
    return this.options.archive;
  }

  /** Aborted by the caller, or a hook failed: start nothing new. */
  get stopped(): boolean {
    return this.hookFailure !== null || this.options.signal?.aborted === true;
  }

  /** The run-wide gate of the host a fetch URL is on, at this source's limits (the strictest source wins). */
  gate(fetchUrl: string): HostGate {
    const { maxConcurrency, delayMs } = this.source.rateLimit;
    return this.hosts.gates.gate(new URL(fetchUrl).host, { maxConcurrency, delayMs: this.options.fast ? 0 : delayMs });
  }

  /**
   * Calls a hook. A hook that throws is a bug in the caller (or its database failing), not a
   * fetch failure: nothing new starts, and crawlSource rethrows it once the crawler stops.
   */
  async call(hook: () => Promise<void>): Promise<void> {
    if (this.hookFailure) return;
    try {
      await hook();
    } catch (error) {
      this.halt(error);
    }
  }

  /** Stops the crawl because of an error that is ours, not the site's. */
  halt(error: unknown): void {
    this.hookFailure ??= { error };
    this.frontier?.close();
    this.stopCrawler();
  }

  /** Rethrows the error that stopped the crawl, if one did. */
  rethrow(): void {
    if (this.hookFailure) throw this.hookFailure.error;
  }

  async fail(url: string, reason: string, httpStatus: number | null, detail: string): Promise<void> {
    this.stats.failed += 1;
    await this.call(() => this.hooks.onError({ sourceId: this.source.id, url, reason, httpStatus, detail }));
  }

  progress(): void {
    this.hooks.onProgress?.({ sourceId: this.source.id, fetched: this.stats.fetched, queued: this.frontier.queued, failed: this.stats.failed });
  }

  async archiveResponse(publicUrl: string, response: RawResponse, extra: Record<string, string> = {}): Promise<ArchiveRef> {
    const headers = { ...response.headers, ...extra, ...(response.omitted ? { 'x-rollwatch-body-omitted': response.omitted } : {}) };
    return this.archive.append({
      url: publicUrl,
      fetchedAt: response.fetchedAt,
      status: response.status,
      headers,
      body: response.body,
      sourceId: this.source.id,
    });
  }

  /** Null when robots.txt allows the URL, else the reason code for refusing it. */
  async robotsRefusal(publicUrl: string, load: RobotsLoader): Promise<string | null> {
    const fetchUrl = this.urls.toFetchUrl(publicUrl);
    const u = new URL(fetchUrl);
    const policy = await this.hosts.robotsFor(`${u.origin} ${this.options.userAgent}`, () => this.loadRobots(u.origin, load));
    if (policy.isAllowed(u.pathname + u.search)) return null;
    return policy.unavailable ? 'robots_unavailable' : 'robots';
  }

  private async loadRobots(fetchOrigin: string, load: RobotsLoader): Promise<RobotsPolicy> {
    const publicUrl = this.urls.toPublicUrl(`${fetchOrigin}/robots.txt`);
    const got = await load(fetchOrigin);
    let policy: RobotsPolicy;
    if (got && 'status' in got && got.status >= 200 && got.status < 300) {
      this.stats.discoveryPages += 1;
      policy = parseRobots(got.body.toString('utf8'), this.options.userAgent);
    } else if (got && 'status' in got && got.status >= 400 && got.status < 500) {
      // RFC 9309 §2.3.1.3: an unavailable robots.txt (4xx) means no restrictions.
      policy = ALLOW_ALL;
    } else {
      // RFC 9309 §2.3.1.4: unreachable (5xx, network) means assume complete disallow.
      if (got) {
        const detail = 'status' in got ? `robots.txt answered ${got.status}` : got.failure;
        await this.fail(publicUrl, 'robots_unavailable', 'status' in got ? got.status : got.httpStatus, `${detail}; not crawling this host`);
      }
      policy = UNAVAILABLE;
    }
    // Crawl-delay overrides a shorter configured delay, even in fast mode: it is the site's rule.
    // Capped, so that a typo such as "Crawl-delay: 86400" cannot stall a nightly run for days.
    if (policy.crawlDelayMs !== null) {
      const gate = this.gate(`${fetchOrigin}/`);
      gate.delayMs = Math.max(gate.delayMs, Math.min(policy.crawlDelayMs, MAX_CRAWL_DELAY_MS));
    }
    return policy;
  }
}
