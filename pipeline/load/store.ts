// Writes pages, captures, errors and run records into DuckDB.
// Idempotent by document id and content hash: loading the same page twice adds nothing,
// a changed page replaces its derived rows, and every batch is one transaction so a
// crash leaves the file as it was after the last committed batch.
import { createHash } from 'node:crypto';
import { DuckDBBlobValue, DuckDBDateValue, DuckDBTimestampValue, listValue, type DuckDBAppender } from '@duckdb/node-api';
import { canonicalUrl } from '../crawl/canonical.ts';
import type { Article, Capture, Findings } from '../types.ts';
import type { Database } from './db.ts';
import { NearDuplicateIndex, signatureFromBytes, signatureToBytes, type Signature } from './near-duplicates.ts';
import { DERIVED_TABLES } from './schema.ts';
import { planVersions, VERSION_COLUMNS, versionKey, type VersionOutcome } from './versions.ts';

export interface PageRecord {
  /** The capture's metadata; its HTML stays in the archive (and off the loader's heap). */
  capture: Omit<Capture, 'html'>;
  /** The document's URL as the page gives it (public origin, tracking parameters stripped); its id is derived from the canonical form. */
  docUrl: string;
  /** The article as stored: its body carries the paragraphs, so the list itself is not kept. */
  article: Omit<Article, 'paragraphs'>;
  findings: Findings;
  /** MinHash of the body, computed with the extraction (off the loader's thread); null for too-short bodies. */
  signature: Signature | null;
  warc?: { file: string; recordId: string };
}

/** What loading a page did (see planVersions). */
export type PageOutcome = VersionOutcome;

export interface KnownPage {
  etag: string | null;
  lastModified: string | null;
  contentHash: string | null;
  /** The document this URL's last good capture belongs to. */
  docId: string | null;
  /** Last time the page was fetched and found good or unchanged (ISO). */
  checkedAt: string | null;
  /** The sitemap <lastmod> the page had at its latest good or unchanged capture. */
  sitemapLastmod: string | null;
}

/** A fetch that found the page unchanged (304, or the same content hash). */
export interface NotModifiedRecord {
  sourceId: string;
  url: string;
  at: string;
  known: KnownPage | undefined;
  /** The sitemap <lastmod> the page has now, when the sitemap gives one. */
  sitemapLastmod?: string | null;
}

export interface FetchErrorRecord {
  sourceId: string;
  url: string;
  reason: string;
  httpStatus: number | null;
  detail: string;
  at: string;
}

export interface SourceRunRecord {
  sourceId: string;
  status: 'ok' | 'failed' | 'empty';
  discovered: number;
  fetched: number;
  /** Requested and found unchanged: a 304, or the same bytes as the last capture. */
  notModified: number;
  /** Not requested at all: the sitemap's lastmod is no later than the last good fetch. */
  skippedLastmod: number;
  failed: number;
  articles: number;
  events: number;
  message: string | null;
}

/** What a run was started with, recorded so `reprocess` can extract exactly as the run did. */
export interface RunSetup {
  configFile?: string | null;
  archiveDir?: string | null;
  /** The source declarations as validated (defaults filled in). */
  sources?: readonly { id: string }[];
}

export interface RunCounts {
  pagesFetched: number;
  pagesFailed: number;
  /** Requested and found unchanged (304 or the same content hash). */
  pagesNotModified: number;
  /** Never requested: sitemap lastmod no later than the last good fetch. */
  pagesSkippedLastmod: number;
  documentsNew: number;
  documentsChanged: number;
  eventsAdded: number;
}

/**
 * A document's id: a hash of its canonical URL, so `/story/`, `/story`, `/story/index.html`
 * and a `?utm_source=` link are one document whichever form a page or a link used.
 */
export function docIdFor(url: string): string {
  return createHash('sha256').update(canonicalUrl(url)).digest('hex').slice(0, 16);
}

export function eventIdFor(docId: string, service: string, region: string, status: string): string {
  return createHash('sha256').update(`${docId}\u0000${service}\u0000${region}\u0000${status}`).digest('hex').slice(0, 16);
}

const EPOCH_DAY_MS = 86_400_000;

function dateValue(iso: string | null | undefined): DuckDBDateValue | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new DuckDBDateValue(Math.round(ms / EPOCH_DAY_MS));
}

function timestampValue(iso: string): DuckDBTimestampValue {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`not a timestamp: ${iso}`);
  return new DuckDBTimestampValue(BigInt(ms) * 1000n);
}

function str(a: DuckDBAppender, v: string | null | undefined): void {
  if (v === null || v === undefined) a.appendNull();
  else a.appendVarchar(v);
}

function int(a: DuckDBAppender, v: number | null | undefined): void {
  if (v === null || v === undefined) a.appendNull();
  else a.appendInteger(v);
}

function bool(a: DuckDBAppender, v: boolean | null | undefined): void {
  if (v === null || v === undefined) a.appendNull();
  else a.appendBoolean(v);
}

function dbl(a: DuckDBAppender, v: number | null | undefined): void {
  if (v === null || v === undefined) a.appendNull();
  else a.appendDouble(v);
}

function date(a: DuckDBAppender, v: string | null | undefined): void {
  const d = dateValue(v);
  if (d) a.appendDate(d);
  else a.appendNull();
}

export class Store {
  /**
   * What the loader needs to know of every stored document (content hash, duplicate link,
   * MinHash), read once on the first write: a batch then costs appends, not lookups in
   * tables that grow with every run. Dropped and re-read if a transaction fails.
   */
  private state: DocumentState | null = null;

  constructor(readonly db: Database) {}

  private async documentState(): Promise<DocumentState> {
    if (this.state) return this.state;
    const index = new NearDuplicateIndex();
    const docs = new Map<string, StoredDocument>();
    // A version's latest sighting: its newest capture, a 304 that confirmed it included.
    const reader = await this.db.connection.runAndReadAll(
      `SELECT d.doc_id, d.content_hash, d.duplicate_of, CAST(d.published_at AS VARCHAR), d.body_minhash,
              epoch_ms(greatest(d.fetched_at, coalesce(c.seen, d.fetched_at)))::DOUBLE
         FROM documents d
         LEFT JOIN (SELECT doc_id, content_hash, max(fetched_at) AS seen FROM captures WHERE doc_id IS NOT NULL GROUP BY ALL) c
           USING (doc_id, content_hash)`,
    );
    type Row = [string, string, string | null, string | null, DuckDBBlobValue | null, number];
    for (const [docId, hash, dup, day, sig, seen] of reader.getRows() as Row[]) {
      docs.set(docId, { hash, duplicateOf: dup, latestAt: seen });
      const signature = sig ? signatureFromBytes(sig.bytes) : null;
      if (signature) index.add(docId, day, signature);
    }
    const earlier = new Set<string>();
    const versions = await this.db.connection.runAndReadAll(`SELECT doc_id, content_hash FROM earlier_versions`);
    for (const [docId, hash] of versions.getRows() as [string, string][]) earlier.add(versionKey(docId, hash));
    this.state = { index, docs, earlier, neighbourLists: new Map() };
    return this.state;
  }

  private async guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(work);
    } catch (err) {
      this.state = null; // the in-memory state may have run ahead of the rolled-back tables
      throw err;
    }
  }

  async beginRun(runId: string, startedAt: string, command: string, setup: RunSetup = {}): Promise<void> {
    await this.db.transaction(async () => {
      await this.db.run(
        "INSERT INTO runs (run_id, started_at, status, command, config_file, archive_dir) VALUES (?, ?::TIMESTAMP, 'running', ?, ?, ?)",
        [runId, startedAt, command, setup.configFile ?? null, setup.archiveDir ?? null],
      );
      for (const source of setup.sources ?? []) {
        const declaration = JSON.stringify(source);
        await this.db.run('INSERT INTO run_sources (run_id, source_id, declaration, declaration_sha256) VALUES (?, ?, ?, ?)', [
          runId,
          source.id,
          declaration,
          createHash('sha256').update(declaration).digest('hex'),
        ]);
      }
    });
  }

  async finishRun(runId: string, finishedAt: string, status: string, counts: RunCounts): Promise<void> {
    await this.db.run(
      `UPDATE runs SET finished_at = ?::TIMESTAMP, status = ?, pages_fetched = ?, pages_failed = ?,
         pages_not_modified = ?, pages_skipped_lastmod = ?, documents_new = ?, documents_changed = ?, events_added = ?
       WHERE run_id = ?`,
      [
        finishedAt,
        status,
        counts.pagesFetched,
        counts.pagesFailed,
        counts.pagesNotModified,
        counts.pagesSkippedLastmod,
        counts.documentsNew,
        counts.documentsChanged,
        counts.eventsAdded,
        runId,
      ],
    );
  }

  /**
   * Runs that never finished since the last one that did, newest first: a run killed, then the
   * run resuming it killed too. The next run resumes them all, so neither's pages are fetched again.
   * An import needs no resuming: it skips what it already loaded.
   */
  async interruptedRuns(): Promise<string[]> {
    const rows = await this.db.query<{ run_id: string }>(
      `SELECT run_id FROM runs
        WHERE finished_at IS NULL AND status IN ('running', 'interrupted') AND command IS DISTINCT FROM 'import'
          AND started_at > coalesce((SELECT max(started_at) FROM runs WHERE finished_at IS NOT NULL), TIMESTAMP '-infinity')
        ORDER BY started_at DESC, run_id DESC`,
    );
    return rows.map((r) => r.run_id);
  }

  /** `url capturedAt` (ISO) of every capture read from an archive or a WARC file: a web archive's captures are fetched once. */
  async captureOrigins(): Promise<Set<string>> {
    const rows = await this.db.query<{ k: string }>(
      `SELECT DISTINCT url || ' ' || strftime(fetched_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS k FROM captures WHERE origin IS NOT NULL`,
    );
    return new Set(rows.map((r) => r.k));
  }

  /** Marks runs of `command` that never finished (killed) as interrupted. */
  async closeInterrupted(command: string): Promise<void> {
    await this.db.run("UPDATE runs SET status = 'interrupted' WHERE status = 'running' AND command = ?", [command]);
  }

  /** For each (URL, capture time, content hash), whether captures already holds it: an import skips those. */
  async capturedBefore(keys: { url: string; at: string; hash: string }[]): Promise<boolean[]> {
    if (!keys.length) return [];
    const rows = await this.db.query<{ i: number }>(
      `SELECT k.i FROM (SELECT unnest(?::VARCHAR[]) AS url, CAST(unnest(?::VARCHAR[]) AS TIMESTAMP) AS at,
                               unnest(?::VARCHAR[]) AS hash, unnest(?::INTEGER[]) AS i) k
        WHERE EXISTS (SELECT 1 FROM captures c WHERE c.url = k.url AND c.fetched_at = k.at AND c.content_hash = k.hash)`,
      [listValue(keys.map((k) => k.url)), listValue(keys.map((k) => k.at)), listValue(keys.map((k) => k.hash)), listValue(keys.map((_, i) => i))],
    );
    const found = new Array<boolean>(keys.length).fill(false);
    for (const r of rows) found[r.i] = true;
    return found;
  }

  async markRun(runId: string, status: string): Promise<void> {
    await this.db.run('UPDATE runs SET status = ? WHERE run_id = ?', [status, runId]);
  }

  /** URLs captured (or found unchanged) during these runs: a resumed run skips them. */
  async urlsCapturedInRuns(runIds: string[]): Promise<Set<string>> {
    if (!runIds.length) return new Set();
    const rows = await this.db.query<{ url: string }>('SELECT DISTINCT url FROM captures WHERE list_contains(?::VARCHAR[], run_id)', [
      listValue(runIds),
    ]);
    return new Set(rows.map((r) => r.url));
  }

  /** Moves a run's counts on by what a batch committed, in the batch's transaction. */
  private async addRunCounts(runId: string, d: RunCounts): Promise<void> {
    await this.db.run(
      `UPDATE runs SET pages_fetched = pages_fetched + ?, pages_failed = pages_failed + ?, pages_not_modified = pages_not_modified + ?,
         pages_skipped_lastmod = coalesce(pages_skipped_lastmod, 0) + ?, documents_new = documents_new + ?, documents_changed = documents_changed + ?, events_added = events_added + ?
       WHERE run_id = ?`,
      [d.pagesFetched, d.pagesFailed, d.pagesNotModified, d.pagesSkippedLastmod, d.documentsNew, d.documentsChanged, d.eventsAdded, runId],
    );
  }

  /**
   * One batch of a run in one transaction: its fetch errors, unchanged pages and pages, and the
   * run's counts moved on by them (`fetched` says what the crawl counted for these records). A
   * killed run's row then says what it committed, and a kill never keeps half a batch.
   */
  async commitBatch(
    runId: string,
    batch: { pages: PageRecord[]; errors: FetchErrorRecord[]; unchanged: NotModifiedRecord[] },
    fetched: Pick<RunCounts, 'pagesFetched' | 'pagesFailed' | 'pagesNotModified' | 'pagesSkippedLastmod'>,
  ): Promise<{ outcomes: PageOutcome[]; eventsAdded: number }> {
    const state = await this.documentState();
    return this.guarded(async () => {
      await this.writeErrors(runId, batch.errors);
      await this.writeNotModified(runId, batch.unchanged);
      const result = await this.writePages(runId, batch.pages, state);
      await this.addRunCounts(runId, {
        ...fetched,
        documentsNew: result.outcomes.filter((o) => o === 'new').length,
        documentsChanged: result.outcomes.filter((o) => o === 'changed').length,
        eventsAdded: result.eventsAdded,
      });
      return result;
    });
  }

  /** Latest validators per URL, for conditional requests. */
  async knownPages(): Promise<Map<string, KnownPage>> {
    // 304 rows carry the validators of the capture they confirmed, so the latest row of either kind serves.
    const rows = await this.db.query<{
      url: string;
      etag: string | null;
      last_modified: string | null;
      content_hash: string | null;
      doc_id: string | null;
      checked_at: string;
      sitemap_lastmod: string | null;
    }>(
      `SELECT url, arg_max(etag, fetched_at) AS etag, arg_max(last_modified, fetched_at) AS last_modified,
              arg_max(content_hash, fetched_at) AS content_hash, arg_max(doc_id, fetched_at) AS doc_id,
              strftime(max(fetched_at), '%Y-%m-%dT%H:%M:%S.%gZ') AS checked_at,
              arg_max(sitemap_lastmod, fetched_at) AS sitemap_lastmod
         FROM captures WHERE (status BETWEEN 200 AND 299 OR status = 304) AND content_hash IS NOT NULL GROUP BY url`,
    );
    return new Map(
      rows.map((r) => [
        r.url,
        {
          etag: r.etag,
          lastModified: r.last_modified,
          contentHash: r.content_hash,
          docId: r.doc_id,
          checkedAt: r.checked_at,
          sitemapLastmod: r.sitemap_lastmod,
        },
      ]),
    );
  }

  /** Logs unchanged pages as 304 captures, in one append (a nightly run is mostly these). */
  async recordNotModified(runId: string, pages: NotModifiedRecord[]): Promise<void> {
    if (!pages.length) return;
    await this.guarded(() => this.writeNotModified(runId, pages));
  }

  private async writeNotModified(runId: string, pages: NotModifiedRecord[]): Promise<void> {
    if (!pages.length) return;
    const caps = await this.db.connection.createAppender('captures');
    for (const p of pages) {
      str(caps, p.url);
      str(caps, p.known?.docId ?? null);
      str(caps, p.sourceId);
      str(caps, runId);
      caps.appendTimestamp(timestampValue(p.at));
      caps.appendInteger(304);
      str(caps, p.known?.etag ?? null);
      str(caps, p.known?.lastModified ?? null);
      str(caps, p.known?.contentHash ?? null);
      caps.appendNull();
      caps.appendNull();
      str(caps, p.sitemapLastmod ?? p.known?.sitemapLastmod ?? null);
      caps.appendNull(); // origin
      caps.endRow();
    }
    caps.closeSync();
  }

  async recordErrors(runId: string, errors: FetchErrorRecord[]): Promise<void> {
    if (!errors.length) return;
    await this.db.transaction(() => this.writeErrors(runId, errors));
  }

  private async writeErrors(runId: string, errors: FetchErrorRecord[]): Promise<void> {
    for (const e of errors) {
      await this.db.run(
        `INSERT INTO fetch_errors (run_id, source_id, url, failed_at, reason, http_status, detail)
         VALUES (?, ?, ?, ?::TIMESTAMP, ?, ?, ?)`,
        [runId, e.sourceId, e.url, e.at, e.reason, e.httpStatus, e.detail.slice(0, 2000)],
      );
    }
  }

  async recordSourceRun(runId: string, r: SourceRunRecord): Promise<void> {
    await this.db.run(
      `INSERT OR REPLACE INTO source_runs (run_id, source_id, status, discovered, fetched, not_modified, skipped_lastmod, failed, articles, events, message)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [runId, r.sourceId, r.status, r.discovered, r.fetched, r.notModified, r.skippedLastmod, r.failed, r.articles, r.events, r.message],
    );
  }

  /**
   * Loads a batch of pages in one transaction. A document's latest capture is its `documents` row
   * and derived facts; a capture with other content replaces them when it is newer (the old text
   * moves to earlier_versions) and is kept in earlier_versions when it is older. Every page adds
   * its capture row; one whose content is already stored adds nothing else.
   */
  async savePages(runId: string | null, pages: PageRecord[]): Promise<{ outcomes: PageOutcome[]; eventsAdded: number }> {
    if (!pages.length) return { outcomes: [], eventsAdded: 0 };
    const state = await this.documentState();
    return this.guarded(() => this.writePages(runId, pages, state));
  }

  private async writePages(runId: string | null, pages: PageRecord[], state: DocumentState): Promise<{ outcomes: PageOutcome[]; eventsAdded: number }> {
    if (!pages.length) return { outcomes: [], eventsAdded: 0 };
    const ids = pages.map((p) => docIdFor(p.docUrl));
    const plan = planVersions(pages, ids, state);
    const toWrite = plan.current.map((i) => ({ page: pages[i]!, docId: ids[i]! }));
    await this.retireVersions(plan.replaced, plan.restored);
    await this.deleteDocuments(plan.replaced);
    const eventsAdded = await this.appendDerived(toWrite, state);
    await this.appendEarlier(plan.earlier.map((i) => ({ page: pages[i]!, docId: ids[i]! })));
    await this.appendCaptures(runId, pages, ids);
    await this.markDuplicates(toWrite.map((w) => w.docId), state);
    return { outcomes: plan.outcomes, eventsAdded };
  }

  /**
   * Before documents are replaced by newer versions, their text moves to earlier_versions; a
   * version that becomes current again (a page reverted to what it said before) leaves it.
   */
  private async retireVersions(replacedIds: string[], restored: string[]): Promise<void> {
    if (restored.length) {
      await this.db.run(`DELETE FROM earlier_versions WHERE list_contains(?::VARCHAR[], doc_id || ':' || content_hash)`, [listValue(restored)]);
    }
    if (!replacedIds.length) return;
    await this.db.run(
      `INSERT INTO earlier_versions (${VERSION_COLUMNS})
       SELECT ${VERSION_COLUMNS} FROM documents d
        WHERE list_contains(?::VARCHAR[], d.doc_id)
          AND NOT EXISTS (SELECT 1 FROM earlier_versions v WHERE v.doc_id = d.doc_id AND v.content_hash = d.content_hash)`,
      [listValue(replacedIds)],
    );
  }

  private async appendEarlier(versions: { page: PageRecord; docId: string }[]): Promise<void> {
    if (!versions.length) return;
    const a = await this.db.connection.createAppender('earlier_versions');
    for (const { page, docId } of versions) {
      const art = page.article;
      str(a, docId);
      str(a, page.docUrl);
      str(a, page.capture.sourceId);
      str(a, art.title);
      date(a, art.published);
      str(a, art.author);
      str(a, art.body);
      str(a, page.capture.contentHash);
      a.appendTimestamp(timestampValue(page.capture.fetchedAt));
      str(a, art.publishedRaw);
      str(a, art.publishedSource);
      date(a, art.updated);
      a.endRow();
    }
    a.closeSync();
  }

  /** Rebuilds derived rows for documents from fresh extraction (reprocess). */
  async replaceDerived(pages: PageRecord[]): Promise<number> {
    const state = await this.documentState();
    return this.guarded(async () => {
      const toWrite = pages.map((page) => ({ page, docId: docIdFor(page.docUrl) }));
      await this.deleteDocuments(toWrite.map((w) => w.docId));
      const n = await this.appendDerived(toWrite, state);
      await this.markDuplicates(toWrite.map((w) => w.docId), state);
      return n;
    });
  }

  /** Removes documents and their derived rows (captures stay: they are the history). */
  private async deleteDocuments(docIds: string[]): Promise<void> {
    if (!docIds.length) return;
    const list = listValue(docIds);
    for (const table of [...DERIVED_TABLES, 'documents']) {
      await this.db.run(`DELETE FROM ${table} WHERE list_contains(?::VARCHAR[], doc_id)`, [list]);
    }
  }

  private async appendDerived(toWrite: { page: PageRecord; docId: string }[], state: DocumentState): Promise<number> {
    if (!toWrite.length) return 0;
    const c = this.db.connection;
    // Index the whole batch first, so copies within one batch find each other.
    for (const { page, docId } of toWrite) state.index.add(docId, page.article.published, page.signature);
    const docs = await c.createAppender('documents');
    const neighbourLists = state.neighbourLists;
    neighbourLists.clear();
    for (const { page, docId } of toWrite) {
      const a = page.article;
      str(docs, docId);
      str(docs, page.docUrl);
      str(docs, page.capture.sourceId);
      str(docs, a.title);
      date(docs, a.published);
      str(docs, a.author);
      str(docs, a.body);
      str(docs, page.capture.contentHash);
      docs.appendTimestamp(timestampValue(page.capture.fetchedAt));
      str(docs, a.publishedRaw);
      str(docs, a.publishedSource);
      date(docs, a.updated);
      const near = state.index.neighbours(docId);
      neighbourLists.set(docId, near);
      const duplicateOf = state.index.originalOf(docId, near);
      state.docs.set(docId, { hash: page.capture.contentHash, duplicateOf, latestAt: Date.parse(page.capture.fetchedAt) });
      str(docs, duplicateOf);
      if (page.signature) docs.appendBlob(signatureToBytes(page.signature));
      else docs.appendNull();
      docs.endRow();
    }
    docs.closeSync();

    const ents = await c.createAppender('entities');
    const quotes = await c.createAppender('quotes');
    const dates = await c.createAppender('date_mentions');
    const claims = await c.createAppender('numeric_claims');
    const events = await c.createAppender('rollout_events');
    let eventCount = 0;
    for (const { page, docId } of toWrite) {
      const f = page.findings;
      for (const e of f.entities) {
        str(ents, docId);
        str(ents, e.kind);
        str(ents, e.name);
        str(ents, e.surface);
        str(ents, e.code);
        int(ents, e.start);
        int(ents, e.end);
        ents.endRow();
      }
      for (const q of f.quotes) {
        str(quotes, docId);
        str(quotes, q.text);
        str(quotes, q.speaker);
        str(quotes, q.speakerRole);
        int(quotes, q.start);
        int(quotes, q.end);
        quotes.endRow();
      }
      for (const d of f.dates) {
        str(dates, docId);
        str(dates, d.surface);
        str(dates, d.value);
        date(dates, d.rangeStart);
        date(dates, d.rangeEnd);
        int(dates, d.start);
        int(dates, d.end);
        bool(dates, d.milestone);
        dates.endRow();
      }
      for (const n of f.claims) {
        str(claims, docId);
        str(claims, n.text);
        dbl(claims, n.value);
        dbl(claims, n.total);
        str(claims, n.unit);
        str(claims, n.service);
        int(claims, n.start);
        int(claims, n.end);
        claims.endRow();
      }
      const seenEvents = new Set<string>();
      for (const ev of f.events) {
        const id = eventIdFor(docId, ev.service, ev.region, ev.status);
        if (seenEvents.has(id)) continue; // one event per (service, region, status) per document
        seenEvents.add(id);
        str(events, id);
        str(events, docId);
        str(events, ev.service);
        str(events, ev.region);
        str(events, ev.regionCode);
        str(events, ev.provider);
        str(events, ev.status);
        str(events, ev.target);
        str(events, ev.evidence);
        dbl(events, ev.confidence);
        int(events, ev.evidenceStart);
        int(events, ev.evidenceEnd);
        str(events, ev.effective);
        date(events, ev.effectiveStart);
        date(events, ev.effectiveEnd);
        date(events, ev.targetStart);
        date(events, ev.targetEnd);
        str(events, ev.providerCode);
        events.endRow();
        eventCount++;
      }
    }
    for (const a of [ents, quotes, dates, claims, events]) a.closeSync();
    return eventCount;
  }

  private async appendCaptures(runId: string | null, pages: PageRecord[], ids: string[]): Promise<void> {
    const caps = await this.db.connection.createAppender('captures');
    pages.forEach((p, i) => {
      const c = p.capture;
      str(caps, c.url);
      str(caps, ids[i]);
      str(caps, c.sourceId);
      str(caps, runId);
      caps.appendTimestamp(timestampValue(c.fetchedAt));
      caps.appendInteger(c.status);
      str(caps, c.etag);
      str(caps, c.lastModified);
      str(caps, c.contentHash);
      str(caps, p.warc?.file);
      str(caps, p.warc?.recordId);
      str(caps, c.sitemapLastmod ?? null);
      str(caps, c.origin);
      caps.endRow();
    });
    caps.closeSync();
  }

  /**
   * Marks syndicated copies: each written document already points at its story's earliest
   * publication; an earlier-published newcomer can also become the original of stored copies.
   */
  private async markDuplicates(docIds: string[], state: DocumentState): Promise<void> {
    const written = new Set(docIds);
    const neighbours = new Set<string>();
    for (const id of docIds) {
      for (const n of state.neighbourLists.get(id) ?? state.index.neighbours(id)) if (!written.has(n)) neighbours.add(n);
    }
    const ids: string[] = [];
    const originals: (string | null)[] = [];
    for (const id of neighbours) {
      const doc = state.docs.get(id);
      if (!doc) continue;
      const original = state.index.originalOf(id);
      if (original !== doc.duplicateOf) {
        ids.push(id);
        originals.push(original);
        doc.duplicateOf = original;
      }
    }
    if (!ids.length) return;
    // One statement for the batch: documents has no index, so each UPDATE is a scan.
    await this.db.run(
      `UPDATE documents SET duplicate_of = u.original
         FROM (SELECT unnest(?::VARCHAR[]) AS doc_id, unnest(?::VARCHAR[]) AS original) u
        WHERE documents.doc_id = u.doc_id`,
      [listValue(ids), listValue(originals)],
    );
  }

  /**
   * Ids the loader keeps unique itself (the tables have no key index, for loading speed).
   * A run ends with this check, so a loader bug fails loudly instead of doubling facts.
   */
  async checkKeys(): Promise<void> {
    const [row] = await this.db.query<{ docs: number; events: number; versions: number; current: number }>(
      `SELECT (SELECT count(*) - count(DISTINCT doc_id) FROM documents) AS docs,
              (SELECT count(*) - count(DISTINCT event_id) FROM rollout_events) AS events,
              (SELECT count(*) - count(DISTINCT (doc_id, content_hash)) FROM earlier_versions) AS versions,
              (SELECT count(*) FROM earlier_versions v JOIN documents d USING (doc_id, content_hash)) AS current`,
    );
    const problems: string[] = [];
    if (row && row.docs > 0) problems.push(`${row.docs} repeated doc_id values in documents`);
    if (row && row.events > 0) problems.push(`${row.events} repeated event_id values in rollout_events`);
    if (row && row.versions > 0) problems.push(`${row.versions} repeated versions in earlier_versions`);
    if (row && row.current > 0) problems.push(`${row.current} current versions also listed in earlier_versions`);
    if (problems.length) {
      throw new Error(`${this.db.path}: ${problems.join(' and ')} (a rollwatch bug: please report it with this file)`);
    }
  }
}

interface StoredDocument {
  hash: string;
  duplicateOf: string | null;
  /** Newest capture of the stored version (epoch ms): an older capture cannot replace it. */
  latestAt: number;
}

interface DocumentState {
  index: NearDuplicateIndex;
  docs: Map<string, StoredDocument>;
  /** `docId:contentHash` of every row of earlier_versions. */
  earlier: Set<string>;

  /** Neighbours of the documents written in the current batch, found once and used twice. */
  neighbourLists: Map<string, string[]>;
}

