// rollwatch's own stages, measured through their public interfaces. Each module is
// imported lazily: a stage whose code is not on this branch yet reports NotAvailable.
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { parseSource, loadConfig } from '../../pipeline/sources/load.ts';
import type { Source } from '../../pipeline/sources/schema.ts';
import type { Article, Capture, Findings } from '../../pipeline/types.ts';
import { BenchSite } from '../site.ts';
import {
  benchSourceDeclaration,
  cpuSecondsSince,
  importOptional,
  measured,
  NotAvailable,
  PUBLIC_ORIGIN,
  type StageArgs,
  type StageResult,
} from '../common.ts';

// The interfaces below mirror /work/wt/prompts/full-crawl.md and the run interface named
// in the bench brief; they are declared here because the modules may not exist yet.
interface ArchiveRef {
  file: string;
  recordId: string;
}
interface Archive {
  close(): Promise<void>;
}
interface KnownPage {
  etag: string | null;
  lastModified: string | null;
  contentHash: string | null;
  checkedAt?: string | null;
}
interface CrawlHooks {
  known(url: string): KnownPage | undefined;
  done(url: string): boolean;
  onArticle(capture: Capture, archived: ArchiveRef): Promise<void>;
  onNotModified(url: string): Promise<void>;
  onError(error: { reason: string }): Promise<void>;
}
interface CrawlModule {
  crawlSource(
    source: Source,
    options: { userAgent: string; fetchOrigin?: string; archive: Archive; fast?: boolean },
    hooks: CrawlHooks,
  ): Promise<Record<string, unknown>>;
}
interface ArchiveModule {
  openArchive(dir: string, runId: string): Promise<Archive>;
  readArchive(dir: string): AsyncIterable<{
    url: string;
    status: number;
    headers: Record<string, string>;
    body: Buffer;
  }>;
  decodeHtml?(body: Buffer, contentType: string | null): string;
}
interface ArticleModule {
  extractArticle(html: string, url: string): Article;
}
interface AnalyseModule {
  loadKnowledge(): unknown;
  analyse(article: Article, knowledge: unknown): Findings;
}
interface RunModule {
  runPipeline(loaded: ReturnType<typeof loadConfig>, options?: { progress?: unknown }): Promise<unknown>;
  reprocess?(loaded: ReturnType<typeof loadConfig>, options?: { progress?: unknown }): Promise<unknown>;
}
/** The run's progress reporter, silenced so the bench measures work, not logging. */
const quiet = { update() {}, log() {}, stop() {} };

const USER_AGENT = 'rollwatch-bench/0.1 (local synthetic site)';

async function firstAvailable<T>(candidates: string[], needed: string[]): Promise<T> {
  const reasons: string[] = [];
  for (const path of candidates) {
    try {
      return await importOptional<T>(path, needed);
    } catch (err) {
      if (!(err instanceof NotAvailable)) throw err;
      reasons.push(err.message);
    }
  }
  throw new NotAvailable(reasons.join('; '));
}

const crawlModule = () => importOptional<CrawlModule>('pipeline/crawl/index.ts', ['crawlSource']);
const archiveModule = () =>
  firstAvailable<ArchiveModule>(
    ['pipeline/archive/index.ts'],
    ['openArchive', 'readArchive'],
  );
const runModule = async (): Promise<RunModule> => {
  const run = await importOptional<RunModule>('pipeline/run/run.ts', ['runPipeline']);
  try {
    const { reprocess } = await importOptional<Pick<RunModule, 'reprocess'>>('pipeline/run/reprocess.ts', ['reprocess']);
    return { runPipeline: run.runPipeline, reprocess };
  } catch (err) {
    if (err instanceof NotAvailable) return run;
    throw err;
  }
};

function benchSource(origin: string): Source {
  return parseSource(benchSourceDeclaration(origin), 'bench source');
}

/** Resumable crawl state as an append-only journal, one line per finished article. */
interface JournalLine extends KnownPage {
  url: string;
}

function readJournal(path: string): Map<string, KnownPage> {
  const known = new Map<string, KnownPage>();
  if (!existsSync(path)) return known;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line) continue;
    const j = JSON.parse(line) as JournalLine;
    known.set(j.url, { etag: j.etag, lastModified: j.lastModified, contentHash: j.contentHash, checkedAt: j.checkedAt ?? null });
  }
  return known;
}

async function crawlOnce(args: StageArgs, runId: string): Promise<StageResult> {
  const { crawlSource } = await crawlModule();
  const { openArchive } = await archiveModule();
  const source = benchSource(args.origin);
  mkdirSync(args.workDir, { recursive: true });
  const journalPath = join(args.workDir, 'crawl-state.jsonl');
  const started = performance.now();
  const known = readJournal(journalPath);
  const journal = createWriteStream(journalPath, { flags: 'a' });
  const archive = await openArchive(join(args.workDir, 'archive'), runId);
  const counts = { articles: 0, notModified: 0, errors: 0 };
  const stats = await crawlSource(
    source,
    { userAgent: USER_AGENT, fetchOrigin: args.origin, archive, fast: true },
    {
      known: (url) => known.get(url),
      done: () => false,
      async onArticle(capture) {
        counts.articles++;
        const line: JournalLine = {
          url: capture.url,
          etag: capture.etag,
          lastModified: capture.lastModified,
          contentHash: capture.contentHash,
          checkedAt: capture.fetchedAt,
        };
        journal.write(`${JSON.stringify(line)}\n`);
      },
      async onNotModified() {
        counts.notModified++;
      },
      async onError() {
        counts.errors++;
      },
    },
  );
  await archive.close();
  await new Promise<void>((resolve) => journal.end(resolve));
  const seconds = (performance.now() - started) / 1000;
  const extra: Record<string, number | string> = { ...counts };
  for (const [k, v] of Object.entries(stats)) if (typeof v === 'number') extra[`stats.${k}`] = v;
  return { units: args.pages, unit: 'pages', seconds, extra };
}

/** First crawl of the site: crawlSource with politeness off, archive and resumable state on. */
export const crawl = (args: StageArgs) => crawlOnce(args, 'bench-1');
/** The same crawl again over the unchanged site, with the first run's validators. */
export const crawlSecond = (args: StageArgs) => crawlOnce(args, 'bench-2');

function sampleHtml(args: StageArgs): { html: string; url: string }[] {
  const site = new BenchSite({ pages: args.pages, seed: args.seed });
  const n = Math.min(args.pages, args.docLimit);
  const out: { html: string; url: string }[] = [];
  for (let i = 0; i < n; i++) {
    const a = site.article(Math.floor((i * args.pages) / n));
    out.push({ html: a.html, url: PUBLIC_ORIGIN + a.path });
  }
  return out;
}

/** extractArticle alone: HTML → Article. */
export async function article(args: StageArgs): Promise<StageResult> {
  const { extractArticle } = await importOptional<ArticleModule>('pipeline/article/extract.ts', ['extractArticle']);
  const pages = sampleHtml(args);
  await measured.begin();
  const started = performance.now();
  let paragraphs = 0;
  for (const p of pages) paragraphs += extractArticle(p.html, p.url).paragraphs.length;
  const seconds = (performance.now() - started) / 1000;
  await measured.end();
  return { units: pages.length, unit: 'docs', seconds, extra: { paragraphs } };
}

/** analyse alone, on one core: Article → Findings (articles extracted beforehand, untimed). */
export async function analyse(args: StageArgs): Promise<StageResult> {
  const { extractArticle } = await importOptional<ArticleModule>('pipeline/article/extract.ts', ['extractArticle']);
  const mod = await importOptional<AnalyseModule>('pipeline/analyse/index.ts', ['loadKnowledge', 'analyse']);
  const articles = sampleHtml(args).map((p) => extractArticle(p.html, p.url));
  const k0 = performance.now();
  const knowledge = mod.loadKnowledge();
  const knowledgeSeconds = (performance.now() - k0) / 1000;
  await measured.begin();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const found = { entities: 0, quotes: 0, dates: 0, events: 0 };
  for (const a of articles) {
    const f = mod.analyse(a, knowledge);
    found.entities += f.entities.length;
    found.quotes += f.quotes.length;
    found.dates += f.dates.length;
    found.events += f.events.length;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpuSecondsSince(cpu);
  await measured.end();
  const total = found.entities + found.quotes + found.dates + found.events;
  // A third of the bench articles are rollout stories: finding nothing means the stub.
  const note = total === 0 ? 'found nothing: still the stub?' : '';
  return { units: articles.length, unit: 'docs', seconds, extra: { ...found, knowledgeSeconds, cpuSeconds }, note };
}

/** Reprocess from the archive written by the `crawl` stage: read WARC, decode, extract, analyse. */
export async function reprocessArchive(args: StageArgs): Promise<StageResult> {
  const { readArchive, decodeHtml } = await archiveModule();
  const { extractArticle } = await importOptional<ArticleModule>('pipeline/article/extract.ts', ['extractArticle']);
  const mod = await importOptional<AnalyseModule>('pipeline/analyse/index.ts', ['loadKnowledge', 'analyse']);
  const dir = join(args.workDir, 'archive');
  if (!existsSync(dir)) throw new NotAvailable('no archive: run the crawl stage first');
  const started = performance.now();
  const knowledge = mod.loadKnowledge();
  let docs = 0;
  let events = 0;
  for await (const rec of readArchive(dir)) {
    if (rec.status !== 200 || !/\/story-\d+$/.test(rec.url)) continue;
    const type = rec.headers['content-type'] ?? rec.headers['Content-Type'] ?? null;
    const html = decodeHtml ? decodeHtml(rec.body, type) : rec.body.toString('utf8');
    events += mod.analyse(extractArticle(html, rec.url), knowledge).events.length;
    docs++;
    if (docs >= args.docLimit) break;
  }
  const seconds = (performance.now() - started) / 1000;
  return { units: docs, unit: 'docs', seconds, extra: { events } };
}

function benchConfig(args: StageArgs): ReturnType<typeof loadConfig> {
  mkdirSync(args.workDir, { recursive: true });
  const sourceFile = join(args.workDir, 'bench-source.json');
  writeFileSync(sourceFile, JSON.stringify(benchSourceDeclaration(args.origin)));
  const configFile = join(args.workDir, 'bench-config.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      sources: ['bench-source.json'],
      db: 'rollwatch.duckdb',
      archive: 'archive-pipeline',
      origins: { bench: args.origin },
      fast: true,
    }),
  );
  return loadConfig(configFile, args.workDir);
}

/** Numbers and strings of a report, one level of nesting flattened (`counts.pagesFetched`). */
function summarise(result: unknown, prefix = '', depth = 0): Record<string, number | string> {
  const extra: Record<string, number | string> = {};
  if (result && typeof result === 'object' && !Array.isArray(result)) {
    for (const [k, v] of Object.entries(result)) {
      if (typeof v === 'number' || typeof v === 'string') extra[prefix + k] = v;
      else if (depth === 0) Object.assign(extra, summarise(v, `${k}.`, 1));
    }
  }
  return extra;
}

async function pipelineOnce(args: StageArgs): Promise<StageResult> {
  const { runPipeline } = await runModule();
  const loaded = benchConfig(args);
  const started = performance.now();
  const result = await runPipeline(loaded, { progress: quiet });
  const seconds = (performance.now() - started) / 1000;
  return { units: args.pages, unit: 'pages', seconds, extra: summarise(result) };
}

/** The whole run (discover, crawl, extract, load) as `rollwatch run` does it, politeness off. */
export const pipeline = (args: StageArgs) => pipelineOnce(args);
/** `rollwatch run` again over the unchanged site, same DB and state. */
export const pipelineSecond = (args: StageArgs) => pipelineOnce(args);

/** `rollwatch reprocess`: rebuild derived tables from the pipeline's archive. */
export async function reprocess(args: StageArgs): Promise<StageResult> {
  const mod = await runModule();
  if (!mod.reprocess) throw new NotAvailable('pipeline/run has no reprocess');
  const loaded = benchConfig(args);
  const started = performance.now();
  const result = await mod.reprocess(loaded, { progress: quiet });
  const seconds = (performance.now() - started) / 1000;
  const extra = summarise(result);
  const units = typeof extra.reprocessed === 'number' ? extra.reprocessed : args.pages;
  return { units, unit: 'docs', seconds, extra };
}

interface StoreModule {
  Store: new (db: unknown) => {
    beginRun(runId: string, startedAt: string, command: string): Promise<void>;
    savePages(runId: string | null, pages: unknown[]): Promise<{ outcomes: string[]; eventsAdded: number }>;
  };
}
interface NearDuplicateModule {
  minhashSignature(body: string): Uint32Array | null;
}
interface SignatureBytesModule {
  signatureToBytes(signature: Uint32Array): Uint8Array;
}
/** A synthetic page as the loader takes it (a PageRecord) and the bare appender reads it. */
interface SyntheticPage {
  capture: Omit<Capture, 'html'>;
  docUrl: string;
  article: Omit<Article, 'paragraphs'>;
  findings: Findings;
  signature: Uint32Array | null;
  warc: { file: string; recordId: string };
}
interface DbModule {
  openDatabase(path: string): Promise<{ connection: DuckDBConnection; run(sql: string): Promise<void>; close(): void }>;
}

/** Findings of a typical rollout story, built directly so the load stage measures loading only. */
function syntheticPage(
  i: number,
  site: BenchSite,
  signature: (body: string) => Uint32Array | null,
): { page: SyntheticPage; rows: number } {
  // Bench-site prose, so near-duplicate detection sees bodies as unlike as a real archive's.
  const body = site.articleText(i).paragraphs.join('\n\n');
  const at = (k: number) => ({ start: k * 10, end: k * 10 + 8 });
  const kinds = ['region', 'provider', 'organisation', 'person', 'service'] as const;
  const entities = Array.from({ length: 20 }, (_, k) => ({
    kind: kinds[k % 5]!,
    name: `Name ${k}`,
    surface: `Surface ${k}`,
    code: k % 2 ? `E${k}` : null,
    ...at(k),
  }));
  const quotes = Array.from({ length: 3 }, (_, k) => ({ text: `Quote ${k} of doc ${i}`, speaker: 'Dr A', speakerRole: 'lead', ...at(k) }));
  const dates = Array.from({ length: 8 }, (_, k) => ({
    surface: 'June',
    value: '2013-06',
    rangeStart: '2013-06-01',
    rangeEnd: '2013-06-30',
    ...at(k),
  }));
  const claims = Array.from({ length: 2 }, (_, k) => ({ text: '23 of 44 areas', value: 23, total: 44, unit: 'areas', service: 'NHS 111', ...at(k) }));
  const events = Array.from({ length: 2 }, (_, k) => ({
    service: 'NHS 111',
    region: `Region ${k}`,
    regionCode: null,
    provider: null,
    status: k ? ('paused' as const) : ('delayed' as const),
    target: '2013-08',
    evidence: 'The launch was put on hold.',
    evidenceStart: 0,
    evidenceEnd: 27,
    confidence: 0.9,
  }));
  const url = `${PUBLIC_ORIGIN}/news/2013/05/story-${i}`;
  const page: SyntheticPage = {
    capture: {
      url,
      sourceId: 'bench',
      fetchedAt: '2026-11-25T01:00:00.000Z',
      status: 200,
      contentType: 'text/html',
      etag: `"e${i}"`,
      lastModified: null,
      contentHash: `hash-${i}`,
    },
    docUrl: url,
    article: {
      url,
      title: `Story ${i}`,
      published: '2013-05-21',
      publishedRaw: '21 May 2013',
      publishedSource: 'json-ld',
      updated: null,
      author: null,
      body,
    },
    findings: { entities, quotes, dates, claims, events },
    // Computed with the extraction, on worker threads, in a real run.
    signature: signature(body),
    warc: { file: 'bench.warc.gz', recordId: `<urn:uuid:${i}>` },
  };
  // documents + captures + derived rows
  return { page, rows: 2 + entities.length + quotes.length + dates.length + claims.length + events.length };
}

/** The load stages' records: bench-site prose and typical findings, built before any clock starts. */
async function loadRecords(args: StageArgs): Promise<{ records: { page: SyntheticPage; rows: number }[]; perPage: number }> {
  const { minhashSignature } = await importOptional<NearDuplicateModule>('pipeline/load/near-duplicates.ts', ['minhashSignature']);
  const site = new BenchSite({ pages: 1_000_000, seed: args.seed });
  const perPage = syntheticPage(0, site, minhashSignature).rows;
  const pages = Math.max(1, Math.round(args.loadRows / perPage));
  return { records: Array.from({ length: pages }, (_, i) => syntheticPage(i, site, minhashSignature)), perPage };
}

/** rollwatch's loader: Store.savePages in batches (default 500 pages, the run's batch size), rows/s. */
export async function load(args: StageArgs): Promise<StageResult> {
  const { Store } = await importOptional<StoreModule>('pipeline/load/store.ts', ['Store']);
  const { openDatabase } = await importOptional<DbModule>('pipeline/load/db.ts', ['openDatabase']);
  const db = await openDatabase(join(args.workDir, 'load.duckdb'));
  const store = new Store(db);
  await store.beginRun('bench-load', '2026-11-25T01:00:00Z', 'bench');
  const { records, perPage } = await loadRecords(args);
  const pages = records.length;
  const batch = args.loadBatch;
  await measured.begin();
  const started = performance.now();
  let rows = 0;
  // Per-batch times show whether a batch costs more as the tables grow (a scan per batch).
  const batchMs: number[] = [];
  for (let i = 0; i < pages; i += batch) {
    const chunk = records.slice(i, i + batch);
    for (const r of chunk) rows += r.rows;
    const t = performance.now();
    await store.savePages('bench-load', chunk.map((r) => r.page));
    batchMs.push(performance.now() - t);
  }
  await db.run('CHECKPOINT');
  const seconds = (performance.now() - started) / 1000;
  await measured.end();
  db.close();
  const tenth = Math.max(1, Math.floor(batchMs.length / 10));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    units: rows,
    unit: 'rows',
    seconds,
    extra: {
      pages,
      rowsPerPage: perPage,
      msPerBatchFirstTenth: mean(batchMs.slice(0, tenth)),
      msPerBatchLastTenth: mean(batchMs.slice(-tenth)),
    },
  };
}

/**
 * The ceiling for the loader's own rows: the same records, appended row by row into the same
 * schema in one transaction (so DuckDB writes them once, skipping the WAL), with none of the
 * loader's work (ids, change detection, near-duplicates, per-batch commits). The loader's
 * ratio to this is its overhead; this stage's rate says what the rows themselves cost.
 */
export async function loadBare(args: StageArgs): Promise<StageResult> {
  const { openDatabase } = await importOptional<DbModule>('pipeline/load/db.ts', ['openDatabase']);
  const { signatureToBytes } = await importOptional<SignatureBytesModule>('pipeline/load/near-duplicates.ts', ['signatureToBytes']);
  const { DuckDBDateValue, DuckDBTimestampValue } = await import('@duckdb/node-api');
  const db = await openDatabase(join(args.workDir, 'bare.duckdb'));
  const { records } = await loadRecords(args);
  const c = db.connection;
  const day = (iso: string | null) => (iso ? new DuckDBDateValue(Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000)) : null);
  type Appender = Awaited<ReturnType<typeof c.createAppender>>;
  const s = (a: Appender, v: string | null | undefined) => (v == null ? a.appendNull() : a.appendVarchar(v));
  const n = (a: Appender, v: number | null | undefined) => (v == null ? a.appendNull() : a.appendInteger(v));
  const x = (a: Appender, v: number | null | undefined) => (v == null ? a.appendNull() : a.appendDouble(v));
  const d = (a: Appender, iso: string | null) => {
    const v = day(iso);
    if (v) a.appendDate(v);
    else a.appendNull();
  };
  await measured.begin();
  const started = performance.now();
  let rows = 0;
  await c.run('BEGIN TRANSACTION');
  const [docs, caps, ents, quotes, dates, claims, events] = await Promise.all(
    ['documents', 'captures', 'entities', 'quotes', 'date_mentions', 'numeric_claims', 'rollout_events'].map((t) => c.createAppender(t)),
  );
  records.forEach((r, i) => {
    rows += r.rows;
    const p = r.page;
    const id = `doc-${i}`;
    const a = p.article;
    const fetched = new DuckDBTimestampValue(BigInt(Date.parse(p.capture.fetchedAt)) * 1000n);
    s(docs, id); s(docs, p.docUrl); s(docs, p.capture.sourceId); s(docs, a.title); d(docs, a.published); s(docs, a.author);
    s(docs, a.body); s(docs, p.capture.contentHash); docs.appendTimestamp(fetched); s(docs, a.publishedRaw);
    s(docs, a.publishedSource); d(docs, a.updated); docs.appendNull();
    if (p.signature) docs.appendBlob(signatureToBytes(p.signature));
    else docs.appendNull();
    docs.endRow();
    s(caps, p.capture.url); s(caps, id); s(caps, p.capture.sourceId); s(caps, 'bench-load'); caps.appendTimestamp(fetched);
    caps.appendInteger(p.capture.status); s(caps, p.capture.etag); s(caps, p.capture.lastModified); s(caps, p.capture.contentHash);
    s(caps, p.warc.file); s(caps, p.warc.recordId); s(caps, p.capture.sitemapLastmod ?? null); s(caps, p.capture.origin);
    caps.endRow();
    const f = p.findings;
    for (const e of f.entities) {
      s(ents, id); s(ents, e.kind); s(ents, e.name); s(ents, e.surface); s(ents, e.code); n(ents, e.start); n(ents, e.end);
      ents.endRow();
    }
    for (const q of f.quotes) {
      s(quotes, id); s(quotes, q.text); s(quotes, q.speaker); s(quotes, q.speakerRole); n(quotes, q.start); n(quotes, q.end);
      quotes.endRow();
    }
    for (const m of f.dates) {
      s(dates, id); s(dates, m.surface); s(dates, m.value); d(dates, m.rangeStart); d(dates, m.rangeEnd); n(dates, m.start); n(dates, m.end);
      // The milestone flag and the provider's code are read as the Store reads them (fields other stages add this round).
      const milestone = (m as { milestone?: boolean }).milestone;
      if (milestone === undefined) dates.appendNull(); else dates.appendBoolean(milestone);
      dates.endRow();
    }
    for (const m of f.claims) {
      s(claims, id); s(claims, m.text); x(claims, m.value); x(claims, m.total); s(claims, m.unit); s(claims, m.service);
      n(claims, m.start); n(claims, m.end);
      claims.endRow();
    }
    f.events.forEach((e, k) => {
      s(events, `${id}-${k}`); s(events, id); s(events, e.service); s(events, e.region); s(events, e.regionCode); s(events, e.provider);
      s(events, e.status); s(events, e.target); s(events, e.evidence); x(events, e.confidence); n(events, e.evidenceStart); n(events, e.evidenceEnd);
      s(events, e.effective ?? null); d(events, e.effectiveStart ?? null); d(events, e.effectiveEnd ?? null);
      d(events, e.targetStart ?? null); d(events, e.targetEnd ?? null); s(events, (e as { providerCode?: string | null }).providerCode ?? null);
      events.endRow();
    });
  });
  for (const a of [docs, caps, ents, quotes, dates, claims, events]) a.closeSync();
  await c.run('COMMIT');
  await c.run('CHECKPOINT');
  const seconds = (performance.now() - started) / 1000;
  await measured.end();
  db.close();
  return { units: rows, unit: 'rows', seconds, extra: { pages: records.length } };
}
