// Which side of the publication day a yearless date lies on, read from the verb that governs
// it: "closed in March" is the last March, "will close in March" the next one. The clause
// around the date is read first (its nearest verb before the date, else after it), then the
// whole sentence; a clause with no tensed verb ("agreed to close in March") says nothing.
import cues from '../../sources/lexicon/date-cues.json' with { type: 'json' };

export type Tense = 'past' | 'future' | null;

const words = (list: string[]) => new Set(list.map((w) => w.toLowerCase()));
const FUTURE = cues.tense.future.map((w) => w.toLowerCase().split(' '));
const PAST = cues.tense.past.map((w) => w.toLowerCase().split(' '));
const PERFECT = cues.tense.perfect.map((w) => w.toLowerCase().split(' '));
const SCHEDULED = cues.tense.scheduledPresent.map((w) => w.toLowerCase().split(' '));
const TENSELESS = cues.tense.tenseless.map((w) => w.toLowerCase().split(' '));
const HAVE = new Set(['has', 'have', 'having', '’s', "'s"]);
const NOT_INFINITIVE = words(cues.tense.notInfinitive);
const PAST_VERBS = words(cues.tense.pastVerbs);
const NOT_PAST_BEFORE = words(cues.tense.notPastBefore);
const NOT_VERBS = words(cues.tense.notVerbs);
const MODAL = new Set(['would', 'could', 'may', 'might', 'should', 'must', 'can']);

// Clause edges: punctuation and the words that start another clause. "before"/"after" are left
// out: they are more often prepositions of the date itself.
// "and" before a capital usually joins two names ("Torbay and South Devon"), not two clauses.
const CLAUSE_EDGE = /,(?!\d)|[;:()–—]|\s-\s|\band\b(?!\s+[A-Z])|\b(?:that|but|while|although|though|whereas|which|who|because|when|as)\b/g;

/** The clause of `text` around [a, b). */
export function clauseAround(text: string, a: number, b: number): [number, number] {
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(CLAUSE_EDGE)) {
    const at = m.index ?? 0;
    // A word that opens a clause stays in it ("… and paid in September" keeps its "and").
    if (at + m[0].length <= a) start = /\w/.test(m[0]) ? at : at + m[0].length;
    else if (at >= b) { end = at; break; }
  }
  return [start, end];
}

function tokens(text: string): string[] {
  return text.toLowerCase().match(/[a-z’']+(?:-[a-z]+)?/g) ?? [];
}

const startsAt = (toks: string[], i: number, phrase: string[]) => phrase.every((w, k) => toks[i + k] === w);

/** The tense a token at `i` marks, if it marks one. */
function tenseOf(toks: string[], i: number): Tense | 'none' | undefined {
  const w = toks[i];
  if (FUTURE.some((f) => startsAt(toks, i, f))) return 'future';
  if (PAST.some((p) => startsAt(toks, i, p))) return 'past';
  // "the contract ends in September": a present-tense milestone verb with a date is a timetable, so the date lies ahead.
  if (SCHEDULED.some((p) => startsAt(toks, i, p))) return 'future';
  // "has proposed a change through February": a present perfect reports now on what may lie ahead.
  if (MODAL.has(w) || PERFECT.some((p) => startsAt(toks, i, p))) return 'none';
  // "agreed to close in March": the date times the infinitive, which has no tense.
  if (TENSELESS.some((p) => startsAt(toks, i - p.length + 1, p))) return 'none';
  if (w === 'to' && toks[i + 1] && !NOT_INFINITIVE.has(toks[i + 1]) && /^[a-z]+$/.test(toks[i + 1])) return 'none';
  const prev = toks[i - 1] ?? '';
  const past = (PAST_VERBS.has(w) || (/^[a-z]{3,}ed$/.test(w) && !NOT_VERBS.has(w))) && !NOT_PAST_BEFORE.has(prev);
  if (!past) return undefined;
  // "will be backdated and paid in September": the verb shares a tense given before it.
  if (prev === 'and' || prev === 'or') return undefined;
  // "has fixed a go-live date of 3 March", "has been pushed back from June": a present perfect.
  return HAVE.has(prev) || (prev === 'been' && HAVE.has(toks[i - 2] ?? '')) ? 'none' : 'past';
}

/** The tense of the verb nearest the date: the last one before it, else the first after it. */
function nearestTense(before: string, after: string): Tense | undefined {
  const b = tokens(before);
  for (let i = b.length - 1; i >= 0; i--) {
    const t = tenseOf(b, i);
    if (t !== undefined) return t === 'none' ? null : t;
  }
  const a = tokens(after);
  for (let i = 0; i < a.length; i++) {
    const t = tenseOf(a, i);
    if (t !== undefined) return t === 'none' ? null : t;
  }
  return undefined;
}

/** The tense of a sentence's main verb: its first tensed one ("… stipulated that practices must … by 31 October"). */
export function mainTense(sentence: string): Tense {
  const t = tokens(sentence);
  for (let i = 0; i < t.length; i++) {
    const x = tenseOf(t, i);
    if (x !== undefined) return x === 'none' ? null : x;
  }
  return null;
}

/** The tense governing the date at [a, b) of a sentence: its clause's nearest verb, else the sentence's main verb. */
export function tenseAt(sentence: string, a: number, b: number): Tense {
  const [cs, ce] = clauseAround(sentence, a, b);
  const inClause = nearestTense(sentence.slice(cs, a), sentence.slice(b, ce));
  if (inClause !== undefined) return inClause;
  return mainTense(sentence.slice(0, a) + sentence.slice(b));
}

// "by March", "until the end of June", "until 8am on Wednesday 21".
const TARGET_WORD = cues.targetBefore.map((w) => w.replace(/ /g, '\\s+')).join('|');
// "by the end of", "until 8am on": what may stand between the deadline word and its date.
const TARGET = new RegExp(`\\b(?:${TARGET_WORD})\\s+(?:the\\s+(?:\\w+\\s+)?of\\s+)?(?:\\d{1,2}(?:[.:]\\d\\d)?\\s*[ap]m\\s+(?:on\\s+)?)?$`, 'i');

const TARGET_AFTER = new RegExp(`^\\s+(?:${cues.targetAfter.map((w) => w.replace(/ /g, '\\s+')).join('|')})\\b`, 'i');

/** "by March", "until the end of June", "the 1 April deadline": a deadline, which lies ahead of the words that set it. */
export function isTarget(before: string, after = ''): boolean {
  return TARGET.test(before) || TARGET_AFTER.test(after);
}
