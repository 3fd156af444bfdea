// The status-verb dictionary is data a newcomer edits: a mistake in it names the file and what is wrong.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileStatusLexicon } from '../../pipeline/analyse/events/lexicon.ts';

const FILE = join(import.meta.dirname, '../../sources/lexicon/status-verbs.json');
type Raw = Parameters<typeof compileStatusLexicon>[0];
const raw = (): Raw => JSON.parse(readFileSync(FILE, 'utf8')) as Raw;

describe('sources/lexicon/status-verbs.json', () => {
  it('compiles, with the function words the reading walks over', () => {
    const lex = compileStatusLexicon(raw(), 'status-verbs.json');
    expect(lex.grammar.copulas.has('remains')).toBe(true);
    expect(lex.grammar.clauseStops.has('which')).toBe(true);
  });

  it('names the file and the missing list when a grammar list is deleted', () => {
    const broken = raw();
    delete (broken.grammar as Record<string, string[]>).copulas;
    expect(() => compileStatusLexicon(broken, 'status-verbs.json')).toThrow('status-verbs.json: grammar lists missing: copulas');
  });

  it('names the event when a status is misspelt', () => {
    const broken = raw();
    broken.events.go_live = { fact: 'launched', future: null, intent: null };
    expect(() => compileStatusLexicon(broken, 'status-verbs.json')).toThrow(/status-verbs\.json: event "go_live" has unknown status "launched"/);
  });
});
