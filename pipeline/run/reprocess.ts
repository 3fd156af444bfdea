// `rollwatch reprocess`: rebuild every derived table from the raw archive, without the network.
// Document identity, content hash and fetch time stay as stored; only extraction is redone,
// so a newer extractor can be applied to years of captures.
import { loadKnowledge } from '../analyse/index.ts';
import { decodeHtml, readArchive } from '../archive/index.ts';
import { copySlice } from '../load/slice.ts';
import { Store, type PageRecord } from '../load/store.ts';
import type { LoadedConfig } from '../sources/load.ts';
import { sourceSchema, type Source } from '../sources/schema.ts';
import type { Capture } from '../types.ts';
import { createProgress, type Progress } from './progress.ts';
import { ExtractPool, workerCount } from './extract-pool.ts';
import { openWriter } from './open-writer.ts';
import { inShard, type Shard } from './shard.ts';

export interface ReprocessReport {
  documents: number;
  reprocessed: number;
  missing: string[];
  events: number;
}

interface Wanted {
  docId: string;
  url: string;
  sourceId: string;
  contentHash: string;
  fetchedAt: string;
  status: number;
  etag: string | null;
  lastModified: string | null;
}

/** A stand-in for a source no longer in the config: generic extraction, UK date order. */
function fallbackSource(id: string, url: string): Source {
  const u = new URL(url);
  return sourceSchema.parse({
    id,
    name: id,
    site: u.origin,
    hosts: [u.host],
    discover: [{ urls: [url] }],
    articles: { include: ['.'] },
  });
}

export interface ReprocessOptions {
  progress?: Progress;
  /**
   * Rebuild into the (new) configured database from this one, leaving it untouched: with `shard`,
   * only that slice of its documents (by document id), each slice into its own file for `merge`.
   */
  from?: string;
  shard?: Shard;
}

export async function reprocess(loaded: LoadedConfig, options: ReprocessOptions = {}): Promise<ReprocessReport> {
  const progress = options.progress ?? createProgress();
  const knowledge = loadKnowledge();
  const db = await openWriter(loaded);
  try {
    if (options.from) {
      const shard = options.shard;
      const copied = await copySlice(db, options.from, { keep: (id) => inShard(id, shard) });
      progress.log('reprocess_slice', { from: options.from, shard: shard ? `${shard.index}/${shard.count}` : 'all', documents: copied });
    }
    const store = new Store(db);
    const rows = await db.query<{
      doc_id: string;
      url: string;
      source_id: string;
      content_hash: string;
      fetched_at: string;
      status: number;
      etag: string | null;
      last_modified: string | null;
      warc_record_id: string;
    }>(
      `SELECT d.doc_id, d.url, d.source_id, d.content_hash, strftime(d.fetched_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS fetched_at,
              c.status, c.etag, c.last_modified, c.warc_record_id
         FROM documents d
         JOIN captures c ON c.doc_id = d.doc_id AND c.content_hash = d.content_hash AND c.warc_record_id IS NOT NULL
        QUALIFY row_number() OVER (PARTITION BY d.doc_id ORDER BY c.fetched_at DESC) = 1`,
    );
    const wanted = new Map<string, Wanted>();
    for (const r of rows) {
      wanted.set(r.warc_record_id, {
        docId: r.doc_id,
        url: r.url,
        sourceId: r.source_id,
        contentHash: r.content_hash,
        fetchedAt: r.fetched_at,
        status: r.status,
        etag: r.etag,
        lastModified: r.last_modified,
      });
    }
    const sources = new Map(loaded.sources.map((s) => [s.id, s]));
    const found = new Set<string>();
    // Extraction runs on worker threads while this thread reads the archive and loads.
    const pool = new ExtractPool(workerCount(loaded.config.workers), knowledge);
    let batch: Promise<PageRecord>[] = [];
    let events = 0;
    const load = async () => {
      const records = await Promise.all(batch);
      batch = [];
      events += await store.replaceDerived(records);
      progress.log('reprocess_progress', { documents: found.size, of: wanted.size });
    };
    try {
      for await (const rec of readArchive(loaded.paths.archive)) {
        const w = wanted.get(rec.ref.recordId);
        if (!w) continue;
        const contentType = rec.headers['content-type'] ?? null;
        const capture: Capture = {
          url: rec.url,
          sourceId: w.sourceId,
          fetchedAt: w.fetchedAt,
          status: w.status,
          contentType,
          etag: w.etag,
          lastModified: w.lastModified,
          html: decodeHtml(rec.body, contentType),
          contentHash: w.contentHash,
        };
        const source = sources.get(w.sourceId) ?? fallbackSource(w.sourceId, w.url);
        const extracted = pool.extract(source, capture, rec.ref).then(({ record }) => {
          record.docUrl = w.url; // identity never changes on reprocess
          return record;
        });
        extracted.catch(() => undefined); // a failure surfaces in load(), not as an unhandled rejection
        batch.push(extracted);
        found.add(w.docId);
        if (batch.length >= loaded.config.batchSize) await load();
      }
      if (batch.length) await load();
    } finally {
      await pool.close();
    }
    await store.checkKeys();
    await db.run('CHECKPOINT');
    const total = await db.query<{ n: number }>('SELECT count(*) AS n FROM documents');
    const missing = [...wanted.values()].filter((w) => !found.has(w.docId)).map((w) => w.url);
    return { documents: total[0]?.n ?? 0, reprocessed: found.size, missing, events };
  } finally {
    db.close();
  }
}
