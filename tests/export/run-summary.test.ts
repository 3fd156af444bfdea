import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderRunSummary } from '../../pipeline/export/run-summary.ts';
import { createTestDb, type TestDb } from './test-db.ts';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.cleanup());

async function run(id: string, started: string, sources: [string, string, number, number, string | null][]) {
  await t.db.run(
    `INSERT INTO runs (run_id, started_at, finished_at, status, pages_fetched, pages_failed, events_added)
     VALUES (?, CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP) + INTERVAL 5 MINUTE, 'finished', 40, 3, 7)`,
    [id, started, started],
  );
  for (const [source, status, discovered, failed, message] of sources) {
    await t.db.run(
      'INSERT INTO source_runs (run_id, source_id, status, discovered, fetched, failed, message) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [id, source, status, discovered, discovered - failed, failed, message],
    );
  }
}

describe('run summary for the CI job', () => {
  it('tables every source of the latest run and names the broken ones', async () => {
    await run('r1', '2026-11-23 02:17:00', [['gp-press', 'failed', 0, 0, 'old run']]);
    await run('r2', '2026-11-24 02:17:00', [
      ['gp-press', 'ok', 25, 0, null],
      ['health-news', 'ok', 30, 3, '3 pages timed out'],
      ['digital-health', 'failed', 0, 0, 'sitemap.xml: HTTP 404 | moved?'],
      ['nhs-england', 'empty', 12, 0, 'no articles'],
    ]);
    const summary = await renderRunSummary(t.db);
    expect(summary.runId).toBe('r2');
    expect(summary.broken).toEqual(['digital-health', 'nhs-england']);
    const table = summary.markdown.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| source') && !l.startsWith('| ---'));
    expect(table).toHaveLength(4);
    expect(summary.markdown).toContain('| digital-health | ❌ failed | 0 |');
    expect(summary.markdown).toContain('HTTP 404 \\| moved?');
    expect(summary.markdown).toContain('| health-news | ok | 30 | 27 |');
    expect(summary.markdown).toContain('| nhs-england | ❌ empty | 12 |');
  });

  it('reports an earlier run by id, and says so when there is none', async () => {
    await run('r1', '2026-11-23 02:17:00', [['gp-press', 'failed', 0, 0, null]]);
    expect((await renderRunSummary(t.db, 'r1')).broken).toEqual(['gp-press']);
    expect((await renderRunSummary(t.db, 'nope')).runId).toBeNull();
  });
});
