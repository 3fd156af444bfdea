// Pages that are broken in ways real sites break: markup a browser repairs keeps its article
// through a whole run, and a page with no article text is recorded as a failure with its
// reason instead of being stored as an empty document.
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

const STORY =
  '<p>The NHS 111 service in Somerset went live on 1 June 2013, the clinical commissioning group said in its monthly update.</p>' +
  '<p>Commissioners said call answering times would be published every month from July, beside ambulance referrals.</p>';

const PAGES: Record<string, string> = {
  '/news/well-formed': `<h1>NHS 111 goes live in Somerset</h1>${STORY}`,
  '/news/misnested': `<h1>NHS 111 goes live in Somerset</h2>${STORY}`,
  '/news/empty': '<nav><a href="/">Home</a> <a href="/news">News</a></nav>',
};

function html(body: string): string {
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Somerset update</title>
<meta property="article:published_time" content="2013-06-03T10:00:00+01:00"></head><body><article>${body}</article></body></html>`;
}

describe('broken pages in a run', () => {
  let dir: string;
  let server: Server;
  let origin = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rollwatch-broken-'));
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      if (path === '/robots.txt') return res.end('User-agent: *\nAllow: /\n');
      if (path === '/sitemap.xml') {
        res.setHeader('content-type', 'application/xml');
        const urls = Object.keys(PAGES).map((p) => `<url><loc>${origin}${p}</loc></url>`).join('');
        return res.end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`);
      }
      const body = PAGES[path];
      if (body === undefined) {
        res.statusCode = 404;
        return res.end('not found');
      }
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(html(body));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    writeFileSync(
      join(dir, 'site.json'),
      JSON.stringify({
        id: 'broken',
        name: 'Broken pages',
        site: origin,
        hosts: [new URL(origin).host],
        discover: [{ sitemap: `${origin}/sitemap.xml` }],
        articles: { include: ['^/news/'] },
        rateLimit: { maxConcurrency: 2, delayMs: 0 },
      }),
    );
    writeFileSync(join(dir, 'run.json'), JSON.stringify({ sources: ['site.json'], db: join(dir, 'db.duckdb'), archive: join(dir, 'archive'), fast: true, workers: 0 }));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the misnested page whole and records the empty one as empty_body', async () => {
    const report = await runPipeline(loadConfig(join(dir, 'run.json')), { progress: createProgress(process.stderr, true) });
    expect(report.counts.pagesFailed).toBe(1);
    const db = await openDatabase(join(dir, 'db.duckdb'), { readOnly: true });
    try {
      const docs = await db.query<{ url: string; title: string; body: string }>('SELECT url, title, body FROM documents ORDER BY url');
      expect(docs.map((d) => d.url.replace(origin, ''))).toEqual(['/news/misnested', '/news/well-formed']);
      expect(docs[0]!.body).toBe(docs[1]!.body);
      expect(docs[0]!.body).toMatch(/^The NHS 111 service in Somerset went live/);
      const errors = await db.query<{ url: string; reason: string }>('SELECT url, reason FROM fetch_errors');
      expect(errors).toEqual([{ url: `${origin}/news/empty`, reason: 'empty_body' }]);
    } finally {
      db.close();
    }
  });
});
