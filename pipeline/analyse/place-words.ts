// Words about how places nest, read from sources/lexicon/places.json (`partQualifiers`) once, with the Knowledge.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

export interface PlaceWords {
  /** The whole of a name's extra words make it a part of the shorter name ("east" in "east London"). */
  partOnly: RegExp;
  /** Between a place and a wider one that only locates it: "A in B", "A in north B", "A, south B". */
  locatesAfter: RegExp;
}

export function loadPlaceWords(path: string): PlaceWords {
  const file = basename(path);
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { partQualifiers?: { words?: unknown } };
  const words = raw.partQualifiers?.words;
  if (!Array.isArray(words) || !words.length || !words.every((w) => typeof w === 'string' && /^[a-z -]+$/.test(w))) {
    throw new Error(`${file}: partQualifiers.words must be a non-empty list of lower-case words`);
  }
  const alt = [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[ -]/g, '[ -]')).join('|');
  return {
    partOnly: new RegExp(`^(?:(?:${alt})\\s*)+$`, 'i'),
    // The first place's own trailing words ("… Health Board in north Wales") may sit before the link.
    locatesAfter: new RegExp(`^(?:\\s+[A-Z][\\w'’-]*){0,3}(?:\\s+in\\s+(?:the\\s+)?(?:(?:${alt})\\s+)?|,\\s+(?:${alt})\\s+)$`),
  };
}
