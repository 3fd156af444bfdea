// A backfill split across machines: the sample sites crawled as 3 shards (by host), each into its
// own file, then merged, must hold exactly the facts one run over all of them records.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../pipeline/load/db.ts';
import { mergeDatabases } from '../../pipeline/load/merge.ts';
import { DERIVED_TABLES } from '../../pipeline/load/schema.ts';
import { DEMO_CONFIG } from '../../pipeline/run/demo.ts';
import { createProgress } from '../../pipeline/run/progress.ts';
import { runPipeline, type RunReport } from '../../pipeline/run/run.ts';
import { startSampleSites, type RunningSampleSites } from '../../pipeline/sample/server.ts';
import { loadConfig, type LoadedConfig } from '../../pipeline/sources/load.ts';

const quiet = createProgress(process.stderr, true);

/** Every fact table, and documents without the fetch time (two crawls never fetch at the same instant). */
async function facts(path: string): Promise<Record<string, unknown[]>> {
  const db = await openDatabase(path, { readOnly: true });
  try {
    const out: Record<string, unknown[]> = {};
    out.documents = await db.query('SELECT * EXCLUDE (fetched_at) FROM documents ORDER BY ALL');
    for (const t of [...DERIVED_TABLES, 'earlier_versions']) out[t] = await db.query(`SELECT * FROM ${t} ORDER BY ALL`);
    out.captured = await db.query('SELECT url, status, content_hash FROM captures ORDER BY ALL');
    return out;
  } finally {
    db.close();
  }
}

describe('3 shards merged = one run', () => {
  let dir: string;
  let sites: RunningSampleSites;
  let shardReports: RunReport[];
  let single: Record<string, unknown[]>;
  let merged: Record<string, unknown[]>;
  let mergedPath: string;
  const shardFiles: string[] = [];

  const configFor = (db: string): LoadedConfig => {
    const loaded = loadConfig(DEMO_CONFIG);
    loaded.paths = { db: join(dir, db), archive: join(dir, 'archive') };
    loaded.config.origins = { ...loaded.config.origins, ...sites.origins };
    loaded.config.fast = true;
    loaded.config.workers = 0; // four small crawls: starting extraction workers for each would cost more than it saves
    return loaded;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rollwatch-shards-'));
    sites = await startSampleSites();
    await runPipeline(configFor('single.duckdb'), { progress: quiet });
    shardReports = [];
    for (const index of [1, 2, 3]) {
      const file = `shard-${index}.duckdb`;
      shardReports.push(await runPipeline(configFor(file), { progress: quiet, shard: { index, count: 3 } }));
      shardFiles.push(join(dir, file));
    }
    mergedPath = join(dir, 'merged.duckdb');
    await mergeDatabases(shardFiles, mergedPath);
    single = await facts(join(dir, 'single.duckdb'));
    merged = await facts(mergedPath);
  }, 240_000);

  afterAll(async () => {
    await sites?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('each shard crawls a different site', () => {
    const crawled = shardReports.map((r) => r.sources.map((s) => s.sourceId));
    expect(crawled.every((ids) => ids.length >= 1)).toBe(true);
    expect(crawled.flat().sort()).toEqual(loadConfig(DEMO_CONFIG).sources.map((s) => s.id).sort());
  });

  it('the merged file holds exactly the documents, facts and captures of a single run', () => {
    expect(single.rollout_events!.length).toBeGreaterThan(20);
    for (const table of Object.keys(single)) expect(merged[table], table).toEqual(single[table]);
  });

  it('merging the shards again changes nothing', async () => {
    const before = await facts(mergedPath);
    const db = await openDatabase(mergedPath, { readOnly: true });
    const runs = await db.query('SELECT * FROM runs ORDER BY ALL');
    db.close();
    const report = await mergeDatabases(shardFiles, mergedPath);
    expect(report.inputs.every((i) => i.documentsTaken === 0 && i.logRows === 0)).toBe(true);
    expect(await facts(mergedPath)).toEqual(before);
    const again = await openDatabase(mergedPath, { readOnly: true });
    expect(await again.query('SELECT * FROM runs ORDER BY ALL')).toEqual(runs);
    again.close();
  });
});
