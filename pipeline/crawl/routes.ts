// The crawl's router: one handler per kind of page, registered by label, as crawlee's starter
// shapes it. Discovery pages (sitemap, feed, listing) find article URLs and hand them to the
// frontier; article pages become captures. A new kind of page or discovery mode (a web
// archive's CDX index, say) is a new label and handler here plus its entry in `startRequests`.
import { gunzipSync } from 'node:zlib';
import { Router, type CrawlingContext, type RequestOptions } from '@crawlee/core';
import type { Discovery } from '../sources/schema.ts';
import { conditionalHeaders, handleArticleResponse, htmlOnly, unchangedBySitemap } from './article-page.ts';
import { stripTracking } from './canonical.ts';
import { decodeHtml } from './charset.ts';
import type { SourceContext } from './context.ts';
import type { Candidate } from './frontier.ts';
import { parseFeed, parseListing, parseSitemap } from './discovery.ts';
import type { HopOutcome, HopRequest } from './fetch-step.ts';
import { FetchFailure, type RawResponse } from './http.ts';
import type { ArchiveRef } from '../archive/warc.ts';
import type { GiveUp } from './retry.ts';
import { ARCHIVE_LABELS, archiveStart, readArchiveIndex, readMemento, type ArchiveHopData } from './archive-pages.ts';

export const LABELS = { sitemap: 'sitemap', feed: 'feed', listing: 'listing', article: 'article', ...ARCHIVE_LABELS } as const;
export type Label = (typeof LABELS)[keyof typeof LABELS];

/** The sitemap protocol allows 50 MB uncompressed; discovery documents get at least that. */
const DISCOVERY_MAX_BYTES = 50 * 1024 * 1024;
/** Sitemap indexes can nest; bound the walk so a cyclic or generated index cannot run away. */
const MAX_SITEMAP_DOCUMENTS = 1000;

/** What every request carries: where it goes now and what it is known by. */
export interface HopData {
  [key: string]: unknown;
  /** Public URL of this hop. */
  publicUrl: string;
  /** What hooks and errors call it: the canonical article URL, or the discovery URL as declared. */
  key: string;
  /** Redirects followed to get here. */
  hops: number;
  /** Fetch URLs of the hops before this one (a redirect loop returns to one of them). */
  seen: string[];
  /** Article: the sitemap's `<lastmod>` for it. */
  lastmod?: string;
  /** Listing: which `discover` entry, and which page of it (0 = the first). */
  entry?: number;
  page?: number;
}

export interface RouteDeps<C extends CrawlingContext> {
  ctx: SourceContext;
  /** Gets one hop: the HTTP crawler requests it, the browser crawler has already loaded it. */
  obtain(context: C, hop: HopRequest): Promise<HopOutcome>;
  enqueue(requests: RequestOptions[], forefront?: boolean): Promise<void>;
  /** The DOM of the article the browser loaded, once rendered, archived beside the raw response; undefined for the HTTP crawler. */
  rendered?(context: C, publicUrl: string, raw: RawResponse): Promise<{ html: string; ref: ArchiveRef } | undefined>;
}

/** A request for a label: uniqueKey per hop, so a page seen twice in one run is fetched once. */
export function requestFor(ctx: SourceContext, label: Label, data: HopData): RequestOptions {
  return {
    url: ctx.urls.toFetchUrl(data.publicUrl),
    label,
    userData: data,
    uniqueKey: `${label} ${data.key} ${data.hops} ${data.publicUrl}`,
    // Only articles are pages a browser must render; a browser crawler reads the rest over HTTP.
    skipNavigation: label !== LABELS.article,
  };
}

/** The first requests of a source: one per discovery document declared; `urls` lists go straight to the frontier. */
export function startRequests(ctx: SourceContext): RequestOptions[] {
  const out: RequestOptions[] = [];
  ctx.source.discover.forEach((d: Discovery, entry) => {
    const start = (publicUrl: string): HopData => ({ publicUrl, key: publicUrl, hops: 0, seen: [] });
    if ('sitemap' in d) {
      ctx.sitemapsSeen.add(d.sitemap);
      out.push(requestFor(ctx, LABELS.sitemap, start(d.sitemap)));
    } else if ('feed' in d) out.push(requestFor(ctx, LABELS.feed, start(d.feed)));
    else if ('listing' in d) {
      listingSeen(ctx, entry).add(d.listing);
      out.push(requestFor(ctx, LABELS.listing, { ...start(d.listing), entry, page: 0 }));
    } else if ('archive' in d) {
      out.push(archiveStart({ request: (label, data) => requestFor(ctx, label as Label, data) }, d.archive, entry));
    } else for (const url of d.urls) addCandidate(ctx, url);
  });
  return out;
}

const listingPages = new WeakMap<SourceContext, Map<number, Set<string>>>();
function listingSeen(ctx: SourceContext, entry: number): Set<string> {
  let byEntry = listingPages.get(ctx);
  if (!byEntry) listingPages.set(ctx, (byEntry = new Map()));
  let seen = byEntry.get(entry);
  if (!seen) byEntry.set(entry, (seen = new Set()));
  return seen;
}

/** A link found by discovery: kept when it is an article URL on one of the source's hosts. */
function addCandidate(ctx: SourceContext, raw: string, lastmod?: string): void {
  let url: string;
  try {
    url = stripTracking(raw);
  } catch {
    return;
  }
  if (ctx.urls.isAllowedUrl(url) && ctx.urls.isArticleUrl(url)) ctx.frontier.add(url, lastmod);
}

/** The hop a request carries (its `userData`, as `requestFor` set it). */
const hopData = (c: CrawlingContext): HopData => c.request.userData as HopData;

/**
 * The router: one handler per label. The handlers share nothing but `deps` (the source's
 * context and the crawler's obtain/enqueue/rendered), which each is handed explicitly.
 */
export function createRouter<C extends CrawlingContext>(deps: RouteDeps<C>) {
  const router = Router.create<C>();
  // The router types its handlers' context through its own wrapper of C; it is the crawler's context.
  const handle = (label: Label, handler: (c: C) => Promise<void>): void => router.addHandler(label, (c) => handler(c as unknown as C));

  handle(LABELS.sitemap, (c) => readSitemapPage(deps, c));
  handle(LABELS.feed, (c) => readFeedPage(deps, c));
  handle(LABELS.listing, (c) => readListingPage(deps, c));

  // One archive view for both archive handlers, as they share the source's context and queue.
  const { ctx } = deps;
  const archiveDeps = { ctx, request: (label: string, d: ArchiveHopData) => requestFor(ctx, label as Label, d), enqueue: deps.enqueue };
  handle(LABELS.index, async (c) => {
    const res = await readDiscovery(deps, c, LABELS.index);
    if (res) await readArchiveIndex(archiveDeps, hopData(c), res.response);
  });
  handle(LABELS.memento, async (c) => {
    if (!ctx.stopped) await readMemento(archiveDeps, hopData(c), (hop) => deps.obtain(c, hop));
    ctx.progress();
  });

  handle(LABELS.article, (c) => readArticlePage(deps, c));
  return router;
}

/** Follows a redirect by queueing its target as the next hop: each hop is gated and robots-checked like any request. */
async function reach<C extends CrawlingContext>(
  deps: RouteDeps<C>,
  c: C,
  label: Label,
  hop: Omit<HopRequest, 'publicUrl'>,
): Promise<HopOutcome | 'redirected'> {
  const { ctx } = deps;
  const d = hopData(c);
  const outcome = await deps.obtain(c, { ...hop, publicUrl: d.publicUrl });
  if (outcome.kind !== 'response') return outcome;
  const { response, fetchUrl } = outcome;
  const location = response.headers.location;
  if (response.status < 300 || response.status >= 400 || response.status === 304 || !location) return outcome;
  const failed = (reason: string, detail: string): HopOutcome => ({ kind: 'failed', failure: new FetchFailure(reason, response.status, detail) });
  let next: string;
  try {
    next = ctx.urls.toPublicUrl(new URL(location, fetchUrl).toString());
  } catch {
    return failed('bad_redirect', `unusable Location: ${location}`);
  }
  if (!ctx.urls.isAllowedUrl(next)) return failed('offsite_redirect', `redirect to ${next} leaves the source's hosts`);
  const seen = [...d.seen, fetchUrl];
  if (seen.includes(ctx.urls.toFetchUrl(next))) return failed('redirect_loop', `redirect loop at ${next} after ${d.hops + 1} hops`);
  if (d.hops + 1 >= ctx.limits.maxRedirects) return failed('too_many_redirects', `more than ${ctx.limits.maxRedirects} redirects`);
  await deps.enqueue([requestFor(ctx, label, { ...d, publicUrl: next, hops: d.hops + 1, seen })], true);
  return 'redirected';
}

/** A discovery document, fresh (never conditional: it is how new articles are found), or null after reporting why not. */
async function readDiscovery<C extends CrawlingContext>(
  deps: RouteDeps<C>,
  c: C,
  label: Label,
): Promise<{ response: RawResponse; fetchUrl: string } | null> {
  const { ctx } = deps;
  const d = hopData(c);
  const reached = await reach(deps, c, label, { maxBytes: Math.max(ctx.limits.maxBytes, DISCOVERY_MAX_BYTES) });
  if (reached === 'redirected' || reached.kind === 'aborted') return null;
  if (reached.kind === 'failed') {
    await ctx.fail(d.key, reached.failure.reason, reached.failure.httpStatus, reached.failure.message);
    return null;
  }
  const { response } = reached;
  if (response.status < 200 || response.status >= 300 || response.omitted) {
    const reason = response.omitted ?? `http_${response.status}`;
    await ctx.fail(d.key, reason, response.status, `discovery page ${d.key} answered ${response.status}${response.omitted ? ` (${response.omitted})` : ''}`);
    return null;
  }
  ctx.stats.discoveryPages += 1;
  return reached;
}

/** A sitemap (or sitemap index): its pages go to the frontier, its child sitemaps are queued. */
async function readSitemapPage<C extends CrawlingContext>(deps: RouteDeps<C>, c: C): Promise<void> {
  const { ctx } = deps;
  const res = await readDiscovery(deps, c, LABELS.sitemap);
  if (!res) return;
  let body = res.response.body;
  // sitemap.xml.gz is often served as application/octet-stream, without Content-Encoding.
  if (body[0] === 0x1f && body[1] === 0x8b) {
    try {
      body = gunzipSync(body, { maxOutputLength: Math.max(ctx.limits.maxBytes, DISCOVERY_MAX_BYTES) });
    } catch (err) {
      return ctx.fail(hopData(c).key, 'decode', res.response.status, `cannot gunzip sitemap: ${(err as Error).message}`);
    }
  }
  const links = parseSitemap(body.toString('utf8'), res.fetchUrl);
  for (const page of links.pages) addCandidate(ctx, ctx.urls.toPublicUrl(page), links.lastModified.get(page));
  const children: RequestOptions[] = [];
  for (const child of links.sitemaps) {
    const url = ctx.urls.toPublicUrl(child);
    if (!ctx.urls.isAllowedUrl(url) || ctx.sitemapsSeen.has(url) || ctx.sitemapsSeen.size >= MAX_SITEMAP_DOCUMENTS) continue;
    ctx.sitemapsSeen.add(url);
    children.push(requestFor(ctx, LABELS.sitemap, { publicUrl: url, key: url, hops: 0, seen: [] }));
  }
  if (children.length) await deps.enqueue(children);
  await ctx.frontier.topUp();
}

/** An RSS or Atom feed: its links go to the frontier. */
async function readFeedPage<C extends CrawlingContext>(deps: RouteDeps<C>, c: C): Promise<void> {
  const { ctx } = deps;
  const res = await readDiscovery(deps, c, LABELS.feed);
  if (!res) return;
  const xml = decodeHtml(res.response.body, res.response.headers['content-type'] ?? null);
  for (const link of parseFeed(xml, res.fetchUrl)) addCandidate(ctx, ctx.urls.toPublicUrl(link));
  await ctx.frontier.topUp();
}

/** One page of a listing: its article links go to the frontier, its next page is queued (once, up to `maxPages`). */
async function readListingPage<C extends CrawlingContext>(deps: RouteDeps<C>, c: C): Promise<void> {
  const { ctx } = deps;
  const d = hopData(c);
  const entry = ctx.source.discover[d.entry ?? 0];
  const res = await readDiscovery(deps, c, LABELS.listing);
  if (!res || !entry || !('listing' in entry)) return;
  const html = decodeHtml(res.response.body, res.response.headers['content-type'] ?? null);
  const links = parseListing(html, res.fetchUrl, entry.articleLinks, entry.nextPage);
  for (const link of links.articles) addCandidate(ctx, ctx.urls.toPublicUrl(link));
  const next = links.next ? ctx.urls.toPublicUrl(links.next) : null;
  const page = (d.page ?? 0) + 1;
  const seen = listingSeen(ctx, d.entry ?? 0);
  if (next && ctx.urls.isAllowedUrl(next) && page < entry.maxPages && !ctx.stopped) {
    const url = stripTracking(next);
    if (!seen.has(url)) {
      seen.add(url);
      await deps.enqueue([requestFor(ctx, LABELS.listing, { publicUrl: url, key: url, hops: 0, seen: [], entry: d.entry, page })], true);
    }
  }
  await ctx.frontier.topUp();
}

/** An article page: captured (or failed), then its frontier slot freed — unless it redirected, when the next hop carries on. */
async function readArticlePage<C extends CrawlingContext>(deps: RouteDeps<C>, c: C): Promise<void> {
  const { ctx } = deps;
  const outcome = await articleOutcome(deps, c, hopData(c));
  if (outcome === 'redirected') return;
  ctx.frontier.finished();
  ctx.progress();
  await ctx.frontier.topUp();
}

async function articleOutcome<C extends CrawlingContext>(deps: RouteDeps<C>, c: C, d: HopData): Promise<'done' | 'redirected'> {
  const { ctx } = deps;
  if (ctx.stopped) return 'done';
  const known = ctx.hooks.known(d.key);
  const reached = await reach(deps, c, LABELS.article, { headers: conditionalHeaders(known), skipBody: htmlOnly });
  if (reached === 'redirected') return 'redirected';
  if (reached.kind === 'aborted') return 'done';
  if (reached.kind === 'failed') {
    await ctx.fail(d.key, reached.failure.reason, reached.failure.httpStatus, reached.failure.message);
    return 'done';
  }
  const { response, publicUrl } = reached;
  const good = response.status >= 200 && response.status < 300 && !response.omitted;
  const rendered = good && deps.rendered ? await deps.rendered(c, publicUrl, response) : undefined;
  const ref = rendered?.ref ?? reached.ref;
  await handleArticleResponse(ctx, {
    key: d.key,
    finalUrl: publicUrl,
    response,
    ref,
    known,
    sitemapLastmod: d.lastmod ?? null,
    renderedHtml: rendered?.html,
  });
  return 'done';
}

/**
 * An article URL before it is queued: refused by robots.txt, or unchanged by its sitemap
 * lastmod, it gets its outcome here and no request; else it counts as fetched.
 */
export async function screenArticle(ctx: SourceContext, candidate: Candidate, refusal: (publicUrl: string) => Promise<string | null>): Promise<boolean> {
  const { canonical, url, lastmod } = candidate;
  const why = await refusal(url);
  if (why) {
    await ctx.fail(canonical, why, null, `robots.txt ${why === 'robots' ? 'disallows' : 'could not be read, so not fetching'} ${url}`);
    return false;
  }
  // The site says the page has not changed since we last read it: no request at all.
  // This is what makes a nightly run over a large archive cheap.
  if (unchangedBySitemap(ctx.hooks.known(canonical), lastmod)) {
    ctx.stats.skippedLastmod += 1;
    await ctx.call(() => ctx.hooks.onNotModified(canonical, { how: 'lastmod', sitemapLastmod: lastmod ?? null }));
    return false;
  }
  ctx.stats.fetched += 1;
  return !ctx.stopped;
}

/** What crawlee's failedRequestHandler does with a request it gave up on (or that an abort or a hook failure ended). */
export async function gaveUp(ctx: SourceContext, label: string | undefined, d: HopData, failure: GiveUp | null): Promise<void> {
  if (failure) await ctx.fail(d.key, failure.reason, failure.httpStatus, failure.detail);
  if (label !== LABELS.article) return;
  ctx.frontier.finished();
  ctx.progress();
  await ctx.frontier.topUp();
}
