import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { exportCommand, reportCommand, summaryCommand } from '../../pipeline/export/commands.ts';
import { createTestDb, type TestDb } from './test-db.ts';
import { seedRollouts } from './fixture.ts';

function io() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return { io: { stdout, stderr }, out: () => out, err: () => err };
}

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedRollouts(t.db);
  t.db.close(); // the commands open the file themselves, read-only
});
afterAll(() => t.cleanup());

describe('output commands', () => {
  it('export csv to stdout with filters, and to a file', async () => {
    const a = io();
    expect(await exportCommand('csv', { db: t.path, region: 'Somerset' }, a.io)).toBe(0);
    expect(a.out().split('\r\n').filter(Boolean)).toHaveLength(3);
    const b = io();
    const file = join(t.dir, 'x', 'facts.csv');
    expect(await exportCommand('csv', { db: t.path, output: file, excel: true }, b.io)).toBe(0);
    expect(readFileSync(file, 'utf8').startsWith('\ufeffdate,effective,')).toBe(true);
    expect(b.err()).toContain('12 facts written');
  });

  it('a bad filter or a missing database is a usage error (exit 2) with a hint', async () => {
    const a = io();
    expect(await exportCommand('json', { db: t.path, until: 'last week' }, a.io)).toBe(2);
    const c = io();
    expect(await exportCommand('xlsx', { db: t.path }, c.io)).toBe(2);
    expect(c.err()).toContain('csv, json, parquet');
    expect(a.err()).toContain('--until takes a date such as 2013');
    const b = io();
    expect(await reportCommand({ db: join(t.dir, 'missing.duckdb'), output: join(t.dir, 'r.html') }, b.io)).toBe(2);
    expect(b.err()).toContain('no database at');
  });

  it('summary prints Markdown and exits 0 when there is no broken source', async () => {
    const a = io();
    expect(await summaryCommand({ db: t.path }, a.io)).toBe(0);
    expect(a.out()).toContain('No run recorded');
  });
});

describe('schema-doc command', () => {
  it('without --db documents a fresh database with the current schema', async () => {
    const { schemaDocCommand } = await import('../../pipeline/export/commands.ts');
    const a = io();
    const file = join(t.dir, 'schema.md');
    expect(await schemaDocCommand({ output: file }, a.io)).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('## v_rollout_current');
  });
});
