// Politeness: robots.txt rules and Crawl-delay, per-host concurrency and delay, Retry-After
// as an HTTP-date, an honest User-Agent.
import { afterEach, describe, expect, it } from 'vitest';
import { CrawlHosts, crawlSource } from '../../pipeline/crawl/index.ts';
import { articlePage, html, slow, startFaultServer, throttled, type FaultServer, type Route } from './fault-server.ts';
import { fastOptions, makeSource, PUBLIC_SITE, recorder, tempArchive, type TempArchive } from './helpers.ts';

let server: FaultServer | undefined;
let store: TempArchive | undefined;
afterEach(async () => {
  await server?.close();
  await store?.cleanup();
  server = store = undefined;
});

const robots = (text: string): Route => (_q, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end(text);
const page = (name: string): Route => html(articlePage(name));
const starts = (s: FaultServer, prefix: string): number[] => s.hits.filter((h) => h.path.startsWith(prefix)).map((h) => h.at);
const gaps = (times: number[]): number[] => times.slice(1).map((t, i) => t - times[i]);

describe('politeness', () => {
  it('obeys robots.txt: the group for our agent, longest-match Allow, and never fetches disallowed pages', async () => {
    server = await startFaultServer({
      '/robots.txt': robots('User-agent: *\nDisallow: /news/private/\nAllow: /news/private/open\n\nUser-agent: rollwatch-test\nDisallow: /news/private/\nAllow: /news/private/open\nDisallow: /news/members\n'),
      '/news/public': page('Public'),
      '/news/private/report': page('Private'),
      '/news/private/open-letter': page('Open letter'),
      '/news/members-only': page('Members'),
    });
    store = await tempArchive();
    const hooks = recorder();
    const urls = ['/news/public', '/news/private/report', '/news/private/open-letter', '/news/members-only'].map((p) => `${PUBLIC_SITE}${p}`);
    const stats = await crawlSource(makeSource({ discover: [{ urls }] }), fastOptions(server.origin, store.archive), hooks);
    expect(hooks.articles.map((a) => a.capture.url.replace(PUBLIC_SITE, '')).sort()).toEqual(['/news/private/open-letter', '/news/public']);
    expect(server.count('/news/private/report')).toBe(0);
    expect(server.count('/news/members-only')).toBe(0);
    expect(hooks.errorFor(`${PUBLIC_SITE}/news/private/report`)?.reason).toBe('robots');
    expect(stats).toMatchObject({ discovered: 4, fetched: 2, articles: 2, failed: 2 });
    expect(server.count('/robots.txt')).toBe(1);
  });

  it('spaces requests by Crawl-delay even when the source asks for no delay', async () => {
    server = await startFaultServer({
      '/robots.txt': robots('User-agent: *\nCrawl-delay: 0.3\n'),
      '/news/1': page('1'),
      '/news/2': page('2'),
      '/news/3': page('3'),
    });
    store = await tempArchive();
    const hooks = recorder();
    const urls = ['/news/1', '/news/2', '/news/3'].map((p) => `${PUBLIC_SITE}${p}`);
    await crawlSource(makeSource({ discover: [{ urls }], rateLimit: { maxConcurrency: 3, delayMs: 0 } }), fastOptions(server.origin, store.archive), hooks);
    expect(hooks.articles).toHaveLength(3);
    for (const gap of gaps(starts(server, '/news/'))) expect(gap).toBeGreaterThanOrEqual(280);
  });

  it('keeps to the source delay and per-host concurrency when not in fast mode', async () => {
    server = await startFaultServer(Object.fromEntries(['a', 'b', 'c', 'd'].map((n) => [`/news/${n}`, slow(40, articlePage(n))])));
    store = await tempArchive();
    const hooks = recorder();
    const urls = ['a', 'b', 'c', 'd'].map((n) => `${PUBLIC_SITE}/news/${n}`);
    const source = makeSource({ discover: [{ urls }], rateLimit: { maxConcurrency: 1, delayMs: 150 } });
    await crawlSource(source, { ...fastOptions(server.origin, store.archive), fast: false }, hooks);
    expect(hooks.articles).toHaveLength(4);
    expect(server.maxInFlight).toBe(1);
    for (const gap of gaps(starts(server, '/news/'))) expect(gap).toBeGreaterThanOrEqual(145);
  });

  it('runs up to maxConcurrency requests to a host in parallel, and no more', async () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    server = await startFaultServer(Object.fromEntries(names.map((n) => [`/news/${n}`, slow(100, articlePage(n))])));
    store = await tempArchive();
    const hooks = recorder();
    const source = makeSource({ discover: [{ urls: names.map((n) => `${PUBLIC_SITE}/news/${n}`) }], rateLimit: { maxConcurrency: 2, delayMs: 0 } });
    await crawlSource(source, fastOptions(server.origin, store.archive), hooks);
    expect(hooks.articles).toHaveLength(6);
    expect(server.maxInFlight).toBe(2);
  });

  it('holds two sources on one host to one rate limit: the host sees the limit, not twice it', async () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    server = await startFaultServer(Object.fromEntries(names.map((n) => [`/news/${n}`, slow(60, articlePage(n))])));
    store = await tempArchive();
    const hosts = new CrawlHosts();
    const half = (list: string[], id: string) =>
      makeSource({ id, discover: [{ urls: list.map((n) => `${PUBLIC_SITE}/news/${n}`) }], rateLimit: { maxConcurrency: 1, delayMs: 120 } });
    const options = { ...fastOptions(server.origin, store.archive, { hosts }), fast: false };
    const [one, two] = [recorder(), recorder()];
    await Promise.all([crawlSource(half(['a', 'b', 'c'], 'news-one'), options, one), crawlSource(half(['d', 'e', 'f'], 'news-two'), options, two)]);
    expect(one.articles.length + two.articles.length).toBe(6);
    expect(server.maxInFlight).toBe(1);
    const times = starts(server, '/news/').sort((x, y) => x - y);
    for (const gap of gaps(times)) expect(gap).toBeGreaterThanOrEqual(115);
    expect(server.count('/robots.txt')).toBe(1);
  });

  it('honours Retry-After given as an HTTP-date', async () => {
    // HTTP-dates have one-second precision: three seconds ahead is well over one second of wait.
    const until = new Date(Date.now() + 3000).toUTCString();
    server = await startFaultServer({ '/news/busy': throttled(until, articlePage('Busy')) });
    store = await tempArchive();
    const hooks = recorder();
    await crawlSource(makeSource({ discover: [{ urls: [`${PUBLIC_SITE}/news/busy`] }] }), fastOptions(server.origin, store.archive), hooks);
    expect(hooks.articles).toHaveLength(1);
    const [first, second] = starts(server, '/news/busy');
    expect(second - first).toBeGreaterThanOrEqual(950);
  });

  it('treats an unreachable robots.txt (5xx) as "disallow all" and says so', async () => {
    server = await startFaultServer({
      '/robots.txt': (_q, res) => void res.writeHead(503).end(),
      '/news/a': page('a'),
    });
    store = await tempArchive();
    const hooks = recorder();
    const stats = await crawlSource(makeSource({ discover: [{ urls: [`${PUBLIC_SITE}/news/a`] }] }), fastOptions(server.origin, store.archive), hooks);
    expect(server.count('/news/a')).toBe(0);
    expect(hooks.errors.map((e) => [e.url, e.reason])).toEqual([
      [`${PUBLIC_SITE}/robots.txt`, 'robots_unavailable'],
      [`${PUBLIC_SITE}/news/a`, 'robots_unavailable'],
    ]);
    expect(stats.articles).toBe(0);
  });

  it('sends the configured User-Agent on every request', async () => {
    server = await startFaultServer({ '/news/a': page('a') });
    store = await tempArchive();
    await crawlSource(makeSource({ discover: [{ urls: [`${PUBLIC_SITE}/news/a`] }] }), fastOptions(server.origin, store.archive), recorder());
    expect(server.hits.length).toBeGreaterThanOrEqual(2);
    expect(server.hits.every((h) => h.headers['user-agent'] === 'rollwatch-test/0.1 (+https://example.org/rollwatch)')).toBe(true);
  });

  it('reports a host that refuses connections with reason refused, after retries, and finishes', async () => {
    const closed = await startFaultServer({});
    const origin = closed.origin;
    await closed.close();
    store = await tempArchive();
    const hooks = recorder();
    const stats = await crawlSource(makeSource({ discover: [{ feed: `${PUBLIC_SITE}/feed` }] }), fastOptions(origin, store.archive), hooks);
    expect(hooks.errors.map((e) => e.reason)).toEqual(['robots_unavailable', 'robots_unavailable']);
    expect(hooks.errors[0].detail).toMatch(/ECONNREFUSED|refused|connect/i);
    expect(stats).toMatchObject({ discovered: 0, fetched: 0, failed: 2 });
  });
});
