// The README is what a new user types from: every command and option it shows must be one
// `rollwatch COMMAND --help` lists, and its Commands block must list every option there is.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { buildProgram } from '../../pipeline/cli/main.ts';
import { SCHEMA_VERSION } from '../../pipeline/load/schema.ts';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const FILTERS = ['--service', '--region', '--provider', '--status', '--source', '--since', '--until'];

function helpOptions(): Map<string, Set<string>> {
  const program: Command = buildProgram(() => undefined);
  return new Map(program.commands.map((c) => [c.name(), new Set(c.options.map((o) => o.long!).filter((f) => f !== '--help'))]));
}

/** The ``` block under "## Commands", as command → the flags its synopsis lines show. */
function synopsis(): Map<string, Set<string>> {
  const section = README.slice(README.indexOf('## Commands'));
  const block = section.slice(section.indexOf('```') + 3, section.indexOf('```', section.indexOf('```') + 3));
  const shown = new Map<string, Set<string>>();
  let current: Set<string> | undefined;
  for (const line of block.split('\n')) {
    const start = /^rollwatch ([a-z-]+)/.exec(line);
    if (start) {
      current = shown.get(start[1]!) ?? new Set();
      shown.set(start[1]!, current);
    }
    if (!current) continue;
    for (const flag of line.match(/--[a-z][a-z-]*/g) ?? []) current.add(flag);
    if (/(?<![\w-])-o /.test(line)) current.add('--output');
    if (line.includes('[filters]')) for (const flag of FILTERS) current.add(flag);
  }
  return shown;
}

describe('README and --help agree', () => {
  it('the Commands block names every command there is, and no other', () => {
    expect([...synopsis().keys()].sort()).toEqual([...helpOptions().keys()].sort());
  });

  it('the Commands block shows every option of every command, and none it lacks', () => {
    const help = helpOptions();
    for (const [command, flags] of synopsis()) {
      expect([...flags].sort(), `rollwatch ${command}`).toEqual([...help.get(command)!].filter((f) => f !== '--format').sort());
    }
  });

  it('every rollwatch command line anywhere in the README uses options that command has', () => {
    const help = helpOptions();
    const wrong: string[] = [];
    for (const match of README.matchAll(/rollwatch ([a-z][a-z-]*)([^`\n&|;]*)/g)) {
      const options = help.get(match[1]!);
      if (!options) continue; // prose such as "rollwatch watches"
      for (const flag of match[2]!.match(/(?<![\w-])--[a-z][a-z-]*/g) ?? []) if (!options.has(flag)) wrong.push(`rollwatch ${match[1]} ${flag}`);
    }
    expect(wrong).toEqual([]);
  });

  it('says the schema version the code writes', () => {
    expect(README).toMatch(new RegExp(`DuckDB schema \\(v${SCHEMA_VERSION}\\b`));
  });
});
