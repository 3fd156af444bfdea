// Issue 13.9: rules are general patterns tested with our own sentences, so no run of ten words from a
// real published article of ../shared/realset (or from the team's own dev set, outside tests/devset/)
// stands in the code, its lexicons, its tests or its comments.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const REALSET = join(ROOT, '../shared/realset/texts');
const RUN = 10;

const words = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];

function runsOf(files: string[]): Map<string, string> {
  const runs = new Map<string, string>();
  for (const f of files) {
    const w = words(readFileSync(f, 'utf8'));
    for (let i = 0; i + RUN <= w.length; i++) {
      const key = w.slice(i, i + RUN).join(' ');
      if (!runs.has(key)) runs.set(key, f);
    }
  }
  return runs;
}

/** The project's own text: code, lexicons and tests; not the dev set's pages, nor the compiled public reference data. */
function projectFiles(): string[] {
  const tracked = execFileSync('git', ['ls-files', 'pipeline', 'sources', 'tests', 'README.md'], { cwd: ROOT, encoding: 'utf8' }).split('\n');
  return tracked.filter((f) => f && /\.(?:ts|json|md|txt|html)$/.test(f) && !f.startsWith('tests/devset/') && !f.startsWith('sources/reference/'))
    .map((f) => join(ROOT, f)).filter(existsSync);
}

function sharedRuns(sources: Map<string, string>): string[] {
  const found: string[] = [];
  for (const f of projectFiles()) {
    const w = words(readFileSync(f, 'utf8'));
    for (let i = 0; i + RUN <= w.length; i++) {
      const key = w.slice(i, i + RUN).join(' ');
      if (sources.has(key)) { found.push(`${f.slice(ROOT.length + 1)}: "${key}" (${sources.get(key)!.split('/').pop()})`); break; }
    }
  }
  return found;
}

describe('the project is written in its own words', () => {
  it.skipIf(!existsSync(REALSET))(`shares no run of ${RUN} words with a realset article`, () => {
    const articles = readdirSync(REALSET).map((f) => join(REALSET, f));
    expect(articles.length).toBeGreaterThan(50);
    expect(sharedRuns(runsOf(articles))).toEqual([]);
  });

  it(`keeps the dev set's sentences out of the analysis code (runs of ${RUN} words)`, () => {
    const pages = readdirSync(join(ROOT, 'tests/devset')).filter((f) => f.endsWith('.html')).map((f) => join(ROOT, 'tests/devset', f));
    const analysis = sharedRuns(runsOf(pages)).filter((hit) => hit.startsWith('pipeline/analyse/'));
    expect(analysis).toEqual([]);
  });
});
