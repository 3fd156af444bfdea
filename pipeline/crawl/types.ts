// What the crawl stage promises its caller: the hooks it calls, its options and its counts.
import type { Archive, ArchiveRef } from '../archive/warc.ts';
import type { Capture } from '../types.ts';
import type { CrawlHosts } from './hosts.ts';

export interface KnownPage {
  etag: string | null;
  lastModified: string | null;
  contentHash: string | null;
  /** When the page was last fetched and found good (ISO). Kept for the record: never compared with a sitemap's lastmod. */
  checkedAt?: string | null;
  /**
   * The sitemap `<lastmod>` the page had when it was last fetched. A page whose sitemap entry
   * says no later than this is not requested at all.
   */
  sitemapLastmod?: string | null;
}

export interface FetchError {
  sourceId: string;
  url: string;
  /**
   * Short code: http_<status>, timeout, reset, refused, dns, network, truncated, decode,
   * too_large, not_html, redirect_loop, too_many_redirects, offsite_redirect, bad_redirect, robots,
   * robots_unavailable, retry_after_too_long, browser_unavailable, browser.
   */
  reason: string;
  httpStatus: number | null;
  detail: string;
}

export type UnchangedHow = 'not_modified' | 'lastmod';

export interface CrawlHooks {
  /** Validators from earlier captures (for If-None-Match / If-Modified-Since); undefined for a new URL. */
  known(url: string): KnownPage | undefined;
  /** True when this URL was completed in an interrupted run being resumed: skip it without fetching. */
  done(url: string): boolean;
  /** A fetched article page (2xx, HTML, decoded), already archived. Awaited before the page counts as done. */
  onArticle(capture: Capture, archived: ArchiveRef): Promise<void>;
  /**
   * An article found unchanged: `not_modified` (a 304 or the same bytes as before) or `lastmod`
   * (not requested at all: its sitemap lastmod is no later than the one it had when last fetched).
   */
  onNotModified(url: string, seen: { how: UnchangedHow; sitemapLastmod: string | null }): Promise<void>;
  onError(error: FetchError): Promise<void>;
  onProgress?(p: { sourceId: string; fetched: number; queued: number; failed: number }): void;
  /** True when a web archive's capture of this (canonical) URL at this time is already loaded: captures never change, so it is not fetched again. */
  archived?(url: string, capturedAt: string): boolean;
}

export interface RetryOptions {
  /** Retries after the first attempt, for 5xx, 429 and network errors (timeouts included). @default 3 */
  maxRetries?: number;
  /** First backoff; doubles per retry, ±20 % jitter. @default 1000 (fast: 50) */
  baseDelayMs?: number;
  /** A Retry-After longer than this fails the URL with `retry_after_too_long`. @default 120000 */
  maxRetryAfterMs?: number;
}

export interface CrawlOptions {
  userAgent: string;
  /**
   * Fetch the source from this origin instead of `source.site` (sample sites on 127.0.0.1, mirrors). URLs handed to hooks
   * and stored use the public `site` origin, so identity never depends on the port.
   */
  fetchOrigin?: string;
  archive: Archive;
  /** Politeness delays off (bench/tests); robots.txt (Disallow and Crawl-delay) is still obeyed. */
  fast?: boolean;
  /** Most pages fetched that no earlier run fetched (0 = no limit); pages seen before never count. @default 0 */
  maxArticles?: number;
  /** Larger bodies are failed with reason too_large, without being buffered. @default 10 MB */
  maxBytes?: number;
  /** Deadline for one whole exchange, headers and body; slower pages fail with `timeout` and are retried. @default 15000 */
  timeoutMs?: number;
  /** Redirect hops before `too_many_redirects`. @default 10 */
  maxRedirects?: number;
  retry?: RetryOptions;
  /** Proxy URLs (http://user:pass@host:port) requests go through, rotated by crawlee's ProxyConfiguration. */
  proxyUrls?: string[];
  /** The run's per-host gates and robots.txt cache, shared by every source on a host. @default one for this source alone */
  hosts?: CrawlHosts;
  /** Chromium for `render: "browser"` sources. @default /usr/bin/chromium (or $ROLLWATCH_CHROMIUM) */
  chromiumPath?: string;
  /** Stops the crawl: nothing new starts, in-flight URLs are neither done nor failed. */
  signal?: AbortSignal;
}

export interface SourceCrawlStats {
  sourceId: string;
  /** Distinct article URLs (canonical) found by discovery. */
  discovered: number;
  /** Article URLs requested from the network (each counted once, whatever its retries). */
  fetched: number;
  /** Requested and found unchanged: a 304, or the same content hash as the last capture. */
  notModified: number;
  /** Never requested: the sitemap lastmod is no later than the one it had when last fetched. */
  skippedLastmod: number;
  /** onError calls: failed articles, failed discovery pages and robots refusals. */
  failed: number;
  /** onArticle calls. */
  articles: number;
  skippedDone: number;
  /** Discovery documents (robots.txt, sitemaps, feeds, listing pages) read. */
  discoveryPages: number;
}
