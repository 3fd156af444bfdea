import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportRows } from '../../pipeline/export/export.ts';
import { FilterError } from '../../pipeline/export/filters.ts';
import { createTestDb, type TestDb } from './test-db.ts';
import { seedRollouts } from './fixture.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedRollouts(t.db);
});
afterAll(() => t.cleanup());

async function jsonOf(filters: Parameters<typeof exportRows>[1]) {
  const file = join(t.dir, `facts-${Math.random().toString(36).slice(2)}.json`);
  const result = await exportRows(t.db, filters, { format: 'json', output: file });
  const rows = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string | null>[];
  expect(rows).toHaveLength(result.rows);
  return rows;
}

describe('exports and filters', () => {
  it('JSON export is an array of facts with the person-facing columns, raw values unaltered', async () => {
    const rows = await jsonOf({ region: 'Somerset' });
    expect(rows.map((r) => [r.date, r.status, r.provider])).toEqual([
      ['2013-08-01', 'provider_withdrawn', 'NHS Direct'],
      ['2014-02-10', 'provider_appointed', 'Devon Doctors'],
    ]);
    expect(Object.keys(rows[0])).toEqual([
      'date', 'effective', 'effective_start', 'effective_end', 'service', 'region', 'status', 'provider',
      'target', 'target_start', 'target_end', 'evidence', 'quote', 'speaker', 'source', 'title', 'url',
    ]);
    expect(rows[1]).toMatchObject({ target: '2014-04', target_start: '2014-04-01', target_end: '2014-04-30' });
  });

  it('filters combine, ignore case, and accept a region code', async () => {
    expect(await jsonOf({ service: 'nhs 111', status: 'LIVE' })).toHaveLength(3);
    expect(await jsonOf({ region: 'q35' })).toHaveLength(5);
    expect(await jsonOf({ provider: 'Derbyshire Health United', status: ['paused', 'live'] })).toHaveLength(2);
    expect(await jsonOf({ source: 'digital-health' })).toHaveLength(1);
    expect(await jsonOf({ region: ['Somerset', 'Nottingham City'] })).toHaveLength(3);
  });

  it('--since and --until are inclusive and a bare year or month means all of it', async () => {
    const dates = async (f: { since?: string; until?: string }) => (await jsonOf(f)).map((r) => r.date);
    expect(await dates({ since: '2013-05-21', until: '2013-05-21' })).toEqual(['2013-05-21', '2013-05-21', '2013-05-21']);
    expect(await dates({ since: '2014' })).toEqual(['2014-02-10', '2019-01-02']);
    expect(await dates({ until: '2012' })).toHaveLength(5);
    expect(await dates({ since: '2013-08', until: '2013-08' })).toEqual(['2013-08-01']);
  });

  it('a filter that cannot mean anything fails with a message saying how to fix it', async () => {
    await expect(jsonOf({ status: 'on hold' })).rejects.toThrow(/use one of: planned, live/);
    await expect(jsonOf({ since: '21/05/2013' })).rejects.toThrow(FilterError);
    await expect(jsonOf({ since: '2013-02-30' })).rejects.toThrow(/not a day/);
    await expect(jsonOf({ since: '2014', until: '2013' })).rejects.toThrow(/after/);
  });

  it('Parquet export holds the filtered facts and reads back in DuckDB', async () => {
    const file = join(t.dir, 'llr.parquet');
    const result = await exportRows(t.db, { region: 'Leicester, Leicestershire and Rutland', status: 'paused' }, { format: 'parquet', output: file });
    expect(result.rows).toBe(2);
    expect(readFileSync(file).subarray(0, 4).toString()).toBe('PAR1');
    const rows = await t.db.query<{ status: string; url: string }>(`SELECT status, url FROM read_parquet('${file}')`);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.status === 'paused')).toBe(true);
    // Days are typed as dates, so a reader sorts and filters them without parsing text.
    const types = await t.db.query<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM read_parquet('${file}')`);
    const typeOf = Object.fromEntries(types.map((c) => [c.column_name, c.column_type]));
    expect(typeOf).toMatchObject({ date: 'DATE', effective_start: 'DATE', effective_end: 'DATE', target_start: 'DATE', target_end: 'DATE', target: 'VARCHAR' });
  });

  it('writes the file whole or not at all', async () => {
    const file = join(t.dir, 'bad.csv');
    await expect(exportRows(t.db, { status: 'nonsense' }, { format: 'csv', output: file })).rejects.toThrow();
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.partial`)).toBe(false);
  });
});
