// One crawl over a site where most pages misbehave: each fault must reach onError with its
// reason (or succeed after a retry), and the crawl must carry on with every other page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { readArchive } from '../../pipeline/archive/index.ts';
import { crawlSource, type SourceCrawlStats } from '../../pipeline/crawl/index.ts';
import {
  articlePage,
  bytes,
  flaky,
  gzipped,
  html,
  hugePage,
  notFound,
  redirect,
  resetMidBody,
  slow,
  startFaultServer,
  throttled,
  truncatedGzip,
  type FaultServer,
} from './fault-server.ts';
import { fastOptions, makeSource, PUBLIC_SITE, recorder, tempArchive, type Recorder, type TempArchive } from './helpers.ts';

const u = (path: string): string => `${PUBLIC_SITE}${path}`;

const PAGES = [
  '/news/ok',
  '/news/flaky',
  '/news/always-500',
  '/news/throttled',
  '/news/throttled-long',
  '/news/slow-but-fine',
  '/news/too-slow',
  '/news/reset',
  '/news/truncated-gzip',
  '/news/gzip',
  '/news/loop-a',
  '/news/report',
  '/news/photo',
  '/news/meta-charset',
  '/news/mislabelled-latin1',
  '/news/latin1-curly',
  '/news/malformed',
  '/news/missing',
  '/news/moved',
];

describe('crawl under faults', () => {
  let server: FaultServer;
  let store: TempArchive;
  let hooks: Recorder;
  let stats: SourceCrawlStats;
  let elapsedMs: number;

  beforeAll(async () => {
    server = await startFaultServer({
      '/robots.txt': (_q, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow:\n'),
      '/news/ok': html(articlePage('Pharmacy service goes live')),
      '/news/flaky': flaky(2, articlePage('Flaky but recovers')),
      '/news/always-500': flaky(99, articlePage('never')),
      '/news/throttled': throttled('1', articlePage('Throttled once')),
      '/news/throttled-long': throttled('3600', articlePage('never')),
      '/news/slow-but-fine': slow(150, articlePage('Slow page')),
      '/news/too-slow': slow(5000, articlePage('never')),
      '/news/reset': resetMidBody(articlePage('Cut off')),
      '/news/truncated-gzip': truncatedGzip(articlePage('Cut gzip')),
      '/news/gzip': gzipped(articlePage('Compressed page')),
      '/news/loop-a': redirect('/news/loop-b'),
      '/news/loop-b': redirect(`${PUBLIC_SITE}/news/loop-a`),
      '/news/report': bytes(Buffer.from('%PDF-1.4 fake pdf'), { 'content-type': 'application/pdf' }),
      '/news/photo': bytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), { 'content-type': 'image/png' }),
      // Charset only in <meta>; bytes are windows-1252 (£ is 0xA3, the right quote 0x92).
      '/news/meta-charset': bytes(
        iconv.encode('<html><head><meta charset="windows-1252"><title>Cost</title></head><body><p>It cost £3m, the board’s paper said.</p></body></html>', 'windows-1252'),
        { 'content-type': 'text/html' },
      ),
      // Header claims Latin-1 but the bytes are UTF-8.
      '/news/mislabelled-latin1': bytes(Buffer.from('<p>Café opening – a pilot in Leeds</p>', 'utf8'), { 'content-type': 'text/html; charset=ISO-8859-1' }),
      // Header claims Latin-1; bytes use cp1252's curly quotes (0x93/0x94), which Latin-1 lacks.
      '/news/latin1-curly': bytes(iconv.encode('<p>The lead called it “a step forward”.</p>', 'windows-1252'), { 'content-type': 'text/html; charset=iso-8859-1' }),
      '/news/malformed': html('<html><body><div><p>Unclosed paragraph <b>bold <i>both</b> text</div></div></span><p>Second'),
      '/news/missing': notFound(),
      '/news/moved': redirect('/news/new-home', 301),
      '/news/new-home': html(articlePage('New home')),
    });
    store = await tempArchive();
    hooks = recorder();
    const source = makeSource({ discover: [{ urls: PAGES.map(u) }], rateLimit: { maxConcurrency: 6, delayMs: 0 } });
    const t0 = Date.now();
    stats = await crawlSource(source, fastOptions(server.origin, store.archive), hooks);
    elapsedMs = Date.now() - t0;
  }, 20_000);

  afterAll(async () => {
    await server?.close();
    await store?.cleanup();
  });

  it('fetches the healthy pages as articles under their public URLs', () => {
    const ok = hooks.articleFor(u('/news/ok'));
    expect(ok?.html).toContain('Pharmacy service goes live');
    expect(ok?.url.startsWith(PUBLIC_SITE)).toBe(true);
    expect(hooks.articleFor(u('/news/gzip'))?.html).toContain('Compressed page');
    expect(hooks.articleFor(u('/news/slow-but-fine'))?.html).toContain('Slow page');
  });

  it('retries transient 500s and succeeds; gives up on permanent ones after 3 retries', () => {
    expect(hooks.articleFor(u('/news/flaky'))?.html).toContain('Flaky but recovers');
    expect(server.count('/news/flaky')).toBe(3);
    expect(hooks.errorFor(u('/news/always-500'))).toMatchObject({ reason: 'http_500', httpStatus: 500 });
    expect(server.count('/news/always-500')).toBe(4);
  });

  it('waits out a 429 Retry-After, and fails one that asks for too long without retrying', () => {
    expect(hooks.articleFor(u('/news/throttled'))?.html).toContain('Throttled once');
    const [first, second] = server.hits.filter((h) => h.path === '/news/throttled');
    expect(second.at - first.at).toBeGreaterThanOrEqual(950);
    expect(hooks.errorFor(u('/news/throttled-long'))).toMatchObject({ reason: 'retry_after_too_long', httpStatus: 429 });
    expect(server.count('/news/throttled-long')).toBe(1);
  });

  it('times out a response that stalls, and fails a connection reset mid-body', () => {
    expect(hooks.errorFor(u('/news/too-slow'))?.reason).toBe('timeout');
    expect(hooks.errorFor(u('/news/reset'))?.reason).toBe('reset');
    expect(server.count('/news/reset')).toBe(4);
  });

  it('reports a truncated gzip body', () => {
    expect(hooks.errorFor(u('/news/truncated-gzip'))?.reason).toBe('truncated');
  });

  it('detects a redirect loop and follows a plain redirect to its target', () => {
    expect(hooks.errorFor(u('/news/loop-a'))?.reason).toBe('redirect_loop');
    expect(server.count('/news/loop-a')).toBeLessThanOrEqual(4 * 2);
    expect(hooks.articleFor(u('/news/new-home'))?.html).toContain('New home');
  });

  it('refuses non-HTML content types', () => {
    expect(hooks.errorFor(u('/news/report'))).toMatchObject({ reason: 'not_html', httpStatus: 200 });
    expect(hooks.errorFor(u('/news/photo'))?.reason).toBe('not_html');
  });

  it('decodes charsets declared only in <meta> or declared wrongly', () => {
    expect(hooks.articleFor(u('/news/meta-charset'))?.html).toContain('It cost £3m, the board’s paper said.');
    expect(hooks.articleFor(u('/news/mislabelled-latin1'))?.html).toContain('Café opening – a pilot in Leeds');
    expect(hooks.articleFor(u('/news/latin1-curly'))?.html).toContain('“a step forward”');
  });

  it('passes malformed HTML on and fails a 404 without retrying', () => {
    expect(hooks.articleFor(u('/news/malformed'))?.html).toContain('Unclosed paragraph');
    expect(hooks.errorFor(u('/news/missing'))).toMatchObject({ reason: 'http_404', httpStatus: 404 });
    expect(server.count('/news/missing')).toBe(1);
  });

  it('counts every page exactly once in the stats', () => {
    const failedPages = ['always-500', 'throttled-long', 'too-slow', 'reset', 'truncated-gzip', 'loop-a', 'report', 'photo', 'missing'];
    expect(hooks.errors.map((e) => e.url).sort()).toEqual(failedPages.map((p) => u(`/news/${p}`)).sort());
    expect(stats).toMatchObject({
      discovered: PAGES.length,
      fetched: PAGES.length,
      articles: PAGES.length - failedPages.length,
      failed: failedPages.length,
      notModified: 0,
      skippedDone: 0,
    });
    expect(elapsedMs).toBeLessThan(15_000);
  });

  it('archives error responses with their bodies as well as articles', async () => {
    const records = [];
    for await (const r of readArchive(store.dir)) records.push(r);
    const errors500 = records.filter((r) => r.url === u('/news/always-500'));
    expect(errors500).toHaveLength(4);
    expect(errors500[0].status).toBe(500);
    expect(errors500[0].body.toString()).toContain('server error');
    const gz = records.find((r) => r.url === u('/news/gzip'));
    expect(gz?.body.toString()).toContain('Compressed page');
    expect(records.every((r) => r.sourceId === 'test-source' && r.url.startsWith(PUBLIC_SITE))).toBe(true);
  });
});

// Separate from the crawl above so that a generous deadline keeps it from timing out on a
// loaded machine: what is tested is the size cap, not the clock.
describe('size cap', () => {
  it('fails a 20 MB page with too_large without reading all of it, and goes on', async () => {
    const sent: number[] = [];
    const server = await startFaultServer({ '/news/huge': hugePage(20 * 1024 * 1024, sent), '/news/after': html(articlePage('After the big one')) });
    const store = await tempArchive();
    try {
      const hooks = recorder();
      const source = makeSource({ discover: [{ urls: [u('/news/huge'), u('/news/after')] }] });
      const stats = await crawlSource(source, fastOptions(server.origin, store.archive, { timeoutMs: 15_000, maxBytes: 10 * 1024 * 1024 }), hooks);
      expect(hooks.errorFor(u('/news/huge'))).toMatchObject({ reason: 'too_large', httpStatus: 200 });
      expect(sent.length).toBe(1);
      expect(sent[0]).toBeLessThan(16 * 1024 * 1024);
      expect(hooks.articleFor(u('/news/after'))?.html).toContain('After the big one');
      expect(stats).toMatchObject({ fetched: 2, articles: 1, failed: 1 });
    } finally {
      await server.close();
      await store.cleanup();
    }
  }, 20_000);
});
