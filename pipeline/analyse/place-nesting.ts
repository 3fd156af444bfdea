// Words about how places nest, read from sources/lexicon/places.json (`partQualifiers`) once, with the Knowledge.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

export interface PlaceNesting {
  /** The whole of a name's extra words make it a part of the shorter name ("east" in "east London"). */
  partOnly: RegExp;
  /** Between a place and a wider one that only locates it: "A in B", "A in north B", "A, south B". */
  locatesAfter: RegExp;
  /** "throughout the country": the whole nation the story is about. */
  wholeCountry: RegExp;
}

export function loadPlaceNesting(path: string): PlaceNesting {
  const file = basename(path);
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { partQualifiers?: { words?: unknown }; wholeCountry?: { phrases?: unknown } };
  const phrases = raw.wholeCountry?.phrases;
  if (!Array.isArray(phrases) || !phrases.length || !phrases.every((w) => typeof w === 'string' && /^[a-z ]+$/.test(w))) {
    throw new Error(`${file}: wholeCountry.phrases must be a non-empty list of lower-case phrases`);
  }
  const words = raw.partQualifiers?.words;
  if (!Array.isArray(words) || !words.length || !words.every((w) => typeof w === 'string' && /^[a-z -]+$/.test(w))) {
    throw new Error(`${file}: partQualifiers.words must be a non-empty list of lower-case words`);
  }
  const alt = [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[ -]/g, '[ -]')).join('|');
  return {
    partOnly: new RegExp(`^(?:(?:${alt})\\s*)+$`, 'i'),
    // The first place's own trailing words ("… Health Board in north Wales") may sit before the link.
    wholeCountry: new RegExp(`\\b(?:${phrases.map((x) => x.replace(/ /g, '\\s+')).join('|')})\\b`, 'i'),
    locatesAfter: new RegExp(`^(?:\\s+[A-Z][\\w'’-]*){0,3}(?:\\s+in\\s+(?:the\\s+)?(?:(?:${alt})\\s+)?|,\\s+(?:${alt})\\s+)$`),
  };
}
