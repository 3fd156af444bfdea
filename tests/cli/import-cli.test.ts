// `rollwatch import` and `merge` as a user types them: a per-file table, exit 3 when a file was
// damaged, and one line naming the file when it cannot be read.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeWarc } from '../archive/warc-writer.ts';

const bin = join(import.meta.dirname, '../../bin/rollwatch.js');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });
const dir = mkdtempSync(join(tmpdir(), 'rollwatch-import-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function config(): string {
  writeFileSync(
    join(dir, 'src.json'),
    JSON.stringify({ id: 'board', name: 'Board papers', site: 'https://board.example', hosts: ['board.example'], discover: [{ urls: ['https://board.example/'] }], articles: { include: ['^/papers/'] } }),
  );
  const file = join(dir, 'config.json');
  writeFileSync(file, JSON.stringify({ sources: ['src.json'], db: join(dir, 'db.duckdb'), archive: join(dir, 'archive'), workers: 0 }));
  return file;
}

describe('rollwatch import (CLI)', () => {
  it('names a missing file and exits 2', () => {
    const r = run('import', join(dir, 'nowhere.warc.gz'), '--config', config(), '--quiet');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('cannot read');
    expect(r.stderr).toContain('nowhere.warc.gz');
  });

  it('prints a row per file and exits 3 when a file is damaged', async () => {
    const whole = join(dir, 'whole.warc.gz');
    const body = (n: number) => `<html><head><title>Paper ${n}</title></head><body><article><p>${'The board noted the report. '.repeat(20)}</p></article></body></html>`;
    const ranges = await writeWarc(whole, [1, 2].map((n) => ({ url: `https://board.example/papers/${n}`, date: '2011-03-03T10:00:00Z', body: body(n) })));
    const cut = join(dir, 'cut.warc.gz');
    writeFileSync(cut, readFileSync(whole).subarray(0, ranges[1]!.start + 20));
    const r = run('import', cut, '--config', config(), '--quiet', '--shard', '1/1');
    expect(r.status).toBe(3);
    expect(r.stdout).toMatch(/cut\.warc\.gz\s+1\s+1\s+1\s+1\b/); // records, responses, articles, new
    expect(r.stdout).toMatch(/bytes unreadable from byte \d+/);
  });

  it('merge names a file it cannot read and exits 2', () => {
    const r = run('merge', join(dir, 'shard-9.duckdb'), '--db', join(dir, 'all.duckdb'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('cannot read');
    expect(r.stderr).toContain('shard-9.duckdb');
  });

  it('rejects a malformed --shard', () => {
    const r = run('import', join(dir, 'x.warc'), '--config', config(), '--shard', '4/3');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--shard takes K/N');
  });
});
