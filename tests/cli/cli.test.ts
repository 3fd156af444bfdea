import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '../../bin/rollwatch.js');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });

describe('rollwatch CLI', () => {
  it('--help lists the commands and exits 0', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    for (const cmd of ['run', 'extract', 'reprocess', 'demo', 'export', 'report', 'serve']) {
      expect(r.stdout).toMatch(new RegExp(`^\\s+${cmd}\\b`, 'm'));
    }
  });

  it('bad usage exits 2 with the usage', () => {
    const r = run('fly');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'fly'/);
  });

  it('an invalid config exits 2 naming the file and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rollwatch-cli-'));
    const cfg = join(dir, 'cfg.json');
    writeFileSync(cfg, JSON.stringify({ sources: [], db: 3 }));
    const r = run('run', '--config', cfg, '--quiet');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('cfg.json: field "sources"');
    expect(r.stderr).toContain('field "db"');
  });
});
