// `rollwatch reprocess`: rebuild every derived table from the raw archive, without the network.
// Document identity, content hash and fetch time stay as stored; only extraction is redone,
// so a newer extractor can be applied to years of captures.
import { existsSync } from 'node:fs';
import { loadKnowledge } from '../analyse/index.ts';
import { decodeHtml, readArchive, type ArchivedRecord } from '../archive/index.ts';
import { copySlice } from '../load/slice.ts';
import { Store, type PageRecord } from '../load/store.ts';
import type { LoadedConfig } from '../sources/load.ts';
import type { Capture } from '../types.ts';
import { createProgress, type Progress } from './progress.ts';
import { ExtractPool, workerCount } from './extract-pool.ts';
import { openWriter } from './open-writer.ts';
import { planReprocess, type DeclarationChoice } from './reprocess-plan.ts';
import { inShard, type Shard } from './shard.ts';

export { recordedConfig, type DeclarationChoice } from './reprocess-plan.ts';

export interface ReprocessReport {
  documents: number;
  reprocessed: number;
  missing: string[];
  events: number;
  /** The archive folders read. */
  archives: string[];
}

export interface ReprocessOptions {
  progress?: Progress;
  /**
   * Rebuild into the (new) configured database from this one, leaving it untouched: with `shard`,
   * only that slice of its documents (by document id), each slice into its own file for `merge`.
   */
  from?: string;
  shard?: Shard;
  /** Whose source declarations to extract with. @default 'recorded' (each run's own, from the database) */
  declarations?: DeclarationChoice;
  /** Read raw records from this archive folder instead of the one each run recorded. */
  archive?: string;
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
    const { wanted, archives } = await planReprocess(db, loaded, options.declarations ?? 'recorded', options.archive);
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
      for await (const rec of readArchives(archives)) {
        const w = wanted.get(rec.ref.recordId);
        if (!w || found.has(w.docId)) continue;
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
        const extracted = pool.extract(w.source, capture, rec.ref).then(({ record }) => {
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
    return { documents: total[0]?.n ?? 0, reprocessed: found.size, missing, events, archives };
  } finally {
    db.close();
  }
}

/** The records of several archive folders, one after another (a folder that is missing holds none). */
async function* readArchives(dirs: string[]): AsyncGenerator<ArchivedRecord> {
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    yield* readArchive(dir);
  }
}
