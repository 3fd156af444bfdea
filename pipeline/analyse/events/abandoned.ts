// A plan the text says was given up: "plans to close the unit have been dropped", "the board reversed its
// decision to close the unit". The plan's own event no longer stands; a plan to stop a service that is given
// up states nothing at all, and a plan to start one that is given up is its cancellation.
import { isVerb, type Term } from './clause.ts';
import type { StatusLexicon } from './lexicon.ts';
import type { StatusReading } from './reading.ts';

const REACH = 14;

/** The index of the verb that gives up the plan whose infinitive is at `i` (plan noun, "to", verb), or -1. */
function abandoningVerb(terms: readonly Term[], i: number, last: number, lex: StatusLexicon): number {
  const [noun, to] = [terms[i - 2], terms[i - 1]];
  // The plan word may be tagged a verb ("and plans to launch … were dropped"): the giving-up verb is what counts.
  if (!noun || to?.norm !== 'to' || noun.pause) return -1;
  if (![lex.intent, lex.planNouns, lex.future].some((l) => l.has(noun.norm))) return -1;
  // The tagger may read a participle after "were" as an adjective ("were abandoned").
  const gives = (j: number) => lex.abandoned.has(terms[j].norm) && (isVerb(terms[j]) || lex.grammar.copulas.has(terms[j - 1]?.norm ?? ''));
  // Before the plan noun: "dropped (its) plans to", "reversed a decision to".
  for (let j = i - 3; j >= 0 && j >= i - 6; j--) {
    if (gives(j)) return j;
    if (terms[j].pause || lex.grammar.clauseStops.has(terms[j].norm) || isVerb(terms[j])) break;
  }
  // After the plan's object, in the same clause: "plans to close the unit have been dropped".
  for (let j = last + 1; j < terms.length && j <= last + REACH; j++) {
    if (gives(j)) return j;
    if (terms[j - 1].pause || lex.grammar.clauseStops.has(terms[j].norm)) break;
  }
  return -1;
}

/** The clause's readings, with the plans it says were given up applied. */
export function withAbandonedPlans(terms: readonly Term[], readings: StatusReading[], lex: StatusLexicon): StatusReading[] {
  const index = (r: StatusReading) => terms.findIndex((t) => t.start === r.start);
  let out = readings;
  for (const r of readings) {
    if (r.mood !== 'intent' && r.mood !== 'future') continue;
    const i = index(r);
    const last = terms.findIndex((t) => t.end === r.end);
    const a = i < 0 || last < 0 ? -1 : abandoningVerb(terms, i, last, lex);
    if (a < 0) continue;
    const given = terms[a];
    const stopsService = r.event === 'cancel' || r.event === 'pause';
    const onGiven = (x: StatusReading) => x.start <= given.start && x.end >= given.end;
    out = out.map((x) => (x === r ? { ...x, status: null } : stopsService && onGiven(x) ? { ...x, status: null } : x));
    // A reading on the giving-up verb also silences any cue phrase on it ("been dropped").
    if (!out.some(onGiven)) out = [...out, { status: stopsService ? null : 'cancelled', event: 'cancel', start: given.start, end: given.end, mood: 'fact' }];
  }
  return out.sort((a, b) => a.start - b.start);
}
