// The service catalogue (sources/lexicon/services.json) and the general service pattern
// (service-patterns.json), read and checked once at start-up: a mistake names the file and entry.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Gazetteer } from './gazetteer.ts';
import { normTokens } from './reference/names.ts';
import { checkWordLists } from './word-lists.ts';

/** One alias of a catalogued service. */
export interface ServiceHit {
  /** The catalogue's name for it. */
  name: string;
  /** What kind of service it is (helpline, app, record, system, centre …): what "the app" may refer to. */
  type: string;
  /** Set when the alias only matches as written (acronyms, guarded product names). */
  exact: string | null;
  /** A guarded alias counts only on a page matching this ("Millennium" needs "Cerner"). */
  needs: RegExp | null;
  /** Whether this alias may stand as the article's name for the service ("111", not "111 contract"). */
  nameForm: boolean;
  /** A kind of service any country has ("flu vaccination"): counts only on a page otherwise about the NHS. */
  anywhere: boolean;
  /** The entry's forms that may stand as an article's name, the catalogue's name first. */
  forms: readonly string[];
  /** The catalogue name of the programme this one is part of ("bowel scope screening" → "bowel cancer screening"). */
  partOf: string | null;
}

export interface ServicePatterns {
  /** Head word (lower case) → type, for heads that need a health modifier ("service", "centre"). */
  readonly weakHeads: ReadonlyMap<string, string>;
  /** Head words that are health words on their own ("screening", "helpline"). */
  readonly strongHeads: ReadonlyMap<string, string>;
  /** Plural heads that only head a capitalised name ("Minor Ailment Services", not "dental services"). */
  readonly capitalOnly: ReadonlySet<string>;
  /** Modifier words and phrases, lower case, hyphens as spaces ("walk in", "maternity"). */
  readonly modifiers: ReadonlySet<string>;
  /** Modifiers that do not count on their own ("health", "care"). */
  readonly generic: ReadonlySet<string>;
  /** Words that make the phrase something else ("pension scheme", "car park booking system"). */
  readonly notModifiers: ReadonlySet<string>;
  /** Words that end a modifier run without spoiling it ("a new stroke hub"). */
  readonly stops: ReadonlySet<string>;
  /** Words that make a capitalised name a body ("Police", "Council"). */
  readonly orgWords: ReadonlySet<string>;
  /** Names of bodies, folded: never services. */
  readonly bodies: ReadonlySet<string>;
  /** Words that with a number name a stage of a catalogued service ("Release 2", "Phase 4"). */
  readonly qualifiers: ReadonlySet<string>;
  /** Care settings that, after "for", name a service's extension to them ("EPS for secondary care"), folded. */
  readonly settings: ReadonlySet<string>;
  /** Words that only describe a service already named ("the electronic booking service"), lower case. */
  readonly descriptive: ReadonlySet<string>;
  /** Reference noun ("app", "helpline") → the service types it may refer to ("*": any). */
  readonly references: ReadonlyMap<string, readonly string[]>;
  /** Words just before a product that introduce it as a record's software ("software called"), as one pattern ending at the product. */
  readonly softwareOf: RegExp;
  /** Catalogue names of suppliers' products ("Epic", "Lorenzo"), from services.json "product". */
  readonly products: ReadonlySet<string>;
  /** The text after a product name starts with a word that makes it the product ("the Epic system"). */
  readonly productNoun: RegExp;
  /** The text before a product name ends with a word that makes it its maker ("a contract with Epic"). */
  readonly makerBefore: RegExp;
  /** The text after a product name starts with a word that makes it its maker ("Epic said", "Epic's"). */
  readonly makerAfter: RegExp;
  /** The NHS itself named on a page ("NHS", "CCGs", "integrated care board"). */
  readonly nhsNamed: RegExp;
  /** The text after a bare "111" makes it a count ("111 patients", "111 million"). */
  readonly countAfter: RegExp;
  /** Words (lower case) that end a lower-case modifier run; a number ends it too. */
  readonly functionWords: ReadonlySet<string>;
  /** Capitalised words, as written, that end a capitalised name's run ("The", "New"). */
  readonly capitalStops: ReadonlySet<string>;
  /** Heads (lower case) that make "NHS" + any word a service ("the NHS smartphone app"). */
  readonly nhsBrandedHeads: ReadonlySet<string>;
  /** The text after "it" makes it impersonal ("it is understood", "it's time"). */
  readonly impersonalAfter: RegExp;
}

export interface ServiceCatalogue {
  readonly gazetteer: Gazetteer<ServiceHit>;
  readonly patterns: ServicePatterns;
}

interface CatalogueEntry {
  name: string;
  /** Defaults to "service". */
  type?: string;
  aliases: string[];
  source: string;
  names?: string[];
  guarded?: string[];
  needs?: string[];
  body_too?: boolean;
  anywhere?: boolean | string[];
  part_of?: string;
  product?: boolean;
}

interface PatternFile {
  heads: { weak: Record<string, string>; strong: Record<string, string> };
  capital_only: string[];
  modifiers: string[];
  generic: string[];
  not_modifiers: string[];
  stops: string[];
  org_words: string[];
  bodies: string[];
  references: Record<string, string[]>;
  qualifiers: string[];
  descriptive: string[];
  settings: string[];
  software_of: string[];
  product_nouns: Fragments;
  maker_before: Fragments;
  maker_after: Fragments;
  nhs_named: Fragments;
  counted_nouns: Fragments;
  function_words: Words;
  capital_stops: Words;
  nhs_branded_heads: Words;
  impersonal_it: Fragments;
}

/** A word-list group of the newer shape (see word-lists.ts): exact words, or regex alternatives the code frames. */
type Words = { _comment: string; words: string[] };
type Fragments = { _comment: string; fragments: string[] };

const fold = (s: string) => normTokens(s).join(' ');
const lowerSet = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase().replace(/-/g, ' ').trim()));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Reads `<lexDir>/services.json` and `<lexDir>/service-patterns.json`. */
export function loadServiceCatalogue(lexDir: string): ServiceCatalogue {
  const file = join(lexDir, 'services.json');
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { services: CatalogueEntry[] };
  const products = new Set(raw.services.filter((s) => s.product === true).map((s) => s.name));
  const patterns = { ...readPatterns(join(lexDir, 'service-patterns.json')), products };
  return { gazetteer: buildGazetteer(raw.services, patterns, file), patterns };
}

/** The catalogue as a token trie; rejects entries a reader could not trust (no source, an alias that names a body). */
export function buildGazetteer(entries: CatalogueEntry[], patterns: ServicePatterns, file = 'services.json'): Gazetteer<ServiceHit> {
  const types = new Set([...patterns.weakHeads.values(), ...patterns.strongHeads.values(), ...[...patterns.references.values()].flat(), 'online', 'service']);
  const gazetteer = new Gazetteer<ServiceHit>();
  for (const s of entries) {
    const where = `${file}: service "${s.name ?? '?'}"`;
    if (!s.name || !Array.isArray(s.aliases)) throw new Error(`${where}: needs "name" and "aliases"`);
    if (!s.source) throw new Error(`${where}: needs "source" (the public list it comes from)`);
    const type = s.type ?? 'service';
    if (!types.has(type)) throw new Error(`${where}: unknown type "${type}" (use one of ${[...types].filter((t) => t !== '*').join(', ')})`);
    const guarded = new Set(s.guarded ?? []);
    if (guarded.size && !s.needs?.length) throw new Error(`${where}: "guarded" aliases need "needs" words`);
    const needs = s.needs?.length ? new RegExp(`(?<![\\w])(?:${s.needs.map(escape).join('|')})(?![\\w])`, 'i') : null;
    const names = s.names ? new Set(s.names) : null;
    const forms = [s.name, ...(s.names ?? s.aliases)].filter((f, i, all) => all.indexOf(f) === i);
    for (const alias of [s.name, ...s.aliases]) {
      if (!s.body_too && patterns.bodies.has(fold(alias))) throw new Error(`${where}: alias "${alias}" names a body, not a service`);
      const exact = guarded.has(alias) || !/[a-z]/.test(alias) ? alias : null;
      const anywhere = s.anywhere === true || (Array.isArray(s.anywhere) && s.anywhere.includes(alias));
      const nameForm = names ? names.has(alias) || alias === s.name : true;
      gazetteer.add(alias, { name: s.name, type, exact, needs: guarded.has(alias) ? needs : null, nameForm, anywhere, forms, partOf: s.part_of ?? null });
    }
  }
  const named = new Set(entries.map((s) => s.name));
  const orphan = entries.find((s) => s.part_of !== undefined && !named.has(s.part_of));
  if (orphan) throw new Error(`${file}: service "${orphan.name}": "part_of" names "${orphan.part_of}", which is not a service of the catalogue`);
  return gazetteer;
}

function readPatterns(file: string): Omit<ServicePatterns, 'products'> {
  const p = JSON.parse(readFileSync(file, 'utf8')) as PatternFile;
  const keys = ['heads', 'capital_only', 'modifiers', 'generic', 'not_modifiers', 'stops', 'org_words', 'bodies', 'references', 'qualifiers',
    'descriptive', 'settings', 'software_of'] as const;
  for (const key of keys) {
    if (!p[key]) throw new Error(`${file}: missing "${key}"`);
  }
  return {
    weakHeads: new Map(Object.entries(p.heads.weak)),
    strongHeads: new Map(Object.entries(p.heads.strong)),
    capitalOnly: lowerSet(p.capital_only),
    modifiers: lowerSet(p.modifiers),
    generic: lowerSet(p.generic),
    notModifiers: lowerSet(p.not_modifiers),
    stops: lowerSet(p.stops),
    orgWords: lowerSet(p.org_words),
    bodies: new Set(p.bodies.map(fold)),
    references: new Map(Object.entries(p.references)),
    qualifiers: lowerSet(p.qualifiers),
    descriptive: lowerSet(p.descriptive),
    settings: new Set(p.settings.map(fold)),
    softwareOf: new RegExp(`\\b(?:${p.software_of.map(escape).join('|')})\\s+$`, 'i'),
    ...readWordGroups(file, p),
  };
}

/** The groups of service-patterns.json in word-lists.ts shape, each in the frame its `_comment` names. */
function readWordGroups(file: string, p: PatternFile): Pick<ServicePatterns, 'productNoun' | 'makerBefore' | 'makerAfter' | 'nhsNamed'
  | 'countAfter' | 'functionWords' | 'capitalStops' | 'nhsBrandedHeads' | 'impersonalAfter'> {
  const { product_nouns, maker_before, maker_after, nhs_named, counted_nouns, function_words, capital_stops, nhs_branded_heads, impersonal_it } = p;
  checkWordLists(file, { product_nouns, maker_before, maker_after, nhs_named, counted_nouns, function_words, capital_stops, nhs_branded_heads,
    impersonal_it });
  const alt = (g: Fragments) => g.fragments.join('|');
  return {
    productNoun: new RegExp(`^\\s+(?:${alt(product_nouns)})\\b`, 'i'),
    makerBefore: new RegExp(`\\b(?:${alt(maker_before)})\\s+$`, 'i'),
    // A possessive or an aside ("Epic, the firm …") after the name makes it the maker too.
    makerAfter: new RegExp(`^(?:['’]s\\b|,\\s+(?:the|a|which|who)\\b|\\s+(?:${alt(maker_after)}))`),
    nhsNamed: new RegExp(`\\b(?:${alt(nhs_named)})\\b`, 'i'),
    // A number goes on ("111,000", "111 per cent", "111m") or counts a noun.
    countAfter: new RegExp(`^\\s*(?:%|per cent|million|bn|m\\b|[,.]\\d|${alt(counted_nouns)})`),
    functionWords: new Set(function_words.words),
    capitalStops: new Set(capital_stops.words),
    nhsBrandedHeads: new Set(nhs_branded_heads.words),
    impersonalAfter: new RegExp(`^\\s+(?:is|was|has been)\\s+(?:${alt(impersonal_it)})\\b|^['’]s\\s`),
  };
}
