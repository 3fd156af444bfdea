// Opens the DuckDB file and brings its schema up to date. The only place that
// knows how to reach the database; stages hand it records, never SQL.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { DatabaseRefusal } from './refusal.ts';
import { minhashSignature, signatureToBytes } from './near-duplicates.ts';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './schema.ts';

export { DatabaseRefusal };

export interface Database {
  path: string;
  connection: DuckDBConnection;
  /** Rows as plain objects (BIGINT → number, DATE/TIMESTAMP → ISO string). */
  query<T = Record<string, unknown>>(sql: string, params?: DuckDBValue[]): Promise<T[]>;
  run(sql: string, params?: DuckDBValue[]): Promise<void>;
  /** Runs `work` in one transaction; rolls back and rethrows on error. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  close(): void;
}

function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value && typeof value === 'object' && 'toString' in value && value.constructor?.name?.startsWith('DuckDB')) {
    return String(value);
  }
  return value;
}

export interface OpenOptions {
  readOnly?: boolean;
  /**
   * DuckDB's buffer limit (`memory_limit`, e.g. "256MB"). Unset, DuckDB may cache up to 80 % of
   * RAM: a 100k-page run kept ~240 MB of table blocks it never read again. Past the limit it
   * evicts, or spills to `<db>.tmp`.
   */
  memoryLimit?: string;
}

function makeFolder(path: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (!e.code || !['ENOTDIR', 'EEXIST', 'EACCES', 'EPERM', 'EROFS', 'ENOENT'].includes(e.code)) throw err;
    const why = e.code === 'ENOTDIR' || e.code === 'EEXIST' ? 'a part of that path is a file, not a folder' : e.message;
    throw new DatabaseRefusal(`cannot create the folder ${dirname(path)} for the database ${path} (${why}); pass --db with a path in a folder you can write`, 'unusable', { cause: err });
  }
}

export async function openDatabase(path: string, options: OpenOptions = {}): Promise<Database> {
  if (path !== ':memory:') makeFolder(path);
  const settings: Record<string, string> = {};
  if (options.readOnly) settings.access_mode = 'READ_ONLY';
  if (options.memoryLimit) settings.memory_limit = options.memoryLimit;
  const instance = await DuckDBInstance.create(path, settings).catch((err: unknown) => {
    throw explainOpenError(path, err);
  });
  const connection = await instance.connect();
  const db: Database = {
    path,
    connection,
    async query<T>(sql: string, params?: DuckDBValue[]) {
      const reader = await connection.runAndReadAll(sql, params);
      const rows = reader.getRowObjects();
      return rows.map((row) => {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(row)) out[k] = plain(v);
        return out as T;
      });
    },
    async run(sql: string, params?: DuckDBValue[]) {
      await connection.run(sql, params);
    },
    async transaction<T>(work: () => Promise<T>) {
      await connection.run('BEGIN TRANSACTION');
      let result: T;
      try {
        result = await work();
      } catch (err) {
        await connection.run('ROLLBACK').catch(() => undefined); // the work's error is the one to report
        throw err;
      }
      try {
        await connection.run('COMMIT');
      } catch (err) {
        // A failed COMMIT (a full disk) has already aborted the transaction: a ROLLBACK would
        // only fail again ("no transaction is active") and hide why the commit failed.
        await connection.run('ROLLBACK').catch(() => undefined);
        throw err;
      }
      return result;
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
  if (!options.readOnly) await migrate(db);
  return db;
}

/**
 * DuckDB lets one process write a file and no other process open it meanwhile: say so in a
 * user's terms (a nightly run and an analyst's notebook are the usual pair).
 */
function explainOpenError(path: string, err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  if (/exists, but it is not a valid DuckDB database file/.test(message)) {
    return new DatabaseRefusal(`${path} is not a DuckDB database file; pass --db with a rollwatch database, or a path where a new one may be made`, 'unusable', { cause: err });
  }
  const holder = /Conflicting lock is held in (.+?) \(PID (\d+)\)/.exec(message);
  if (!holder && !/Could not set lock on file/.test(message)) return err instanceof Error ? err : new Error(message);
  const who = holder ? `${holder[1]} (PID ${holder[2]})` : 'another process';
  return new DatabaseRefusal(
    `${path} is open in ${who}. A DuckDB file can be used by one process at a time while it is ` +
      'open for writing: let that process finish (a rollwatch run, a DuckDB or Python session), then try again.',
    'busy',
    { cause: err },
  );
}

export async function schemaVersion(db: Database): Promise<number> {
  const exists = await db.query<{ n: number }>(
    "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'schema_version'",
  );
  if (!exists[0]?.n) return 0;
  const rows = await db.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_version');
  return rows[0]?.v ?? 0;
}

export async function migrate(db: Database): Promise<void> {
  const current = await schemaVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `${db.path} has schema version ${current}, newer than this rollwatch (${SCHEMA_VERSION}); upgrade rollwatch`,
    );
  }
  if (current > 0) await dropComputedDefaults(db);
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    await db.transaction(async () => {
      await db.run(m.sql);
      await dropComputedDefaults(db);
      if (m.backfill) await BACKFILLS[m.backfill](db);
      await db.run('INSERT INTO schema_version (version, applied_at) VALUES (?, current_timestamp)', [m.version]);
    });
  }
}

/** A default DuckDB stores as a plain literal: a number, a quoted string or NULL (these replay). */
const LITERAL_DEFAULT = /^(-?\d+(\.\d+)?|'([^']|'')*'|NULL)$/i;

/**
 * DuckDB 1.5.6 cannot replay from the WAL any ALTER (COMMENT ON COLUMN included) of a table
 * with a computed DEFAULT such as current_timestamp (duckdb/duckdb#18259): a process killed
 * before its next checkpoint leaves a file that no longer opens. So no column keeps one; the
 * code that inserts gives the value. DROP DEFAULT itself replays, so this is safe at any instant.
 */
async function dropComputedDefaults(db: Database): Promise<void> {
  const rows = await db.query<{ table_name: string; column_name: string; column_default: string }>(
    `SELECT table_name, column_name, column_default FROM duckdb_columns()
      WHERE schema_name = 'main' AND database_name = current_database() AND column_default IS NOT NULL`,
  );
  for (const r of rows) {
    if (LITERAL_DEFAULT.test(r.column_default)) continue;
    await db.run(`ALTER TABLE "${r.table_name}" ALTER COLUMN "${r.column_name}" DROP DEFAULT`);
  }
}

const BACKFILLS: Record<NonNullable<Migration['backfill']>, (db: Database) => Promise<void>> = {
  /** Recomputes every document's MinHash from its stored body (the signature is a pure function of it). */
  async 'body-signatures'(db) {
    const reader = await db.connection.runAndReadAll('SELECT doc_id, body FROM documents WHERE body_minhash IS NULL');
    const rows = reader.getRows() as [string, string][];
    if (!rows.length) return;
    await db.run('CREATE TEMP TABLE signature_backfill (doc_id VARCHAR, sig BLOB)');
    const appender = await db.connection.createAppender('signature_backfill', 'main', 'temp');
    for (const [docId, body] of rows) {
      const sig = minhashSignature(body);
      if (!sig) continue;
      appender.appendVarchar(docId);
      appender.appendBlob(signatureToBytes(sig));
      appender.endRow();
    }
    appender.closeSync();
    await db.run(
      'UPDATE documents SET body_minhash = s.sig FROM signature_backfill s WHERE documents.doc_id = s.doc_id',
    );
    await db.run('DROP TABLE signature_backfill');
  },
};
