// The status-verb dictionary (sources/lexicon/status-verbs.json) compiled for lookup: every
// inflected form of every verb points at the entries it can start. Built once, at the edge.
import { readFileSync } from 'node:fs';
import { ROLLOUT_STATUSES, type RolloutStatus } from '../../types.ts';

/** The status an event gives as a fact, as decided future ("will close") and as an intention ("plans to close"); null: none. */
export interface EventReading {
  fact: RolloutStatus | null; future: RolloutStatus | null; intent: RolloutStatus | null;
  /** The status a negated event gives ("has not met its deadline" → delayed); null: none. */
  negated: RolloutStatus | null;
  /** A second status a future or intended event gives beside its own ("will restart" is also a planned go-live); null: none. */
  ahead: RolloutStatus | null;
  /** A second status the event always gives beside its own ("takes over from" the old provider: it leaves); null: none. */
  with: RolloutStatus | null;
}

export interface VerbEntry {
  /** The words after the verb ("live" in "go live", "on hold" in "put on hold"). */
  rest: string[];
  event: string;
  objects: ReadonlySet<string> | null;
  notObjects: ReadonlySet<string> | null;
  /** Words that must directly follow the verb (and its particle): "stop providing", "chosen as". */
  complements: string[][] | null;
  /** A phrase entry: read with the tense of its copula, no verb of its own. */
  phrase: boolean;
  /** A proper name also counts as one of `objects` ("runs NHS 111"). */
  names: boolean;
  /** For a noun: one of these words must be within a few words ("award" near "contract"). */
  near: ReadonlySet<string> | null;
  /** A phrase that needs a copula before it ("is live", not "people who live"). */
  copula: boolean;
  /** For a phrase: the head noun before it must be one of these ("an inquiry is under way"); null: any. */
  subjects: ReadonlySet<string> | null;
  /** For a phrase: head nouns before it that rule it out ("while procurements are under way"). */
  notSubjects: ReadonlySet<string> | null;
}

export interface StatusLexicon {
  /** Inflected verb form (lower case) → entries it may start, in dictionary order. */
  readonly verbs: ReadonlyMap<string, readonly VerbEntry[]>;
  /** The base forms among them ("launch", "close"), which are often nouns too. */
  readonly baseForms: ReadonlySet<string>;
  /** First word of a phrase → phrase entries. */
  readonly phrases: ReadonlyMap<string, readonly VerbEntry[]>;
  /** Event nouns ("the go-live", "a pause", "its closure") → entries. */
  readonly nouns: ReadonlyMap<string, readonly VerbEntry[]>;
  /** Words that time an event noun: ahead ("the go-live date", "set for"), gone by ("since its launch"), in doubt ("a possible closure"). */
  readonly nounTime: { ahead: ReadonlySet<string>; past: ReadonlySet<string>; doubt: ReadonlySet<string> };
  /** "temporarily closed", "closed until further notice": a closure that is a pause. */
  readonly temporary: ReadonlySet<string>;
  /** "the incumbent provider", "the current provider": an operate noun that says the service runs now. */
  readonly current: ReadonlySet<string>;
  readonly events: ReadonlyMap<string, EventReading>;
  readonly future: ReadonlySet<string>;
  readonly intent: ReadonlySet<string>;
  readonly ongoing: ReadonlySet<string>;
  /** Words after a present progressive that put it ahead ("is opening next month"). */
  readonly scheduledAfter: ReadonlySet<string>;
  readonly hedge: ReadonlySet<string>;
  readonly negative: ReadonlySet<string>;
  /** Nouns whose infinitive is the plan itself ("the offer to put back", "approval to open"), not what the noun is for. */
  readonly planNouns: ReadonlySet<string>;
  /** Verbs that say a plan no longer stands ("plans to close … were dropped"). */
  readonly abandoned: ReadonlySet<string>;
  /** Head nouns whose pause, launch or end is not a service's: people, calls, meetings. */
  readonly otherThings: ReadonlySet<string>;
  /** Function words the reading walks over or stops at (copulas, clause stops, skippable adverbs…), by list name. */
  readonly grammar: Readonly<Record<GrammarList, ReadonlySet<string>>>;
}

const GRAMMAR_LISTS = ['clauseStops', 'copulas', 'skipAdverbs', 'quantities', 'beHave', 'ranks', 'gerundLinks', 'objectPrepositions',
  'conditions', 'presentBe', 'timeHeads', 'asPlanned', 'copulasBeforeNoun', 'nounNegatives', 'frameCopulas', 'overdue', 'aheadOfGerund'] as const;
export type GrammarList = (typeof GRAMMAR_LISTS)[number];

interface RawEntry {
  verb?: string; phrase?: string; noun?: string; event: string; objects?: string[]; notObjects?: string[]; complements?: string[];
  names?: boolean; near?: string[]; copula?: boolean; subjects?: string[]; notSubjects?: string[];
}
interface RawLexicon {
  events: Record<string, {
    fact: string | null; future: string | null; intent: string | null; negated?: string | null; ahead?: string | null; with?: string | null;
  }>;
  irregular: Record<string, string[]>;
  verbs: RawEntry[];
  phrases: RawEntry[];
  nouns: RawEntry[];
  nounTime: { ahead: string[]; past: string[]; doubt: string[] };
  temporary: string[];
  current?: string[];
  modality: {
    future: string[]; intent: string[]; ongoing: string[]; scheduledAfter: string[]; hedge: string[]; negative: string[]; planNouns?: string[];
    abandoned: string[];
  };
  otherThings: string[];
  grammar: Record<string, string[]>;
}

const VOWEL = /[aeiou]/;

/** base, 3rd person, past, participle, -ing: regular English spelling rules (doubling for short CVC verbs). */
export function inflect(base: string, irregular: Record<string, string[]> = {}): string[] {
  const known = irregular[base];
  if (known) return [base, ...known];
  let stem = base;
  const cvc = /^[^aeiou]*[aeiou][bdgkmnpt]$/.test(base);
  if (cvc) stem = base + base[base.length - 1];
  const third = /(?:s|sh|ch|x|z)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`;
  const past = base.endsWith('e') ? `${base}d` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ied` : `${stem}ed`;
  const ing = base.endsWith('e') && !base.endsWith('ee') && VOWEL.test(base.slice(0, -1)) ? `${base.slice(0, -1)}ing` : `${stem}ing`;
  return [base, third, past, past, ing];
}

function compile(e: RawEntry, phrase: boolean): VerbEntry {
  const words = (e.noun ?? (phrase ? e.phrase! : e.verb!)).toLowerCase().split(/\s+/);
  return {
    rest: phrase ? words : words.slice(1),
    event: e.event,
    objects: e.objects ? new Set(e.objects.map((w) => w.toLowerCase())) : null,
    notObjects: e.notObjects ? new Set(e.notObjects.map((w) => w.toLowerCase())) : null,
    complements: e.complements ? e.complements.map((c) => c.toLowerCase().split(/\s+/)) : null,
    phrase,
    names: e.names === true,
    near: e.near ? new Set(e.near.map((w) => w.toLowerCase())) : null,
    copula: e.copula === true,
    subjects: e.subjects ? new Set(e.subjects.map((w) => w.toLowerCase())) : null,
    notSubjects: e.notSubjects ? new Set(e.notSubjects.map((w) => w.toLowerCase())) : null,
  };
}

export function compileStatusLexicon(raw: RawLexicon, file = 'status-verbs.json'): StatusLexicon {
  const events = new Map<string, EventReading>();
  for (const [name, r] of Object.entries(raw.events)) {
    for (const s of [r.fact, r.future, r.intent, r.negated ?? null, r.ahead ?? null, r.with ?? null]) {
      if (s !== null && !(ROLLOUT_STATUSES as readonly string[]).includes(s)) {
        throw new Error(`${file}: event "${name}" has unknown status "${s}" (use one of ${ROLLOUT_STATUSES.join(', ')})`);
      }
    }
    events.set(name, {
      fact: r.fact as RolloutStatus | null, future: r.future as RolloutStatus | null, intent: r.intent as RolloutStatus | null,
      negated: (r.negated ?? null) as RolloutStatus | null,
      ahead: (r.ahead ?? null) as RolloutStatus | null, with: (r.with ?? null) as RolloutStatus | null });
  }
  const verbs = new Map<string, VerbEntry[]>();
  const baseForms = new Set<string>();
  for (const e of raw.verbs) {
    if (!events.has(e.event)) throw new Error(`${file}: verb "${e.verb}" names unknown event "${e.event}"`);
    const entry = compile(e, false);
    const head = e.verb!.toLowerCase().split(/\s+/)[0];
    baseForms.add(head);
    for (const form of new Set(inflect(head, raw.irregular))) verbs.set(form, [...(verbs.get(form) ?? []), entry]);
  }
  const phrases = new Map<string, VerbEntry[]>();
  for (const e of raw.phrases) {
    if (!events.has(e.event)) throw new Error(`${file}: phrase "${e.phrase}" names unknown event "${e.event}"`);
    const entry = compile(e, true);
    phrases.set(entry.rest[0], [...(phrases.get(entry.rest[0]) ?? []), entry]);
  }
  const nouns = new Map<string, VerbEntry[]>();
  for (const e of raw.nouns) {
    if (!events.has(e.event)) throw new Error(`${file}: noun "${e.noun}" names unknown event "${e.event}"`);
    nouns.set(e.noun!.toLowerCase(), [...(nouns.get(e.noun!.toLowerCase()) ?? []), compile(e, true)]);
  }
  const set = (ws: string[]) => new Set(ws.map((w) => w.toLowerCase()));
  const nounTime = { ahead: set(raw.nounTime.ahead), past: set(raw.nounTime.past), doubt: set(raw.nounTime.doubt) };
  const m = raw.modality;
  if (!Array.isArray(m.abandoned)) throw new Error(`${file}: modality.abandoned must be a list of verbs`);
  return { verbs, baseForms, phrases, nouns, nounTime, temporary: set(raw.temporary), current: set(raw.current ?? []), events,
    future: set(m.future), intent: set(m.intent), ongoing: set(m.ongoing), scheduledAfter: set(m.scheduledAfter), hedge: set(m.hedge),
    negative: set(m.negative), planNouns: set(m.planNouns ?? []), abandoned: set(m.abandoned), otherThings: set(raw.otherThings),
    grammar: grammarOf(raw, file) };
}

function grammarOf(raw: RawLexicon, file: string): Record<GrammarList, ReadonlySet<string>> {
  const lists = raw.grammar ?? {};
  const missing = GRAMMAR_LISTS.filter((name) => !Array.isArray(lists[name]));
  if (missing.length) throw new Error(`${file}: grammar lists missing: ${missing.join(', ')}`);
  const out = {} as Record<GrammarList, ReadonlySet<string>>;
  for (const name of GRAMMAR_LISTS) out[name] = new Set(lists[name].map((w) => w.toLowerCase()));
  return out;
}

export function loadStatusLexicon(path: string): StatusLexicon {
  return compileStatusLexicon(JSON.parse(readFileSync(path, 'utf8')) as RawLexicon, path);
}
