// A run killed with SIGKILL mid-crawl must leave a DuckDB file that opens and holds whole
// batches only; the next run resumes without refetching what was loaded, and ends with
// exactly the rows of an uninterrupted run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../pipeline/load/db.ts';
import { SCHEMA_VERSION } from '../../pipeline/load/schema.ts';
import { runCli } from './run-cli.ts';

const ARTICLES = 120;
const REGIONS = ['Cornwall', 'Devon', 'Somerset', 'Dorset', 'Wiltshire', 'Gloucestershire'];

function article(i: number): string {
  const region = REGIONS[i % REGIONS.length];
  const day = String((i % 28) + 1).padStart(2, '0');
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Update ${i}</title>
<meta property="article:published_time" content="2013-04-${day}T09:00:00+01:00"></head>
<body><nav><a href="/">Home</a></nav><article><h1>NHS 111 update ${i} for ${region}</h1>
<p>The NHS 111 service in ${region} went live on 1 April 2013, commissioners confirmed in their update number ${i}.</p>
<p>Call handling figures for the first weeks will be published next month, according to the local clinical commissioning group.</p>
</article></body></html>`;
}

interface Site {
  origin: string;
  hits: Map<string, number>;
  articleHits(): number;
  close(): Promise<void>;
}

async function serve(delayMs: number): Promise<Site> {
  const hits = new Map<string, number>();
  let origin = '';
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const m = /^\/news\/(\d+)$/.exec(path);
    if (path === '/robots.txt') return res.end('User-agent: *\nAllow: /\n');
    if (path === '/sitemap.xml') {
      const urls = Array.from({ length: ARTICLES }, (_, i) => `<url><loc>${origin}/news/${i}</loc></url>`).join('');
      res.setHeader('content-type', 'application/xml');
      return res.end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`);
    }
    if (m) {
      setTimeout(() => {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.setHeader('etag', `"a${m[1]}"`);
        if (req.headers['if-none-match'] === `"a${m[1]}"`) {
          res.statusCode = 304;
          return res.end();
        }
        res.end(article(Number(m[1])));
      }, delayMs);
      return;
    }
    res.statusCode = 404;
    res.end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    hits,
    articleHits: () => [...hits].filter(([p]) => p.startsWith('/news/')).reduce((n, [, c]) => n + c, 0),
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

function writeConfig(dir: string, origin: string, name: string, batch: { batchSize: number; batchSeconds?: number } = { batchSize: 10 }): string {
  const host = new URL(origin).host;
  writeFileSync(
    join(dir, 'site.json'),
    JSON.stringify({
      id: 'resume-site',
      name: 'Resume test site',
      site: origin,
      hosts: [host],
      discover: [{ sitemap: `${origin}/sitemap.xml` }],
      articles: { include: ['^/news/\\d+$'] },
      rateLimit: { maxConcurrency: 2, delayMs: 0 },
    }),
  );
  const cfg = join(dir, `${name}.config.json`);
  writeFileSync(
    cfg,
    JSON.stringify({
      sources: ['site.json'],
      db: join(dir, `${name}.duckdb`),
      archive: join(dir, `${name}-archive`),
      ...batch,
      fast: true,
    }),
  );
  return cfg;
}

async function factRows(dbPath: string) {
  const db = await openDatabase(dbPath);
  try {
    return {
      documents: await db.query('SELECT doc_id, url, title, CAST(published_at AS VARCHAR) AS published, body FROM documents ORDER BY doc_id'),
      events: await db.query('SELECT event_id, service, region, status, target FROM rollout_events ORDER BY event_id'),
      dates: await db.query('SELECT doc_id, surface, value FROM date_mentions ORDER BY ALL'),
      entities: await db.query('SELECT doc_id, kind, name, char_start FROM entities ORDER BY ALL'),
    };
  } finally {
    db.close();
  }
}

describe('resume after SIGKILL', () => {
  let dir: string;
  let site: Site;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rollwatch-resume-'));
    site = await serve(15);
  });
  afterAll(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('killed mid-crawl: the file opens, the rerun skips loaded pages and matches an uninterrupted run', async () => {
    const killedCfg = writeConfig(dir, site.origin, 'killed');
    let killedAt = 0;
    const { status: code } = await runCli(killedCfg, (kill) => {
      const timer = setInterval(() => {
        if (site.articleHits() >= ARTICLES / 2) {
          killedAt = site.articleHits();
          clearInterval(timer);
          kill();
        }
      }, 5);
    });
    expect(code).toBeNull(); // killed by the signal, not finished
    expect(killedAt).toBeLessThan(ARTICLES);

    // The killed run's file opens and is consistent: whole batches, the run marked as running.
    const db = await openDatabase(join(dir, 'killed.duckdb'));
    expect(await schemaVersion(db)).toBe(SCHEMA_VERSION);
    const [state] = await db.query<{ docs: number; caps: number; running: number; orphans: number }>(
      `SELECT (SELECT count(*) FROM documents) AS docs,
              (SELECT count(*) FROM captures) AS caps,
              (SELECT count(*) FROM runs WHERE status = 'running') AS running,
              (SELECT count(*) FROM rollout_events e ANTI JOIN documents d USING (doc_id)) AS orphans`,
    );
    db.close();
    expect(state!.running).toBe(1);
    expect(state!.orphans).toBe(0);
    expect(state!.docs).toBe(state!.caps);
    expect(state!.docs % 10).toBe(0); // only committed batches of 10 are there
    expect(state!.docs).toBeGreaterThan(0);
    const loadedBeforeKill = state!.docs;

    // Resume: pages loaded before the kill are not fetched again.
    const before = new Map(site.hits);
    expect((await runCli(killedCfg)).status).toBe(0);
    const refetched = [...site.hits].filter(([p, n]) => p.startsWith('/news/') && n > (before.get(p) ?? 0)).length;
    expect(refetched).toBe(ARTICLES - loadedBeforeKill);

    // Same rows as a run that was never interrupted.
    const cleanCfg = writeConfig(dir, site.origin, 'clean');
    expect((await runCli(cleanCfg)).status).toBe(0);
    const resumed = await factRows(join(dir, 'killed.duckdb'));
    const clean = await factRows(join(dir, 'clean.duckdb'));
    expect(resumed.documents).toHaveLength(ARTICLES);
    expect(resumed).toEqual(clean);
  }, 120_000);

  it('a batch that never fills is still committed after batchSeconds, so a kill loses little', async () => {
    const slow = await serve(30);
    try {
      const cfg = writeConfig(dir, slow.origin, 'timed', { batchSize: 1000, batchSeconds: 0.2 });
      const { status: code } = await runCli(cfg, (kill) => {
        const timer = setInterval(() => {
          if (slow.articleHits() >= ARTICLES / 2) {
            clearInterval(timer);
            kill();
          }
        }, 5);
      });
      expect(code).toBeNull();
      const db = await openDatabase(join(dir, 'timed.duckdb'));
      const [row] = await db.query<{ docs: number }>('SELECT count(*) AS docs FROM documents');
      db.close();
      // 60 pages at 30 ms each take well over 0.2 s: the timer committed some of them,
      // though the 1,000-page batch never filled.
      expect(row!.docs).toBeGreaterThan(0);
      expect(row!.docs).toBeLessThan(ARTICLES);
    } finally {
      await slow.close();
    }
  }, 60_000);
});
