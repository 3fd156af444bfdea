// Event nouns: "the go-live set for spring", "a pause in the rollout", "since its launch in 2007",
// "the award of the contract to …", "is the sole provider of 111 in …". A noun has no tense of its
// own, so the words around it time it; a start noun that nothing times says nothing.
import type { RolloutStatus } from '../../types.ts';
import { isNoun, isVerb, type Term } from './clause.ts';
import type { StatusLexicon, VerbEntry } from './lexicon.ts';
import { objectAfter, type Mood, type StatusReading } from './reading.ts';


/** The entry the noun at `i` names (a hyphenated one spans two terms), with its last term. */
function matchNoun(terms: readonly Term[], i: number, lex: StatusLexicon): { e: VerbEntry; last: number } | null {
  const t = terms[i];
  const joined = t.tags.has('Hyphenated') && terms[i + 1] ? `${t.norm}-${terms[i + 1].norm}` : null;
  const [entries, last] = joined && lex.nouns.has(joined) ? [lex.nouns.get(joined)!, i + 1] : [lex.nouns.get(t.norm), i];
  // "the trusts' signing of a contract": a gerund after a determiner or possessive and before "of" is a noun
  // (the tagger may read the possessive of a name as a contracted "is", with no text of its own: "South Devon’s signing of").
  const prev = terms[i - 1];
  const owner = prev !== undefined && (/^(?:the|its|their|his|her|our|this|that)$|'s?$/.test(prev.norm) || prev.tags.has('Possessive')
    || (prev.norm === 'is' && prev.start === prev.end));
  const gerundNoun = t.tags.has('Gerund') && terms[last + 1]?.norm === 'of' && owner;
  if (!entries || (!joined && !gerundNoun && (!isNoun(t) || isVerb(t)))) return null;
  const next = terms[last + 1];
  // "the launch event", "a review meeting": the noun only qualifies another one (but "the go-live date" is timed).
  if (next && isNoun(next) && !next.tags.has('ProperNoun') && !next.tags.has('Acronym') && !lex.nounTime.ahead.has(next.norm)) return null;
  for (const e of entries) {
    if (e.near && !terms.slice(Math.max(0, i - 5), last + 9).some((x) => e.near!.has(x.norm))) continue;
    if (next?.norm === 'of') {
      const object = objectAfter(terms, last + 2, lex);
      if (object && lex.otherThings.has(object.norm)) continue;
    }
    return { e, last };
  }
  return null;
}

/** What the words before the noun say of it: a doubt or a negation, else nothing. */
function doubted(terms: readonly Term[], i: number, lex: StatusLexicon): Mood | null {
  for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
    if (terms[j].pause) break;
    if (lex.grammar.nounNegatives.has(terms[j].norm) || lex.negative.has(terms[j].norm)) return 'negative';
    if (lex.nounTime.doubt.has(terms[j].norm) || lex.hedge.has(terms[j].norm)) return 'hedge';
  }
  return null;
}

/** A start noun timed by the words next to it: "since its launch" (gone by), "the go-live date", "launch set for" (ahead). */
/**
 * "a fresh go-live date can not yet be fixed", "the launch will not happen": the noun's own verb, just after it, is negated
 * (a null reading, so no cue reads it either).
 */
function deniedAfter(terms: readonly Term[], last: number, lex: StatusLexicon): boolean {
  for (let j = last + 1; j < terms.length && j <= last + 4; j++) {
    if (terms[j].tags.has('Negative') || lex.negative.has(terms[j].norm)) return true;
    if (terms[j].pause) break;
  }
  return false;
}

function startMood(terms: readonly Term[], i: number, last: number, lex: StatusLexicon): Mood | null {
  if (terms.slice(Math.max(0, i - 3), i).some((t) => lex.nounTime.past.has(t.norm))) return 'fact';
  if (deniedAfter(terms, last, lex)) return 'negative';
  const ahead = (t: Term) => lex.nounTime.ahead.has(t.norm) || lex.future.has(t.norm) || lex.intent.has(t.norm);
  if (terms.slice(Math.max(0, i - 3), last + 5).some(ahead)) return 'future';
  return null;
}

function operateMood(terms: readonly Term[], i: number, lex: StatusLexicon): Mood | null {
  // "awarded to the incumbent provider", "the current provider has given notice": it runs the service now.
  if (i > 0 && lex.current.has(terms[i - 1].norm)) return 'fact';
  for (let j = i - 1; j >= 0 && j >= i - 5; j--) {
    const t = terms[j];
    if (lex.grammar.copulasBeforeNoun.has(t.norm)) return terms.slice(0, i).some((x) => lex.intent.has(x.norm) || lex.future.has(x.norm)) ? null : 'fact';
    if (t.pause || isVerb(t)) return null;
  }
  return null;
}

/** Readings of the event nouns not already part of a verb's reading (`taken` term indexes). */
export function readNouns(terms: readonly Term[], lex: StatusLexicon, taken: ReadonlySet<number>): StatusReading[] {
  const out: StatusReading[] = [];
  for (let i = 0; i < terms.length; i++) {
    if (taken.has(i)) continue;
    const hit = matchNoun(terms, i, lex);
    if (!hit) continue;
    const reading = lex.events.get(hit.e.event)!;
    const own = hit.e.event === 'start' ? startMood(terms, i, hit.last, lex) : hit.e.event === 'operate' ? operateMood(terms, i, lex) : 'fact';
    const mood = doubted(terms, i, lex) ?? own;
    if (mood === null) continue;
    let status: RolloutStatus | null = mood === 'fact' ? reading.fact : mood === 'future' ? reading.future : null;
    if (status === 'cancelled' && terms.slice(i, hit.last + 5).some((t) => lex.temporary.has(t.norm))) status = 'paused';
    out.push({ status, event: hit.e.event, start: terms[i].start, end: terms[hit.last].end, mood });
    i = hit.last;
  }
  return out;
}
