// The edge of the analysis stage: reads the compiled reference data and the editable
// lexicons once, and builds the matchers that analyse() uses. Nothing here runs per article.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEventDateCues, type EventDateCues } from './effective.ts';
import { Gazetteer } from './gazetteer.ts';
import { ORG_SUFFIXES, normTokens, stripOrgDecoration } from './reference/names.ts';
import { REGION_KINDS, type OrgKind, type ReferenceOrg } from './reference/types.ts';
import type { RolloutStatus } from '../types.ts';
import { ROLLOUT_STATUSES } from '../types.ts';

/** What a known name stands for. */
export interface NameEntry {
  category: 'region' | 'provider' | 'organisation';
  kind: OrgKind | 'place' | 'provider' | 'organisation';
  name: string;
  code: string | null;
  from: string | null;
  to: string | null;
  /** Organisations whose decisions are national facts (NHS England, the Government). */
  national: boolean;
}

/** One alias of an entry; all-capital aliases (acronyms) only match as written. */
export interface NameHit {
  entry: NameEntry;
  exact: string | null;
}

export interface ServiceHit {
  name: string;
  exact: string | null;
}

export interface Knowledge {
  readonly names: Gazetteer<NameHit>;
  readonly services: Gazetteer<ServiceHit>;
  readonly firstNames: ReadonlySet<string>;
  /** Given names (lower case) that nearly always belong to a woman (`f`) or a man (`m`). */
  readonly nameGender: ReadonlyMap<string, 'f' | 'm'>;
  readonly statusCues: ReadonlyArray<{ status: RolloutStatus; cue: RegExp }>;
  readonly negation: RegExp;
  readonly hedge: RegExp;
  /** Folded decoration words that may follow a name ("ccg", "nhs foundation trust") and the kind they imply. */
  readonly suffixes: ReadonlyArray<{ tokens: string[]; kind: string }>;
  /** Words that tie a date to an event's status, or make it a target (lexicon/event-dates.json). */
  readonly eventDates: EventDateCues;
}

const DEFAULT_DIR = fileURLToPath(new URL('../../sources', import.meta.url));

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

// Names in the lists that are far more often something else in news text: places ("Bury"),
// and providers named with ordinary words that open sentences ("Here's what we know").
const AMBIGUOUS_NAMES = new Set(['hart', 'eden', 'mid', 'test valley', 'bury', 'north', 'south', 'east', 'west', 'central', 'trust', 'health', 'city', 'university', 'royal', 'general', 'here', 'provide', 'forward', 'the forward', 'turning point']);

/** Reads `<dir>/reference/organisations.json` and `<dir>/lexicon/*`; dir defaults to the project's sources/. */
export function loadKnowledge(dir: string = DEFAULT_DIR): Knowledge {
  const names = new Gazetteer<NameHit>();
  const addName = (alias: string, entry: NameEntry) => {
    const trimmed = alias.trim().replace(/^the\s+/i, '');
    if (!trimmed) return;
    if (AMBIGUOUS_NAMES.has(normTokens(trimmed).join(' '))) return;
    const exact = /[a-z]/.test(trimmed) ? null : trimmed;
    names.add(trimmed, { entry, exact });
  };

  const orgs = readJson<ReferenceOrg[]>(join(dir, 'reference', 'organisations.json'));
  for (const o of orgs) {
    const entry: NameEntry = {
      category: REGION_KINDS.has(o.kind) ? 'region' : 'provider',
      kind: o.kind,
      name: o.name,
      code: o.code,
      from: o.from,
      to: o.to,
      national: false,
    };
    for (const alias of [o.name, ...o.aliases]) {
      if (o.kind === 'trust' || o.kind === 'independent_provider') {
        addName(alias, entry);
        // Articles drop the "NHS Foundation Trust" tail; the matcher re-attaches it as a hint.
        const core = alias.replace(/\s+(?:University\s+)?(?:NHS\s+)?(?:Foundation\s+)?Trust$/i, '');
        if (core !== alias && normTokens(core.replace(/^the\s+/i, '')).length >= 2) addName(core, entry);
      } else if (o.kind === 'local_authority') {
        addName(alias.replace(/\s+(?:(?:County|City|Borough|District|Metropolitan Borough|Metropolitan District)\s+)?Council$/i, ''), entry);
      } else {
        addName(stripOrgDecoration(alias, o.kind), entry);
      }
    }
  }

  const lex = join(dir, 'lexicon');
  for (const p of readJson<{ places: Array<{ name: string; code: string | null; aliases: string[] }> }>(join(lex, 'places.json')).places) {
    const entry: NameEntry = { category: 'region', kind: 'place', name: p.name, code: p.code, from: null, to: null, national: p.name === 'England' };
    for (const a of [p.name, ...p.aliases]) addName(a, entry);
  }
  for (const p of readJson<{ providers: Array<{ name: string; code: string | null; aliases: string[] }> }>(join(lex, 'providers.json')).providers) {
    const entry: NameEntry = { category: 'provider', kind: 'provider', name: p.name, code: p.code, from: null, to: null, national: false };
    for (const a of [p.name, ...p.aliases]) addName(a, entry);
  }
  for (const p of readJson<{ organisations: Array<{ name: string; national: boolean; aliases: string[] }> }>(join(lex, 'organisations.json')).organisations) {
    const entry: NameEntry = { category: 'organisation', kind: 'organisation', name: p.name, code: null, from: null, to: null, national: p.national };
    for (const a of [p.name, ...p.aliases]) addName(a, entry);
  }

  const services = new Gazetteer<ServiceHit>();
  for (const s of readJson<{ services: Array<{ name: string; aliases: string[] }> }>(join(lex, 'services.json')).services) {
    for (const a of [s.name, ...s.aliases]) services.add(a, { name: s.name, exact: /[a-z]/.test(a) ? null : a });
  }

  const firstNames = new Set(
    readFileSync(join(lex, 'first-names.txt'), 'utf8').split('\n').map((l) => l.trim().toLowerCase()).filter((l) => l && !l.startsWith('#')),
  );

  const nameGender = new Map<string, 'f' | 'm'>();
  for (const line of readFileSync(join(lex, 'given-name-genders.txt'), 'utf8').split('\n')) {
    const m = line.trim().toLowerCase().match(/^([^#\s]+)\s+([fm])$/);
    if (m) nameGender.set(m[1], m[2] as 'f' | 'm');
  }

  const cues = readJson<{ statuses: Record<string, string[]>; negations: string[]; hedges: string[] }>(join(lex, 'status-cues.json'));
  const statusCues: Array<{ status: RolloutStatus; cue: RegExp }> = [];
  for (const [status, patterns] of Object.entries(cues.statuses)) {
    if (!(ROLLOUT_STATUSES as readonly string[]).includes(status)) throw new Error(`status-cues.json: unknown status "${status}" (use one of ${ROLLOUT_STATUSES.join(', ')})`);
    // A cue written with a trailing space ("appointed as ") ends at that space; others end at a word boundary.
    statusCues.push({ status: status as RolloutStatus, cue: new RegExp(`(?<![\\w-])(?:${patterns.join('|')})(?:(?<=\\s)|(?![\\w]))`, 'gi') });
  }
  // negations and hedges are regular expressions too (JSON-escaped), matched as whole words.
  const wordAlt = (ws: string[]) => new RegExp(`(?<![\\w])(?:${ws.join('|')})(?![\\w])`, 'i');

  const suffixes = [
    ...ORG_SUFFIXES.map(([s, kind]) => ({ tokens: s.split(' '), kind: String(kind) })),
    ...['university nhs foundation trust', 'nhs foundation trust', 'nhs trust', 'foundation trust', 'trust', 'care trust', 'partnership nhs foundation trust'].map((s) => ({ tokens: s.split(' '), kind: 'trust' })),
  ].sort((a, b) => b.tokens.length - a.tokens.length);

  return {
    names,
    services,
    firstNames,
    nameGender,
    statusCues,
    negation: wordAlt(cues.negations),
    hedge: wordAlt(cues.hedges),
    suffixes,
    eventDates: loadEventDateCues(join(lex, 'event-dates.json')),
  };
}
