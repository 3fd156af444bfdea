// Status readings for the sentences that may state one: those that speak of a service and use a
// word of the status dictionary. Only a window of words around each such word is tagged, in one
// compromise call per page (its cost is per word), and a page tags at most MAX_WINDOWS of them.
import type { Sentence } from '../text.ts';
import { tagClauses, type ClauseText, type Term } from './clause.ts';
import type { StatusLexicon } from './lexicon.ts';
import { readStatuses, type StatusReading } from './reading.ts';

// Words kept before the first and after the last status word of a window: enough for the verb
// group ("has not yet been"), a governing "plans to" or "unable to", and the object or particle.
const WORDS_BEFORE = 12;
const WORDS_AFTER = 8;
/** A bound on tagging per page: a huge page gets no more compromise time than a long article. */
const MAX_WINDOWS = 300;

interface Word { start: number; end: number; status: boolean }

function words(text: string, lex: StatusLexicon): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/[A-Za-z’'-]+|[^\sA-Za-z]+/g)) {
    const w = m[0].toLowerCase();
    out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, status: lex.verbs.has(w) || lex.phrases.has(w) });
  }
  return out;
}

/** Spans [start, end) of the sentence around its status words, merged where they overlap. */
export function statusWindows(text: string, lex: StatusLexicon): Array<[number, number]> {
  const ws = words(text, lex);
  const spans: Array<[number, number]> = [];
  ws.forEach((w, i) => {
    if (!w.status) return;
    const a = ws[Math.max(0, i - WORDS_BEFORE)].start;
    const b = ws[Math.min(ws.length - 1, i + WORDS_AFTER)].end;
    const last = spans[spans.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else spans.push([a, b]);
  });
  return spans;
}

/** Readings per sentence index, offsets relative to the sentence; `candidate` picks the sentences worth reading. */
export function readSentences(sentences: readonly Sentence[], candidate: (i: number) => boolean, lex: StatusLexicon): Map<number, StatusReading[]> {
  const owners: number[] = [];
  const windows: ClauseText[] = [];
  for (let i = 0; i < sentences.length && windows.length < MAX_WINDOWS; i++) {
    if (!candidate(i)) continue;
    for (const [a, b] of statusWindows(sentences[i].text, lex)) {
      owners.push(i);
      windows.push({ text: sentences[i].text.slice(a, b), offset: a });
    }
  }
  // A page that repeats a paragraph tags it once.
  const unique = new Map<string, number>();
  for (const w of windows) if (!unique.has(w.text)) unique.set(w.text, unique.size);
  const tagged = tagClauses([...unique.keys()].map((text) => ({ text, offset: 0 })));
  const out = new Map<number, StatusReading[]>();
  windows.forEach((w, k) => {
    const terms: Term[] = tagged[unique.get(w.text)!].map((t) => ({ ...t, start: t.start + w.offset, end: t.end + w.offset }));
    out.set(owners[k], [...(out.get(owners[k]) ?? []), ...readStatuses(terms, lex)]);
  });
  return out;
}
