// The word lists of sources/lexicon/ that the name and place finders read are checked when loaded.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../pipeline/analyse/knowledge.ts';
import { checkWordLists } from '../../pipeline/analyse/word-lists.ts';

const LEXICON = join(import.meta.dirname, '../../sources/lexicon');
const read = (f: string) => JSON.parse(readFileSync(join(LEXICON, f), 'utf8')) as unknown;

describe('word lists of the name and place finders', () => {
  it('accepts the shipped name-words.json, place-words.json and region-context.json', () => {
    expect(() => checkWordLists('name-words.json', read('name-words.json'))).not.toThrow();
    expect(() => checkWordLists('place-words.json', read('place-words.json'))).not.toThrow();
    expect(() => checkWordLists('region-context.json', read('region-context.json'))).not.toThrow();
  });

  it('names the file and the field of an empty or missing list', () => {
    expect(() => checkWordLists('place-words.json', { notTowns: { _comment: 'x', words: [] } }))
      .toThrow('place-words.json: notTowns.words must be a non-empty list');
    expect(() => checkWordLists('name-words.json', { notName: { functionWords: ['The', 7] } }))
      .toThrow('name-words.json: notName.functionWords must be a non-empty list');
    expect(() => checkWordLists('name-words.json', { calendar: {} })).toThrow('name-words.json: calendar has no lists');
  });

  it('refuses a fragment that is not a regular expression', () => {
    expect(() => checkWordLists('place-words.json', { providerWords: { fragments: ['hospitals?', 'care (home'] } }))
      .toThrow('place-words.json: providerWords.fragments has an invalid regular expression "care (home"');
  });

  it('stops the load at an emptied word-list group of another lexicon file, naming file and field', () => {
    const cases: Array<[string, string, string, RegExp]> = [
      ['service-patterns.json', 'function_words', 'words', /service-patterns\.json: function_words\.words must be a non-empty list/],
      ['provider-roles.json', 'auxiliaries', 'fragments', /provider-roles\.json: auxiliaries\.fragments must be a non-empty list/],
      ['providers.json', 'trustSuffixes', 'words', /providers\.json: trustSuffixes\.words must be a non-empty list/],
      ['place-words.json', 'ambiguousNames', 'words', /place-words\.json: ambiguousNames\.words must be a non-empty list/],
    ];
    for (const [file, group, list, message] of cases) {
      const dir = mkdtempSync(join(tmpdir(), 'rollwatch-lists-'));
      try {
        cpSync(join(LEXICON, '..'), dir, { recursive: true });
        const path = join(dir, 'lexicon', file);
        const data = JSON.parse(readFileSync(path, 'utf8'));
        data[group][list] = [];
        writeFileSync(path, JSON.stringify(data));
        expect(() => loadKnowledge(dir)).toThrow(message);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});
