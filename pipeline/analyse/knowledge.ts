// The edge of the analysis stage: reads the compiled reference data and the editable
// lexicons once, and builds the matchers that analyse() uses. Nothing here runs per article.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEventDateCues, type EventDateCues } from './effective.ts';
import { Gazetteer } from './gazetteer.ts';
import { loadEventCues, type EventCues } from './events/cues.ts';
import { loadStatusLexicon, type StatusLexicon } from './events/lexicon.ts';
import { loadPlaceNesting, type PlaceNesting } from './place-nesting.ts';
import { loadServiceCatalogue, type ServiceHit, type ServicePatterns } from './service-catalogue.ts';
import { ORG_SUFFIXES, normTokens, stripOrgDecoration } from './reference/names.ts';
import { REGION_KINDS, type OrgKind, type ReferenceOrg } from './reference/types.ts';
import { checkWordLists } from './word-lists.ts';
import type { RolloutStatus } from '../types.ts';
import { ROLLOUT_STATUSES } from '../types.ts';

/** What a known name stands for. */
export interface NameEntry {
  category: 'region' | 'provider' | 'organisation';
  kind: OrgKind | 'place' | 'provider' | 'organisation' | 'site';
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

export type { ServiceHit } from './service-catalogue.ts';

export interface Knowledge {
  readonly names: Gazetteer<NameHit>;
  readonly services: Gazetteer<ServiceHit>;
  /** The general service pattern and reference nouns (service-patterns.json). */
  readonly servicePatterns: ServicePatterns;
  readonly firstNames: ReadonlySet<string>;
  /** Given names (lower case) that nearly always belong to a woman (`f`) or a man (`m`). */
  readonly nameGender: ReadonlyMap<string, 'f' | 'm'>;
  readonly statusCues: ReadonlyArray<{ status: RolloutStatus; cue: RegExp }>;
  readonly negation: RegExp;
  readonly hedge: RegExp;
  /** Status verbs and phrases (status-verbs.json), read with tense, negation and modality by events/reading.ts. */
  readonly statusVerbs: StatusLexicon;
  /** The cue tables the event finder weighs around a status word (event-cues.json). */
  readonly eventCues: EventCues;
  /** Folded decoration words that may follow a name ("ccg", "nhs foundation trust") and the kind they imply. */
  readonly suffixes: ReadonlyArray<{ tokens: string[]; kind: string }>;
  /** Words that end a hospital's or a centre's name (sites.json). */
  readonly sites: SiteWords;
  /** Cues that tell a place in a rollout fact from one named in passing (region-context.json). */
  readonly regionContext: RegionContext;
  /** How places nest: parts of a named area, and a wider area that only locates a place (places.json). */
  readonly placeNesting: PlaceNesting;
  /** Words that tie a date to an event's status, or make it a target (lexicon/event-dates.json). */
  readonly eventDates: EventDateCues;
  /** What makes an organisation the provider in a sentence (provider-roles.json). */
  readonly providerRoles: ProviderRoleCues;
  /** Providers (entry names) that are providers only where the text gives them that role (`needsRole`). */
  readonly needsRole: ReadonlyMap<string, 'agency' | 'consultancy'>;
  /** Providers (entry names) that work only in England (`nations: ["England"]`). */
  readonly englandOnly: ReadonlySet<string>;
}

export interface ProviderRoleCues {
  /** Before a name, global: "run by", "awarded to" (a list of names may follow the cue). */
  deliveryBefore: RegExp;
  /** The same cues, for scanning a sentence for names no list knows. */
  deliveryBeforeAll: RegExp;
  /** Just after a name (after its acronym, apposition and auxiliaries): "runs", "has won". */
  deliveryAfter: RegExp;
  /** Inside ", …," after a name: "the agency leading …". */
  appositions: RegExp;
  /** Just before a name: "bought by", "non-". */
  otherBefore: RegExp;
  /** How a provider's own name ends ("Hospitals Group", "Ambulance Service"). */
  shapes: Gazetteer<true>;
  /** Last words of a name that is a publication, a body or a document ("Journal", "Board"). */
  notNameEnds: ReadonlySet<string>;
  /** First words, as written, of a capitalised run that is no provider's name ("The", "NHS", "Mr"). */
  notNameOpeners: ReadonlySet<string>;
  /** Auxiliaries and adverbs after a name, before what it does ("has already"), anchored at the start. */
  auxiliaries: RegExp;
  /** Just after a name: it announces ("said", "has confirmed"). */
  reportsAfter: RegExp;
  /** A sentence that reports figures about others ("97%", "23 of 44", "more than half"). */
  statistics: RegExp;
}

export interface SiteWords {
  /** Head words ("Community Hospital", "MLU"); `lower`: may be written in lower case; `hospital`: kept in the site's name. */
  heads: Gazetteer<{ lower: boolean; plural: boolean; hospital: boolean }>;
  /** Words after a centre's place that do not name it ("Children's" in "Smithdown Children's Walk In Centre"). */
  descriptors: readonly string[];
  /** Words before "General" that make it a rank ("Attorney General"). */
  titlesBefore: ReadonlySet<string>;
}

export interface RegionContext {
  /** A word of a rollout fact: a change or an operation. */
  fact: RegExp;
  /** A word of a change (launch, pause, close, award …). */
  change: RegExp;
  /** After a name: the name is the source of the news. */
  reportsAfter: RegExp;
  /** Before "in/at <place>": the place is a venue. */
  venueBefore: RegExp;
  /** Before a company's name: it owns or buys, it does not run. */
  ownerBefore: RegExp;
  /** A national cue in a sentence ("nationally", "more than half of trusts"), global. */
  national: RegExp;
  /** Just before "England" or a national cue: a counted subset's whole ("six trusts across"). */
  subsetBefore: RegExp;
}

const DEFAULT_DIR = fileURLToPath(new URL('../../sources', import.meta.url));

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** A word-list group (word-lists.ts): `words` match whole, `fragments` are regex alternatives the code frames. */
type Group<K extends 'words' | 'fragments'> = { [key in K]: string[] } & { _comment: string };

type LexProvider = {
  name: string; code: string | null; aliases: string[]; from?: string; to?: string;
  needsRole?: 'agency' | 'consultancy'; national?: boolean; nations?: string[];
};

/** providers.json: the providers, and how a company's or a trust's name is written (word-lists.ts groups). */
interface ProvidersFile {
  providers: LexProvider[];
  companyTails: Group<'fragments'>;
  trustSuffixes: Group<'words'>;
}

function readProviders(lex: string): ProvidersFile {
  const file = readJson<ProvidersFile>(join(lex, 'providers.json'));
  checkWordLists('providers.json', { companyTails: file.companyTails, trustSuffixes: file.trustSuffixes });
  return file;
}

/** Reads `<dir>/reference/organisations.json` and `<dir>/lexicon/*`; dir defaults to the project's sources/. */
export function loadKnowledge(dir: string = DEFAULT_DIR): Knowledge {
  const lex = join(dir, 'lexicon');
  const providers = readProviders(lex);
  const { names, needsRole, englandOnly } = loadNames(dir, providers);
  const { gazetteer: services, patterns: servicePatterns } = loadServiceCatalogue(lex);
  const cues = loadStatusCues(join(lex, 'status-cues.json'));
  const suffixes = [
    ...ORG_SUFFIXES.map(([s, kind]) => ({ tokens: s.split(' '), kind: String(kind) })),
    ...providers.trustSuffixes.words.map((s) => ({ tokens: s.split(' '), kind: 'trust' })),
  ].sort((a, b) => b.tokens.length - a.tokens.length);
  return {
    names,
    services,
    servicePatterns,
    ...loadPeopleLists(lex),
    ...cues,
    statusVerbs: loadStatusLexicon(join(lex, 'status-verbs.json')),
    eventCues: loadEventCues(join(lex, 'event-cues.json')),
    suffixes,
    sites: loadSiteWords(join(lex, 'sites.json')),
    regionContext: loadRegionContext(join(lex, 'region-context.json')),
    placeNesting: loadPlaceNesting(join(lex, 'places.json')),
    eventDates: loadEventDateCues(join(lex, 'event-dates.json')),
    providerRoles: loadProviderRoles(join(lex, 'provider-roles.json')),
    needsRole,
    englandOnly,
  };
}

/** The gazetteer of places, bodies and providers: the reference organisations, then the lexicon's own lists. */
function loadNames(dir: string, providers: ProvidersFile): Pick<Knowledge, 'names' | 'needsRole' | 'englandOnly'> {
  const lex = join(dir, 'lexicon');
  const { ambiguousNames, councilKinds } = readJson<{ ambiguousNames: Group<'words'>; councilKinds: Group<'fragments'> }>(join(lex, 'place-words.json'));
  checkWordLists('place-words.json', { ambiguousNames, councilKinds });
  const ambiguous = new Set(ambiguousNames.words);
  const tails: NameTails = {
    company: new RegExp(`\\s+(?:${providers.companyTails.fragments.join('|')})$`),
    council: new RegExp(`\\s+(?:(?:${councilKinds.fragments.join('|')})\\s+)?Council$`, 'i'),
  };
  const names = new Gazetteer<NameHit>();
  const addName = (alias: string, entry: NameEntry) => {
    const trimmed = alias.trim().replace(/^the\s+/i, '');
    if (!trimmed) return;
    // A name news text far more often uses for something else ("Bury") is never learnt.
    if (ambiguous.has(normTokens(trimmed).join(' '))) return;
    const exact = /[a-z]/.test(trimmed) ? null : trimmed;
    names.add(trimmed, { entry, exact });
  };
  for (const o of readJson<ReferenceOrg[]>(join(dir, 'reference', 'organisations.json'))) {
    const entry: NameEntry = {
      category: REGION_KINDS.has(o.kind) ? 'region' : 'provider', kind: o.kind, name: o.name, code: o.code, from: o.from, to: o.to, national: false,
    };
    for (const alias of [o.name, ...o.aliases]) for (const written of writtenForms(alias, o.kind, tails)) addName(written, entry);
  }
  for (const p of readJson<{ places: Array<{ name: string; code: string | null; aliases: string[] }> }>(join(lex, 'places.json')).places) {
    const entry: NameEntry = { category: 'region', kind: 'place', name: p.name, code: p.code, from: null, to: null, national: p.name === 'England' };
    for (const a of [p.name, ...p.aliases]) addName(a, entry);
  }
  const needsRole = new Map<string, 'agency' | 'consultancy'>();
  const englandOnly = new Set<string>();
  for (const p of providers.providers) {
    const entry: NameEntry = {
      category: 'provider', kind: 'provider', name: p.name, code: p.code, from: p.from ?? null, to: p.to ?? null, national: p.national ?? false,
    };
    if (p.nations?.length === 1 && p.nations[0] === 'England') englandOnly.add(p.name);
    if (p.needsRole === 'agency' || p.needsRole === 'consultancy') needsRole.set(p.name, p.needsRole);
    else if (p.needsRole !== undefined) throw new Error(`providers.json: needsRole of "${p.name}" must be "agency" or "consultancy"`);
    for (const a of [p.name, ...p.aliases]) addName(a, entry);
  }
  for (const p of readJson<{ organisations: Array<{ name: string; national: boolean; aliases: string[] }> }>(join(lex, 'organisations.json')).organisations) {
    const entry: NameEntry = { category: 'organisation', kind: 'organisation', name: p.name, code: null, from: null, to: null, national: p.national };
    for (const a of [p.name, ...p.aliases]) addName(a, entry);
  }
  return { names, needsRole, englandOnly };
}

/** What articles leave off a registered name: a company's legal form ("Limited"), a council's "County Council". */
interface NameTails { company: RegExp; council: RegExp }

/** The ways an article writes a reference organisation's name or alias. */
function writtenForms(alias: string, kind: OrgKind, tails: NameTails): string[] {
  if (kind === 'local_authority') return [alias.replace(tails.council, '')];
  if (kind !== 'trust' && kind !== 'independent_provider') return [stripOrgDecoration(alias, kind)];
  const out = [alias];
  // Articles drop the "NHS Foundation Trust" (or "Limited") tail; the matcher re-attaches a trust's as a hint.
  const core = alias.replace(/\s+(?:University\s+)?(?:NHS\s+)?(?:Foundation\s+)?Trust$/i, '').replace(tails.company, '');
  if (core !== alias && normTokens(core.replace(/^the\s+/i, '')).length >= 2) out.push(core);
  // "Norfolk and Norwich University Hospital": a trust named "… Hospitals" is also written in the singular.
  const single = core.replace(/\bHospitals$/, 'Hospital').replace(/\bAmbulance Services$/, 'Ambulance Service');
  if (single !== core && normTokens(single.replace(/^the\s+/i, '')).length >= 3) out.push(single);
  return out;
}

/** Given names, and the genders of those nearly always borne by women or by men. */
function loadPeopleLists(lex: string): Pick<Knowledge, 'firstNames' | 'nameGender'> {
  const firstNames = new Set(
    readFileSync(join(lex, 'first-names.txt'), 'utf8').split('\n').map((l) => l.trim().toLowerCase()).filter((l) => l && !l.startsWith('#')),
  );
  const nameGender = new Map<string, 'f' | 'm'>();
  for (const line of readFileSync(join(lex, 'given-name-genders.txt'), 'utf8').split('\n')) {
    const m = line.trim().toLowerCase().match(/^([^#\s]+)\s+([fm])$/);
    if (m) nameGender.set(m[1], m[2] as 'f' | 'm');
  }
  return { firstNames, nameGender };
}

/** status-cues.json: per status its cue expressions, and the negations and hedges that cancel one. */
function loadStatusCues(path: string): Pick<Knowledge, 'statusCues' | 'negation' | 'hedge'> {
  const cues = readJson<{ statuses: Record<string, string[]>; negations: string[]; hedges: string[] }>(path);
  const statusCues: Array<{ status: RolloutStatus; cue: RegExp }> = [];
  for (const [status, patterns] of Object.entries(cues.statuses)) {
    if (!(ROLLOUT_STATUSES as readonly string[]).includes(status)) {
      throw new Error(`status-cues.json: unknown status "${status}" (use one of ${ROLLOUT_STATUSES.join(', ')})`);
    }
    // A cue written with a trailing space ("appointed as ") ends at that space; others end at a word boundary.
    statusCues.push({ status: status as RolloutStatus, cue: new RegExp(`(?<![\\w-])(?:${patterns.join('|')})(?:(?<=\\s)|(?![\\w]))`, 'gi') });
  }
  // negations and hedges are regular expressions too (JSON-escaped), matched as whole words.
  const wordAlt = (ws: string[]) => new RegExp(`(?<![\\w])(?:${ws.join('|')})(?![\\w])`, 'i');
  return { statusCues, negation: wordAlt(cues.negations), hedge: wordAlt(cues.hedges) };
}

/** sites.json: the head words of named sites ("… Walk-in Centre"), their descriptors and the titles before them. */
function loadSiteWords(path: string): SiteWords {
  const siteLex = readJson<{ heads: string[]; lowerHeads: string[]; hospitalHeads: string[]; descriptors: string[]; titlesBefore: string[] }>(path);
  const heads = new Gazetteer<{ lower: boolean; plural: boolean; hospital: boolean }>();
  const folded = (hs: string[]) => new Set(hs.map((h) => normTokens(h).join(' ')));
  const lowerHeads = folded(siteLex.lowerHeads);
  const hospitalHeads = folded(siteLex.hospitalHeads);
  for (const h of new Set([...siteLex.heads, ...siteLex.lowerHeads])) {
    const key = normTokens(h).join(' ');
    heads.add(h, { lower: lowerHeads.has(key), plural: /s$/.test(h) && !/(?:ss|us)$/.test(h), hospital: hospitalHeads.has(key) });
  }
  return { heads, descriptors: siteLex.descriptors, titlesBefore: new Set(siteLex.titlesBefore) };
}

/** region-context.json: the words around a place that say whether a fact happens there. */
function loadRegionContext(path: string): RegionContext {
  const ctx = readJson<{ changeWords: string[]; operationWords: string[]; reportsAfter: string[]; venueBefore: string[]; ownerBefore: string[];
    nationalWords: string[]; subsetBefore: string[] }>(path);
  const words = (ws: string[]) => new RegExp(`(?<![\\w-])(?:${ws.join('|')})(?![\\w-])`, 'i');
  return {
    fact: words([...ctx.changeWords, ...ctx.operationWords]),
    change: words(ctx.changeWords),
    // "X said", "X (XYZ) has confirmed", "X, the agency …, said" is not this: only what follows the name or its acronym.
    reportsAfter: new RegExp(`^\\s*(?:\\([A-Za-z]{2,8}\\)\\s*)?,?\\s*(?:${ctx.reportsAfter.join('|')})\\b`, 'i'),
    venueBefore: new RegExp(`\\b(?:${ctx.venueBefore.join('|')})\\b`, 'i'),
    ownerBefore: new RegExp(`\\b(?:${ctx.ownerBefore.join('|')})\\s+$`, 'i'),
    national: new RegExp(`(?<![\\w-])(?:${ctx.nationalWords.join('|')})(?![\\w-])`, 'gi'),
    subsetBefore: new RegExp(`\\b(?:${ctx.subsetBefore.join('|')})$`, 'i'),
  };
}

function loadProviderRoles(path: string): ProviderRoleCues {
  const r = readJson<{ deliveryBefore: string[]; deliveryAfter: string[]; appositions: string[]; otherBefore: string[]; shapes: string[];
    notNameEnds: string[]; reportsAfter: string[]; statistics: string[]; auxiliaries: Group<'fragments'>; notNameOpeners: Group<'words'> }>(path);
  checkWordLists('provider-roles.json', { auxiliaries: r.auxiliaries, notNameOpeners: r.notNameOpeners });
  const alt = (ws: string[]) => ws.join('|');
  const shapes = new Gazetteer<true>();
  for (const w of r.shapes) shapes.add(w, true);
  return {
    deliveryBefore: new RegExp(`(?<![\\w-])(?:${alt(r.deliveryBefore)})\\s+`, 'gi'),
    deliveryBeforeAll: new RegExp(`(?<![\\w-])(?:${alt(r.deliveryBefore)})\\s+`, 'gi'),
    deliveryAfter: new RegExp(`^[\\s,]*(?:${alt(r.deliveryAfter)})(?![\\w-])`, 'i'),
    appositions: new RegExp(`(?<![\\w-])(?:${alt(r.appositions)})`, 'i'),
    otherBefore: new RegExp(`(?<![\\w-])(?:${alt(r.otherBefore)})\\s*(?:the\\s+)?$`, 'i'),
    shapes,
    notNameEnds: new Set(r.notNameEnds),
    notNameOpeners: new Set(r.notNameOpeners.words),
    // Repeated, and the first alternative that fits wins: the list's order matters.
    auxiliaries: new RegExp(`^(?:\\s+(?:${alt(r.auxiliaries.fragments)}))*`, 'i'),
    reportsAfter: new RegExp(`^[\\s,]*(?:${alt(r.reportsAfter)})(?![\\w-])`, 'i'),
    statistics: new RegExp(alt(r.statistics), 'i'),
  };
}
