// A nightly run over a large site must not re-request pages the sitemap says are unchanged.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSource } from '../../pipeline/crawl/index.ts';
import { fastOptions, makeSource, PUBLIC_SITE, recorder, tempArchive } from './helpers.ts';

describe('sitemap <lastmod>', () => {
  let server: Server;
  let origin = '';
  const hits = new Map<string, number>();
  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      hits.set(path, (hits.get(path) ?? 0) + 1);
      if (path === '/robots.txt') return res.end('User-agent: *\nAllow: /\n');
      if (path === '/sitemap.xml') {
        res.setHeader('content-type', 'application/xml');
        return res.end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>${PUBLIC_SITE}/news/old</loc><lastmod>2013-05-01</lastmod></url>
<url><loc>${PUBLIC_SITE}/news/edited</loc><lastmod>2013-06-02T10:00:00+01:00</lastmod></url>
<url><loc>${PUBLIC_SITE}/news/undated</loc></url></urlset>`);
      }
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<html><body><p>Story at ${path}</p></body></html>`);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('skips pages last checked after their lastmod, and fetches edited and undated ones', async () => {
    const tmp = await tempArchive();
    try {
      const r = recorder();
      const checked = { etag: null, lastModified: null, contentHash: 'x', checkedAt: '2013-06-01T00:00:00.000Z' };
      for (const p of ['old', 'edited', 'undated']) r.knownPages.set(`${PUBLIC_SITE}/news/${p}`, checked);
      const source = makeSource({ discover: [{ sitemap: `${PUBLIC_SITE}/sitemap.xml` }] });
      const stats = await crawlSource(source, fastOptions(origin, tmp.archive), r);
      expect(hits.get('/news/old')).toBeUndefined();
      expect(hits.get('/news/edited')).toBe(1);
      expect(hits.get('/news/undated')).toBe(1);
      expect(r.notModified).toEqual([`${PUBLIC_SITE}/news/old`]);
      // Never requested, so not a 304: counted apart.
      expect(stats.skippedLastmod).toBe(1);
      expect(stats.notModified).toBe(0);
      expect(stats.fetched).toBe(2);
    } finally {
      await tmp.cleanup();
    }
  });
});
