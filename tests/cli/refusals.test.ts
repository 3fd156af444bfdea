// What a user causes gets one line naming the file or port and what to do, and an exit code a
// scheduler can act on (4: busy, try later; 2: change the command), never a stack trace.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../pipeline/cli/exit.ts';
import { openDatabase } from '../../pipeline/load/db.ts';

const bin = join(import.meta.dirname, '../../bin/rollwatch.js');
const dir = mkdtempSync(join(tmpdir(), 'rollwatch-refusals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function rollwatch(...args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (status) => resolve({ status, stderr }));
  });
}

function expectOneLine(stderr: string, ...names: string[]): void {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^rollwatch: /);
  for (const name of names) expect(lines[0]).toContain(name);
}

describe('clear refusals', () => {
  it('a DuckDB file another process has open for writing: exit 4, the file and the holder named', async () => {
    const db = join(dir, 'held.duckdb');
    const holder = await openDatabase(db); // this test's process keeps it open for writing
    try {
      const r = await rollwatch('summary', '--db', db);
      expect(r.status).toBe(EXIT.busy);
      expectOneLine(r.stderr, db, 'PID');
    } finally {
      holder.close();
    }
  }, 60_000);

  it('a --db that is not a DuckDB file: exit 2, the file named', async () => {
    const notes = join(dir, 'notes.duckdb');
    writeFileSync(notes, 'minutes of the programme board\n');
    const r = await rollwatch('summary', '--db', notes);
    expect(r.status).toBe(EXIT.usage);
    expectOneLine(r.stderr, notes, 'not a DuckDB database file');
  }, 60_000);

  it('a --db inside a folder that cannot be made (a file stands in its path): exit 2, the folder named', async () => {
    writeFileSync(join(dir, 'plain-file'), 'x');
    writeFileSync(join(dir, 'site.json'), JSON.stringify({
      id: 'nowhere', name: 'Nowhere', site: 'http://127.0.0.1:9', hosts: ['127.0.0.1:9'],
      discover: [{ sitemap: 'http://127.0.0.1:9/sitemap.xml' }], articles: { include: ['^/news/'] },
    }));
    const cfg = join(dir, 'run.json');
    writeFileSync(cfg, JSON.stringify({ sources: ['site.json'], db: join(dir, 'run.duckdb'), archive: join(dir, 'archive') }));
    const target = join(dir, 'plain-file', 'sub', 'rw.duckdb');
    const r = await rollwatch('run', '--config', cfg, '--db', target, '--quiet');
    expect(r.status).toBe(EXIT.usage);
    expectOneLine(r.stderr, `cannot create the folder ${join(dir, 'plain-file', 'sub')}`, '--db');
  }, 60_000);

  it('serve on a port another program listens on: exit 4, the port named', async () => {
    const db = join(dir, 'serve.duckdb');
    (await openDatabase(db)).close();
    const taken: Server = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const port = (taken.address() as { port: number }).port;
    try {
      const r = await rollwatch('serve', '--db', db, '--port', String(port));
      expect(r.status).toBe(EXIT.busy);
      const lines = r.stderr.trim().split('\n').filter((l) => !l.includes('browsing')); // serve announces itself first
      expectOneLine(lines.join('\n'), `port ${port}`, '--port');
    } finally {
      taken.close();
    }
  }, 60_000);
});

describe('the exit codes a user can look up', () => {
  it('every code rollwatch exits with is listed by --help and in the README table', async () => {
    const { readFileSync } = await import('node:fs');
    const { EXIT_CODES_HELP } = await import('../../pipeline/cli/exit.ts');
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    for (const code of Object.values(EXIT)) {
      expect(EXIT_CODES_HELP).toMatch(new RegExp(`^  ${code}  \\S`, 'm'));
      expect(readme).toContain(`| \`${code}\` |`);
    }
  });
});
