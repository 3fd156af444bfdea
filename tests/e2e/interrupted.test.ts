// A run that was killed must tell the truth about itself: its row in `runs` keeps the counts of
// what it committed, `rollwatch summary --run ID` says it was interrupted and fails the CI step,
// and when a resumed run is killed too, the next run still skips what both of them loaded.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../pipeline/load/db.ts';
import { CrashSite, runUntil, scratchDir, writeCrashConfig } from './crash-harness.ts';

const ARTICLES = 48;
const BIN = join(import.meta.dirname, '../../bin/rollwatch.js');

interface RunRow {
  run_id: string;
  status: string;
  pages_fetched: number;
  documents_new: number;
  committed: number;
}

async function runs(db: string): Promise<RunRow[]> {
  const handle = await openDatabase(db, { readOnly: true });
  try {
    return await handle.query<RunRow>(
      `SELECT r.run_id, r.status, r.pages_fetched, r.documents_new,
              (SELECT count(*) FROM captures c WHERE c.run_id = r.run_id AND c.status = 200) AS committed
         FROM runs r ORDER BY r.started_at`,
    );
  } finally {
    handle.close();
  }
}

describe('interrupted runs', () => {
  const scratch = scratchDir();
  const site = new CrashSite(ARTICLES, 8);
  beforeAll(() => site.start());
  afterAll(async () => {
    await site.close();
    scratch.remove();
  });

  it('keep their counts, are reported as interrupted, and a chain of them is resumed as one', async () => {
    const cfg = writeCrashConfig(scratch.dir, site, 'chain', { batchSize: 4, batchSeconds: 5, workers: 0 });
    const db = join(scratch.dir, 'chain.duckdb');

    const first = await runUntil(cfg, db, site, { instant: 'mid-batch', n: 14 });
    expect(first.killed).toBe(true);
    const [killed] = await runs(db);
    expect(killed!.status).toBe('running');
    expect(killed!.committed).toBeGreaterThan(0);
    expect(killed!.pages_fetched).toBe(killed!.committed); // what it committed, not zero
    expect(killed!.documents_new).toBe(killed!.committed);

    const summary = spawnSync(process.execPath, [BIN, 'summary', '--db', db, '--run', killed!.run_id], { encoding: 'utf8' });
    expect(summary.stdout).toMatch(/interrupted/i);
    expect(summary.status).toBe(3);

    site.resetCounts();
    const second = await runUntil(cfg, db, site, { instant: 'mid-batch', n: 14 });
    expect(second.killed).toBe(true);
    const both = await runs(db);
    expect(both.map((r) => r.status)).toEqual(['interrupted', 'running']);
    const loaded = both[0]!.committed + both[1]!.committed;

    // The third run fetches only what neither killed run committed: not the first run's pages again.
    site.resetCounts();
    expect((await runUntil(cfg, db, site)).status).toBe(0);
    expect(site.requested).toBe(ARTICLES - loaded);
    const all = await runs(db);
    expect(all.map((r) => r.status)).toEqual(['interrupted', 'interrupted', 'ok']);
  }, 240_000);
});
