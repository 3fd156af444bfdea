// The Parquet dataset for readers at scale: one folder per source and year, which DuckDB reads back
// as one table with hive_partitioning, holding exactly the facts the JSON export holds.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCommand, type CommandIO } from '../../pipeline/export/commands.ts';
import { queryFacts } from '../../pipeline/export/facts.ts';
import { parsePartition, writeParquetDataset } from '../../pipeline/export/parquet-dataset.ts';
import { createTestDb, type TestDb } from './test-db.ts';
import { seedRollouts } from './fixture.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedRollouts(t.db);
});
afterAll(() => t.cleanup());

const read = (dir: string, where = '') =>
  t.db.query<Record<string, unknown>>(
    `SELECT * FROM read_parquet('${dir}/**/*.parquet', hive_partitioning = true) ${where} ORDER BY event_id`,
  );

describe('export parquet --partition', () => {
  it('writes one folder per source and year that DuckDB reads back as the whole set of facts', async () => {
    const dir = join(t.dir, 'facts-by-source-year');
    const n = await writeParquetDataset(t.db, {}, dir, ['source', 'year']);
    const facts = await queryFacts(t.db);
    expect(n).toBe(facts.length);
    const sources = readdirSync(dir).sort();
    expect(sources).toEqual([...new Set(facts.map((f) => `source=${encodeURIComponent(f.source)}`))].sort());
    expect(readdirSync(join(dir, sources[0]!)).every((y) => /^year=(\d{4}|__HIVE_DEFAULT_PARTITION__)$/.test(y))).toBe(true);
    const back = await read(dir);
    expect(back.map((r) => r.event_id)).toEqual(facts.map((f) => f.event_id).sort());
    const somerset = back.filter((r) => r.region === 'Somerset').map((r) => [String(r.date), r.status, String(r.year)]);
    expect(somerset.sort()).toEqual([
      ['2013-08-01', 'provider_withdrawn', '2013'],
      ['2014-02-10', 'provider_appointed', '2014'],
    ]);
  });

  it('a query on a partition column reads only the matching facts, and filters apply as in every export', async () => {
    const dir = join(t.dir, 'facts-nhs-111');
    await writeParquetDataset(t.db, { service: 'NHS 111' }, dir, ['year']);
    const in2013 = await read(dir, 'WHERE year = 2013');
    const expected = (await queryFacts(t.db, { service: 'NHS 111' })).filter((f) => f.date?.startsWith('2013'));
    expect(in2013.map((r) => r.event_id)).toEqual(expected.map((f) => f.event_id).sort());
  });

  it('replaces an earlier dataset in the folder, and refuses a folder holding other files', async () => {
    const dir = join(t.dir, 'again');
    await writeParquetDataset(t.db, {}, dir, ['status']);
    await writeParquetDataset(t.db, { status: 'live' }, dir, ['status']);
    expect(readdirSync(dir)).toEqual(['status=live']);
    const notes = join(t.dir, 'notes');
    mkdirSync(notes);
    writeFileSync(join(notes, 'README.txt'), 'keep me');
    await expect(writeParquetDataset(t.db, {}, notes, ['year'])).rejects.toThrow(/not a Parquet dataset/);
    expect(existsSync(join(notes, 'README.txt'))).toBe(true);
  });

  it('names an unknown partition column, and wants a folder', async () => {
    expect(() => parsePartition('source,colour')).toThrow(/"colour" is not one of source, year, month, service, status/);
    const err: string[] = [];
    const io: CommandIO = { stdout: process.stdout, stderr: { write: (s: string) => err.push(s) } as unknown as NodeJS.WritableStream };
    expect(await exportCommand('csv', { db: t.path, partition: 'year', output: join(t.dir, 'x') }, io)).toBe(2);
    expect(err.join('')).toContain('--partition writes a Parquet dataset');
  });
});
