// A fresh, migrated rollwatch database file in a temp directory, for tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../pipeline/load/db.ts';

export interface TestDb {
  db: Database;
  path: string;
  dir: string;
  cleanup(): void;
}

export async function createTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), 'rollwatch-test-'));
  const path = join(dir, 'rollwatch.duckdb');
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
