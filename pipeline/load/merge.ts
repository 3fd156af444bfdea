// `rollwatch merge A.duckdb B.duckdb… --db ALL.duckdb`: shard files (or any rollwatch files)
// combined into one. Ids are hashes of URLs, so the same document has the same id in every file;
// where files disagree about a document, its newest capture wins, as in one run, and the other
// text becomes an earlier version. Logs (runs, captures, errors) are unions. Every step adds only
// what the target lacks, so merging the same files again changes nothing.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { DuckDBBlobValue, listValue } from '@duckdb/node-api';
import { UsageError } from '../cli/exit.ts';
import { openDatabase, type Database } from './db.ts';
import { NearDuplicateIndex, signatureFromBytes } from './near-duplicates.ts';
import { DERIVED_TABLES, SCHEMA_VERSION } from './schema.ts';
import { Store } from './store.ts';
import { VERSION_COLUMNS } from './versions.ts';
import { installAnalystLayer } from './views.ts';

export interface MergeInputReport {
  file: string;
  /** Documents whose version in this file became (or stayed) the merged one. */
  documentsTaken: number;
  /** Versions of this file that became earlier versions in the merged file. */
  earlierVersions: number;
  /** Log rows (runs, captures, errors, …) the target did not have. */
  logRows: number;
}

export interface MergeReport {
  inputs: MergeInputReport[];
  documents: number;
  events: number;
}

/** A file that cannot be merged: the CLI reports it as a usage error (exit 2), naming the file. */
export class MergeError extends UsageError {
  override name = 'MergeError';
}

/** Tables with their own merge rule; every other table is a log, merged as a union. */
export const DOCUMENT_TABLES = new Set<string>(['schema_version', 'documents', 'earlier_versions', ...DERIVED_TABLES]);

/** A version's newest sighting (documents row or a capture with its content), per (doc_id, content_hash). */
const LATEST_SQL = (db: string) => `
SELECT d.doc_id, d.content_hash, greatest(d.fetched_at, coalesce(c.seen, d.fetched_at)) AS latest
  FROM ${db}.documents d
  LEFT JOIN (SELECT doc_id, content_hash, max(fetched_at) AS seen FROM main.captures WHERE doc_id IS NOT NULL GROUP BY ALL) c
    USING (doc_id, content_hash)`;

export async function columns(db: Database, table: string): Promise<string> {
  const rows = await db.query<{ column_name: string }>(
    `SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ?
      ORDER BY column_index`,
    [table],
  );
  return rows.map((r) => `"${r.column_name}"`).join(', ');
}

/** Tables of the target (`null`) or of an attached database. */
export async function tablesOf(db: Database, attached: string | null): Promise<string[]> {
  const rows = await db.query<{ table_name: string }>(
    `SELECT table_name FROM duckdb_tables() WHERE database_name = ${attached ? '?' : 'current_database()'} AND schema_name = 'main' ORDER BY table_name`,
    attached ? [attached] : [],
  );
  return rows.map((r) => r.table_name);
}

async function primaryKey(db: Database, table: string): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `SELECT unnest(constraint_column_names) AS name FROM duckdb_constraints()
      WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ? AND constraint_type = 'PRIMARY KEY'`,
    [table],
  );
  return rows.map((r) => r.name);
}

async function changes(db: Database, sql: string): Promise<number> {
  const rows = await db.query<{ Count?: number; count?: number }>(sql);
  return Number(rows[0]?.Count ?? rows[0]?.count ?? 0);
}

/** Log tables: rows the target lacks (by primary key where the table has one, else whole rows, counting repeats). */
async function mergeLogs(db: Database, tables: string[]): Promise<number> {
  let added = 0;
  for (const table of tables) {
    const cols = await columns(db, table);
    const key = await primaryKey(db, table);
    if (key.length) {
      const on = key.map((k) => `t."${k}" = s."${k}"`).join(' AND ');
      added += await changes(db, `INSERT INTO main."${table}" (${cols}) SELECT ${cols} FROM src."${table}" s
                                    WHERE NOT EXISTS (SELECT 1 FROM main."${table}" t WHERE ${on})`);
    } else {
      added += await changes(db, `INSERT INTO main."${table}" (${cols}) SELECT ${cols} FROM src."${table}" EXCEPT ALL SELECT ${cols} FROM main."${table}"`);
    }
  }
  return added;
}

/**
 * Documents: per doc_id the version whose newest capture is later wins (a tie goes to the larger
 * content hash, so the order of the inputs does not matter); its derived rows come with it.
 */
async function mergeDocuments(db: Database): Promise<{ taken: number; earlier: number }> {
  await db.run(`CREATE OR REPLACE TEMP TABLE m_src AS ${LATEST_SQL('src')}`);
  await db.run(`CREATE OR REPLACE TEMP TABLE m_dst AS ${LATEST_SQL('main')}`);
  await db.run(`CREATE OR REPLACE TEMP TABLE m_win AS
    SELECT s.doc_id, d.doc_id IS NOT NULL AS replaces FROM m_src s LEFT JOIN m_dst d USING (doc_id)
     WHERE d.doc_id IS NULL
        OR (s.content_hash <> d.content_hash AND (s.latest > d.latest OR (s.latest = d.latest AND s.content_hash > d.content_hash)))`);
  const docCols = await columns(db, 'documents');
  const notListed = (alias: string) =>
    `NOT EXISTS (SELECT 1 FROM main.earlier_versions v WHERE v.doc_id = ${alias}.doc_id AND v.content_hash = ${alias}.content_hash)`;
  // The target's version of a document the input supersedes becomes an earlier version.
  await db.run(`INSERT INTO main.earlier_versions (${VERSION_COLUMNS})
    SELECT ${VERSION_COLUMNS} FROM main.documents d WHERE d.doc_id IN (SELECT doc_id FROM m_win WHERE replaces) AND ${notListed('d')}`);
  for (const table of [...DERIVED_TABLES, 'documents']) {
    await db.run(`DELETE FROM main."${table}" WHERE doc_id IN (SELECT doc_id FROM m_win WHERE replaces)`);
  }
  const taken = await changes(db, `INSERT INTO main.documents (${docCols}) SELECT ${docCols} FROM src.documents WHERE doc_id IN (SELECT doc_id FROM m_win)`);
  for (const table of DERIVED_TABLES) {
    const cols = await columns(db, table);
    await db.run(`INSERT INTO main."${table}" (${cols}) SELECT ${cols} FROM src."${table}" WHERE doc_id IN (SELECT doc_id FROM m_win)`);
  }
  // A version that is current now is no longer an earlier one.
  await db.run(`DELETE FROM main.earlier_versions v USING main.documents d WHERE v.doc_id = d.doc_id AND v.content_hash = d.content_hash`);
  // The input's losing versions and its own earlier versions, unless the target has them.
  const current = (alias: string) =>
    `NOT EXISTS (SELECT 1 FROM main.documents d WHERE d.doc_id = ${alias}.doc_id AND d.content_hash = ${alias}.content_hash)`;
  const earlier =
    (await changes(db, `INSERT INTO main.earlier_versions (${VERSION_COLUMNS})
      SELECT ${VERSION_COLUMNS} FROM src.documents s WHERE ${current('s')} AND ${notListed('s')}`)) +
    (await changes(db, `INSERT INTO main.earlier_versions (${VERSION_COLUMNS})
      SELECT DISTINCT ON (doc_id, content_hash) ${VERSION_COLUMNS} FROM src.earlier_versions s WHERE ${current('s')} AND ${notListed('s')}`));
  for (const t of ['m_src', 'm_dst', 'm_win']) await db.run(`DROP TABLE ${t}`);
  return { taken, earlier };
}

/** Syndicated copies are judged over all documents at once: the copies of one story may come from different shards. */
async function remarkDuplicates(db: Database): Promise<void> {
  const reader = await db.connection.runAndReadAll(
    'SELECT doc_id, CAST(published_at AS VARCHAR), body_minhash, duplicate_of FROM documents ORDER BY doc_id',
  );
  const rows = reader.getRows() as [string, string | null, DuckDBBlobValue | null, string | null][];
  const index = new NearDuplicateIndex();
  for (const [id, day, sig] of rows) {
    const signature = sig ? signatureFromBytes(sig.bytes) : null;
    if (signature) index.add(id, day, signature);
  }
  const ids: string[] = [];
  const originals: (string | null)[] = [];
  for (const [id, , , was] of rows) {
    const original = index.originalOf(id);
    if (original !== was) {
      ids.push(id);
      originals.push(original);
    }
  }
  if (!ids.length) return;
  await db.run(
    `UPDATE documents SET duplicate_of = u.original
       FROM (SELECT unnest(?::VARCHAR[]) AS doc_id, unnest(?::VARCHAR[]) AS original) u
      WHERE documents.doc_id = u.doc_id`,
    [listValue(ids), listValue(originals)],
  );
}

/** The input as a file of this schema version: older files are upgraded in a temporary copy, never in place. */
export async function readableInput(file: string, scratch: () => string): Promise<string> {
  const probe = await openDatabase(file, { readOnly: true }).catch((err: unknown) => {
    throw new MergeError(`${file}: cannot open it as a DuckDB file (${(err as Error).message.split('\n')[0]})`);
  });
  let version = 0;
  try {
    const rows = await probe.query<{ v: number | null }>(
      "SELECT (SELECT max(version) FROM schema_version) AS v WHERE EXISTS (SELECT 1 FROM duckdb_tables() WHERE table_name = 'schema_version')",
    );
    version = rows[0]?.v ?? 0;
  } finally {
    probe.close();
  }
  if (version === 0) throw new MergeError(`${file} is not a rollwatch database (it has no schema_version table)`);
  if (version > SCHEMA_VERSION) throw new MergeError(`${file} has schema version ${version}, newer than this rollwatch (${SCHEMA_VERSION}); upgrade rollwatch`);
  if (version === SCHEMA_VERSION) return file;
  const copy = join(scratch(), basename(file));
  copyFileSync(file, copy);
  if (existsSync(`${file}.wal`)) copyFileSync(`${file}.wal`, `${copy}.wal`);
  (await openDatabase(copy)).close();
  return copy;
}

/** Merges `inputs` into `target` (created if missing), one transaction per input. */
export async function mergeDatabases(inputs: string[], target: string): Promise<MergeReport> {
  const targetPath = resolve(target);
  for (const input of inputs) {
    if (resolve(input) === targetPath) throw new MergeError(`${input} is the target itself; name the shard files and a different --db`);
    if (!existsSync(input)) throw new MergeError(`cannot read ${input}: no such file`);
  }
  let scratchDir: string | null = null;
  const scratch = () => (scratchDir ??= mkdtempSync(join(tmpdir(), 'rollwatch-merge-')));
  const db = await openDatabase(targetPath);
  try {
    const reports: MergeInputReport[] = [];
    for (const input of inputs) {
      const path = await readableInput(input, scratch);
      await db.run(`ATTACH '${path.replace(/'/g, "''")}' AS src (READ_ONLY)`);
      try {
        const mine = new Set(await tablesOf(db, null));
        const logs = (await tablesOf(db, 'src')).filter((t) => mine.has(t) && !DOCUMENT_TABLES.has(t));
        const report = await db.transaction(async () => {
          const logRows = await mergeLogs(db, logs);
          const { taken, earlier } = await mergeDocuments(db);
          return { file: input, documentsTaken: taken, earlierVersions: earlier, logRows };
        });
        reports.push(report);
      } finally {
        await db.run('DETACH src');
      }
    }
    await db.transaction(() => remarkDuplicates(db));
    await new Store(db).checkKeys();
    await installAnalystLayer(db);
    await db.run('CHECKPOINT');
    const [totals] = await db.query<{ documents: number; events: number }>(
      'SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM rollout_events) AS events',
    );
    return { inputs: reports, documents: totals?.documents ?? 0, events: totals?.events ?? 0 };
  } finally {
    db.close();
    if (scratchDir) rmSync(scratchDir, { recursive: true, force: true });
  }
}
