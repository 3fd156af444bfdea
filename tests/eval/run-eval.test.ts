// The `npm run eval` runner as a user meets it: exit codes, the table, --json and --verbose.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function devsetDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rollwatch-eval-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

function runEval(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'tests/eval/run-eval.ts', ...args], { encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const page = `<!doctype html><html><head><title>t</title></head><body><article><h1>Board pauses 111</h1>
<p>Commissioners in Rutland put the NHS 111 launch on hold yesterday.</p></article></body></html>`;
const gold = {
  url: 'https://news.example/rutland-111',
  published: '2013-05-21',
  genre: 'trade-press',
  services: ['NHS 111'],
  regions: [{ name: 'Rutland', code: null }],
  providers: [],
  people: [],
  quotes: [{ speaker: 'Nobody Inparticular', role: null, opening: 'Words that are not there' }],
  dates: [{ surface: 'yesterday', value: '2013-05-20' }],
  events: [{ service: 'NHS 111', region: 'Rutland', status: 'paused', provider: null, target: null }],
};

describe('npm run eval', () => {
  it('prints the table, a summary line and (--verbose) what each item missed; exits 0; writes --json', async () => {
    const dir = await devsetDir({ '001-rutland.html': page, '001-rutland.gold.json': JSON.stringify(gold) });
    const json = join(dir, 'out.json');
    const r = runEval(dir, '--json', json, '--verbose');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/field\s+gold\s+pred\s+match\s+P\s+R\s+F1/);
    expect(r.stdout).toMatch(/^events\s+1\s+\d+/m);
    expect(r.stdout).toMatch(/^eval: 1 items, events F1 \d\.\d\d, quotes F1 \d\.\d\d/m);
    const report = JSON.parse(await readFile(json, 'utf8'));
    expect(report.items).toBe(1);
    expect(report.fields.dates.gold).toBe(1);
    expect(report.fields.quotes).toMatchObject({ gold: 1, matched: 0, recall: 0 });
    expect(report.perItem[0]).toMatchObject({ id: '001-rutland', genre: 'trade-press' });
    expect(report.byGenre['trade-press'].items).toBe(1);
    expect(r.stdout).toMatch(/^001-rutland$/m);
    expect(r.stdout).toContain('quotes missed:   Nobody Inparticular: "Words that are not there…"');
  }, 25_000);

  it('exits 2 naming the file and field of a bad label', async () => {
    const bad = { ...gold, events: [{ ...gold.events[0], status: 'on hold' }] };
    const dir = await devsetDir({ '002-bad.html': page, '002-bad.gold.json': JSON.stringify(bad) });
    const r = runEval(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('002-bad.gold.json');
    expect(r.stderr).toContain('field events.0.status');
  }, 25_000);

  it('exits 2 when a gold file has no page beside it', async () => {
    const dir = await devsetDir({ '003-orphan.gold.json': JSON.stringify(gold) });
    const r = runEval(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/003-orphan\.gold\.json.*no article page 003-orphan\.html/);
  }, 25_000);
});
