// Incremental and resumable runs: conditional GET, unchanged content, done() URLs, limits,
// abort, the fetchOrigin mapping, and no stray storage directory.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readArchive } from '../../pipeline/archive/index.ts';
import { crawlSource } from '../../pipeline/crawl/index.ts';
import { articlePage, html, startFaultServer, type FaultServer, type Route } from './fault-server.ts';
import { fastOptions, makeSource, PUBLIC_SITE, recorder, tempArchive, type Recorder, type TempArchive } from './helpers.ts';

let server: FaultServer | undefined;
let store: TempArchive | undefined;
afterEach(async () => {
  await server?.close();
  await store?.cleanup();
  server = store = undefined;
});

/** A page that answers 304 to a matching If-None-Match or an If-Modified-Since at or after its date. */
function conditionalPage(body: string, etag: string | null, lastModified: string | null): Route {
  return (req, res) => {
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    if ((etag && inm === etag) || (!etag && lastModified && ims && Date.parse(ims) >= Date.parse(lastModified))) {
      res.writeHead(304, etag ? { etag } : {}).end();
      return;
    }
    const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
    if (etag) headers.etag = etag;
    if (lastModified) headers['last-modified'] = lastModified;
    res.writeHead(200, headers).end(body);
  };
}

function remember(hooks: Recorder, next: Recorder): void {
  for (const { capture } of hooks.articles) {
    next.knownPages.set(capture.url, { etag: capture.etag, lastModified: capture.lastModified, contentHash: capture.contentHash });
  }
}

describe('incremental crawling', () => {
  it('sends validators from known() and reports 304s and unchanged bodies as not modified', async () => {
    server = await startFaultServer({
      '/news/etag': conditionalPage(articlePage('With ETag'), '"v1"', null),
      '/news/dated': conditionalPage(articlePage('With date'), null, 'Tue, 21 May 2013 10:00:00 GMT'),
      '/news/no-validators': html(articlePage('Same bytes every time')),
    });
    store = await tempArchive();
    const source = makeSource({ discover: [{ urls: ['/news/etag', '/news/dated', '/news/no-validators'].map((p) => `${PUBLIC_SITE}${p}`) }] });
    const first = recorder();
    const stats1 = await crawlSource(source, fastOptions(server.origin, store.archive), first);
    expect(stats1).toMatchObject({ articles: 3, notModified: 0 });
    expect(first.articleFor(`${PUBLIC_SITE}/news/etag`)?.etag).toBe('"v1"');

    const second = recorder();
    remember(first, second);
    const stats2 = await crawlSource(source, fastOptions(server.origin, store.archive), second);
    expect(second.notModified.sort()).toEqual(['/news/dated', '/news/etag', '/news/no-validators'].map((p) => `${PUBLIC_SITE}${p}`));
    expect(stats2).toMatchObject({ articles: 0, notModified: 3, fetched: 3, failed: 0 });
    const etagHits = server.hits.filter((h) => h.path === '/news/etag');
    expect(etagHits[1].headers['if-none-match']).toBe('"v1"');
    const datedHits = server.hits.filter((h) => h.path === '/news/dated');
    expect(datedHits[1].headers['if-modified-since']).toBe('Tue, 21 May 2013 10:00:00 GMT');
  });

  it('re-reads discovery pages on every run so new articles are found', async () => {
    let items = ['/news/first'];
    server = await startFaultServer({
      '/list': (_q, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(items.map((p) => `<a href="${p}">x</a>`).join('')),
      '/news/first': html(articlePage('First')),
      '/news/second': html(articlePage('Second')),
    });
    store = await tempArchive();
    const source = makeSource({ discover: [{ listing: `${PUBLIC_SITE}/list` }] });
    const first = recorder();
    await crawlSource(source, fastOptions(server.origin, store.archive), first);
    items = ['/news/second', '/news/first'];
    const second = recorder();
    remember(first, second);
    second.doneUrls.add(`${PUBLIC_SITE}/news/first`);
    const stats = await crawlSource(source, fastOptions(server.origin, store.archive), second);
    expect(server.count('/list')).toBe(2);
    expect(second.articles.map((a) => a.capture.url)).toEqual([`${PUBLIC_SITE}/news/second`]);
    expect(stats).toMatchObject({ discovered: 2, skippedDone: 1, fetched: 1 });
  });

  it('never fetches URLs that done() reports finished, and stops at maxArticles', async () => {
    const names = ['a', 'b', 'c', 'd', 'e'];
    server = await startFaultServer(Object.fromEntries(names.map((n) => [`/news/${n}`, html(articlePage(n))])));
    store = await tempArchive();
    const hooks = recorder();
    hooks.doneUrls.add(`${PUBLIC_SITE}/news/a`);
    hooks.doneUrls.add(`${PUBLIC_SITE}/news/c`);
    const source = makeSource({ discover: [{ urls: names.map((n) => `${PUBLIC_SITE}/news/${n}?utm_source=x`) }] });
    const stats = await crawlSource(source, fastOptions(server.origin, store.archive, { maxArticles: 2 }), hooks);
    expect(server.count('/news/a')).toBe(0);
    expect(server.count('/news/c')).toBe(0);
    expect(hooks.articles.map((a) => a.capture.url)).toEqual([`${PUBLIC_SITE}/news/b`, `${PUBLIC_SITE}/news/d`]);
    expect(stats).toMatchObject({ discovered: 5, skippedDone: 2, fetched: 2, articles: 2 });
    expect(server.count('/news/e')).toBe(0);
  });

  it('counts only pages no earlier run fetched towards maxArticles, so a capped backfill moves on run by run', async () => {
    const names = ['a', 'b', 'c', 'd', 'e'];
    server = await startFaultServer(Object.fromEntries(names.map((n) => [`/news/${n}`, html(articlePage(n))])));
    store = await tempArchive();
    const source = makeSource({ discover: [{ urls: names.map((n) => `${PUBLIC_SITE}/news/${n}`) }] });
    const first = recorder();
    await crawlSource(source, fastOptions(server.origin, store.archive, { maxArticles: 2 }), first);
    expect(first.articles.map((a) => a.capture.url).sort()).toEqual([`${PUBLIC_SITE}/news/a`, `${PUBLIC_SITE}/news/b`]);

    // Next night: a and b are known and unchanged. They are checked again but do not use up the cap.
    const second = recorder();
    remember(first, second);
    const stats = await crawlSource(source, fastOptions(server.origin, store.archive, { maxArticles: 2 }), second);
    expect(second.notModified.sort()).toEqual([`${PUBLIC_SITE}/news/a`, `${PUBLIC_SITE}/news/b`]);
    expect(second.articles.map((a) => a.capture.url).sort()).toEqual([`${PUBLIC_SITE}/news/c`, `${PUBLIC_SITE}/news/d`]);
    expect(server.count('/news/e')).toBe(0);
    expect(stats).toMatchObject({ discovered: 5, fetched: 4, notModified: 2, articles: 2 });
  });

  it('maps fetchOrigin back to the public site: hooks and the archive never see the port', async () => {
    server = await startFaultServer({
      '/list': (_q, res) =>
        void res.writeHead(200, { 'content-type': 'text/html' }).end(
          // One relative link, one absolute to the fetch origin, one absolute to the public site.
          `<a href="/news/rel">r</a><a href="${server!.origin}/news/abs-local">l</a><a href="${PUBLIC_SITE}/news/abs-public">p</a><a href="https://archive.example.org/news/old">o</a>`,
        ),
      '/news/rel': html(articlePage('rel')),
      '/news/abs-local': (_q, res) => void res.writeHead(301, { location: `${server!.origin}/news/abs-local-final` }).end(),
      '/news/abs-local-final': html(articlePage('final')),
      '/news/abs-public': html(articlePage('public')),
      '/news/old': html(articlePage('old')),
    });
    store = await tempArchive();
    const hooks = recorder();
    // A second declared host is fetched from the fetch origin too, never from the internet.
    const source = makeSource({ hosts: ['news.example.org', 'archive.example.org'], discover: [{ listing: `${PUBLIC_SITE}/list` }] });
    await crawlSource(source, fastOptions(server.origin, store.archive), hooks);
    expect(hooks.articles.map((a) => a.capture.url).sort()).toEqual([
      'https://archive.example.org/news/old',
      ...['/news/abs-local-final', '/news/abs-public', '/news/rel'].map((p) => `${PUBLIC_SITE}${p}`),
    ]);
    expect(server.count('/news/old')).toBe(1);
    const port = new URL(server.origin).port;
    await store.archive.close();
    const archived = [];
    for await (const r of readArchive(store.dir)) archived.push(r.url);
    expect(archived.length).toBeGreaterThanOrEqual(5);
    expect(archived.every((u) => /^https:\/\/(news|archive)\.example\.org\//.test(u) && !u.includes(port))).toBe(true);
  });

  it('stops on abort without reporting in-flight pages as failed or done', async () => {
    const names = ['a', 'b', 'c', 'd'];
    const controller = new AbortController();
    server = await startFaultServer(
      Object.fromEntries(
        names.map((n) => [
          `/news/${n}`,
          ((_q, res) => {
            if (n === 'b') controller.abort();
            setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(articlePage(n)), 50);
          }) as Route,
        ]),
      ),
    );
    store = await tempArchive();
    const hooks = recorder();
    const source = makeSource({ discover: [{ urls: names.map((n) => `${PUBLIC_SITE}/news/${n}`) }], rateLimit: { maxConcurrency: 1, delayMs: 0 } });
    const stats = await crawlSource(source, fastOptions(server.origin, store.archive, { signal: controller.signal }), hooks);
    expect(hooks.errors).toEqual([]);
    expect(server.count('/news/c') + server.count('/news/d')).toBe(0);
    expect(stats.articles).toBe(1);
  });

  it('creates no ./storage or any other directory in the working directory', async () => {
    server = await startFaultServer({ '/news/a': html(articlePage('a')) });
    store = await tempArchive();
    const cwd = await mkdtemp(join(tmpdir(), 'rollwatch-cwd-'));
    const before = process.cwd();
    process.chdir(cwd);
    try {
      await crawlSource(makeSource({ discover: [{ urls: [`${PUBLIC_SITE}/news/a`] }] }), fastOptions(server.origin, store.archive), recorder());
      expect(await readdir(cwd)).toEqual([]);
    } finally {
      process.chdir(before);
      await rm(cwd, { recursive: true, force: true });
    }
  });
});
