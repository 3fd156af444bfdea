// Sources declared `render: "browser"`: crawlee's PlaywrightCrawler on the system's Chromium
// (playwright-core, no browser download). Article pages are loaded and rendered in the browser;
// discovery documents are requests with skipNavigation, read over HTTP by the same router.
// The politeness rules are the HTTP crawler's, on crawlee's navigation hooks: robots.txt was
// asked before the request was queued, the host's gate is held from preNavigationHooks to
// postNavigationHooks, and retries, backoff and Retry-After go through the same error hooks.
// Both the raw response and the rendered DOM are archived; the DOM is what is extracted.
import { existsSync } from 'node:fs';
import type { Request } from '@crawlee/core';
import { PlaywrightCrawler, type PlaywrightCrawlerOptions, type PlaywrightCrawlingContext } from '@crawlee/playwright';
import { chromium, type Route } from 'playwright-core';
import type { ArchiveRef } from '../archive/warc.ts';
import { htmlOnly } from './article-page.ts';
import { acceptConsent, settle } from './browser-page.ts';
import type { SourceContext } from './context.ts';
import { crawleeSettings } from './crawlee-settings.ts';
import { FetchFailure, type RawResponse } from './http.ts';
import { isRetryableStatus, RetryableFetch, type HopOutcome, type HopRequest, type HttpFetcher } from './fetch-step.ts';
import type { Crawl } from './http-crawler.ts';
import type { HostGate } from './politeness.ts';
import { parseRetryAfter } from './politeness.ts';
import type { Proxies } from './proxy.ts';
import { retryHooks } from './retry.ts';
import { createRouter, gaveUp, type HopData } from './routes.ts';

/** Flags for Debian's Chromium on a closed network, as root (the machines this runs on). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const BLOCKED_RESOURCES = new Set(['image', 'media', 'font']);
/** Longest wait for a page's scripts to finish writing it, after load. */
const SETTLE_MS = 5000;

export function chromiumPath(configured?: string): string {
  return configured ?? process.env.ROLLWATCH_CHROMIUM ?? '/usr/bin/chromium';
}

/** A browser's own navigation errors, as the reasons the HTTP crawler gives (all retried). */
function classify(error: Error, request: Request): RetryableFetch | null {
  const message = error.message ?? '';
  const reason = /timed? ?out|timeout/i.test(message)
    ? 'timeout'
    : /ERR_CONNECTION_REFUSED/.test(message)
      ? 'refused'
      : /ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE|ERR_CONNECTION_CLOSED/.test(message)
        ? 'reset'
        : /net::ERR_/.test(message)
          ? 'network'
          : null;
  return reason ? new RetryableFetch(reason, null, message.split('\n')[0]!, null, request.url) : null;
}

export async function browserCrawl(ctx: SourceContext, fetcher: HttpFetcher, proxies: Proxies | null, concurrency: number): Promise<Crawl> {
  const executablePath = installedChromium(ctx);
  const settings = crawleeSettings();
  const gates = heldGates();
  let crawler: PlaywrightCrawler | null = null;
  const enqueue = async (requests: Parameters<Crawl['enqueue']>[0], forefront = false): Promise<void> => {
    await crawler!.addRequests(requests, { forefront });
  };
  const router = createRouter<PlaywrightCrawlingContext>({
    ctx,
    obtain: (c, hop) => loadedHop(ctx, fetcher, c, hop),
    enqueue,
    rendered: (c, publicUrl, raw) => renderedArticle(ctx, c, publicUrl, raw),
  });
  const hooks = retryHooks(ctx, (request, failure) => gaveUp(ctx, request.label, request.userData as HopData, failure), classify);
  crawler = new PlaywrightCrawler(
    {
      ...browserOptions(ctx, executablePath, proxies, concurrency),
      ...gatedNavigation(ctx, gates),
      requestHandler: router,
      // A request that fails gives its host's gate back before crawlee retries or gives it up.
      errorHandler: async (c, error) => {
        gates.release(c.request);
        await hooks.errorHandler(c, error);
      },
      failedRequestHandler: async (c, error) => {
        gates.release(c.request);
        await hooks.failedRequestHandler(c, error);
      },
      ...settings.crawlerOptions,
    },
    settings.configuration,
  );
  ctx.stopCrawler = () => crawler?.stop();
  return {
    enqueue,
    run: async () => {
      await crawler!.run();
    },
  };
}

/** The Chromium to launch: a source that needs a browser cannot run without one, so its absence is an error. */
function installedChromium(ctx: SourceContext): string {
  const executablePath = chromiumPath(ctx.options.chromiumPath);
  if (!existsSync(executablePath)) {
    throw new Error(
      `source "${ctx.source.id}" has render: "browser", but there is no Chromium at ${executablePath}; ` +
        'install it (Debian: apt-get install chromium) or set ROLLWATCH_CHROMIUM to its path',
    );
  }
  return executablePath;
}

/** The host gates held by requests being navigated, by request: taken before navigation, given back after it or on error. */
function heldGates() {
  const held = new Map<string, HostGate>();
  return {
    hold(request: Request, gate: HostGate): void {
      held.set(request.uniqueKey, gate);
    },
    release(request: Request): void {
      const key = request.uniqueKey;
      held.get(key)?.release();
      held.delete(key);
    },
  };
}

/** How the browser is launched and how many pages it has open. */
function browserOptions(ctx: SourceContext, executablePath: string, proxies: Proxies | null, concurrency: number): PlaywrightCrawlerOptions {
  return {
    launchContext: {
      launcher: chromium,
      userAgent: ctx.options.userAgent,
      launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS },
    },
    browserPoolOptions: { useFingerprints: false },
    ...(proxies ? { proxyConfiguration: proxies.configuration } : {}),
    navigationTimeoutSecs: ctx.limits.timeoutMs / 1000,
    maxRequestRetries: ctx.limits.maxRetries,
    // Browser pages are heavy on two cores: two at a time at most.
    minConcurrency: Math.min(concurrency, 2),
    maxConcurrency: Math.min(concurrency, 2),
    useSessionPool: false,
    persistCookiesPerSession: false,
  };
}

/** The host's gate held from before navigation to after it, as the HTTP crawler holds it around a fetch. */
function gatedNavigation(
  ctx: SourceContext,
  gates: ReturnType<typeof heldGates>,
): Pick<PlaywrightCrawlerOptions, 'preNavigationHooks' | 'postNavigationHooks'> {
  return {
    preNavigationHooks: [
      async (c, gotoOptions) => {
        const gate = ctx.gate(c.request.url);
        if (!(await gate.acquire(ctx.options.signal))) throw new Error('crawl aborted');
        gates.hold(c.request, gate);
        // Pictures, video and fonts are not text: the host is spared them.
        await c.page.route('**/*', (route: Route) => (BLOCKED_RESOURCES.has(route.request().resourceType()) ? route.abort() : route.continue()));
        if (gotoOptions) gotoOptions.waitUntil = 'load';
      },
    ],
    postNavigationHooks: [async (c) => gates.release(c.request)],
  };
}

/** The article the browser loaded, as the router's hop: its final URL checked, its raw response archived. */
async function loadedHop(ctx: SourceContext, fetcher: HttpFetcher, c: PlaywrightCrawlingContext, hop: HopRequest): Promise<HopOutcome> {
  if (c.request.skipNavigation) return fetcher.hop(hop);
  const { response, page } = c;
  if (!response) return { kind: 'failed', failure: new FetchFailure('browser', null, 'the browser got no response') };
  const fetchUrl = page.url();
  const publicUrl = ctx.urls.toPublicUrl(fetchUrl);
  if (!ctx.urls.isAllowedUrl(publicUrl)) {
    return { kind: 'failed', failure: new FetchFailure('offsite_redirect', response.status(), `redirect to ${publicUrl} leaves the source's hosts`) };
  }
  if (publicUrl !== hop.publicUrl) {
    const refusal = await fetcher.refusal(publicUrl);
    if (refusal) return { kind: 'failed', failure: new FetchFailure(refusal, null, `robots.txt refuses ${publicUrl}, where the browser was redirected`) };
  }
  const status = response.status();
  const headers = await response.allHeaders();
  let body: Buffer = await response.body().catch(() => Buffer.alloc(0));
  const omitted = body.length > ctx.limits.maxBytes ? 'too_large' : htmlOnly(status, headers);
  if (omitted) body = Buffer.alloc(0);
  const raw: RawResponse = { url: fetchUrl, status, fetchedAt: new Date().toISOString(), headers, body, omitted };
  const ref = await ctx.archiveResponse(publicUrl, raw);
  if (isRetryableStatus(status)) {
    throw new RetryableFetch(`http_${status}`, status, `HTTP ${status}`, parseRetryAfter(headers['retry-after'], Date.now()), fetchUrl);
  }
  return { kind: 'response', publicUrl, fetchUrl, response: raw, ref };
}

/** The DOM once the page's consent banner is dismissed and its scripts have settled, archived beside the raw response. */
async function renderedArticle(
  ctx: SourceContext,
  c: PlaywrightCrawlingContext,
  publicUrl: string,
  raw: RawResponse,
): Promise<{ html: string; ref: ArchiveRef }> {
  await acceptConsent(c.page).catch(() => false);
  await settle(c.page, SETTLE_MS);
  const html = await c.page.content();
  const ref = await ctx.archiveResponse(publicUrl, {
    ...raw,
    headers: { 'content-type': 'text/html; charset=utf-8', 'x-rollwatch-rendered-by': 'chromium' },
    body: Buffer.from(html, 'utf8'),
    omitted: null,
  });
  return { html, ref };
}
