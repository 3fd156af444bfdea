// Crawl throughput against a raw undici + cheerio loop on the same local site, in one process.
// Not a vitest file: run with `npx tsx tests/crawl/throughput.ts [pages]`, or call
// measureCrawlThroughput() from bench/. The site is served on 127.0.0.1 only.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import PQueue from 'p-queue';
import { request } from 'undici';
import { openArchive } from '../../pipeline/archive/index.ts';
import { crawlSource } from '../../pipeline/crawl/index.ts';
import { sourceSchema } from '../../pipeline/sources/schema.ts';

function articleHtml(n: number): string {
  const nav = Array.from({ length: 30 }, (_, i) => `<li><a href="/section/${i}">Section ${i}</a></li>`).join('');
  const paras = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i} of article ${n}: the clinical commissioning group said the new urgent care line would be phased in across the county over the coming months, with the provider taking calls from the autumn.</p>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Article ${n}</title></head><body><nav><ul>${nav}</ul></nav><article><h1>Article ${n}</h1><time datetime="2013-05-21">21 May 2013</time>${paras}</article></body></html>`;
}

export interface ThroughputResult {
  pages: number;
  rawPagesPerSec: number;
  crawlPagesPerSec: number;
  ratio: number;
}

export async function measureCrawlThroughput(pages = 2000): Promise<ThroughputResult> {
  const bodies = Array.from({ length: pages }, (_, n) => Buffer.from(articleHtml(n)));
  const sitemap = `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${bodies.map((_, n) => `<url><loc>https://bench.example.org/news/${n}</loc></url>`).join('')}</urlset>`;
  const server = createServer((req, res) => {
    const m = /^\/news\/(\d+)$/.exec(req.url ?? '');
    if (m) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(bodies[Number(m[1])]);
    if (req.url === '/sitemap.xml') return void res.writeHead(200, { 'content-type': 'application/xml' }).end(sitemap);
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = await mkdtemp(join(tmpdir(), 'rollwatch-bench-'));
  try {
    // Baseline: what the notes call the physical limit, undici + cheerio (htmlparser2 off, parse5) at concurrency 10.
    let t0 = performance.now();
    const queue = new PQueue({ concurrency: 10 });
    await Promise.all(
      bodies.map((_, n) =>
        queue.add(async () => {
          const res = await request(`${origin}/news/${n}`);
          const html = await res.body.text();
          cheerio.load(html)('a[href]').length;
        }),
      ),
    );
    const rawSecs = (performance.now() - t0) / 1000;

    const source = sourceSchema.parse({
      id: 'bench',
      name: 'Bench',
      site: 'https://bench.example.org',
      hosts: ['bench.example.org'],
      discover: [{ sitemap: 'https://bench.example.org/sitemap.xml' }],
      articles: { include: ['^/news/'] },
      rateLimit: { maxConcurrency: 10, delayMs: 0 },
    });
    const archive = await openArchive(dir, 'bench');
    let articles = 0;
    t0 = performance.now();
    await crawlSource(source, { userAgent: 'rollwatch-bench/0.1', fetchOrigin: origin, archive, fast: true }, {
      known: () => undefined,
      done: () => false,
      onArticle: async () => {
        articles += 1;
      },
      onNotModified: async () => undefined,
      onError: async (e) => {
        throw new Error(`bench page failed: ${e.url} ${e.reason}`);
      },
    });
    await archive.close();
    const crawlSecs = (performance.now() - t0) / 1000;
    if (articles !== pages) throw new Error(`crawled ${articles} of ${pages}`);
    const rawPagesPerSec = pages / rawSecs;
    const crawlPagesPerSec = pages / crawlSecs;
    return { pages, rawPagesPerSec, crawlPagesPerSec, ratio: crawlPagesPerSec / rawPagesPerSec };
  } finally {
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await measureCrawlThroughput(Number(process.argv[2] ?? 2000));
  console.log(JSON.stringify(result));
}
