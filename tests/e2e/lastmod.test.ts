// A nightly run over a sitemap site: pages whose <lastmod> has not moved since their last fetch
// are not requested at all, and a page edited since is fetched again even though its new
// lastmod lies in the past (our clock is never compared with the site's dates).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../pipeline/load/db.ts';
import { createProgress } from '../../pipeline/run/progress.ts';
import { runPipeline } from '../../pipeline/run/run.ts';
import { loadConfig } from '../../pipeline/sources/load.ts';

const lastmods = ['2013-04-02', '2013-04-03', '2013-04-04'];
const texts = ['went live in Dorset', 'went live in Devon', 'went live in Cornwall'];

function page(i: number): string {
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Update ${i}</title>
<meta property="article:published_time" content="2013-04-0${i + 2}T10:00:00+01:00"></head><body><article><h1>NHS 111 update ${i}</h1>
<p>The NHS 111 service ${texts[i]} on 1 April 2013, the clinical commissioning group said in its update number ${i}.</p></article></body></html>`;
}

describe('sitemap lastmod across runs', () => {
  let dir: string;
  let server: Server;
  const hits = new Map<string, number>();
  let cfg = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rollwatch-lastmod-'));
    let origin = '';
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      hits.set(path, (hits.get(path) ?? 0) + 1);
      if (path === '/robots.txt') return res.end('User-agent: *\nAllow: /\n');
      if (path === '/sitemap.xml') {
        const urls = lastmods.map((m, i) => `<url><loc>${origin}/news/${i}</loc><lastmod>${m}</lastmod></url>`).join('');
        res.setHeader('content-type', 'application/xml');
        return res.end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`);
      }
      const m = /^\/news\/(\d)$/.exec(path);
      if (!m) return void res.writeHead(404).end();
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(page(Number(m[1])));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    writeFileSync(
      join(dir, 'site.json'),
      JSON.stringify({
        id: 'dated',
        name: 'Dated site',
        site: origin,
        hosts: [new URL(origin).host],
        discover: [{ sitemap: `${origin}/sitemap.xml` }],
        articles: { include: ['^/news/\\d$'] },
        rateLimit: { maxConcurrency: 2, delayMs: 0 },
      }),
    );
    cfg = join(dir, 'run.json');
    writeFileSync(cfg, JSON.stringify({ sources: ['site.json'], db: join(dir, 'db.duckdb'), archive: join(dir, 'archive'), fast: true }));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  it('requests only the page whose lastmod moved, and stores its new text', async () => {
    const quiet = createProgress(process.stderr, true);
    const first = await runPipeline(loadConfig(cfg), { progress: quiet });
    expect(first.counts.documentsNew).toBe(3);
    // Page 1 is edited; its new lastmod is years before today's date, as a backdated correction would be.
    texts[1] = 'was paused in Devon';
    lastmods[1] = '2013-05-20';
    const before = new Map(hits);
    const second = await runPipeline(loadConfig(cfg), { progress: quiet });
    const requested = [0, 1, 2].filter((i) => (hits.get(`/news/${i}`) ?? 0) > (before.get(`/news/${i}`) ?? 0));
    expect(requested).toEqual([1]);
    // The two unchanged pages were never requested: counted as skipped by lastmod, not as 304s.
    expect(second.counts).toMatchObject({ documentsChanged: 1, pagesNotModified: 0, pagesSkippedLastmod: 2 });
    const db = await openDatabase(join(dir, 'db.duckdb'));
    try {
      const rows = await db.query<{ body: string }>("SELECT body FROM documents WHERE url LIKE '%/news/1'");
      expect(rows[0]!.body).toContain('was paused in Devon');
    } finally {
      db.close();
    }
    // A third run: nothing moved, nothing requested.
    const third = new Map(hits);
    await runPipeline(loadConfig(cfg), { progress: quiet });
    expect([0, 1, 2].map((i) => (hits.get(`/news/${i}`) ?? 0) - (third.get(`/news/${i}`) ?? 0))).toEqual([0, 0, 0]);
  }, 120_000);
});
