// proxyUrls: every request of a crawl goes through the configured proxy (crawlee's
// ProxyConfiguration), for the HTTP crawler and the browser crawler alike.
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { crawlSource } from '../../pipeline/crawl/index.ts';
import { sampleSource } from '../../pipeline/sample/catalog.ts';
import { startSampleSites } from '../../pipeline/sample/server.ts';
import { articlePage, html, startFaultServer, type FaultServer } from './fault-server.ts';
import { fastOptions, makeSource, PUBLIC_SITE, recorder, tempArchive, type TempArchive } from './helpers.ts';
import { startForwardProxy, type ForwardProxy } from './proxy-server.ts';

let server: FaultServer | undefined;
let store: TempArchive | undefined;
let proxy: ForwardProxy | undefined;
afterEach(async () => {
  await server?.close();
  await store?.cleanup();
  await proxy?.close();
  server = store = proxy = undefined;
});

describe('proxies', () => {
  it('sends robots.txt, discovery and article requests of an HTTP source through the proxy', async () => {
    server = await startFaultServer({ '/list': html('<a href="/news/a">a</a><a href="/news/b">b</a>'), '/news/a': html(articlePage('A')), '/news/b': html(articlePage('B')) });
    store = await tempArchive();
    proxy = await startForwardProxy();
    const hooks = recorder();
    const source = makeSource({ discover: [{ listing: `${PUBLIC_SITE}/list` }] });
    await crawlSource(source, fastOptions(server.origin, store.archive, { proxyUrls: [proxy.url] }), hooks);
    expect(hooks.articles).toHaveLength(2);
    const host = new URL(server.origin).host;
    // undici tunnels through the proxy: one CONNECT per connection it opens to the site.
    expect(proxy.seen.length).toBeGreaterThan(0);
    expect(proxy.seen.every((s) => s.includes(host))).toBe(true);
    expect(server.hits.length).toBe(4); // robots.txt, the listing, two articles
  });

  it('fails requests with a network reason when the proxy is not there, rather than going around it', async () => {
    server = await startFaultServer({ '/news/a': html(articlePage('A')) });
    store = await tempArchive();
    const gone = await startForwardProxy();
    await gone.close();
    const hooks = recorder();
    await crawlSource(makeSource(), fastOptions(server.origin, store.archive, { proxyUrls: [gone.url] }), hooks);
    expect(server.hits).toHaveLength(0);
    expect(hooks.articles).toHaveLength(0);
    expect(hooks.errors.length).toBeGreaterThan(0);
  });

  it.skipIf(!existsSync('/usr/bin/chromium') && !process.env.CI)('starts the browser crawler behind the same proxy', async () => {
    const sites = await startSampleSites({ sites: ['app-news'] });
    store = await tempArchive();
    proxy = await startForwardProxy();
    try {
      const hooks = recorder();
      await crawlSource(sampleSource('app-news'), fastOptions(sites.origins['app-news']!, store.archive, { proxyUrls: [proxy.url], timeoutMs: 15_000 }), hooks);
      expect(hooks.errors).toEqual([]);
      expect(hooks.articles).toHaveLength(3);
      const port = new URL(sites.origins['app-news']!).port;
      // The browser asks the proxy for the article pages themselves (and for their scripts and data).
      expect(proxy.seen.some((s) => s.includes(`:${port}/news/nhs-111-live-across-the-north-east`))).toBe(true);
    } finally {
      await sites.close();
    }
  }, 120_000);
});
