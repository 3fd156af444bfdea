// Part-of-speech tags for the few clauses that may state a status, from compromise: whether a
// status word is a verb here ("delayed the launch") or a noun ("the delay"), and the auxiliaries,
// modals, negations and copulas around it. Every clause of a page goes through one nlp() call,
// since compromise's cost is per word and per call; the rest of the page is never tagged.
import nlp from 'compromise';

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

export interface ClauseText {
  text: string;
  /** Offset of `text` in the body, so terms carry body offsets. */
  offset: number;
}

const SEPARATOR = '\n\n';

interface CompromiseTerm { text: string; post?: string; normal?: string; implicit?: string; tags: Set<string>; offset?: { start: number; length: number } }

/** Tags every clause with one compromise call; returns each clause's terms in order. */
export function tagClauses(clauses: readonly ClauseText[]): Term[][] {
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
