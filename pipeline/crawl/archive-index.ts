// Reading a web archive's index of captures: the Wayback CDX server API (output=json, with
// resume keys) and Memento TimeMaps in link format (RFC 7089). Pure: URLs in, text in, captures
// out; the crawl fetches. A capture is fetched in its raw `id_` form, so no archive banner or
// rewritten link is in the HTML that is extracted.

/** One capture an archive lists. */
export interface ArchivedCapture {
  /** The original URL (URI-R). */
  original: string;
  /** 14 digits, UTC (YYYYMMDDhhmmss). */
  timestamp: string;
  /** The status the archive recorded, when the index says (CDX does, a TimeMap does not). */
  status: number | null;
  /** Content digest, when the index gives one (CDX). */
  digest: string | null;
}

export interface CdxQuery {
  /** The CDX endpoint, e.g. https://web.archive.org/cdx/search/cdx. */
  cdx: string;
  urlPrefix: string;
  /** 1 to 14 digits: 2012, 201203, 20120301120000. */
  from?: string;
  to?: string;
  /** Rows per request. @default 5000 */
  limit?: number;
  resumeKey?: string | null;
}

/** The query the issue names: every distinct 200 capture under a prefix, a page at a time. */
export function cdxQueryUrl(q: CdxQuery): string {
  const u = new URL(q.cdx);
  const p = u.searchParams;
  p.set('url', q.urlPrefix);
  p.set('matchType', 'prefix');
  p.set('output', 'json');
  p.append('filter', 'statuscode:200');
  p.set('collapse', 'digest');
  if (q.from) p.set('from', q.from);
  if (q.to) p.set('to', q.to);
  p.set('limit', String(q.limit ?? 5000));
  p.set('showResumeKey', 'true');
  if (q.resumeKey) p.set('resumeKey', q.resumeKey);
  return u.toString();
}

export class ArchiveIndexError extends Error {
  override name = 'ArchiveIndexError';
}

/**
 * Parses a CDX JSON answer: a header row naming the fields, one row per capture, and after an
 * empty row the resume key for the next page (when there is more). An empty answer is `[]`.
 */
export function parseCdxJson(text: string): { captures: ArchivedCapture[]; resumeKey: string | null } {
  let rows: unknown;
  try {
    rows = text.trim() ? JSON.parse(text) : [];
  } catch (err) {
    throw new ArchiveIndexError(`the CDX answer is not JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(rows) || !rows.every((r) => Array.isArray(r))) throw new ArchiveIndexError('the CDX answer is not a list of rows');
  const table = rows as string[][];
  if (!table.length) return { captures: [], resumeKey: null };
  const header = table[0]!;
  const col = (name: string) => header.indexOf(name);
  const [orig, ts, status, digest] = [col('original'), col('timestamp'), col('statuscode'), col('digest')];
  if (orig < 0 || ts < 0) throw new ArchiveIndexError('the CDX answer has no "original" and "timestamp" columns');
  const blank = table.findIndex((r, i) => i > 0 && r.length === 0);
  const body = table.slice(1, blank < 0 ? undefined : blank);
  const resumeKey = blank >= 0 ? (table[blank + 1]?.[0] ?? null) : null;
  const captures = body
    .filter((r) => /^\d{14}$/.test(r[ts] ?? ''))
    .map((r) => ({
      original: r[orig]!,
      timestamp: r[ts]!,
      status: status >= 0 && /^\d{3}$/.test(r[status] ?? '') ? Number(r[status]) : null,
      digest: digest >= 0 ? (r[digest] ?? null) : null,
    }));
  return { captures, resumeKey };
}

/** `<timemap><urlPrefix>*`: a TimeMap of every URL under the prefix, as pywb serves it. */
export function timeMapUrl(timemap: string, urlPrefix: string): string {
  return `${timemap}${urlPrefix}*`;
}

/** The 14-digit time of an RFC 1123 date, as Memento writes `datetime`. */
function timestampOf(httpDate: string): string | null {
  const ms = Date.parse(httpDate);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/**
 * Parses an application/link-format TimeMap: every link whose rel includes `memento`, with its
 * datetime. The original URL comes from the memento's own URL (`…/<14 digits>[flags_]/<original>`,
 * which prefix TimeMaps need), else from the map's rel="original". Links with rel `next` point at
 * the following page of a paged TimeMap.
 */
export function parseTimeMap(text: string): { captures: ArchivedCapture[]; next: string | null } {
  const links = [...text.matchAll(/<([^>]*)>((?:\s*;\s*[a-zA-Z_-]+\s*=\s*(?:"[^"]*"|[^,;<\s]+))*)/g)];
  let original: string | null = null;
  let next: string | null = null;
  const mementos: { uri: string; datetime: string | null }[] = [];
  for (const [, uri, params] of links) {
    const attrs = new Map<string, string>();
    for (const m of (params ?? '').matchAll(/;\s*([a-zA-Z_-]+)\s*=\s*(?:"([^"]*)"|([^,;<\s]+))/g)) attrs.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? '');
    const rels = (attrs.get('rel') ?? '').split(/\s+/);
    if (rels.includes('original')) original = uri!;
    if (rels.includes('next')) next = uri!;
    if (rels.includes('memento')) mementos.push({ uri: uri!, datetime: attrs.get('datetime') ?? null });
  }
  const captures: ArchivedCapture[] = [];
  for (const m of mementos) {
    const parts = /\/(\d{14})(?:[a-z]{2}_)?\/(.+)$/.exec(m.uri);
    const timestamp = (m.datetime && timestampOf(m.datetime)) ?? parts?.[1] ?? null;
    const url = parts?.[2] ?? original;
    if (timestamp && url && /^https?:\/\//.test(url)) captures.push({ original: url, timestamp, status: null, digest: null });
  }
  return { captures, next };
}

/**
 * The raw form of a capture: `<archive>/web/<timestamp>id_/<original>` for a Wayback-style
 * archive whose CDX or TimeMap lives on `indexUrl`'s origin (its replay prefix is `/web/` unless
 * the declaration says otherwise).
 */
export function rawCaptureUrl(replayPrefix: string, capture: ArchivedCapture): string {
  return `${replayPrefix.replace(/\/?$/, '/')}${capture.timestamp}id_/${capture.original}`;
}

/** ISO time of a 14-digit timestamp. */
export function captureTime(timestamp: string): string {
  const t = timestamp;
  return new Date(`${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(8, 10)}:${t.slice(10, 12)}:${t.slice(12, 14)}Z`).toISOString();
}
