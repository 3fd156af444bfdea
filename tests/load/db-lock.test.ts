// An analyst's open session and a nightly run cannot share the DuckDB file; whoever comes
// second must be told which file, and that another process holds it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../pipeline/load/db.ts';

const dir = mkdtempSync(join(tmpdir(), 'rollwatch-lock-'));
const path = join(dir, 'rollwatch.duckdb');
let holder: ReturnType<typeof spawn> | null = null;

beforeAll(async () => {
  (await openDatabase(path)).close();
  // Another process opens the file for writing and keeps it until killed.
  const script = `const {DuckDBInstance}=require('@duckdb/node-api');
DuckDBInstance.create(${JSON.stringify(path)}).then(()=>{process.stdout.write('open\\n');setInterval(()=>{},1000);});`;
  holder = spawn(process.execPath, ['-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    holder!.stdout!.on('data', (d: Buffer) => d.toString().includes('open') && resolve());
    holder!.on('exit', (code) => reject(new Error(`lock holder exited ${code}`)));
  });
});

afterAll(() => {
  holder?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('a DuckDB file held by another process', () => {
  it('fails with the file named and the holder explained, for writers and readers alike', async () => {
    for (const readOnly of [false, true]) {
      const error = await openDatabase(path, { readOnly }).then(
        (db) => {
          db.close();
          return null;
        },
        (err: unknown) => err as Error,
      );
      expect(error).toBeInstanceOf(Error);
      expect(error!.message).toContain(path);
      expect(error!.message).toMatch(/is open in .*\(PID \d+\)/);
      expect(error!.message).toContain('one process at a time');
    }
  });
});
