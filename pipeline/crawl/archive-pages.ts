// The router's web-archive handlers: `archive-index` reads a page of the archive's index (CDX
// server or TimeMap) and queues one `memento` request per capture of an article; `memento` fetches
// the raw capture (`id_`) from the archive and hands it on as a page captured when the archive
// captured it, its identity the original URL. The archive host gets the same gate, robots.txt
// and Retry-After handling as any host, and a capture already loaded is never fetched again.
import type { RequestOptions } from '@crawlee/core';
import type { ArchiveRef } from '../archive/warc.ts';
import type { Discovery } from '../sources/schema.ts';
import { ArchiveIndexError, captureTime, cdxQueryUrl, parseCdxJson, parseTimeMap, rawCaptureUrl, timeMapUrl, type ArchivedCapture } from './archive-index.ts';
import { handleArticleResponse, htmlOnly } from './article-page.ts';
import { canonicalUrl } from './canonical.ts';
import type { SourceContext } from './context.ts';
import type { HopOutcome, HopRequest } from './fetch-step.ts';
import type { RawResponse } from './http.ts';

export type ArchiveDiscovery = Extract<Discovery, { archive: unknown }>['archive'];

export const ARCHIVE_LABELS = { index: 'archive-index', memento: 'memento' } as const;

export interface ArchiveHopData {
  [key: string]: unknown;
  publicUrl: string;
  key: string;
  hops: number;
  seen: string[];
  /** Which `discover` entry. */
  entry?: number;
  /** Memento: the capture it fetches. */
  original?: string;
  timestamp?: string;
}

interface ArchiveDeps {
  ctx: SourceContext;
  /** A request for a label (routes.ts requestFor). */
  request(label: string, data: ArchiveHopData): RequestOptions;
  enqueue(requests: RequestOptions[], forefront?: boolean): Promise<void>;
}

function declaration(ctx: SourceContext, entry: number | undefined): ArchiveDiscovery | null {
  const d = ctx.source.discover[entry ?? -1];
  return d && 'archive' in d ? d.archive : null;
}

function replayPrefix(a: ArchiveDiscovery): string {
  return a.replay ?? `${new URL((a.cdx ?? a.timemap)!).origin}/web/`;
}

/** The first index page of an archive entry. */
export function archiveStart(deps: Pick<ArchiveDeps, 'request'>, a: ArchiveDiscovery, entry: number): RequestOptions {
  const url = a.cdx ? cdxQueryUrl({ cdx: a.cdx, urlPrefix: a.urlPrefix, from: a.from, to: a.to }) : timeMapUrl(a.timemap!, a.urlPrefix);
  return deps.request(ARCHIVE_LABELS.index, { publicUrl: url, key: url, hops: 0, seen: [], entry });
}

/** `from`/`to` as the CDX server reads them, applied here too (a TimeMap cannot be asked for a period). */
function inPeriod(ts: string, a: ArchiveDiscovery): boolean {
  return (!a.from || ts >= a.from.padEnd(14, '0')) && (!a.to || ts <= a.to.padEnd(14, '9'));
}

/** One page of the index: its captures of articles queued, and the next page when there is one. */
export async function readArchiveIndex(deps: ArchiveDeps, data: ArchiveHopData, response: RawResponse): Promise<void> {
  const { ctx } = deps;
  const a = declaration(ctx, data.entry);
  if (!a) return;
  let page: { captures: ArchivedCapture[]; more: string | null };
  try {
    const text = response.body.toString('utf8');
    if (a.cdx) {
      const p = parseCdxJson(text);
      const more = p.resumeKey ? cdxQueryUrl({ cdx: a.cdx, urlPrefix: a.urlPrefix, from: a.from, to: a.to, resumeKey: p.resumeKey }) : null;
      page = { captures: p.captures, more };
    } else {
      const p = parseTimeMap(text);
      page = { captures: p.captures, more: p.next };
    }
  } catch (err) {
    if (!(err instanceof ArchiveIndexError)) throw err;
    return ctx.fail(data.key, 'bad_archive_index', response.status, `${data.key}: ${err.message}`);
  }
  const requests: RequestOptions[] = [];
  for (const capture of page.captures) {
    if (!inPeriod(capture.timestamp, a) || !ctx.urls.isAllowedUrl(capture.original) || !ctx.urls.isArticleUrl(capture.original)) continue;
    const memento = rawCaptureUrl(replayPrefix(a), capture);
    ctx.stats.discovered += 1;
    if (ctx.hooks.archived?.(canonicalUrl(capture.original), captureTime(capture.timestamp))) {
      ctx.stats.notModified += 1;
      continue;
    }
    ctx.stats.fetched += 1;
    requests.push(mementoRequest(deps, capture.original, capture.timestamp, memento, data.entry, 0));
  }
  if (page.more) requests.push(deps.request(ARCHIVE_LABELS.index, { publicUrl: page.more, key: page.more, hops: 0, seen: [], entry: data.entry }));
  if (requests.length) await deps.enqueue(requests);
}

function mementoRequest(
  deps: Pick<ArchiveDeps, 'request'>,
  original: string,
  timestamp: string,
  memento: string,
  entry: number | undefined,
  hops: number,
): RequestOptions {
  return deps.request(ARCHIVE_LABELS.memento, { publicUrl: memento, key: canonicalUrl(original), hops, seen: [], entry, original, timestamp });
}

/**
 * One raw capture. A redirect capture is followed inside the archive when it points at another
 * article of the source; a capture of an error page is reported with its archived status.
 */
export async function readMemento(
  deps: ArchiveDeps,
  data: ArchiveHopData,
  obtain: (hop: HopRequest) => Promise<HopOutcome>,
): Promise<void> {
  const { ctx } = deps;
  const outcome = await obtain({ publicUrl: data.publicUrl, skipBody: htmlOnly });
  if (outcome.kind === 'aborted') return;
  if (outcome.kind === 'failed') return ctx.fail(data.key, outcome.failure.reason, outcome.failure.httpStatus, outcome.failure.message);
  const { response, ref } = outcome as { response: RawResponse; ref: ArchiveRef };
  const when = `${data.original} as captured at ${data.timestamp}`;
  const location = response.headers.location;
  if (response.status >= 300 && response.status < 400 && location) {
    const target = /\/(\d{14})(?:[a-z]{2}_)?\/(https?:\/\/.+)$/.exec(new URL(location, outcome.fetchUrl).href);
    const original = target?.[2];
    if (target && original && ctx.urls.isAllowedUrl(original) && ctx.urls.isArticleUrl(original) && data.hops + 1 < ctx.limits.maxRedirects) {
      const a = declaration(ctx, data.entry);
      const replay = a ? replayPrefix(a) : `${new URL(data.publicUrl).origin}/web/`;
      const memento = rawCaptureUrl(replay, { original, timestamp: target[1]!, status: null, digest: null });
      await deps.enqueue([mementoRequest(deps, original, target[1]!, memento, data.entry, data.hops + 1)], true);
      return;
    }
    return ctx.fail(data.key, 'archived_redirect', response.status, `${when} redirected to ${original ?? location}, outside the source's articles`);
  }
  if (response.status < 200 || response.status >= 300) {
    return ctx.fail(data.key, `archived_http_${response.status}`, response.status, `${when} is the archive's copy of an HTTP ${response.status}`);
  }
  await handleArticleResponse(ctx, {
    key: data.key,
    finalUrl: data.original!,
    response,
    ref,
    known: undefined,
    sitemapLastmod: null,
    memento: { capturedAt: captureTime(data.timestamp!), url: data.publicUrl },
  });
}
