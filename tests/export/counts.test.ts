// Every output that counts facts gives the same number, and says how many facts of syndicated
// copies it left out: export, the report, the browse page's API, the run summary, the demo tour.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printDemoSummary } from '../../pipeline/cli/summary.ts';
import { exportCommand, reportCommand } from '../../pipeline/export/commands.ts';
import { countFacts } from '../../pipeline/export/facts.ts';
import { renderRunSummary } from '../../pipeline/export/run-summary.ts';
import { openDatabase } from '../../pipeline/load/db.ts';
import { installAnalystLayer } from '../../pipeline/load/views.ts';
import { facts } from '../../pipeline/serve/facts-api.ts';
import { createTestDb, type TestDb } from './test-db.ts';
import { COUNTED_EVENT_IDS, seedRollouts } from './fixture.ts';

const SAID = `${COUNTED_EVENT_IDS.length} facts (1 more in 1 syndicated copy left out)`;

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString()));
  return { stream, text: () => text };
}

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedRollouts(t.db);
  await t.db.run(`INSERT INTO runs (run_id, started_at, finished_at, status, pages_fetched, pages_not_modified, pages_skipped_lastmod, events_added)
    VALUES ('r1', TIMESTAMP '2026-11-24 02:17:00', TIMESTAMP '2026-11-24 02:20:00', 'ok', 9, 2, 40, ${COUNTED_EVENT_IDS.length + 1})`);
  await installAnalystLayer(t.db);
  t.db.close();
});
afterAll(() => t.cleanup());

describe('counts that agree', () => {
  it('export, report, browse page, run summary and demo tour say the same number of facts and the copies left out', async () => {
    const db = await openDatabase(t.path, { readOnly: true });
    try {
      expect(await countFacts(db)).toEqual({ facts: COUNTED_EVENT_IDS.length, copiedFacts: 1, copies: 1 });
      expect((await facts(db, {})).count).toBe(SAID);
      const summary = (await renderRunSummary(db)).markdown;
      expect(summary).toContain(`and ${SAID}.`);
      // Pages the sitemap said were unchanged were never requested: named as such, apart from 304s.
      expect(summary).toContain('not modified (304 or unchanged) 2, skipped by sitemap lastmod (not requested) 40');
    } finally {
      db.close();
    }
    const out = capture();
    const err = capture();
    expect(await exportCommand('csv', { db: t.path }, { stdout: out.stream, stderr: err.stream })).toBe(0);
    expect(err.text()).toContain(`${SAID} written to standard output`);
    const file = join(t.dir, 'report.html');
    expect(await reportCommand({ db: t.path, output: file }, { stdout: out.stream, stderr: err.stream })).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain(SAID);
    const tour = capture();
    await printDemoSummary(t.path, tour.stream);
    expect(tour.text()).toContain(`facts: ${SAID}`);
  });

  it('a filter counts the copies it would have matched, not all of them', async () => {
    const db = await openDatabase(t.path, { readOnly: true });
    try {
      expect(await countFacts(db, { region: 'Somerset' })).toEqual({ facts: 2, copiedFacts: 0, copies: 0 });
      expect(await countFacts(db, { status: 'paused' })).toEqual({ facts: 2, copiedFacts: 1, copies: 1 });
      expect((await facts(db, { region: 'Somerset' })).count).toBe('2 facts');
    } finally {
      db.close();
    }
  });
});
