// What a scheduled job sees when a site breaks: failures are recorded with their reason,
// nothing stored earlier is lost, and the exit code says a source failed.
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
import { runCli } from './run-cli.ts';

const ARTICLES = 6;

/** A small news site whose behaviour the test switches between runs. */
let mode: 'healthy' | 'broken' | 'empty' = 'healthy';

function page(i: number): string {
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Story ${i}</title>
<meta property="article:published_time" content="2013-06-0${i + 1}T10:00:00+01:00"></head><body>
<article><h1>NHS 111 story ${i}</h1><p>The NHS 111 service in Somerset went live on 1 June 2013, the local clinical commissioning group said in its update number ${i}.</p>
<p>Commissioners said call answering times would be published every month from July.</p></article></body></html>`;
}

async function serve(): Promise<{ origin: string; close(): Promise<void> }> {
  let origin = '';
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/robots.txt') return res.end('User-agent: *\nAllow: /\n');
    if (path === '/sitemap.xml') {
      const n = mode === 'empty' ? 0 : ARTICLES;
      const urls = Array.from({ length: n }, (_, i) => `<url><loc>${origin}/news/${i}</loc></url>`).join('');
      res.setHeader('content-type', 'application/xml');
      return res.end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`);
    }
    const m = /^\/news\/(\d+)$/.exec(path);
    if (m && mode === 'healthy') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      return res.end(page(Number(m[1])));
    }
    if (m && mode === 'broken') {
      const i = Number(m[1]);
      if (i % 2 === 0) {
        res.statusCode = 500;
        return res.end('Internal Server Error');
      }
      // Promise more than we send, then hang up: a connection reset mid-body.
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': '50000' });
      res.write('<html><body><p>The NHS 111 service');
      return setTimeout(() => res.destroy(), 10);
    }
    res.statusCode = 404;
    res.end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

describe('a source that breaks between runs', () => {
  let dir: string;
  let site: { origin: string; close(): Promise<void> };
  let cfg: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rollwatch-faults-'));
    site = await serve();
    writeFileSync(
      join(dir, 'site.json'),
      JSON.stringify({
        id: 'flaky',
        name: 'Flaky site',
        site: site.origin,
        hosts: [new URL(site.origin).host],
        discover: [{ sitemap: `${site.origin}/sitemap.xml` }],
        articles: { include: ['^/news/\\d+$'] },
        rateLimit: { maxConcurrency: 2, delayMs: 0 },
      }),
    );
    cfg = join(dir, 'run.json');
    writeFileSync(cfg, JSON.stringify({ sources: ['site.json'], db: join(dir, 'db.duckdb'), archive: join(dir, 'archive'), fast: true }));
  });
  afterAll(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const quiet = createProgress(process.stderr, true);

  it('records every failure with its reason, keeps what was stored, and reports the source failed', async () => {
    mode = 'healthy';
    const first = await runPipeline(loadConfig(cfg), { progress: quiet });
    expect(first.status).toBe('ok');
    expect(first.counts.documentsNew).toBe(ARTICLES);

    mode = 'broken';
    const second = await runPipeline(loadConfig(cfg), { progress: quiet });
    expect(second.status).toBe('source_failed');
    expect(second.sources[0]!.status).toBe('failed');
    expect(second.sources[0]!.message).toMatch(/failed/);

    const db = await openDatabase(join(dir, 'db.duckdb'));
    try {
      const docs = await db.query<{ n: number }>('SELECT count(*) AS n FROM documents');
      expect(docs[0]!.n).toBe(ARTICLES); // nothing already stored is lost
      const events = await db.query<{ n: number }>('SELECT count(*) AS n FROM rollout_events');
      expect(events[0]!.n).toBeGreaterThan(0);
      const reasons = await db.query<{ reason: string; n: number }>(
        'SELECT reason, count(DISTINCT url) AS n FROM fetch_errors WHERE run_id = ? GROUP BY reason ORDER BY reason',
        [second.runId],
      );
      const byReason = Object.fromEntries(reasons.map((r) => [r.reason, r.n]));
      expect(byReason.http_500).toBe(ARTICLES / 2);
      expect(Object.keys(byReason).some((r) => /reset|truncated|network/.test(r))).toBe(true);
      const stored = await db.query<{ status: string }>('SELECT status FROM source_runs WHERE run_id = ?', [second.runId]);
      expect(stored).toEqual([{ status: 'failed' }]);
    } finally {
      db.close();
    }
  }, 120_000);

  it('a scheduled run exits 3 when a source yields no articles, and 0 when all is well', async () => {
    mode = 'empty';
    const empty = await runCli(cfg);
    expect(empty.status).toBe(3);
    expect(empty.stdout).toMatch(/flaky\s+empty/);
    mode = 'healthy';
    const ok = await runCli(cfg);
    expect(ok.status).toBe(0);
  }, 120_000);
});

describe('a server slower than requestTimeoutSecs', () => {
  it('records the page as timeout after retrying it, and loads the pages that answer in time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rollwatch-timeout-'));
    const hits = new Map<string, number>();
    let origin = '';
    const server: Server = createServer((req, res) => {
      const path = req.url ?? '/';
      hits.set(path, (hits.get(path) ?? 0) + 1);
      if (path === '/robots.txt') return res.end('User-agent: *\nAllow: /\n');
      if (path === '/sitemap.xml') {
        res.setHeader('content-type', 'application/xml');
        return res.end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${origin}/news/0</loc></url><url><loc>${origin}/news/1</loc></url></urlset>`);
      }
      // Page 1 answers after two seconds: well past the 0.4 s the config allows.
      const delay = path === '/news/1' ? 2000 : 0;
      const timer = setTimeout(() => {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(page(Number(path.slice(-1))));
      }, delay);
      res.on('close', () => clearTimeout(timer));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      writeFileSync(
        join(dir, 'site.json'),
        JSON.stringify({
          id: 'slow',
          name: 'Slow site',
          site: origin,
          hosts: [new URL(origin).host],
          discover: [{ sitemap: `${origin}/sitemap.xml` }],
          articles: { include: ['^/news/\\d+$'] },
          rateLimit: { maxConcurrency: 2, delayMs: 0 },
        }),
      );
      const cfg = join(dir, 'run.json');
      writeFileSync(cfg, JSON.stringify({ sources: ['site.json'], db: join(dir, 'db.duckdb'), archive: join(dir, 'archive'), fast: true, requestTimeoutSecs: 0.4 }));
      const report = await runPipeline(loadConfig(cfg), { progress: createProgress(process.stderr, true) });
      expect(report.counts.documentsNew).toBe(1);
      expect(hits.get('/news/1')).toBe(4); // the first attempt and three retries
      const db = await openDatabase(join(dir, 'db.duckdb'));
      try {
        const errors = await db.query<{ url: string; reason: string }>('SELECT url, reason FROM fetch_errors');
        expect(errors).toEqual([{ url: `${origin}/news/1`, reason: 'timeout' }]);
      } finally {
        db.close();
      }
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
