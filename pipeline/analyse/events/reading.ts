// Reads a status from a tagged clause: finds the status verbs and phrases of the dictionary,
// checks their particle, complement and object, and applies the tense, negation and modality
// of their verb group once, the same way for every entry ("went live" → live, "will go live" →
// planned, "has not yet gone live" → nothing, "could be scrapped" → nothing).
import type { RolloutStatus } from '../../types.ts';
import { isNoun, isVerb, type Term } from './clause.ts';
import type { StatusLexicon, VerbEntry } from './lexicon.ts';
import { readNouns } from './nouns.ts';
import { withAbandonedPlans } from './abandoned.ts';

export interface StatusReading {
  /** null when the event is negated or only a possibility: it cancels other cues on the same words. */
  status: RolloutStatus | null;
  /** A second status of the same words: a restart still to come is also a planned go-live. */
  also?: RolloutStatus;
  /** The second status is a plan the text says was overtaken ("will not open in May as originally planned"). */
  alsoSuperseded?: boolean;
  event: string;
  /** Body offsets of the verb (and particle) or phrase. */
  start: number;
  end: number;
  mood: Mood;
}

export type Mood = 'fact' | 'future' | 'intent' | 'hedge' | 'negative';

// Words that end a verb group looking backwards: a new clause or a subordinate one starts there.



const isPassiveAux = (t: Term) => ['is', 'are', 'was', 'were', 'be', 'been', 'being', 'get', 'got', 'gets'].includes(t.norm);

/** The mood of the verb at `i`: the words of its group before it (auxiliaries, modals, "plans to", "unable to"). */
export function moodBefore(terms: readonly Term[], i: number, lex: StatusLexicon, isPhrase = false): Mood {
  let mood: Mood = 'fact';
  let infinitive = false;
  for (let j = i - 1; j >= 0 && j >= i - 9; j--) {
    const t = terms[j];
    if (t.pause || lex.grammar.clauseStops.has(t.norm)) break;
    if (lex.negative.has(t.norm) || t.tags.has('Negative')) return 'negative';
    // "continues to run", "will remain open": the governing verb says it is still so, whatever its tense.
    if (mood === 'fact' && lex.ongoing.has(t.norm) && (infinitive || j === i - 1)) return 'fact';
    if (lex.hedge.has(t.norm)) mood = 'hedge';
    else if (mood === 'fact' && lex.intent.has(t.norm)) mood = 'intent';
    else if (mood === 'fact' && lex.future.has(t.norm)) mood = 'future';
    if (t.norm === 'to' && terms.slice(j + 1, i).every((x) => lex.grammar.beHave.has(x.norm))) {
      infinitive = true;
      // "becoming the latest to go live", "the first to open": a rank says it happened.
      if (lex.grammar.ranks.has(terms[j - 1]?.norm ?? '')) return 'fact';
      const owner = nounOwningInfinitive(terms, j, lex);
      if (owner) return owner;
    }
    // "not asking the board to scrap it", "is not being asked to go live": the governing verb's words count too.
    if (infinitive) continue;
    const grammatical = t.tags.has('Auxiliary') || t.tags.has('Modal') || t.tags.has('Copula') || t.tags.has('Adverb') || t.tags.has('Pronoun')
      || t.norm === 'to' || lex.grammar.copulas.has(t.norm) || lex.future.has(t.norm) || lex.hedge.has(t.norm) || t.tags.has('Adjective');
    // "cannot afford to keep running it": a verb that governs a gerund or an infinitive belongs to the group.
    const governs = isVerb(t) && (terms[j + 1]?.norm === 'to' || terms[j + 1]?.tags.has('Gerund'));
    if (!grammatical && !governs && (isVerb(t) || isNoun(t) || isPhrase)) {
      // "no wards have closed": a negated subject negates its verb.
      if (isNoun(t) && (terms[j - 1]?.norm === 'no' || terms[j - 2]?.norm === 'no' || noneOf(terms, j))) return 'negative';
      break;
    }
  }
  // "to scrap", "is to open": an infinitive with no other word is not yet a fact.
  if (mood === 'fact' && infinitive) mood = 'future';
  return mood;
}


/**
 * "the contracts to run 111 services", "funding to open a hub": an infinitive right after a plain noun says what
 * the noun is for, not that it happens (hedge: no event). "the first trust in England to go live" says it did (fact),
 * "the deadline to switch it on" that it is planned (future).
 * A noun of plan or decision ("plans to", "the decision to", "the offer to") is read by the modality lists instead.
 */
function nounOwningInfinitive(terms: readonly Term[], to: number, lex: StatusLexicon): Mood | null {
  const noun = terms[to - 1];
  // "the centre, to be run by the trust,": an infinitive set off after its noun is what is intended for it.
  if (noun && isNoun(noun) && noun.pause) return 'intent';
  if (!noun || !isNoun(noun)) return null;
  for (let j = to - 2; j >= 0 && j >= to - 7 && !terms[j].pause && !lex.grammar.clauseStops.has(terms[j].norm); j--) {
    if (lex.grammar.ranks.has(terms[j].norm)) return 'fact';
  }
  // A name before "to" ("the decision by NHS Direct to withdraw") closes a longer noun phrase: leave it to the words before.
  if (noun.tags.has('ProperNoun') || noun.tags.has('Acronym')) return null;
  if ([lex.intent, lex.future, lex.hedge, lex.negative, lex.ongoing, lex.planNouns].some((l) => l.has(noun.norm))) return null;
  // "the deadline to switch on records access", "a target date to go live": a time set for it is a plan.
  return lex.nounTime.ahead.has(noun.norm) || noun.norm === 'deadline' ? 'future' : 'hedge';
}


/**
 * "the cost of running the trial", "the target date for establishing the boards": a gerund after "of" or "for" and
 * a noun says what the noun is about. A time set for it is a plan, a plan noun its intent; any other states nothing.
 */
function nounOwningGerund(terms: readonly Term[], i: number, lex: StatusLexicon): Mood | null {
  const [noun, link] = [terms[i - 2], terms[i - 1]];
  if (!noun || !terms[i].tags.has('Gerund') || !lex.grammar.gerundLinks.has(link.norm) || !isNoun(noun) || noun.pause || link.pause) return null;
  if (noun.tags.has('ProperNoun') || noun.tags.has('Acronym')) return null;
  if (lex.nounTime.ahead.has(noun.norm) || lex.future.has(noun.norm) || noun.norm === 'deadline') return 'future';
  if (lex.intent.has(noun.norm) || lex.planNouns.has(noun.norm)) return 'intent';
  return 'hedge';
}

/** "not one trust", "not a single practice", "none of the CCGs": a subject that counts nothing (words up to `j`). */
function noneOf(terms: readonly Term[], j: number): boolean {
  const before = terms.slice(Math.max(0, j - 6), j + 1).map((t) => t.norm).join(' ');
  return /\b(?:not (?:one|a single)|none of)\b/.test(before);
}

/** The head noun of the noun phrase starting after `from` (the object), or null. */
export function objectAfter(terms: readonly Term[], from: number, lex: StatusLexicon): Term | null {
  let head: Term | null = null;
  for (let j = from; j < terms.length && j < from + 7; j++) {
    const t = terms[j];
    // "10-year contracts", "a five-year deal": a count joined to a duration by a hyphen qualifies the noun after it.
    if (t.tags.has('Value') && t.tags.has('Hyphenated') && terms[j + 1]?.tags.has('Hyphenated') && !t.pause) { j++; continue; }
    // "unfilled appointment bookings": a participle before a noun describes it.
    if (!head && isVerb(t) && /ed$/.test(t.norm) && !t.pause && terms[j + 1] && isNoun(terms[j + 1])) continue;
    // "provide the service last year": a time after the head noun is not part of its phrase.
    if (head && t.tags.has('Date')) break;
    if (isNoun(t) || t.tags.has('Value')) {
      head = t;
      if (t.pause) break;
      // "thousands of operations", "some of its contracts": the head is what is counted.
      if (terms[j + 1]?.norm === 'of' && (t.tags.has('Value') || lex.grammar.quantities.has(t.norm))) { j++; head = null; }
      continue;
    }
    // "the out-of-hours contract in 2015": a base-form verb the tagger read after the head noun, before a preposition
    // or the clause's end, is the noun that heads the compound.
    if (head && t.tags.has('Infinitive') && !t.tags.has('Auxiliary') && endsPhrase(terms, j)) { head = t; break; }
    // "a new service", "two million extra routine operations": adjectives inside the noun phrase.
    if (t.tags.has('Adjective') && !t.pause) continue;
    if (head) break;
    if (t.tags.has('Preposition') || (isVerb(t) && !t.tags.has('Adjective')) || t.tags.has('Conjunction') || t.pause) break;
  }
  return head;
}

/** Nothing of the noun phrase follows term `j`: a pause, a preposition, a conjunction or the clause's end. */
function endsPhrase(terms: readonly Term[], j: number): boolean {
  const next = terms[j + 1];
  return terms[j].pause || !next || next.tags.has('Preposition') || next.tags.has('Conjunction');
}

/** The head noun just before the verb group ending at `i` (the subject: what a passive verb acts on). */
function subjectBefore(terms: readonly Term[], i: number): Term | null {
  for (let j = i - 1; j >= 0 && j >= i - 8; j--) {
    const t = terms[j];
    if (isNoun(t) || t.tags.has('Value')) return placeAfterHead(terms, j) ?? t;
    if (t.pause && j < i - 1) break;
  }
  return null;
}

/** "the service in Leeds": a place in a phrase after the head noun locates it; the head is the subject. */
function placeAfterHead(terms: readonly Term[], j: number): Term | null {
  if (!terms[j].tags.has('Place') || !terms[j - 1]?.tags.has('Preposition')) return null;
  const head = terms[j - 2];
  return head && isNoun(head) && !head.pause && !head.tags.has('Place') ? head : null;
}

/** "is run by", "has been run by": the tagger reads a participle like "run" after a passive auxiliary as a noun. */
function passiveParticiple(terms: readonly Term[], i: number): boolean {
  return terms[i + 1]?.norm === 'by' && i > 0 && isPassiveAux(terms[i - 1]);
}

/** The noun right before the verb group ending at `i` ("submissions will soon restart"), or null; a word of otherThings counts whatever its tag. */
function subjectOfGroup(terms: readonly Term[], i: number, lex: StatusLexicon): Term | null {
  let j = i - 1;
  while (j >= 0 && !terms[j].pause && (terms[j].tags.has('Auxiliary') || terms[j].tags.has('Modal') || terms[j].tags.has('Adverb')
    || terms[j].tags.has('Negative') || terms[j].tags.has('Copula'))) j--;
  return j >= 0 && j < i - 1 && (isNoun(terms[j]) || lex.otherThings.has(terms[j].norm)) && !terms[j].pause ? terms[j] : null;
}

function passiveAt(terms: readonly Term[], i: number): boolean {
  // "are supporting an inquiry": a progressive is active, whatever "are" before it.
  if (terms[i].tags.has('Gerund') || terms[i].norm.endsWith('ing')) return false;
  // "calls abandoned after long waits": a participle straight after its noun describes that noun.
  if (i > 0 && isNoun(terms[i - 1]) && !terms[i - 1].pause && terms[i].tags.has('Participle')) return true;
  for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
    if (isPassiveAux(terms[j])) return true;
    if (!(terms[j].tags.has('Adverb') || terms[j].tags.has('Negative') || terms[j].tags.has('Auxiliary'))) return false;
  }
  return false;
}


/** Where the entry's particle words end after the verb at `i` (they may follow its object: "put the launch on hold"), or -1. */
function particleEnd(terms: readonly Term[], i: number, rest: readonly string[], maxGap: number, lex: StatusLexicon): number {
  if (!rest.length) return i;
  if (rest.every((w, k) => terms[i + 1 + k]?.norm === w)) return i + rest.length;
  // Only an object noun phrase may come between ("put the launch on hold", "handed its contracts back"), with an
  // "of" or "for" phrase of its own ("pushed the launch of the new record back to May").
  const first = terms[i + 1];
  if (!first || terms[i].pause || !(first.tags.has('Determiner') || first.tags.has('Possessive') || first.tags.has('Pronoun'))) return -1;
  for (let j = i + 2; j < terms.length && j <= i + 1 + maxGap; j++) {
    if (rest.every((w, k) => terms[j + k]?.norm === w)) return j + rest.length - 1;
    const t = terms[j - 1];
    if (t.pause || (t.tags.has('Preposition') && !lex.grammar.objectPrepositions.has(t.norm)) || t.tags.has('Particle') || isVerb(t)) break;
  }
  return -1;
}

function complementOk(terms: readonly Term[], after: number, e: VerbEntry): boolean {
  return complementEnd(terms, after, e) >= 0;
}

/** Index of the complement's last word ("providing" in "stop providing"), `after` when the entry has none, -1 when it is missing. */
function complementEnd(terms: readonly Term[], after: number, e: VerbEntry): number {
  if (!e.complements) return after;
  const c = e.complements.find((ws) => ws.every((w, k) => terms[after + 1 + k]?.norm === w));
  return c ? after + c.length : -1;
}

/** Whether the object (or a passive verb's subject) fits the entry; a name ("NHS 111", "Lorenzo") fits any list of things. */
function objectOk(object: Term | null, e: VerbEntry, lex: StatusLexicon): boolean {
  if (object && lex.otherThings.has(object.norm) && e.event !== 'appoint') return false;
  const named = e.names && object !== null && !object.tags.has('Place') && !object.tags.has('Person')
    && (object.tags.has('ProperNoun') || object.tags.has('Acronym') || object.tags.has('Value'));
  if (e.objects) return object !== null && (e.objects.has(object.norm) || named);
  if (e.notObjects && object !== null && e.notObjects.has(object.norm)) return false;
  return true;
}

/** "The NHS 111 launch in Kent", "its planned closure": a base form after a determiner and its noun phrase is a noun, whatever the tagger said. */
function nominal(terms: readonly Term[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 5; j--) {
    const t = terms[j];
    if (t.tags.has('Determiner') || t.tags.has('Possessive')) return true;
    if (t.pause || !(isNoun(t) || t.tags.has('Value') || t.tags.has('Adjective') || t.tags.has('ProperNoun'))) return false;
  }
  return false;
}

/**
 * The dictionary entry the verb at `i` starts, with the index of its last word. `other`: the verb and its words
 * fit an entry, but what it acts on is not a service ("switched off paper referrals", "staff suspended").
 */
function matchVerb(terms: readonly Term[], i: number, lex: StatusLexicon): { e: VerbEntry; last: number; other?: boolean } | null {
  const t = terms[i];
  const entries = lex.verbs.get(t.norm);
  // A participle used as an adjective still states the event ("the delayed launch"); "open" as an adjective does not,
  // unless a modal shows it is a verb the tagger missed ("will temporarily close").
  const verbal = isVerb(t) || afterModal(terms, i) || passiveParticiple(terms, i);
  if (!entries || (!verbal && !(t.tags.has('Adjective') && /ed$/.test(t.norm))) || (t.tags.has('Adjective') && !/ed$/.test(t.norm) && !verbal)) return null;
  if (lex.baseForms.has(t.norm) && nominal(terms, i)) return null;
  // "standard centres, open 12 hours a day": a base form after a comma and a noun describes that noun.
  if (lex.baseForms.has(t.norm) && i > 1 && terms[i - 1].pause && isNoun(terms[i - 1])) return null;
  let other: { e: VerbEntry; last: number; other: boolean } | null = null;
  for (const e of entries) {
    const last = particleEnd(terms, i, e.rest, e.rest.length === 1 && e.rest[0] === 'live' ? 0 : 8, lex);
    if (last < 0 || !complementOk(terms, last, e)) continue;
    const passive = passiveAt(terms, i);
    const object = passive ? subjectBefore(terms, i) : objectAfter(terms, e.rest.length && last === i + e.rest.length ? last + 1 : i + 1, lex);
    // "staff suspended", "calls abandoned after long waits": what the verb acts on is not a service.
    // With no object, what the verb says happens to its subject ("submissions will restart").
    const actedOn = object ?? (e.rest.length || e.complements ? null : subjectOfGroup(terms, i, lex));
    // "women who have chosen to give birth there": a person's choice is not a provider's appointment.
    const actsOnOther = (e.event !== 'appoint' && ((actedOn !== null && lex.otherThings.has(actedOn.norm))
      || (i > 0 && isNoun(terms[i - 1]) && lex.otherThings.has(terms[i - 1].norm)))) || e.notSubjects?.has(subjectBefore(terms, i)?.norm ?? '');
    if (actsOnOther) {
      other ??= { e, last: complementEnd(terms, last, e), other: true };
      continue;
    }
    // "girls have been offered the jab": a passive of a verb with two objects keeps the thing after it.
    if (!objectOk(object, e, lex) && !(passive && e.objects && objectOk(objectAfter(terms, last + 1, lex), e, lex))) continue;
    return { e, last: complementEnd(terms, last, e) };
  }
  return other;
}

function matchPhrase(terms: readonly Term[], i: number, lex: StatusLexicon): { e: VerbEntry; last: number } | null {
  for (const e of lex.phrases.get(terms[i].norm) ?? []) {
    if (!e.rest.every((w, k) => terms[i + k]?.norm === w)) continue;
    const last = i + e.rest.length - 1;
    if (!objectOk(e.objects ? objectAfter(terms, last + 1, lex) : null, e, lex)) continue;
    // "go-live" is a noun ("the go-live date"), not the state of being live.
    if (terms[i].tags.has('Hyphenated')) continue;
    let j = i - 1;
    while (j >= 0 && lex.grammar.skipAdverbs.has(terms[j].norm) && terms[j].norm !== 'now') j--;
    // "live" needs its copula ("is live", "went live", "now live"): "people who live in" is not a launch.
    if (e.copula && (j < 0 || !lex.grammar.copulas.has(terms[j].norm))) continue;
    if (!complementOk(terms, last, e)) continue;
    const subject = subjectBefore(terms, i)?.norm ?? '';
    if ((e.subjects && !e.subjects.has(subject)) || e.notSubjects?.has(subject) || lex.otherThings.has(subject)) continue;
    return { e, last: complementEnd(terms, last, e) };
  }
  return null;
}

/** "… until June", "… as planned": after a negated start, the start was moved rather than dropped. */
function heldBack(terms: readonly Term[], last: number, lex: StatusLexicon): boolean {
  return terms.slice(last + 1).some((t) => t.norm === 'until') || movedFromPlan(terms, last, lex);
}

/** "… as planned", "… as originally intended": the start had a plan of its own, now overtaken. */
function movedFromPlan(terms: readonly Term[], last: number, lex: StatusLexicon): boolean {
  return terms.slice(last + 1).some((t, k, rest) => t.norm === 'as' && (lex.grammar.asPlanned.has(rest[k + 1]?.norm ?? '')
    || (rest[k + 1]?.tags.has('Adverb') === true && lex.grammar.asPlanned.has(rest[k + 2]?.norm ?? ''))));
}

/** "is still not live", "still hasn't opened": a start the text says is overdue. */
function overdue(terms: readonly Term[], i: number, lex: StatusLexicon): boolean {
  return terms.slice(Math.max(0, i - 5), i).some((t) => lex.grammar.overdue.has(t.norm));
}

/**
 * "to test it before deploying it nationally": a gerund after "before" is still to come, planned when the sentence speaks
 * of an aim or a future, else a time of something else (no event).
 */
function gerundAhead(terms: readonly Term[], i: number, lex: StatusLexicon): Mood | null {
  if (!terms[i].tags.has('Gerund') || !lex.grammar.aheadOfGerund.has(terms[i - 1]?.norm ?? '')) return null;
  // "the aim is to …", "will test it …": a future or an aim before it.
  const ahead = terms.slice(0, i - 1).some((t, k) => lex.future.has(t.norm) || lex.intent.has(t.norm)
    || (t.norm === 'to' && lex.grammar.presentBe.has(terms[k - 1]?.norm ?? '')));
  return ahead ? 'future' : 'hedge';
}

/** Whether the word at `i` follows a modal, over adverbs ("will temporarily close"). */
function afterModal(terms: readonly Term[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && terms[j].tags.has('Adverb') && !terms[j].pause) j--;
  return j >= 0 && j < i && terms[j].tags.has('Modal');
}


/** "is opening next month", "are being launched in May": a present progressive with a time ahead is a schedule. */
function scheduledProgressive(terms: readonly Term[], i: number, last: number, lex: StatusLexicon): boolean {
  let j = i - 1;
  if (terms[i].norm.endsWith('ing')) {
    while (j >= 0 && lex.grammar.skipAdverbs.has(terms[j].norm)) j--;
  } else if (terms[j]?.norm === 'being') j--;
  else return false;
  if (j < 0 || !lex.grammar.presentBe.has(terms[j].norm)) return false;
  const after = terms.slice(last + 1, last + 11);
  return after.some((t, k) => lex.scheduledAfter.has(t.norm) || (t.tags.has('Month') && ['from', 'in'].includes(after[k - 1]?.norm ?? '')));
}


/**
 * "Whether a successor will be launched …", "if the review finds …", "once it is fully open", "on the day it is
 * set up": the clause is a condition, or a time described by the event, not the event's news.
 */
function conditional(terms: readonly Term[], i: number, lex: StatusLexicon): Mood | null {
  for (let j = i - 1; j >= 0; j--) {
    if (lex.grammar.conditions.has(terms[j].norm)) return 'hedge';
    // "the age at which screening starts": a relative clause that describes a time or an age, not the event's news.
    if (terms[j].norm === 'which' && terms[j - 1]?.tags.has('Preposition') && lex.grammar.timeHeads.has(terms[j - 2]?.norm ?? '')) return 'hedge';
    if (j < i - 1 && lex.grammar.timeHeads.has(terms[j].norm) && terms[j - 1]?.norm === 'the' && terms[j + 1].tags.has('Pronoun')) return 'hedge';
    if (terms[j].pause) return null;
  }
  return null;
}

/**
 * "temporarily closed", "will remain closed", "closed until further notice": a word of the verb's own clause
 * that makes a closure a pause. A word after a clause boundary ("…, and the new line opens over the weekend") does not.
 */
function temporaryAround(terms: readonly Term[], i: number, last: number, lex: StatusLexicon): boolean {
  // Backwards a fronted phrase counts too ("During the strike, the centre will close").
  for (let j = i - 1; j >= 0 && j >= i - 12 && !lex.grammar.clauseStops.has(terms[j].norm); j--) {
    if (lex.temporary.has(terms[j].norm)) return true;
  }
  for (let j = last + 1; j < terms.length && j <= last + 10 && !lex.grammar.clauseStops.has(terms[j].norm); j++) {
    if (lex.temporary.has(terms[j].norm)) return true;
    if (terms[j].pause) break;
  }
  return false;
}

/** Every status the clause states, in order, with the mood that decided it. */
export function readStatuses(terms: readonly Term[], lex: StatusLexicon): StatusReading[] {
  const out: StatusReading[] = [];
  const taken = new Set<number>();
  for (let i = 0; i < terms.length; i++) {
    const verb = matchVerb(terms, i, lex);
    const hit = verb ?? matchPhrase(terms, i, lex);
    if (!hit) continue;
    let mood = conditional(terms, i, lex) ?? (verb && (nounOwningGerund(terms, i, lex) ?? gerundAhead(terms, i, lex))) ?? moodBefore(terms, i, lex, !verb);
    if (mood === 'fact' && hit.e.event === 'start' && scheduledProgressive(terms, i, hit.last, lex)) mood = 'future';
    const reading = lex.events.get(hit.e.event)!;
    let status: RolloutStatus | null = mood === 'fact' ? reading.fact : mood === 'future' ? reading.future : mood === 'intent' ? reading.intent
      : mood === 'negative' ? reading.negated : null;
    // "will not go live until June", "is still not live": a start held back to a later date, or overdue, is a delay.
    if (mood === 'negative' && hit.e.event === 'start' && (heldBack(terms, hit.last, lex) || overdue(terms, i, lex))) status = 'delayed';
    // "will not go live in March as planned": the plan it overtook stands beside the delay.
    const overtaken = status === 'delayed' && mood === 'negative' && movedFromPlan(terms, hit.last, lex);
    // "would now switch over by June", "the plan now is to open in spring": a start given a new date is a delay.
    const rescheduled = (mood === 'future' || mood === 'intent') && hit.e.event === 'start' && terms.slice(Math.max(0, i - 3), i).some((t) => t.norm === 'now');
    if (rescheduled) status = 'delayed';
    // "temporarily closed", "closed until further notice": a closure that is a pause.
    if (status === 'cancelled' && temporaryAround(terms, i, hit.last, lex)) status = 'paused';
    // The verb acts on something other than a service: a null reading, so no cue on the same words reads it either.
    if ('other' in hit && hit.other) status = null;
    const ahead = status && !rescheduled && (mood === 'future' || mood === 'intent') && reading.ahead && reading.ahead !== status ? reading.ahead : undefined;
    const also = overtaken ? 'planned' : ahead ?? (status && reading.with ? reading.with : undefined);
    out.push({ status, ...(also ? { also } : {}), ...(overtaken ? { alsoSuperseded: true } : {}), event: hit.e.event, start: terms[i].start,
      end: terms[hit.last].end, mood });
    for (let j = i; j <= hit.last; j++) taken.add(j);
    i = hit.last;
  }
  // "launched an inquiry into …": the noun that is the verb's own object says nothing more.
  const nouns = readNouns(terms, lex, taken).filter((n) => !out.some((v) => v.event === n.event && v.end <= n.start && n.start - v.end < 30));
  return withAbandonedPlans(terms, [...out, ...nouns], lex);
}
