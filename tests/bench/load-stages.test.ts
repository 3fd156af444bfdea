// The bench's load figures compare the loader with a bare appender storing "the same rows":
// that comparison means something only if both stages really store the same rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StageArgs } from '../../bench/common.ts';
import { load, loadBare } from '../../bench/stages/rollwatch.ts';
import { openDatabase } from '../../pipeline/load/db.ts';
import { DERIVED_TABLES } from '../../pipeline/load/schema.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function args(): StageArgs {
  const workDir = mkdtempSync(join(tmpdir(), 'rollwatch-bench-test-'));
  dirs.push(workDir);
  return { origin: 'http://127.0.0.1:1', pages: 0, seed: 7, workDir, docLimit: 0, rows: 0, loadRows: 370, loadBatch: 4 };
}

async function counts(path: string): Promise<Record<string, number>> {
  const db = await openDatabase(path, { readOnly: true });
  try {
    const out: Record<string, number> = {};
    for (const t of ['documents', 'captures', ...DERIVED_TABLES]) {
      out[t] = (await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${t}`))[0]!.n;
    }
    out.bodyChars = (await db.query<{ n: number }>('SELECT sum(length(body)) AS n FROM documents'))[0]!.n;
    return out;
  } finally {
    db.close();
  }
}

describe('bench load stages', () => {
  it('the bare appender stores exactly the rows the loader stores, and both count them alike', async () => {
    const a = args();
    const loader = await load(a);
    const bare = await loadBare(a);
    expect(loader.units).toBe(bare.units);
    const stored = await counts(join(a.workDir, 'load.duckdb'));
    expect(await counts(join(a.workDir, 'bare.duckdb'))).toEqual(stored);
    expect(stored.documents).toBe(10);
    const rows = Object.entries(stored)
      .filter(([k]) => k !== 'bodyChars')
      .reduce((n, [, v]) => n + v, 0);
    expect(loader.units).toBe(rows);
    expect(stored.bodyChars).toBeGreaterThan(10 * 1500); // bench prose, not placeholders
  });
});
