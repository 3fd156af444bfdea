// One shard's share of an existing rollwatch file, for `reprocess --shard K/N`: the documents a
// shard owns with their versions, facts and captures, and the run logs, copied into the shard's
// own (new) file, so N machines can each rebuild a slice and `merge` can put them back together.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from './db.ts';
import { columns, DOCUMENT_TABLES, MergeError, readableInput, tablesOf } from './merge.ts';
import { DERIVED_TABLES } from './schema.ts';

export interface SliceOptions {
  /** Whether a document belongs to this slice. */
  keep(docId: string): boolean;
}

/** Copies the slice of `from` into `db`, which must hold no documents yet. Returns the documents copied. */
export async function copySlice(db: Database, from: string, options: SliceOptions): Promise<number> {
  const [{ n } = { n: 0 }] = await db.query<{ n: number }>('SELECT count(*) AS n FROM documents');
  if (n > 0) throw new MergeError(`${db.path} already holds ${n} documents; a shard's reprocess writes a new file (--db) from --from`);
  let scratchDir: string | null = null;
  const scratch = () => (scratchDir ??= mkdtempSync(join(tmpdir(), 'rollwatch-slice-')));
  try {
    const path = await readableInput(from, scratch);
    await db.run(`ATTACH '${path.replace(/'/g, "''")}' AS src (READ_ONLY)`);
    try {
      const ids = (await db.query<{ doc_id: string }>('SELECT doc_id FROM src.documents')).map((r) => r.doc_id).filter((id) => options.keep(id));
      return await db.transaction(async () => {
        await db.run('CREATE OR REPLACE TEMP TABLE slice (doc_id VARCHAR)');
        const appender = await db.connection.createAppender('slice', 'main', 'temp');
        for (const id of ids) {
          appender.appendVarchar(id);
          appender.endRow();
        }
        appender.closeSync();
        for (const table of ['documents', 'earlier_versions', ...DERIVED_TABLES]) {
          const cols = await columns(db, table);
          await db.run(`INSERT INTO main."${table}" (${cols}) SELECT ${cols} FROM src."${table}" WHERE doc_id IN (SELECT doc_id FROM slice)`);
        }
        const captureCols = await columns(db, 'captures');
        await db.run(`INSERT INTO main.captures (${captureCols}) SELECT ${captureCols} FROM src.captures
                       WHERE doc_id IN (SELECT doc_id FROM slice) OR doc_id IS NULL`);
        // Every slice carries the (small) logs whole, so any one of them is readable alone;
        // merge adds each log row once.
        const mine = new Set(await tablesOf(db, null));
        for (const table of await tablesOf(db, 'src')) {
          if (!mine.has(table) || DOCUMENT_TABLES.has(table) || table === 'captures') continue;
          const cols = await columns(db, table);
          await db.run(`INSERT INTO main."${table}" (${cols}) SELECT ${cols} FROM src."${table}"`);
        }
        await db.run('DROP TABLE slice');
        return ids.length;
      });
    } finally {
      await db.run('DETACH src');
    }
  } finally {
    if (scratchDir) rmSync(scratchDir, { recursive: true, force: true });
  }
}
