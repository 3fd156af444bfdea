// Places written as a list: one area named by several places ("the Redbridge, Havering and Waltham
// Forest cluster"), the parts of an area already named ("the Tees Valley area (which takes in
// Darlington and Hartlepool)"), and places where something never happened.
import type { Mention } from './entities.ts';
import type { NameEntry } from './knowledge.ts';
import { sentenceAt, type Sentence } from './text.ts';
import wordsFile from '../../sources/lexicon/place-words.json' with { type: 'json' };
import { anyOf, checkWordLists } from './word-lists.ts';

const words = checkWordLists('sources/lexicon/place-words.json', wordsFile);

const NHS_BODY = new Set(words.nhsBodyKinds.words);
const SEPARATOR = /^(?:,\s+and\s+|,\s+|\s+and\s+|\s+&\s+|\s+or\s+|,\s+or\s+)$/;
// After a list: it names one area ("… cluster", "…'s 4.5 million patients", "the … area").
const ONE_AREA_AFTER = new RegExp(String.raw`^(?:['’]s?\s|\s+${anyOf(words.oneAreaAfter)}\b)`);
// Before a list: its places are parts of an area the sentence already names: after "which includes", "including",
// "covering the … boroughs" or a count of parts ("six council areas").
const PARTS_BEFORE = new RegExp('(?:' + [
  String.raw`\(\s*(?:which|that)\s+(?:includes?|covers?|comprises?|spans?)`,
  String.raw`\b(?:including|includes|include)(?:\s+across|\s+in)?`,
  String.raw`\b(?:covering|comprising|made up of)\s+(?:the\s+)?(?:\w+\s+)?(?:[A-Z][a-z]+\s+)?${anyOf(words.areaParts)}\s*[–—:-]?`,
  String.raw`\b${anyOf(words.partCounts)}\s+(?:[A-Z][a-z]+\s+)?${anyOf(words.countedAreaParts)}\s*[–—:-]?`,
].join('|') + String.raw`)\s*(?:the\s+)?$`);
// "five London boroughs": a place that only qualifies the parts listed after it.
const QUALIFIES_PARTS = new RegExp(String.raw`^\s+${anyOf(words.areaParts)}\b`);
// "has never been offered in Wales or Scotland": places where the thing did not happen.
const NEVER_BEFORE = /\bnever\s+(?:been\s+|be\s+)?(?:[\w-]+\s+){0,2}(?:in|to|across|for)\s+(?:the\s+)?$/i;

/** Runs of place mentions written as a list (commas, "and", "or"), within one sentence. */
function runs(body: string, places: Mention[], sentences: Sentence[]): Mention[][] {
  const out: Mention[][] = [];
  let cur: Mention[] = [];
  for (const m of places) {
    const prev = cur[cur.length - 1];
    if (prev && SEPARATOR.test(body.slice(prev.end, m.start)) && sentenceAt(sentences, prev.start) === sentenceAt(sentences, m.start)) cur.push(m);
    else { if (cur.length) out.push(cur); cur = [m]; }
  }
  if (cur.length) out.push(cur);
  return out;
}

function joined(body: string, parts: Mention[]): Mention {
  const start = parts[0].start;
  const end = parts[parts.length - 1].end;
  const name = body.slice(start, end);
  const entry: NameEntry = { category: 'region', kind: 'place', name, code: null, from: null, to: null, national: false };
  return { kind: 'region', name, surface: name, code: null, start, end, entry };
}

/**
 * Rewrites the region mentions (sorted by start) for lists: a list that names one area becomes that area,
 * written in full; in a list whose last item follows ", and", an " and " without a comma pairs two places
 * into one ("Derbyshire, Leicestershire and Rutland, and Nottinghamshire"); the parts of an area already
 * named, and places where a service was never introduced, are dropped. Other mentions pass unchanged.
 */
export function resolvePlaceLists(body: string, sentences: Sentence[], named: Mention[]): Mention[] {
  const isPlace = (m: Mention) => m.kind === 'region' && m.entry?.kind !== 'site' && m.entry?.kind !== 'trust';
  const places = named.filter(isPlace);
  const drop = new Set<Mention>();
  const add: Mention[] = [];
  for (const run of runs(body, places, sentences)) {
    const first = run[0];
    const s = sentences[sentenceAt(sentences, first.start)];
    const before = body.slice(Math.max(s.start, first.start - 80), first.start);
    if (NEVER_BEFORE.test(before)) { run.forEach((m) => drop.add(m)); continue; }
    // "Swansea Bay – including Bridgend – health board areas": an aside naming a part of the area before it.
    const placeBefore = places.some((p) => p.end <= first.start && p.start >= s.start);
    if (run.length === 1 && /[(–—-]\s*including\s+$/.test(before) && placeBefore) { drop.add(first); continue; }
    if (run.length < 2) continue;
    const earlier = places.some((p) => p.start >= s.start && p.end <= first.start && !p.entry?.national && p.name !== 'England');
    // Named commissioners ("22 CCGs, including Leicester City CCG") are parties to the fact, not just parts.
    const partsNamed = earlier || /boroughs|districts|council areas|local author/.test(before);
    if (PARTS_BEFORE.test(before) && partsNamed && !run.some((m) => NHS_BODY.has(m.entry?.kind ?? ''))) {
      run.forEach((m) => drop.add(m));
      const qualifier = places.find((p) => p.start >= s.start && p.end <= first.start && QUALIFIES_PARTS.test(body.slice(p.end, p.end + 30)));
      if (qualifier) drop.add(qualifier);
      continue;
    }
    const last = run[run.length - 1];
    if (ONE_AREA_AFTER.test(body.slice(last.end, last.end + 20))) {
      run.forEach((m) => drop.add(m));
      add.push(joined(body, run));
      continue;
    }
    // The list's own last item, or one after ", and most of" that ends it.
    const commaAnd = /^,\s+and\s+$/.test(body.slice(run[run.length - 2].end, last.start));
    const oxford = commaAnd || /^,\s+and\s+(?:\w+\s+){1,3}[A-Z]/.test(body.slice(last.end, last.end + 40));
    if (run.length >= 3 && oxford) {
      const end = commaAnd ? run.length - 1 : run.length;
      for (let i = 0; i + 1 < end; i++) {
        if (/^\s+and\s+$/.test(body.slice(run[i].end, run[i + 1].start))) {
          drop.add(run[i]).add(run[i + 1]);
          add.push(joined(body, [run[i], run[i + 1]]));
        }
      }
    }
  }
  return [...named.filter((m) => !drop.has(m)), ...add].sort((a, b) => a.start - b.start || a.end - b.end);
}
