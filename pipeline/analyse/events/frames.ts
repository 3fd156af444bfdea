// Status readings for the sentences that may state one: those that speak of a service and use a
// word of the status dictionary. Only a window of words around each such word is tagged, in one
// compromise call per page (its cost is per word), and a page tags at most MAX_WINDOWS of them.
import type { Sentence } from '../text.ts';
import { tagClauses, type ClauseText } from './clause.ts';
import type { StatusLexicon, VerbEntry } from './lexicon.ts';
import { readStatuses, type StatusReading } from './reading.ts';

// Words kept before the first and after the last status word of a window: enough for the verb
// group ("has not yet been"), a governing "plans to" or "unable to", and the object or particle.
const WORDS_BEFORE = 9;
const WORDS_AFTER = 10;
/** A bound on tagging per page: a huge page gets no more compromise time than a long article. */
const MAX_WINDOWS = 300;

interface Word { start: number; end: number; norm: string; raw: string; status: boolean }

const NEAR = 5;
const COPULA = new Set(['is', 'are', 'was', 'were', 'remain', 'remains', 'became', 'becomes']);

/** Whether an entry could match at word `i`, judged on the words alone: its particle, complement or object is near. */
function couldMatch(ws: readonly Word[], i: number, e: VerbEntry): boolean {
  const after = ws.slice(i + 1, i + 1 + NEAR).map((w) => w.norm);
  if (e.phrase) return e.rest.every((w, k) => ws[i + k]?.norm === w);
  if (e.rest.length) return after.includes(e.rest[0]);
  if (e.complements) return e.complements.some((c) => after.slice(0, 2).includes(c[0]));
  if (e.objects) {
    const around = [...after, ...ws.slice(Math.max(0, i - NEAR), i).map((w) => w.norm)];
    return around.some((w) => e.objects!.has(w)) || (e.names && ws.slice(i + 1, i + 4).some((w) => /^[A-Z0-9]/.test(w.raw)));
  }
  return true;
}

function words(text: string, lex: StatusLexicon): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/[A-Za-z’'-]+|[^\sA-Za-z]+/g)) {
    out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, norm: m[0].toLowerCase(), raw: m[0], status: false });
  }
  out.forEach((w, i) => {
    w.status = [...(lex.verbs.get(w.norm) ?? []), ...(lex.phrases.get(w.norm) ?? [])].some((e) => couldMatch(out, i, e))
      || (lex.nouns.get(w.norm) ?? []).some((e) => e.event !== 'operate' || out.slice(Math.max(0, i - 4), i).some((x) => COPULA.has(x.norm)));
  });
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
  // A window seen before (on this page or an earlier one) is not tagged again.
  const tagged = tagClauses(windows);
  const out = new Map<number, StatusReading[]>();
  windows.forEach((_, k) => {
    out.set(owners[k], [...(out.get(owners[k]) ?? []), ...readStatuses(tagged[k], lex)]);
  });
  return out;
}
