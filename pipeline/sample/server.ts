// Serves the bundled sample sites on 127.0.0.1, one node:http server per site on a
// random port, with the HTTP behaviour a polite crawler relies on: strong ETags,
// Last-Modified, 304s, gzip, redirects and real 404s. Knows nothing of the crawler.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { buildSampleSite, isSampleSiteId, SAMPLE_SITE_IDS } from './catalog.ts';
import type { BuiltSite, SitePage } from './site.ts';

export interface SampleSitesOptions {
  /** Source ids to serve. @default every sample site */
  sites?: string[];
}

export interface RunningSampleSites {
  /** Source id → `http://127.0.0.1:PORT` (pass as the run config's `origins`). */
  origins: Record<string, string>;
  close(): Promise<void>;
}

/** Campaign and click ids that real sites ignore when choosing what to serve. */
const TRACKING_PARAM = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)$/i;

interface PreparedPage {
  page: SitePage;
  etag: string;
  gzipEtag: string;
  gzipped: Buffer;
}

function prepare(site: BuiltSite): Map<string, PreparedPage> {
  const out = new Map<string, PreparedPage>();
  for (const [path, page] of site.pages) {
    const hash = createHash('sha256').update(page.body).digest('base64url').slice(0, 27);
    // Strong ETags name one representation, so the gzip variant gets its own.
    out.set(path, { page, etag: `"${hash}"`, gzipEtag: `"${hash}-gz"`, gzipped: gzipSync(page.body, { level: 6 }) });
  }
  return out;
}

/** Path plus query with tracking parameters removed, in their original order. */
function lookupKey(url: URL): string {
  const kept = [...url.searchParams].filter(([k]) => !TRACKING_PARAM.test(k));
  if (!kept.length) return url.pathname;
  return `${url.pathname}?${kept.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
}

function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding'];
  if (!header) return false;
  return String(header)
    .split(',')
    .some((part) => {
      const [coding, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)).find(Boolean);
      return (coding.trim() === 'gzip' || coding.trim() === '*') && (!q || Number(q[1]) > 0);
    });
}

function notModified(req: IncomingMessage, etag: string, lastModified: Date): boolean {
  const inm = req.headers['if-none-match'];
  // If-None-Match wins over If-Modified-Since when both are sent (RFC 9110 13.2.2).
  if (inm !== undefined) {
    return inm.trim() === '*' || inm.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
  }
  const ims = req.headers['if-modified-since'];
  if (ims) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
  }
  return false;
}

function handler(site: BuiltSite, pages: Map<string, PreparedPage>) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://sample.invalid');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('method not allowed\n');
      return;
    }
    const key = lookupKey(url);
    const redirect = site.redirects.get(key);
    if (redirect) {
      res.writeHead(redirect.status, { Location: redirect.to, 'Content-Type': 'text/html; charset=utf-8' }).end(`<a href="${redirect.to}">moved</a>\n`);
      return;
    }
    // Like most CMSs, unknown query parameters on a page are ignored.
    const prepared = pages.get(key) ?? pages.get(url.pathname);
    if (!prepared) {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!DOCTYPE html><title>Page not found</title><h1>Page not found</h1>\n');
      return;
    }
    const gzip = acceptsGzip(req);
    const etag = gzip ? prepared.gzipEtag : prepared.etag;
    const headers: Record<string, string> = {
      ETag: etag,
      'Last-Modified': prepared.page.lastModified.toUTCString(),
      'Cache-Control': 'public, max-age=300',
      Vary: 'Accept-Encoding',
    };
    if (notModified(req, etag, prepared.page.lastModified)) {
      res.writeHead(304, headers).end();
      return;
    }
    const body = gzip ? prepared.gzipped : prepared.page.body;
    headers['Content-Type'] = prepared.page.contentType;
    headers['Content-Length'] = String(body.length);
    if (gzip) headers['Content-Encoding'] = 'gzip';
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** Starts one server per sample site on 127.0.0.1:0. Close it when done. */
export async function startSampleSites(options: SampleSitesOptions = {}): Promise<RunningSampleSites> {
  const ids = options.sites ?? [...SAMPLE_SITE_IDS];
  for (const id of ids) {
    if (!isSampleSiteId(id)) throw new Error(`unknown sample site "${id}"; known: ${SAMPLE_SITE_IDS.join(', ')}`);
  }
  const servers: Server[] = [];
  const origins: Record<string, string> = {};
  try {
    for (const id of ids) {
      if (!isSampleSiteId(id)) continue;
      const site = buildSampleSite(id);
      const server = createServer(handler(site, prepare(site)));
      // Crawlers open keep-alive connections; don't let them hold close() open.
      server.keepAliveTimeout = 1000;
      servers.push(server);
      origins[id] = `http://127.0.0.1:${await listen(server)}`;
    }
  } catch (err) {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    throw err;
  }
  return {
    origins,
    close: () =>
      Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve, reject) => {
              s.close((err) => (err ? reject(err) : resolve()));
              s.closeAllConnections();
            }),
        ),
      ).then(() => undefined),
  };
}
