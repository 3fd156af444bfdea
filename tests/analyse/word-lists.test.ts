// The word lists of sources/lexicon/ that the name and place finders read are checked when loaded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
});
