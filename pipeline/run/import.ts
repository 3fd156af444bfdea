// `rollwatch import FILE.warc[.gz]…`: load WARC files made elsewhere (Common Crawl news, wget,
// browsertrix) as if rollwatch had fetched them at the time they were captured. Only responses
// on a configured source's hosts and article patterns are kept; each is copied into the archive
// (so `reprocess` can redo it) and loaded like a crawled page. A capture already in the database
// (same URL, capture time and content) is skipped, so importing a file twice adds nothing.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { loadKnowledge } from '../analyse/index.ts';
import { decodeHtml, openArchive, type Archive } from '../archive/index.ts';
import { readWarcFile, type WarcResponse } from '../archive/warc-file.ts';
import { canonicalUrl } from '../crawl/canonical.ts';
import { docIdFor, Store, type FetchErrorRecord, type PageRecord, type RunCounts } from '../load/store.ts';
import type { LoadedConfig } from '../sources/load.ts';
import { sourceMatcher, type SourceMatcher } from '../sources/match.ts';
import type { Source } from '../sources/schema.ts';
import type { Capture } from '../types.ts';
import { ExtractPool, workerCount } from './extract-pool.ts';
import { openWriter } from './open-writer.ts';
import { createProgress, type Progress } from './progress.ts';
import { newRunId } from './run.ts';
import { inShard, type Shard } from './shard.ts';

export interface ImportFileReport {
  file: string;
  /** Every WARC record read, of any type. */
  records: number;
  responses: number;
  /** Responses kept: 2xx HTML on a source's hosts and article pattern (and in this shard). */
  articles: number;
  documentsNew: number;
  documentsChanged: number;
  /** Captures older than the stored version of their document, kept as earlier versions. */
  earlierVersions: number;
  /** Captures already in the database (same URL, capture time and content). */
  alreadyImported: number;
  /** Responses whose URL is no configured source's article. */
  notArticles: number;
  /** Responses with a status other than 2xx, or that are not HTML. */
  notPages: number;
  otherShards: number;
  /** Articles the extractor could not read (in fetch_errors). */
  failed: number;
  eventsAdded: number;
  /** Where the file is damaged and what was lost; null for a sound file. */
  damage: string | null;
}

export interface ImportReport {
  runId: string;
  status: 'ok' | 'input_damaged';
  files: ImportFileReport[];
  counts: RunCounts;
}

export interface ImportOptions {
  shard?: Shard;
  progress?: Progress;
}

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

interface Candidate {
  source: Source;
  record: WarcResponse;
  url: string;
  hash: string;
}

function emptyReport(file: string): ImportFileReport {
  return {
    file, records: 0, responses: 0, articles: 0, documentsNew: 0, documentsChanged: 0, earlierVersions: 0, alreadyImported: 0,
    notArticles: 0, notPages: 0, otherShards: 0, failed: 0, eventsAdded: 0, damage: null,
  };
}

function isHtml(record: WarcResponse): boolean {
  const type = record.headers['content-type'];
  if (type) return HTML_TYPES.test(type.trim());
  const head = record.body.subarray(0, 512);
  return !head.includes(0) && head.subarray(0, 5).toString('latin1') !== '%PDF-';
}

function describeDamage(offset: number, bytes: number, message: string): string {
  return `${bytes} bytes unreadable from byte ${offset} (${message})`;
}

/** Why a response is not imported, or the candidate it becomes. */
function classify(record: WarcResponse, matcher: SourceMatcher, shard: Shard | undefined): Candidate | 'notArticles' | 'notPages' | 'otherShards' {
  const source = matcher.articleSource(record.url);
  if (!source) return 'notArticles';
  if (record.status < 200 || record.status >= 300 || !isHtml(record)) return 'notPages';
  const url = canonicalUrl(record.url);
  if (!inShard(docIdFor(url), shard)) return 'otherShards';
  return { source, record, url, hash: createHash('sha256').update(record.body).digest('hex') };
}

class Importer {
  readonly counts: RunCounts = { pagesFetched: 0, pagesFailed: 0, pagesNotModified: 0, pagesSkippedLastmod: 0, documentsNew: 0, documentsChanged: 0, eventsAdded: 0 };

  constructor(
    private readonly loaded: LoadedConfig,
    private readonly store: Store,
    private readonly pool: ExtractPool,
    private readonly archive: Archive,
    private readonly runId: string,
    private readonly options: ImportOptions & { progress: Progress },
  ) {}

  async importFile(path: string): Promise<ImportFileReport> {
    const report = emptyReport(path);
    const matcher = sourceMatcher(this.loaded.sources);
    const label = basename(path);
    const progress = this.options.progress;
    let chunk: Candidate[] = [];
    let read = 0;
    let total = 1;
    const onBytes = (r: number, t: number) => {
      read = r;
      total = t;
    };
    for await (const entry of readWarcFile(path, { onBytes })) {
      if (entry.kind === 'damaged') {
        const damage = describeDamage(entry.offset, entry.bytes, entry.message);
        report.damage = report.damage ? `${report.damage}; ${damage}` : damage;
        progress.log('warc_damaged', { file: path, offset: entry.offset, bytes: entry.bytes, error: entry.message });
        continue;
      }
      report.records++;
      if (entry.kind === 'skipped') continue;
      report.responses++;
      const outcome = classify(entry, matcher, this.options.shard);
      if (typeof outcome === 'string') report[outcome]++;
      else chunk.push(outcome);
      if (chunk.length >= this.loaded.config.batchSize) {
        await this.load(chunk, report, label);
        chunk = [];
      }
      // Records read so far, and an estimate of those left from the bytes left.
      const queued = Math.round((report.records * (total - read)) / Math.max(read, 1));
      progress.update(label, { fetched: report.records, queued, failed: report.failed });
    }
    await this.load(chunk, report, label);
    progress.update(label, { fetched: report.records, queued: 0, failed: report.failed });
    return report;
  }

  /** Archives, extracts and loads one chunk of candidates in one transaction. */
  private async load(chunk: Candidate[], report: ImportFileReport, label: string): Promise<void> {
    if (!chunk.length) return;
    const before = await this.store.capturedBefore(chunk.map((c) => ({ url: c.url, at: c.record.capturedAt, hash: c.hash })));
    const seen = new Set<string>();
    const fresh = chunk.filter((c, i) => {
      const key = `${c.url}\u0000${c.record.capturedAt}\u0000${c.hash}`;
      const repeat = before[i] || seen.has(key);
      seen.add(key);
      if (repeat) report.alreadyImported++;
      return !repeat;
    });
    const errors: FetchErrorRecord[] = [];
    const extracted = fresh.map((c) => this.extract(c, label));
    const records: PageRecord[] = [];
    for (const [i, result] of (await Promise.allSettled(extracted)).entries()) {
      if (result.status === 'fulfilled') {
        records.push(result.value);
        continue;
      }
      const c = fresh[i]!;
      report.failed++;
      errors.push({
        sourceId: c.source.id,
        url: c.url,
        reason: 'extract_failed',
        httpStatus: c.record.status,
        detail: `${label} record ${c.record.recordId}: ${(result.reason as Error)?.stack ?? String(result.reason)}`,
        at: new Date().toISOString(),
      });
    }
    report.articles += fresh.length;
    await this.store.recordErrors(this.runId, errors);
    const { outcomes, eventsAdded } = await this.store.savePages(this.runId, records);
    for (const o of outcomes) {
      if (o === 'new') report.documentsNew++;
      if (o === 'changed') report.documentsChanged++;
      if (o === 'earlier') report.earlierVersions++;
    }
    report.eventsAdded += eventsAdded;
    this.counts.pagesFetched += fresh.length;
    this.counts.pagesFailed += errors.length;
    this.counts.pagesNotModified += chunk.length - fresh.length;
    this.counts.documentsNew += outcomes.filter((o) => o === 'new').length;
    this.counts.documentsChanged += outcomes.filter((o) => o === 'changed').length;
    this.counts.eventsAdded += eventsAdded;
  }

  /** Copies the record into the archive, as rollwatch would have written it, then extracts it. */
  private async extract(c: Candidate, label: string): Promise<PageRecord> {
    const r = c.record;
    const ref = await this.archive.append({ url: c.url, fetchedAt: r.capturedAt, status: r.status, headers: r.headers, body: r.body, sourceId: c.source.id });
    const contentType = r.headers['content-type'] ?? null;
    const capture: Capture = {
      url: c.url,
      sourceId: c.source.id,
      fetchedAt: r.capturedAt,
      status: r.status,
      contentType,
      etag: r.headers.etag ?? null,
      lastModified: r.headers['last-modified'] ?? null,
      html: decodeHtml(r.body, contentType),
      contentHash: c.hash,
      origin: `${label}#${r.recordId}`,
    };
    return (await this.pool.extract(c.source, capture, ref)).record;
  }
}

/** Imports the files in order, each record of each file at most once. Damage in one file does not stop the others. */
export async function importWarcFiles(loaded: LoadedConfig, files: string[], options: ImportOptions = {}): Promise<ImportReport> {
  const progress = options.progress ?? createProgress();
  const db = await openWriter(loaded);
  const pool = new ExtractPool(workerCount(loaded.config.workers), loadKnowledge());
  try {
    const store = new Store(db);
    await store.closeInterrupted('import');
    const started = new Date();
    const runId = newRunId(started);
    await store.beginRun(runId, started.toISOString(), 'import', { configFile: loaded.file ?? null, archiveDir: loaded.paths.archive, sources: loaded.sources });
    const archive = await openArchive(loaded.paths.archive, runId);
    const importer = new Importer(loaded, store, pool, archive, runId, { ...options, progress });
    const reports: ImportFileReport[] = [];
    try {
      for (const file of files) {
        reports.push(await importer.importFile(file));
        progress.log('import_file_done', { ...reports.at(-1) });
      }
    } finally {
      await archive.close();
    }
    const status = reports.some((r) => r.damage) ? 'input_damaged' : 'ok';
    await store.checkKeys();
    await store.finishRun(runId, new Date().toISOString(), status, importer.counts);
    await db.run('CHECKPOINT');
    progress.stop();
    return { runId, status, files: reports, counts: importer.counts };
  } finally {
    await pool.close();
    db.close();
  }
}
