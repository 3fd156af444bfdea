// What an article response becomes: an unchanged page, a failure with its reason, or a
// decoded Capture handed to onArticle. The same rules for both crawler kinds.
import { createHash } from 'node:crypto';
import type { ArchiveRef } from '../archive/warc.ts';
import type { Capture } from '../types.ts';
import { canonicalUrl } from './canonical.ts';
import { decodeHtml } from './charset.ts';
import type { SourceContext } from './context.ts';
import type { RawResponse } from './http.ts';
import type { KnownPage } from './types.ts';

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

/** Skips the body of a 2xx that is not HTML (a PDF, an image): the response is still archived, headers only. */
export function htmlOnly(status: number, headers: Record<string, string>): string | null {
  if (status < 200 || status >= 300) return null;
  const type = headers['content-type'];
  return type && !HTML_TYPES.test(type.trim()) ? 'not_html' : null;
}

/** If-None-Match / If-Modified-Since from the last good capture. */
export function conditionalHeaders(known: KnownPage | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (known?.etag) headers['if-none-match'] = known.etag;
  if (known?.lastModified) headers['if-modified-since'] = known.lastModified;
  return headers;
}

/**
 * The site says the page has not changed since we last read it: its sitemap `<lastmod>` is no
 * later than the one it had then. Both dates are the site's own, so no clock is involved.
 */
export function unchangedBySitemap(known: KnownPage | undefined, lastmod: string | undefined): boolean {
  if (!known?.sitemapLastmod || !lastmod) return false;
  const now = Date.parse(lastmod);
  const then = Date.parse(known.sitemapLastmod);
  return Number.isFinite(now) && Number.isFinite(then) && now <= then;
}

/** Body sniff for pages served without a Content-Type: binary formats are not HTML. */
function looksBinary(body: Buffer): boolean {
  const head = body.subarray(0, 512);
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return true;
  return head.includes(0);
}

export interface ArticleResponse {
  /** Canonical URL the page was discovered under: the key hooks know it by. */
  key: string;
  /** Public URL of the final hop. */
  finalUrl: string;
  response: RawResponse;
  ref: ArchiveRef;
  known: KnownPage | undefined;
  sitemapLastmod: string | null;
  /** Rendered DOM (browser sources): what is extracted, instead of the raw body. */
  renderedHtml?: string;
  /** A web archive's capture: when the archive captured it, and the memento URL it was read from. */
  memento?: { capturedAt: string; url: string };
}

export async function handleArticleResponse(ctx: SourceContext, page: ArticleResponse): Promise<void> {
  const { key, response, known } = page;
  const seen = { how: 'not_modified' as const, sitemapLastmod: page.sitemapLastmod };
  if (response.status === 304) {
    ctx.stats.notModified += 1;
    return ctx.call(() => ctx.hooks.onNotModified(key, seen));
  }
  if (response.status < 200 || response.status >= 300) return ctx.fail(key, `http_${response.status}`, response.status, `HTTP ${response.status}`);
  if (response.omitted) {
    const type = response.headers['content-type'] ?? 'none';
    const detail = response.omitted === 'too_large' ? `body over ${ctx.limits.maxBytes} bytes` : `Content-Type ${type}`;
    return ctx.fail(key, response.omitted, response.status, detail);
  }
  if (!response.headers['content-type'] && looksBinary(response.body)) {
    return ctx.fail(key, 'not_html', response.status, 'no Content-Type and the body is binary');
  }
  const contentHash = createHash('sha256').update(page.renderedHtml ?? response.body).digest('hex');
  if (known?.contentHash && known.contentHash === contentHash) {
    ctx.stats.notModified += 1;
    return ctx.call(() => ctx.hooks.onNotModified(key, seen));
  }
  const contentType = response.headers['content-type'] ?? null;
  let html: string;
  try {
    html = page.renderedHtml ?? decodeHtml(response.body, contentType);
  } catch (err) {
    return ctx.fail(key, 'decode', response.status, `cannot decode body: ${(err as Error).message}`);
  }
  const capture: Capture = {
    url: canonicalUrl(page.finalUrl),
    sourceId: ctx.source.id,
    fetchedAt: page.memento?.capturedAt ?? response.fetchedAt,
    status: response.status,
    contentType,
    etag: response.headers.etag ?? null,
    lastModified: response.headers['last-modified'] ?? null,
    html,
    contentHash,
    sitemapLastmod: page.sitemapLastmod,
    ...(page.memento ? { origin: page.memento.url } : {}),
  };
  ctx.stats.articles += 1;
  await ctx.call(() => ctx.hooks.onArticle(capture, page.ref));
}
