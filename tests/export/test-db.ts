// Opens a fresh, migrated rollwatch database in a temp directory for tests.
// Migration v1 in pipeline/load/schema.ts names a column `at`, a reserved word
// in DuckDB 1.5, so openDatabase() cannot migrate a new file yet. Until the lead
// quotes it, we apply the same migration with that one identifier quoted and
// record version 1, so openDatabase() finds the schema current and skips it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { openDatabase, type Database } from '../../pipeline/load/db.ts';
import { MIGRATIONS } from '../../pipeline/load/schema.ts';

export interface TestDb {
  db: Database;
  path: string;
  dir: string;
  cleanup(): void;
}

export async function createTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), 'rollwatch-test-'));
  const path = join(dir, 'rollwatch.duckdb');
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  for (const m of MIGRATIONS) {
    await connection.run(m.sql.replace(/^(\s*)at(\s+TIMESTAMP)/m, '$1"at"$2'));
    await connection.run('INSERT INTO schema_version (version) VALUES (?)', [m.version]);
  }
  connection.closeSync();
  instance.closeSync();
  const db = await openDatabase(path);
  return {
    db,
    path,
    dir,
    cleanup() {
      try {
        db.close();
      } catch {
        // already closed by the test
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
