// One test per rule of STATUS_RULES (docs/schema.md, "Status rules"), on the shared NHS 111
// fixture plus a few facts of its own: a background fact reported years later, two reviews.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUS_RULES, installAnalystLayer } from '../../pipeline/load/views.ts';
import { createTestDb, type TestDb } from './test-db.ts';
import { insertDocument, insertEvent, seedRollouts } from './fixture.ts';

const LLR = 'Leicester, Leicestershire and Rutland';
const HISTORY = 'When the first NHS 111 pilot opened in County Durham and Darlington in August 2010, the ambulance service ran the calls.';
const REVIEW = 'NHS England has begun a review of how NHS 111 copes with weekend demand across England.';
const DERBY_PLAN = 'Derby is next in line for NHS 111, commissioners said.';
const DERBY_LIVE = 'NHS 111 has been running in Derby since March 2012.';
const APP_REVIEW = "A review of the NHS App's login checks is under way before it opens to everyone.";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedRollouts(t.db);
  await t.db.transaction(async () => {
    await insertDocument(t.db, { doc_id: 'd-2014-history', url: 'https://www.example-health-news.org/2014/06/111-history', source_id: 'health-news', title: 'How 111 grew', published_at: '2014-06-01', paragraphs: [HISTORY] });
    await insertEvent(t.db, { event_id: 'x-history', doc_id: 'd-2014-history', service: 'NHS 111', region: 'County Durham and Darlington', provider: 'North East Ambulance Service', status: 'live', effective: '2010-08', evidence: HISTORY });
    // Derby: a plan reported on 10 March 2012, then a later article saying it went live "in March 2012".
    await insertDocument(t.db, { doc_id: 'd-2012-derby-plan', url: 'https://www.example-health-news.org/2012/03/derby-plan', source_id: 'health-news', title: 'Derby next', published_at: '2012-03-10', paragraphs: [DERBY_PLAN] });
    await insertEvent(t.db, { event_id: 'x-derby-plan', doc_id: 'd-2012-derby-plan', service: 'NHS 111', region: 'Derby', status: 'planned', evidence: DERBY_PLAN });
    await insertDocument(t.db, { doc_id: 'd-2012-derby-live', url: 'https://www.example-health-news.org/2012/06/derby-live', source_id: 'health-news', title: 'Derby live', published_at: '2012-06-20', paragraphs: [DERBY_LIVE] });
    await insertEvent(t.db, { event_id: 'x-derby-live', doc_id: 'd-2012-derby-live', service: 'NHS 111', region: 'Derby', status: 'live', effective: '2012-03', evidence: DERBY_LIVE });
    await insertDocument(t.db, { doc_id: 'd-2013-review', url: 'https://www.example-health-news.org/2013/06/111-review', source_id: 'health-news', title: 'Review of 111 begins', published_at: '2013-06-10', paragraphs: [REVIEW] });
    await insertEvent(t.db, { event_id: 'x-review', doc_id: 'd-2013-review', service: 'NHS 111', region: 'England', status: 'under_review', evidence: REVIEW });
    await insertDocument(t.db, { doc_id: 'd-2018-app-review', url: 'https://www.example-digital-health.org/2018/11/app-review', source_id: 'digital-health', title: 'App checks reviewed', published_at: '2018-11-20', paragraphs: [APP_REVIEW] });
    await insertEvent(t.db, { event_id: 'x-app-review', doc_id: 'd-2018-app-review', service: 'NHS App', region: 'England', status: 'under_review', evidence: APP_REVIEW });
  });
  await installAnalystLayer(t.db);
  // Containment as the reference data gives it (written here so the test does not depend on its contents).
  await t.db.run(`DELETE FROM area_within`);
  await t.db.run(`INSERT INTO area_within VALUES
    ('Leicestershire', 'E10000018', 'local_authority', '${LLR}', 'QK1', 'contract_area', 1),
    ('Leicestershire', 'E10000018', 'local_authority', 'England', 'E92000001', 'nation', 2),
    ('${LLR}', 'QK1', 'contract_area', 'England', 'E92000001', 'nation', 1),
    ('Somerset', 'E10000027', 'local_authority', 'South West', 'E12000009', 'region', 1),
    ('Somerset', 'E10000027', 'local_authority', 'England', 'E92000001', 'nation', 2)`);
});
afterAll(() => t.cleanup());

type Row = Record<string, unknown>;
const current = async (service: string, region: string): Promise<Row> =>
  (await t.db.query<Row>('SELECT * FROM v_rollout_current WHERE service = ? AND region = ?', [service, region]))[0]!;
const on = async (day: string, where = "service = 'NHS 111'", area?: string): Promise<Record<string, Row>> => {
  const rows = await t.db.query<Row>(
    `SELECT * FROM status_on(CAST(? AS DATE)${area ? ', area := ?' : ''}) WHERE ${where}`,
    area ? [day, area] : [day],
  );
  return Object.fromEntries(rows.map((r) => [r.region as string, r]));
};
const rule = (name: string) => {
  const found = STATUS_RULES.find((r) => r.rule === name);
  if (!found) throw new Error(`no status rule ${name}`);
  return `${name}: ${found.text}`;
};

describe('status rules (docs/schema.md)', () => {
  it(rule('axes'), async () => {
    const rows = await t.db.query<{ status: string; axis: string }>('SELECT DISTINCT status, axis FROM v_events ORDER BY status');
    expect(Object.fromEntries(rows.map((r) => [r.status, r.axis]))).toEqual({
      delayed: 'lifecycle', live: 'lifecycle', paused: 'lifecycle', planned: 'lifecycle',
      provider_appointed: 'provider', provider_withdrawn: 'provider', under_review: 'review',
    });
  });

  it(rule('lifecycle'), async () => {
    const statuses = (await t.db.query<{ status: string | null }>('SELECT DISTINCT status FROM v_rollout_current')).map((r) => r.status);
    expect(statuses.filter((s) => s !== null).sort()).toEqual(['delayed', 'live']);
    // A provider appointed on the same day as a plan stands beside it, never in its place.
    expect((await on('2012-12-31'))[LLR]).toMatchObject({ status: 'planned', provider: 'Derbyshire Health United', provider_status: 'appointed' });
    // Where only a provider event is known, there is no status, and the provider is shown.
    expect(await current('NHS 111', 'Somerset')).toMatchObject({ status: null, event_id: null, provider: 'Devon Doctors' });
  });

  it(rule('latest'), async () => {
    // Durham's latest fact by report day is the 2014 history piece, but it took effect in 2010:
    // the status is the one reported in 2012 about the present.
    expect(await current('NHS 111', 'County Durham and Darlington')).toMatchObject({ status: 'live', event_id: 'e1', reported_on: '2012-03-14' });
    // "Since March 2012" may be any day of March: it outranks a plan reported on 10 March, not the other way round.
    expect(await current('NHS 111', 'Derby')).toMatchObject({ status: 'live', event_id: 'x-derby-live' });
    expect((await on('2012-03-05')).Derby).toMatchObject({ status: 'live' });
    expect((await on('2012-02-29')).Derby).toBeUndefined();
  });

  it(rule('effective'), async () => {
    const durham = (await on('2010-09-01'))['County Durham and Darlington'];
    expect(durham).toMatchObject({ status: 'live', event_id: 'x-history', effective: '2010-08', reported_on: '2014-06-01' });
    expect(durham!.url).toBe('https://www.example-health-news.org/2014/06/111-history');
    expect(await on('2010-07-31')).toEqual({});
  });

  it(rule('provider'), async () => {
    const withdrawn = (await on('2013-12-31'))['Somerset'];
    expect(withdrawn).toMatchObject({ provider: null, provider_status: 'withdrawn', provider_named: 'NHS Direct', provider_event_id: 'e8' });
    expect(await current('NHS 111', 'Somerset')).toMatchObject({ provider: 'Devon Doctors', provider_status: 'appointed', provider_event_id: 'e10' });
    // No provider event in Durham: the provider a lifecycle fact names, said to be only named.
    expect(await current('NHS 111', 'County Durham and Darlington')).toMatchObject({ provider: 'North East Ambulance Service', provider_status: 'named' });
  });

  it(rule('review'), async () => {
    expect(await current('NHS 111', 'England')).toMatchObject({ status: 'delayed', review_open: true, review_event_id: 'x-review', review_effective: '2013-06-10' });
    // The app went live after its review: the review is no longer open, though still shown.
    expect(await current('NHS App', 'England')).toMatchObject({ status: 'live', review_open: false, review_event_id: 'x-app-review' });
    // Before it began, there was no review of 111 to show.
    expect((await on('2013-06-09')).England).toMatchObject({ review_event_id: null, review_open: false });
  });

  it(rule('status_on'), async () => {
    // The pause was reported and took effect on 21 May; a day before, the plan still stood.
    expect((await on('2013-05-20'))[LLR]).toMatchObject({ status: 'planned' });
    expect((await on('2013-05-21'))[LLR]).toMatchObject({ status: 'paused', event_id: 'e6' });
    // Same columns as v_rollout_current.
    const columns = async (sql: string) => (await t.db.query<{ column_name: string }>(`SELECT column_name FROM (DESCRIBE ${sql})`)).map((c) => c.column_name);
    expect(await columns("SELECT * FROM status_on(DATE '2013-06-01')")).toEqual(await columns('SELECT * FROM v_rollout_current'));
  });

  it(rule('areas'), async () => {
    // Leicestershire lies inside the LLR contract area, so LLR's facts answer for it.
    expect(Object.keys(await on('2013-06-01', "service = 'NHS 111'", 'Leicestershire'))).toEqual([LLR]);
    expect(Object.keys(await on('2013-06-01', "service = 'NHS 111'", 'leicestershire'))).toEqual([LLR]);
    // Somerset lies inside the South West; England, a nation, is not brought in by what it contains.
    expect(Object.keys(await on('2014-12-31', "service = 'NHS 111'", 'South West')), 'South West').toEqual(['Somerset']);
    expect(Object.keys(await on('2014-12-31', "service = 'NHS 111'", 'Somerset'))).toEqual(['Somerset']);
    // A code works as well as a name.
    expect(Object.keys(await on('2013-06-01', "service = 'NHS 111'", 'E10000018'))).toEqual([LLR]);
  });

  it(rule('copies'), async () => {
    const [{ n }] = await t.db.query<{ n: number }>("SELECT count(*) AS n FROM v_events WHERE event_id = 'e6-copy'");
    expect(n).toBe(0);
    const [llr] = await t.db.query<{ reports: number }>(`SELECT reports FROM v_rollout_current WHERE service = 'NHS 111' AND region = ?`, [LLR]);
    expect(llr!.reports).toBe(5); // e4, e5, e6, e7b, e9: the copy's e6-copy is not a sixth
  });
});
