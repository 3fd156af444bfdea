// Discovery: sitemap indexes, RSS and Atom feeds, paginated listings, URL hygiene.
import { afterEach, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { crawlSource } from '../../pipeline/crawl/index.ts';
import { articlePage, bytes, html, startFaultServer, type FaultServer, type Route } from './fault-server.ts';
import { fastOptions, makeSource, PUBLIC_SITE, recorder, tempArchive, type TempArchive } from './helpers.ts';

const xml = (body: string, type = 'application/xml'): Route => bytes(Buffer.from(body), { 'content-type': type });

let server: FaultServer | undefined;
let store: TempArchive | undefined;
afterEach(async () => {
  await server?.close();
  await store?.cleanup();
  server = store = undefined;
});

function pages(paths: string[]): Record<string, Route> {
  return Object.fromEntries(paths.map((p) => [p, html(articlePage(`Page ${p}`))]));
}

describe('discovery', () => {
  it('walks a sitemap index into its child sitemaps (one gzipped) and keeps only article URLs', async () => {
    server = await startFaultServer({
      '/sitemap.xml': xml(`<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <sitemap><loc>${PUBLIC_SITE}/sitemap-news.xml</loc></sitemap>
        <sitemap><loc>${PUBLIC_SITE}/sitemap-old.xml.gz</loc></sitemap>
        <sitemap><loc>https://elsewhere.example.com/sitemap.xml</loc></sitemap></sitemapindex>`),
      '/sitemap-news.xml': xml(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url><loc>${PUBLIC_SITE}/news/a</loc><lastmod>2013-05-21</lastmod></url>
        <url><loc>${PUBLIC_SITE}/about-us</loc></url></urlset>`),
      '/sitemap-old.xml.gz': bytes(gzipSync(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${PUBLIC_SITE}/news/b</loc></url></urlset>`), {
        'content-type': 'application/octet-stream',
      }),
      ...pages(['/news/a', '/news/b']),
    });
    store = await tempArchive();
    const hooks = recorder();
    const stats = await crawlSource(makeSource({ discover: [{ sitemap: `${PUBLIC_SITE}/sitemap.xml` }] }), fastOptions(server.origin, store.archive), hooks);
    expect(hooks.articles.map((a) => a.capture.url).sort()).toEqual([`${PUBLIC_SITE}/news/a`, `${PUBLIC_SITE}/news/b`]);
    expect(stats).toMatchObject({ discovered: 2, articles: 2, failed: 0 });
    expect(server.count('/about-us')).toBe(0);
  });

  it('reads article links from an RSS feed and an Atom feed', async () => {
    server = await startFaultServer({
      '/feed.rss': xml(`<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>
        <item><title>One</title><link>${PUBLIC_SITE}/news/rss-one</link></item>
        <item><title>Two</title><guid isPermaLink="true">${PUBLIC_SITE}/news/rss-two</guid></item>
      </channel></rss>`, 'application/rss+xml'),
      '/feed.atom': xml(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>
        <entry><title>Three</title><link rel="alternate" type="text/html" href="/news/atom-three"/><link rel="edit" href="/edit/3"/></entry>
        <entry><title>Four</title><link href="${PUBLIC_SITE}/news/atom-four"/></entry>
      </feed>`, 'application/atom+xml'),
      ...pages(['/news/rss-one', '/news/rss-two', '/news/atom-three', '/news/atom-four']),
    });
    store = await tempArchive();
    const hooks = recorder();
    const source = makeSource({ discover: [{ feed: `${PUBLIC_SITE}/feed.rss` }, { feed: `${PUBLIC_SITE}/feed.atom` }] });
    const stats = await crawlSource(source, fastOptions(server.origin, store.archive), hooks);
    expect(hooks.articles.map((a) => a.capture.url.replace(PUBLIC_SITE, '')).sort()).toEqual(['/news/atom-four', '/news/atom-three', '/news/rss-one', '/news/rss-two']);
    expect(stats.discovered).toBe(4);
    expect(server.count('/edit/3')).toBe(0);
  });

  it('follows listing pagination up to maxPages and ignores other hosts, mailto: and javascript: links', async () => {
    const listing = (n: number, next: string | null): Route =>
      html(`<html><body><ul>
        <li><a href="/news/item-${n}">Item ${n}</a></li>
        <li><a href="${PUBLIC_SITE}/news/item-${n}b?utm_source=listing#comments">Item ${n}b</a></li>
        <li><a href="https://other.example.com/news/offsite-${n}">Offsite</a></li>
        <li><a href="mailto:press@example.org">Email</a></li>
        <li><a href="javascript:void(0)">Menu</a></li>
        <li><a href="/contact">Contact</a></li>
      </ul>${next ? `<a rel="next" href="${next}">Next</a>` : ''}</body></html>`);
    server = await startFaultServer({
      '/news-list': listing(1, '/news-list?page=2'),
      '/news-list?page=2': listing(2, '/news-list?page=3'),
      '/news-list?page=3': listing(3, '/news-list?page=4'),
      '/news-list?page=4': listing(4, null),
      ...pages(['/news/item-1', '/news/item-1b', '/news/item-2', '/news/item-2b', '/news/item-3', '/news/item-3b', '/news/item-4', '/news/item-4b']),
    });
    store = await tempArchive();
    const hooks = recorder();
    const source = makeSource({
      discover: [{ listing: `${PUBLIC_SITE}/news-list`, maxPages: 3 }],
      articles: { include: ['^/news/'] },
    });
    const stats = await crawlSource(source, fastOptions(server.origin, store.archive), hooks);
    expect(server.count('/news-list?page=3')).toBe(1);
    expect(server.count('/news-list?page=4')).toBe(0);
    expect(hooks.articles.map((a) => a.capture.url.replace(PUBLIC_SITE, '')).sort()).toEqual([
      '/news/item-1',
      '/news/item-1b',
      '/news/item-2',
      '/news/item-2b',
      '/news/item-3',
      '/news/item-3b',
    ]);
    // Tracking parameters and fragments are not sent to the server either.
    expect(server.count('/news/item-1b')).toBe(1);
    expect(stats).toMatchObject({ discovered: 6, fetched: 6, failed: 0, discoveryPages: 3 });
    expect(server.hits.some((h) => h.path.includes('offsite') || h.path === '/contact')).toBe(false);
  });

  it('collapses tracking-parameter variants of one article into one canonical URL', async () => {
    server = await startFaultServer(pages(['/news/story', '/news/story?page=2']));
    store = await tempArchive();
    const hooks = recorder();
    const source = makeSource({
      discover: [
        {
          urls: [
            `${PUBLIC_SITE}/news/story?utm_source=twitter&utm_medium=social`,
            `${PUBLIC_SITE}/news/story?fbclid=abc123`,
            `https://NEWS.Example.ORG:443/news/story/#top`,
            `${PUBLIC_SITE}/news/story?gclid=x&mc_cid=y&mc_eid=z`,
            `${PUBLIC_SITE}/news/story?page=2&utm_campaign=z`,
          ],
        },
      ],
    });
    const stats = await crawlSource(source, fastOptions(server.origin, store.archive), hooks);
    expect(hooks.articles.map((a) => a.capture.url).sort()).toEqual([`${PUBLIC_SITE}/news/story`, `${PUBLIC_SITE}/news/story?page=2`]);
    expect(stats.discovered).toBe(2);
    expect(server.count('/news/story')).toBe(1);
  });

  it('reports a discovery page that fails and still crawls the other discovery entries', async () => {
    server = await startFaultServer({
      '/broken-feed': (_q, res) => void res.writeHead(404).end(),
      ...pages(['/news/listed']),
    });
    store = await tempArchive();
    const hooks = recorder();
    const source = makeSource({ discover: [{ feed: `${PUBLIC_SITE}/broken-feed` }, { urls: [`${PUBLIC_SITE}/news/listed`] }] });
    const stats = await crawlSource(source, fastOptions(server.origin, store.archive), hooks);
    expect(hooks.errorFor(`${PUBLIC_SITE}/broken-feed`)?.reason).toBe('http_404');
    expect(stats).toMatchObject({ articles: 1, failed: 1 });
  });
});
