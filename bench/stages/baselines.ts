// Reference measurements the rollwatch stages are compared with, in the same run:
// the raw fetch + parse loop, crawlee's CheerioCrawler and HttpCrawler, compromise with dates on every
// document, and DuckDB's appender.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import PQueue from 'p-queue';
import { Agent, request } from 'undici';
import { BenchSite } from '../site.ts';
import { cpuSecondsSince, measured, sitemapUrls, type StageArgs, type StageResult } from '../common.ts';

/** undici.request + cheerio.load with p-queue (concurrency 10), no storage: the physical limit. */
export async function raw(args: StageArgs): Promise<StageResult> {
  const started = performance.now();
  const urls = await sitemapUrls(args.origin);
  const dispatcher = new Agent({ connections: 10, pipelining: 1 });
  const queue = new PQueue({ concurrency: 10 });
  let titles = 0;
  let failed = 0;
  for (const url of urls) {
    void queue.add(async () => {
      try {
        const res = await request(url, { dispatcher });
        const html = await res.body.text();
        const $ = cheerio.load(html);
        if ($('h1').first().text()) titles++;
      } catch {
        failed++;
      }
    });
  }
  await queue.onIdle();
  await dispatcher.close();
  const seconds = (performance.now() - started) / 1000;
  return { units: urls.length, unit: 'pages', seconds, extra: { titles, failed } };
}

/** crawlee's CheerioCrawler, in-memory storage, concurrency 10. */
export async function crawlee(args: StageArgs): Promise<StageResult> {
  const { CheerioCrawler, log, LogLevel } = await import('@crawlee/cheerio');
  const { Configuration } = await import('@crawlee/core');
  log.setLevel(LogLevel.OFF);
  const started = performance.now();
  const urls = await sitemapUrls(args.origin);
  let handled = 0;
  const crawler = new CheerioCrawler(
    {
      minConcurrency: 10,
      maxConcurrency: 10,
      maxRequestRetries: 1,
      requestHandler: async ({ $ }) => {
        if ($('h1').first().text()) handled++;
      },
    },
    new Configuration({ persistStorage: false }),
  );
  await crawler.run(urls);
  const seconds = (performance.now() - started) / 1000;
  return { units: urls.length, unit: 'pages', seconds, extra: { handled } };
}

/** crawlee's HttpCrawler (got-scraping, no parse), in-memory storage, concurrency 10: the crawler class not chosen. */
export async function crawleeHttp(args: StageArgs): Promise<StageResult> {
  const { HttpCrawler, log, LogLevel } = await import('@crawlee/http');
  const { Configuration } = await import('@crawlee/core');
  log.setLevel(LogLevel.OFF);
  const started = performance.now();
  const urls = await sitemapUrls(args.origin);
  let handled = 0;
  const crawler = new HttpCrawler(
    {
      minConcurrency: 10,
      maxConcurrency: 10,
      maxRequestRetries: 1,
      useSessionPool: false,
      requestHandler: async ({ body }) => {
        if (body.length) handled++;
      },
    },
    new Configuration({ persistStorage: false }),
  );
  await crawler.run(urls);
  const seconds = (performance.now() - started) / 1000;
  return { units: urls.length, unit: 'pages', seconds, extra: { handled } };
}

export function articleTexts(args: StageArgs): { text: string; published: string }[] {
  const site = new BenchSite({ pages: args.pages, seed: args.seed });
  const out: { text: string; published: string }[] = [];
  const n = Math.min(args.pages, args.docLimit);
  for (let i = 0; i < n; i++) {
    // Spread the sample over the whole site so the relevant share is representative.
    const a = site.article(Math.floor((i * args.pages) / n));
    const body = /<div class="article-body">([\s\S]*?)<\/div>/.exec(a.html)?.[1] ?? '';
    const $ = cheerio.load(body);
    const text = $('p').map((_, p) => $(p).text()).get().join('\n\n');
    out.push({ text, published: a.published });
  }
  return out;
}

/** compromise + compromise-dates on every document: entities, quotations and dates. */
export async function nlpBaseline(args: StageArgs): Promise<StageResult> {
  const nlp = (await import('compromise')).default;
  const datesPlugin = (await import('compromise-dates')).default;
  nlp.plugin(datesPlugin);
  // At ~30 docs/s a hundred documents give a stable rate in a few seconds.
  const docs = articleTexts({ ...args, docLimit: Math.min(args.docLimit, 100) });
  await measured.begin();
  const cpu = process.cpuUsage();
  const started = performance.now();
  let found = 0;
  for (const d of docs) {
    const doc = nlp(d.text);
    found += doc.people().length + doc.places().length + doc.organizations().length + doc.quotations().length;
    // compromise-dates adds .dates() to the document; its typings are not merged into nlp's View.
    const dated = doc as unknown as { dates(o: { today: string; timezone: string }): { json(): unknown[] } };
    found += dated.dates({ today: d.published, timezone: 'Europe/London' }).json().length;
  }
  const seconds = (performance.now() - started) / 1000;
  return { units: docs.length, unit: 'docs', seconds, extra: { found, cpuSeconds: cpuSecondsSince(cpu) } };
}

/**
 * DuckDB appender, row by row, into a file DB with a checkpoint: the machine's speed at the
 * one load figure with a quiet-machine reference. The row shape (INTEGER, INTEGER, VARCHAR,
 * VARCHAR, DOUBLE) is the one that 1.32 M rows/s was measured with (shared notes §3), so the
 * ratio of the two says how fast this machine is right now.
 */
export async function loadBaseline(args: StageArgs): Promise<StageResult> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const path = join(args.workDir, 'appender.duckdb');
  rmSync(path, { force: true });
  const instance = await DuckDBInstance.create(path, { threads: '2' });
  const con = await instance.connect();
  await con.run('CREATE TABLE t (a INTEGER, b INTEGER, c VARCHAR, d VARCHAR, e DOUBLE)');
  const started = performance.now();
  const appender = await con.createAppender('t');
  for (let i = 0; i < args.rows; i++) {
    appender.appendInteger(i);
    appender.appendInteger(i % 1000);
    appender.appendVarchar(`name-${i % 5000}`);
    appender.appendVarchar(`category-${i % 17}`);
    appender.appendDouble(i * 0.5);
    appender.endRow();
  }
  appender.closeSync();
  await con.run('CHECKPOINT');
  const seconds = (performance.now() - started) / 1000;
  con.closeSync();
  instance.closeSync();
  return { units: args.rows, unit: 'rows', seconds };
}
