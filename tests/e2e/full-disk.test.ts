// A nightly run on a disk that fills up: the person reading the log must see that the disk is
// full and which file could not be written, the DuckDB file must stay valid, and the run after
// space is freed must complete. The disk is a small tmpfs, so this needs root (mount); without
// it the test is skipped and says so.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrashSite, inspect, runUntil, writeCrashConfig } from './crash-harness.ts';

const ARTICLES = 200;
const DISK_BYTES = 8 * 1024 * 1024;
/** Room left on the disk for the first run: less than the run needs. */
const ROOM_BYTES = 900 * 1024;

function mountTmpfs(dir: string, bytes: number): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'rollwatch-disk-'));
const disk = join(scratch, 'disk');
mkdirSync(disk);
const mounted = mountTmpfs(disk, DISK_BYTES);
if (!mounted) console.warn('full-disk test skipped: mounting a small tmpfs needs root on Linux');

describe.skipIf(!mounted)('a disk that fills up during a run', () => {
  const site = new CrashSite(ARTICLES, 1);
  beforeAll(() => site.start());
  afterAll(async () => {
    await site.close();
    execFileSync('umount', [disk]);
    rmSync(scratch, { recursive: true, force: true });
  });

  it('says "No space left on device" naming the file, keeps a valid file, and the next run completes', async () => {
    const cfg = writeCrashConfig(scratch, site, 'disk', { batchSize: 20, batchSeconds: 0.3, workers: 0 });
    const config = JSON.parse(readFileSync(cfg, 'utf8')) as { db: string };
    const db = join(disk, 'rollwatch.duckdb');
    writeFileSync(cfg, JSON.stringify({ ...config, db }));
    const ballast = join(disk, 'ballast');
    writeFileSync(ballast, Buffer.alloc(DISK_BYTES - ROOM_BYTES));

    const full = await runUntil(cfg, db, site);
    expect(full.stderr).toMatch(new RegExp(`cannot write ${db}(\\.wal)?: No space left on device`));
    expect(full.stderr).not.toMatch(/cannot rollback|no transaction is active/);
    expect(full.stderr).not.toMatch(/^\s+at /m); // one line, no stack
    expect(full.status).toBe(5);

    const state = await inspect(db);
    expect(state.distinctUrls).toBe(state.documents);
    expect(state.orphanRows).toBe(0);
    expect(state.documents).toBeLessThan(ARTICLES);

    rmSync(ballast);
    const next = await runUntil(cfg, db, site);
    expect(next.stderr).toBe('');
    expect(next.status).toBe(0);
    const after = await inspect(db);
    expect(after.documents).toBe(ARTICLES);
    expect(after.distinctUrls).toBe(ARTICLES);
  }, 180_000);
});
