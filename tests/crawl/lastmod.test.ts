// A nightly run over a large site must not re-request pages the sitemap says are unchanged, and
// must re-request every page the sitemap says has changed, whatever our clock said at the last fetch.
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
<url><loc>${PUBLIC_SITE}/news/undated</loc></url>
<url><loc>${PUBLIC_SITE}/news/unrecorded</loc><lastmod>2013-05-10</lastmod></url></urlset>`);
      }
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<html><body><p>Story at ${path}</p></body></html>`);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('skips a page only when its lastmod is no later than the lastmod it had at its last fetch', async () => {
    const tmp = await tempArchive();
    try {
      const r = recorder();
      // Every page was last fetched on 1 July 2013, after every lastmod below: the fetch time must not matter.
      const fetched = { etag: null, lastModified: null, contentHash: 'x', checkedAt: '2013-07-01T00:00:00.000Z' };
      r.knownPages.set(`${PUBLIC_SITE}/news/old`, { ...fetched, sitemapLastmod: '2013-05-01' });
      // Edited since: its new lastmod (2 June) is later than the one recorded, though earlier than the fetch.
      r.knownPages.set(`${PUBLIC_SITE}/news/edited`, { ...fetched, sitemapLastmod: '2013-05-01' });
      r.knownPages.set(`${PUBLIC_SITE}/news/undated`, { ...fetched, sitemapLastmod: '2013-05-01' });
      // Fetched before any lastmod was recorded for it: nothing to compare, so it is requested.
      r.knownPages.set(`${PUBLIC_SITE}/news/unrecorded`, fetched);
      const source = makeSource({ discover: [{ sitemap: `${PUBLIC_SITE}/sitemap.xml` }] });
      const stats = await crawlSource(source, fastOptions(origin, tmp.archive), r);
      expect(hits.get('/news/old')).toBeUndefined();
      expect(hits.get('/news/edited')).toBe(1);
      expect(hits.get('/news/undated')).toBe(1);
      expect(hits.get('/news/unrecorded')).toBe(1);
      expect(r.notModified).toEqual([`${PUBLIC_SITE}/news/old`]);
      // Never requested, so not a 304: counted apart.
      expect(stats).toMatchObject({ skippedLastmod: 1, notModified: 0, fetched: 3 });
      // What the next run compares against: the lastmod each page had when it was fetched.
      expect(r.articleFor(`${PUBLIC_SITE}/news/edited`)?.sitemapLastmod).toBe('2013-06-02T10:00:00+01:00');
      expect(r.articleFor(`${PUBLIC_SITE}/news/unrecorded`)?.sitemapLastmod).toBe('2013-05-10');
      expect(r.articleFor(`${PUBLIC_SITE}/news/undated`)?.sitemapLastmod).toBeNull();
    } finally {
      await tmp.cleanup();
    }
  });
});
