// A small web archive on 127.0.0.1 for tests and the demo, answering the way the Wayback Machine
// and pywb do: a CDX server (output=json, matchType=prefix, filter, collapse, from/to, limit with
// resume keys), Memento TimeMaps in link format (RFC 7089, per URL or for a `prefix*`), raw
// captures at /web/<14 digits>id_/<url> and banner-wrapped ones without `id_`, a redirect to the
// nearest capture for an inexact time, and, when asked, its own rate limit with 429 + Retry-After.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSampleArchive, type Memento } from './archive.ts';

export interface SampleArchiveOptions {
  /** @default the captures of buildSampleArchive() */
  mementos?: Memento[];
  /** Answer 429 with Retry-After once more than `requests` arrive within `windowMs`. */
  rateLimit?: { requests: number; windowMs: number; retryAfterSeconds: number };
}

export interface RunningSampleArchive {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** CDX endpoint, e.g. for `discover.archive.cdx`. */
  cdx: string;
  /** TimeMap base: `<timemap><url>` or `<timemap><prefix>*`. */
  timemap: string;
  /** Path and query of every request, in arrival order. */
  requests: string[];
  close(): Promise<void>;
}

const FIELDS = ['urlkey', 'timestamp', 'original', 'mimetype', 'statuscode', 'digest', 'length'] as const;
type Field = (typeof FIELDS)[number];

/** SURT form of a URL as CDX indexes sort it: host labels reversed, `www.` dropped. */
export function surt(url: string): string {
  const u = new URL(url);
  const host = u.hostname.toLowerCase().replace(/^www\./, '').split('.').reverse().join(',');
  const port = u.port ? `:${u.port}` : '';
  return `${host}${port})${(u.pathname + u.search).toLowerCase()}`;
}

function httpDate(ts: string): string {
  const iso = `${ts.slice(0, 4)}-${ts.slice(4, 6)}-${ts.slice(6, 8)}T${ts.slice(8, 10)}:${ts.slice(10, 12)}:${ts.slice(12, 14)}Z`;
  return new Date(iso).toUTCString();
}

function row(m: Memento): Record<Field, string> {
  return {
    urlkey: surt(m.original),
    timestamp: m.timestamp,
    original: m.original,
    mimetype: m.contentType.split(';')[0]!.trim(),
    statuscode: String(m.status),
    digest: m.digest,
    length: String(m.body.length),
  };
}

/** `from`/`to` take 1 to 14 digits; a short `to` covers the whole period it names. */
function inPeriod(ts: string, from: string | null, to: string | null): boolean {
  if (from && ts < from.padEnd(14, '0')) return false;
  if (to && ts > to.padEnd(14, '9')) return false;
  return true;
}

function matches(m: Memento, url: string, prefix: boolean): boolean {
  const key = surt(m.original);
  const want = surt(url);
  return prefix ? key.startsWith(want) : key === want;
}

/** The CDX query: rows sorted by urlkey then time, filtered before collapsing (as Wayback does). */
function cdxRows(mementos: Memento[], q: URLSearchParams): Record<Field, string>[] {
  let url = q.get('url') ?? '';
  let prefix = q.get('matchType') === 'prefix';
  if (url.endsWith('*')) {
    url = url.slice(0, -1);
    prefix = true;
  }
  if (!/^https?:\/\//.test(url)) url = `http://${url}`;
  let rows = mementos.filter((m) => matches(m, url, prefix) && inPeriod(m.timestamp, q.get('from'), q.get('to'))).map(row);
  rows.sort((a, b) => a.urlkey.localeCompare(b.urlkey) || a.timestamp.localeCompare(b.timestamp));
  for (const f of q.getAll('filter')) {
    const negate = f.startsWith('!');
    const [field, ...rest] = (negate ? f.slice(1) : f).split(':');
    const re = new RegExp(`^(?:${rest.join(':')})$`);
    rows = rows.filter((r) => re.test(r[field as Field] ?? '') !== negate);
  }
  for (const c of q.getAll('collapse')) {
    const [field, n] = c.split(':');
    const width = n ? Number(n) : Infinity;
    const key = (r: Record<Field, string>) => (r[field as Field] ?? '').slice(0, width);
    // Only adjacent rows collapse, as the Wayback CDX server documents.
    rows = rows.filter((r, i) => i === 0 || key(rows[i - 1]!) !== key(r) || rows[i - 1]!.urlkey !== r.urlkey);
  }
  return rows;
}

function cdx(mementos: Memento[], q: URLSearchParams, res: ServerResponse): void {
  let rows = cdxRows(mementos, q);
  const resume = q.get('resumeKey');
  if (resume) {
    const after = Buffer.from(resume, 'base64url').toString('utf8');
    rows = rows.filter((r) => `${r.urlkey}\t${r.timestamp}` > after);
  }
  const limit = Number(q.get('limit') ?? 0);
  let resumeKey: string | null = null;
  if (limit > 0 && rows.length > limit) {
    rows = rows.slice(0, limit);
    const last = rows.at(-1)!;
    resumeKey = Buffer.from(`${last.urlkey}\t${last.timestamp}`, 'utf8').toString('base64url');
  }
  const fields = (q.get('fl')?.split(',') as Field[] | undefined) ?? [...FIELDS];
  if (q.get('output') === 'json') {
    const out: string[][] = rows.length ? [fields, ...rows.map((r) => fields.map((f) => r[f]))] : [];
    if (resumeKey && q.get('showResumeKey') === 'true') out.push([], [resumeKey]);
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(out));
    return;
  }
  const lines = rows.map((r) => fields.map((f) => r[f]).join(' '));
  if (resumeKey && q.get('showResumeKey') === 'true') lines.push('', resumeKey);
  res.writeHead(200, { 'Content-Type': 'text/plain' }).end(lines.length ? `${lines.join('\n')}\n` : '');
}

function timemap(origin: string, mementos: Memento[], target: string, res: ServerResponse): void {
  const prefix = target.endsWith('*');
  const url = prefix ? target.slice(0, -1) : target;
  const list = mementos
    .filter((m) => matches(m, url, prefix))
    .sort((a, b) => surt(a.original).localeCompare(surt(b.original)) || a.timestamp.localeCompare(b.timestamp));
  if (!list.length) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('no captures\n');
    return;
  }
  const first = list[0]!.timestamp;
  const last = list.reduce((t, m) => (m.timestamp > t ? m.timestamp : t), first);
  const lines: string[] = [];
  if (!prefix) lines.push(`<${url}>; rel="original"`);
  lines.push(`<${origin}/timemap/link/${target}>; rel="self"; type="application/link-format"; from="${httpDate(first)}"; until="${httpDate(last)}"`);
  if (!prefix) lines.push(`<${origin}/web/${url}>; rel="timegate"`);
  list.forEach((m, i) => {
    const rel = list.length === 1 ? 'first last memento' : i === 0 ? 'first memento' : i === list.length - 1 ? 'last memento' : 'memento';
    lines.push(`<${origin}/web/${m.timestamp}/${m.original}>; rel="${rel}"; datetime="${httpDate(m.timestamp)}"`);
  });
  res.writeHead(200, { 'Content-Type': 'application/link-format' }).end(`${lines.join(',\n')}\n`);
}

/** A capture, raw (`id_`) or as a reader sees it in the archive, with a banner on top. */
function replay(origin: string, mementos: Memento[], path: string, res: ServerResponse): void {
  const m = /^\/web\/(\d{1,14})(id_)?\/(.+)$/.exec(path);
  if (!m) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not an archive URL\n');
    return;
  }
  const [, ts, raw, original] = m as unknown as [string, string, string | undefined, string];
  const mode = raw ? 'id_' : '';
  const captures = mementos.filter((x) => surt(x.original) === surt(original));
  const exact = captures.find((x) => x.timestamp === ts);
  if (!exact) {
    if (!captures.length) {
      res.writeHead(404, { 'Content-Type': 'text/html' }).end('<h1>Not in the archive</h1>\n');
      return;
    }
    const want = Number(ts.padEnd(14, '0'));
    const nearest = captures.reduce((best, x) => (Math.abs(Number(x.timestamp) - want) < Math.abs(Number(best.timestamp) - want) ? x : best));
    res.writeHead(302, { Location: `${origin}/web/${nearest.timestamp}${mode}/${nearest.original}` }).end();
    return;
  }
  const headers: Record<string, string> = {
    'Content-Type': exact.contentType,
    'Memento-Datetime': httpDate(exact.timestamp),
    Link: `<${exact.original}>; rel="original", <${origin}/timemap/link/${exact.original}>; rel="timemap"; type="application/link-format"`,
  };
  if (exact.location) headers.Location = `${origin}/web/${exact.timestamp}${mode}/${new URL(exact.location, exact.original).href}`;
  let body = exact.body;
  if (!raw && exact.contentType.startsWith('text/html')) {
    const banner = `<div id="wm-banner">Archived page: captured ${httpDate(exact.timestamp)} by the rollwatch fixture archive</div>`;
    body = Buffer.from(exact.body.toString('utf8').replace(/<body([^>]*)>/i, `<body$1>${banner}`), 'utf8');
  }
  headers['Content-Length'] = String(body.length);
  res.writeHead(exact.status, headers).end(body);
}

function listen(server: ReturnType<typeof createServer>): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** Starts the fixture archive on 127.0.0.1:0. Close it when done. */
export async function startSampleArchive(options: SampleArchiveOptions = {}): Promise<RunningSampleArchive> {
  const mementos = options.mementos ?? buildSampleArchive();
  const requests: string[] = [];
  const recent: number[] = [];
  let origin = '';
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://archive.invalid');
    requests.push(url.pathname + url.search);
    const limit = options.rateLimit;
    if (limit) {
      const now = Date.now();
      while (recent.length && now - recent[0]! > limit.windowMs) recent.shift();
      if (recent.length >= limit.requests) {
        res.writeHead(429, { 'Retry-After': String(limit.retryAfterSeconds), 'Content-Type': 'text/plain' }).end('slow down\n');
        return;
      }
      recent.push(now);
    }
    if (url.pathname === '/cdx') return cdx(mementos, url.searchParams, res);
    // The archived URL follows the prefix verbatim, its own query string included.
    const rest = (req.url ?? '').replace(/^\/(timemap\/link|web)\//, '');
    if (url.pathname.startsWith('/timemap/link/')) return timemap(origin, mementos, rest, res);
    if (url.pathname.startsWith('/web/')) return replay(origin, mementos, `/web/${rest}`, res);
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
  });
  server.keepAliveTimeout = 1000;
  origin = `http://127.0.0.1:${await listen(server)}`;
  return {
    origin,
    cdx: `${origin}/cdx`,
    timemap: `${origin}/timemap/link/`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
