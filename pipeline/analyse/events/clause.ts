// Part-of-speech tags for the few clauses that may state a status, from compromise: whether a
// status word is a verb here ("delayed the launch") or a noun ("the delay"), and the auxiliaries,
// modals, negations and copulas around it. Every clause of a page goes through one nlp() call,
// since compromise's cost is per word and per call; the rest of the page is never tagged.
import nlp from 'compromise/two';

export interface Term {
  /** Lower-case form as written (a contraction's expansion for "n't", "'ll"). */
  norm: string;
  /** Offsets into the text the clause came from. */
  start: number;
  end: number;
  tags: ReadonlySet<string>;
  /** A comma, semicolon, colon or dash follows the term: a phrase boundary. */
  pause: boolean;
}

/** Word classes from compromise's tags, as the status reading uses them. */
export const isVerb = (t: Term) => t.tags.has('Verb') || t.tags.has('PhrasalVerb');
export const isNoun = (t: Term) => t.tags.has('Noun') && !t.tags.has('Pronoun');

export interface ClauseText {
  text: string;
  /** Offset of `text` in the body, so terms carry body offsets. */
  offset: number;
}

const SEPARATOR = '\n\n';

interface CompromiseTerm { text: string; post?: string; normal?: string; implicit?: string; tags: Set<string>; offset?: { start: number; length: number } }

// Tags of windows already seen, relative to the window (offset 0). A site repeats its standard
// sentences on page after page (a line saying how to call the helpline, under every story), and the tags
// of a text depend on that text alone, so a bounded memo saves the tagger's time without changing
// any result. Oldest entries go first when it is full.
const MEMO_LIMIT = 20_000;
const memo = new Map<string, Term[]>();

function remember(text: string, terms: Term[]): void {
  if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value as string);
  memo.set(text, terms);
}

/** Tags every clause, the ones not seen before in one compromise call; returns each clause's terms in order. */
export function tagClauses(clauses: readonly ClauseText[]): Term[][] {
  const fresh = [...new Set(clauses.map((c) => c.text).filter((t) => !memo.has(t)))];
  const tagged = tagFresh(fresh.map((text) => ({ text, offset: 0 })));
  fresh.forEach((text, k) => remember(text, tagged[k]));
  return clauses.map((c) => memo.get(c.text)!.map((t) => ({ ...t, start: t.start + c.offset, end: t.end + c.offset })));
}

function tagFresh(clauses: readonly ClauseText[]): Term[][] {
  if (!clauses.length) return [];
  const starts: number[] = [];
  let joined = '';
  for (const c of clauses) {
    if (joined) joined += SEPARATOR;
    starts.push(joined.length);
    joined += c.text;
  }
  const doc = nlp(joined);
  doc.compute('offset');
  const out: Term[][] = clauses.map(() => []);
  let ci = 0;
  for (const sentence of doc.docs as CompromiseTerm[][]) {
    for (const t of sentence) {
      const at = t.offset?.start ?? 0;
      while (ci + 1 < clauses.length && at >= starts[ci + 1]) ci++;
      const local = at - starts[ci];
      const len = t.offset?.length ?? t.text.length;
      const norm = (t.implicit || t.normal || t.text).toLowerCase().replace(/[’]/g, "'");
      out[ci].push({ norm, start: clauses[ci].offset + local, end: clauses[ci].offset + local + len, tags: t.tags, pause: /[,;:–—(]/.test(t.post ?? '') });
    }
  }
  return out;
}
