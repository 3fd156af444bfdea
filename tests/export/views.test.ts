import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installAnalystLayer, VIEWS } from '../../pipeline/load/views.ts';
import { createTestDb, type TestDb } from './test-db.ts';
import { COUNTED_EVENT_IDS, S, seedRollouts } from './fixture.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedRollouts(t.db);
  await installAnalystLayer(t.db);
  // The loader calls it after every migration run: a second call must be harmless.
  await installAnalystLayer(t.db);
});
afterAll(() => t.cleanup());

const LLR = 'Leicester, Leicestershire and Rutland';

describe('analyst views', () => {
  it('v_events counts a fact from a near-duplicate document once', async () => {
    const rows = await t.db.query<{ event_id: string }>('SELECT event_id FROM v_events ORDER BY event_id');
    expect(rows.map((r) => r.event_id).sort()).toEqual([...COUNTED_EVENT_IDS].sort());
  });

  it('v_rollout_current gives the latest status per service and region with evidence, source and date', async () => {
    const rows = await t.db.query<Record<string, unknown>>(
      "SELECT * FROM v_rollout_current WHERE service = 'NHS 111' ORDER BY region",
    );
    const byRegion = Object.fromEntries(rows.map((r) => [r.region as string, r]));
    expect(Object.keys(byRegion)).toEqual(['County Durham and Darlington', 'England', LLR, 'Nottingham City', 'Somerset']);
    expect(byRegion[LLR]).toMatchObject({
      status: 'live',
      reported_on: '2013-11-12',
      provider: 'Derbyshire Health United',
      evidence: S.llrLive,
      source_id: 'gp-press',
      url: 'https://www.example-gp-press.co.uk/news/111-live-leicestershire',
      reports: 5,
    });
    expect(byRegion.England).toMatchObject({ status: 'delayed', target: '2013-08', target_start: '2013-08-01', target_end: '2013-08-31' });
    // Somerset has only provider events: no lifecycle status, the provider beside it.
    expect(byRegion.Somerset).toMatchObject({ status: null, provider: 'Devon Doctors', provider_status: 'appointed' });
  });

  it('status_on(d) gives each region the status it had on that day', async () => {
    const on = async (d: string) =>
      Object.fromEntries(
        (
          await t.db.query<{ region: string; status: string }>(
            "SELECT region, status FROM status_on(CAST(? AS DATE)) WHERE service = 'NHS 111'",
            [d],
          )
        ).map((r) => [r.region, r.status]),
      );
    expect(await on('2012-01-01')).toEqual({});
    expect(await on('2012-12-31')).toEqual({
      'County Durham and Darlington': 'live',
      'Nottingham City': 'live',
      England: 'planned',
      // The provider appointed the same day is beside the plan, not in its place.
      [LLR]: 'planned',
    });
    // Took effect on 21 May: the pause counts from that day, not before.
    expect((await on('2013-05-20'))[LLR]).toBe('planned');
    expect((await on('2013-05-21'))[LLR]).toBe('paused');
    const autumn = await on('2013-09-30');
    expect(autumn[LLR]).toBe('paused');
    expect(autumn.Somerset).toBeNull(); // only a provider withdrawal is known there
    expect(autumn.England).toBe('delayed');
    expect((await on('2014-12-31'))[LLR]).toBe('live');
  });

  it('v_timeline orders each region\'s facts and marks status changes', async () => {
    const rows = await t.db.query<{ status: string; previous_status: string | null; status_changed: boolean }>(
      "SELECT status, previous_status, status_changed FROM v_timeline WHERE region = 'Somerset' ORDER BY reported_on",
    );
    expect(rows).toEqual([
      { status: 'provider_withdrawn', previous_status: null, status_changed: true },
      { status: 'provider_appointed', previous_status: 'provider_withdrawn', status_changed: true },
    ]);
  });

  it('v_quotes has each quote once, with speaker, role, source and the services of its article', async () => {
    const rows = await t.db.query<Record<string, unknown>>(
      "SELECT speaker, speaker_role, quote, url, array_to_string(services, '|') AS services FROM v_quotes",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      speaker: 'Dr Priya Shah',
      speaker_role: 'clinical lead for the programme',
      url: 'https://www.example-gp-press.co.uk/news/111-launch-on-hold',
      services: 'NHS 111',
    });
  });

  it('has a comment on every table, view, column and the macro', async () => {
    const missing = await t.db.query<{ what: string }>(`
      SELECT 'table ' || table_name AS what FROM duckdb_tables() WHERE NOT internal AND comment IS NULL
      UNION ALL SELECT 'view ' || view_name FROM duckdb_views() WHERE NOT internal AND comment IS NULL
      UNION ALL SELECT 'column ' || table_name || '.' || column_name FROM duckdb_columns() WHERE NOT internal AND comment IS NULL
      UNION ALL SELECT 'macro ' || function_name FROM duckdb_functions() WHERE function_type = 'table_macro' AND NOT internal AND comment IS NULL`);
    expect(missing.map((m) => m.what)).toEqual([]);
    const [{ n }] = await t.db.query<{ n: number }>(
      "SELECT count(*) AS n FROM duckdb_views() WHERE view_name IN ('v_events','v_timeline','v_rollout_current','v_quotes')",
    );
    expect(n).toBe(4);
  });
});

describe('installAnalystLayer inside a transaction', () => {
  it('joins the caller\'s transaction when told it is inside one', async () => {
    const own = await createTestDb();
    try {
      await own.db.transaction(() => installAnalystLayer(own.db, { withinTransaction: true }));
      const [{ n }] = await own.db.query<{ n: number }>("SELECT count(*) AS n FROM duckdb_views() WHERE view_name LIKE 'v\\_%' ESCAPE '\\'");
      expect(n).toBe(VIEWS.length);
    } finally {
      own.cleanup();
    }
  });
});
