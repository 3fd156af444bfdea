// Offsets helpers shared by the event stages: spans inside a range, a position's paragraph,
// and the clauses of a sentence.
import type { Entity } from '../../types.ts';
import { sentenceAt, type Sentence } from '../text.ts';

/** Items (sorted by start) that lie inside [a, b]: binary search, so long articles stay linear-ish. */
export function spanFilter<T extends { start: number; end: number }>(xs: T[], a: number, b: number): T[] {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid].start < a) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < xs.length && xs[i].start < b; i++) if (xs[i].end <= b) out.push(xs[i]);
  return out;
}

export function paragraphOf(sentences: Sentence[], pos: number): number {
  if (!sentences.length) return -1;
  const s = sentences[sentenceAt(sentences, pos)];
  return pos >= s.start && pos < s.end ? s.paragraph : -1;
}

/** The sentence with its service names blanked, so "the NHS App" is not read as an anaphor ("the app"). */
export function blankServices(s: Sentence, services: Entity[]): string {
  let t = s.text;
  for (const x of services) t = t.slice(0, x.start - s.start) + ' '.repeat(x.end - x.start) + t.slice(x.end - s.start);
  return t;
}

// ", saying …", ", adding …": the reasons given are a clause of their own, so a service named there takes no status of the main clause.
// ", which …" running to the sentence's end states a fact of its own, with its own place; one closed by a comma is
// embedded in the main clause ("X, which runs Y in A, will take over B") and stays part of it.
const CLAUSE_BREAK = new RegExp(String.raw`,\s+(?:and|while|but|whereas|although|saying|adding|arguing|claiming)\s+|,\s+which\s+(?=[^,;]*$)|`
  + String.raw`;\s+|\s+while\s+|\s+whereas\s+|,\s+but\s+`, 'g');

/** Clause boundaries inside a sentence, so "X went live in A, while B …" links A and B apart. */
export interface Clauses {
  /** Offsets (in the sentence) where clauses start, and its length. */
  cuts: number[];
  /** Body offsets of the clause that holds a sentence offset. */
  of(pos: number): [number, number];
}

export function clausesOf(s: Sentence): Clauses {
  const cuts = [0];
  for (const m of s.text.matchAll(CLAUSE_BREAK)) cuts.push((m.index ?? 0) + m[0].length);
  cuts.push(s.text.length);
  const of = (pos: number): [number, number] => {
    let a = 0;
    let b = s.text.length;
    for (const c of cuts) {
      if (c <= pos) a = c;
      else { b = c; break; }
    }
    return [s.start + a, s.start + b];
  };
  return { cuts, of };
}
