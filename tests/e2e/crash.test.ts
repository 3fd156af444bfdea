// A scheduled run can be killed at any instant (a CI timeout, the OOM killer, a reboot). This
// kills `rollwatch run` with SIGKILL on one DuckDB file, twice at each instant (the first WAL
// write at start-up, mid-batch, mid-commit, the final checkpoint), while the site keeps
// changing pages: after every kill the file opens with whole batches only, and at the end
// every page is stored exactly once, as an uninterrupted run stores it. Each run costs a few
// seconds of start-up, so the suite runs 8 kills; `npm run crash` runs 24 (`-- --kills N`).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contents, crashSeries, CrashSite, killPlan, runUntil, scratchDir, writeCrashConfig, type Instant } from './crash-harness.ts';

const ARTICLES = 40;
const BATCH = { batchSize: 4, batchSeconds: 0.3, workers: 0 };
const KILLS = 8;

describe('SIGKILL at any instant', () => {
  const scratch = scratchDir();
  const site = new CrashSite(ARTICLES, 8);
  beforeAll(() => site.start());
  afterAll(async () => {
    await site.close();
    scratch.remove();
  });

  it(`${KILLS} kills leave a file that always opens, and the runs after them store every page once`, async () => {
    const plan = killPlan(KILLS, ARTICLES, BATCH.batchSize);
    const report = await crashSeries(site, scratch.dir, BATCH, plan, (state, outcome, stderr) => {
      const where = `${outcome.instant} ${outcome.n}`;
      expect(stderr, where).not.toMatch(/Error/);
      expect(state.distinctUrls, where).toBe(state.documents); // no page stored twice
      expect(state.orphanRows, where).toBe(0); // no findings without their document
      expect(state.documentsWithoutCapture, where).toBe(0);
      // Work lost to a kill: the open batch, the one being committed and the pages in flight.
      expect(outcome.lost, where).toBeLessThanOrEqual(2 * BATCH.batchSize + 2);
    });
    const landed = new Map<Instant, number>();
    for (const o of report.outcomes) if (!o.missed) landed.set(o.instant, (landed.get(o.instant) ?? 0) + 1);
    expect(report.outcomes.filter((o) => !o.missed).length).toBeGreaterThanOrEqual(KILLS - 1);
    for (const instant of ['first-wal-write', 'mid-batch', 'mid-commit', 'final-checkpoint'] as const) {
      expect(landed.get(instant) ?? 0, instant).toBeGreaterThanOrEqual(1);
    }
    expect(report.final.documents).toBe(ARTICLES);
    expect(report.final.distinctUrls).toBe(ARTICLES);
    expect(report.final.running).toBe(0);

    // The same rows as one uninterrupted run over the site as it now stands.
    const cleanCfg = writeCrashConfig(scratch.dir, site, 'clean', BATCH);
    expect((await runUntil(cleanCfg, join(scratch.dir, 'clean.duckdb'), site)).status).toBe(0);
    expect(await contents(join(scratch.dir, 'crashed.duckdb'))).toEqual(await contents(join(scratch.dir, 'clean.duckdb')));
  }, 300_000);
});
