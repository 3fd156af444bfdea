// The pure scorer: gold labels vs. extractor output, per field, pooled over items (micro P/R/F1).
// Matching rules are the ones in tests/devset/LABELLING.md; keep the two in step.
import type { Findings } from '../../pipeline/types.ts';
import type { GoldItem } from './gold.ts';

export const FIELDS = ['services', 'regions', 'providers', 'people', 'quotes', 'dates', 'events'] as const;
export type Field = (typeof FIELDS)[number];

export interface NamedCode {
  name: string;
  code: string | null;
}
export interface QuoteKey {
  speaker: string | null;
  /** The quote's opening words (only the first five are compared). */
  opening: string;
}
export interface DateKey {
  surface: string;
  value: string;
  /** Predicted range (ISO days), used when the gold value is an interval. */
  rangeStart?: string;
  rangeEnd?: string;
}
export interface EventKey {
  service: string;
  region: string;
  regionCode: string | null;
  status: string;
}

/** One item's labels (or predictions) in the comparable shape. */
export interface Comparable {
  services: string[];
  regions: NamedCode[];
  providers: NamedCode[];
  people: string[];
  quotes: QuoteKey[];
  dates: DateKey[];
  events: EventKey[];
}

// ---------- folding ----------

const TITLES = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'prof', 'professor', 'sir', 'dame', 'earl', 'lord', 'baroness', 'cllr', 'rt', 'hon']);
const DECORATION = new Set(['nhs', 'ccg', 'ccgs']);

/** Lower case, no diacritics, apostrophes dropped, other punctuation → space; returns the words. */
export function foldWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/**
 * A name as the scorer compares it: folded words without a leading "the", leading titles
 * (Dr, Sir, Earl, Rt Hon …) and the decoration NHS / CCG / "Clinical Commissioning Group".
 */
export function foldName(name: string): string {
  let words = foldWords(name);
  const joined = ` ${words.join(' ')} `.replace(/ clinical commissioning groups? /g, ' ');
  words = joined.trim().split(' ').filter((w) => w && !DECORATION.has(w));
  while (words.length > 0 && (words[0] === 'the' || TITLES.has(words[0]))) words = words.slice(1);
  return words.join(' ');
}

function foldCode(code: string | null | undefined): string | null {
  const c = code?.trim().toUpperCase();
  return c ? c : null;
}

/** First five folded words of a quote. */
export function openingKey(text: string): string {
  return foldWords(text).slice(0, 5).join(' ');
}

// ---------- per-field match predicates (gold, predicted) ----------

function namesMatch(gold: string, pred: string): boolean {
  return foldName(gold) === foldName(pred);
}

function namedCodeMatch(gold: NamedCode, pred: NamedCode): boolean {
  const g = foldCode(gold.code);
  if (g !== null && g === foldCode(pred.code)) return true;
  return namesMatch(gold.name, pred.name);
}

function quoteMatch(gold: QuoteKey, pred: QuoteKey): boolean {
  const speakerOk =
    gold.speaker === null || pred.speaker === null ? gold.speaker === pred.speaker : namesMatch(gold.speaker, pred.speaker);
  if (!speakerOk) return false;
  // A gold opening shorter than five words (a short quote) is compared on its own length.
  const g = foldWords(gold.opening).slice(0, 5);
  const p = foldWords(pred.opening).slice(0, g.length);
  return g.length > 0 && g.join(' ') === p.join(' ');
}

const DATE_FILLER = new Set(['the', 'of', 'in', 'on', 'at', 'by', 'from', 'to', 'until', 'a', 'an', 'and', 'this', 'that']);

/**
 * Surfaces overlap when one folded surface contains the other ("the end of this summer" /
 * "end of this summer"), or they share a word that is not filler ("June 2013" / "end of June").
 * The value must match as well, so this only anchors a prediction to the right mention.
 */
export function surfacesOverlap(gold: string, pred: string): boolean {
  const g = foldWords(gold);
  const p = foldWords(pred);
  if (g.length === 0 || p.length === 0) return false;
  const gs = ` ${g.join(' ')} `;
  const ps = ` ${p.join(' ')} `;
  if (gs.includes(ps) || ps.includes(gs)) return true;
  const predWords = new Set(p.filter((w) => !DATE_FILLER.has(w)));
  return g.some((w) => !DATE_FILLER.has(w) && predWords.has(w));
}

/** `pred` equals `gold` when cut to the gold's precision (a coarser prediction never matches). */
function pointAtPrecision(gold: string, pred: string | undefined): boolean {
  if (!pred || pred.length < gold.length) return false;
  return pred.slice(0, gold.length) === gold;
}

export function dateValueMatch(gold: string, pred: DateKey): boolean {
  const g = gold.split('/');
  const p = pred.value.split('/');
  if (g.length === 1) return p.length === 1 && pointAtPrecision(g[0], p[0]);
  if (p.length === 2 && pointAtPrecision(g[0], p[0]) && pointAtPrecision(g[1], p[1])) return true;
  // An extractor may give a period as a label plus its day range; accept the range.
  return pointAtPrecision(g[0], pred.rangeStart) && pointAtPrecision(g[1], pred.rangeEnd);
}

function dateMatch(gold: DateKey, pred: DateKey): boolean {
  return surfacesOverlap(gold.surface, pred.surface) && dateValueMatch(gold.value, pred);
}

function regionOfEventMatch(gold: EventKey, pred: EventKey): boolean {
  const g = foldCode(gold.regionCode);
  if (g !== null && g === foldCode(pred.regionCode)) return true;
  return namesMatch(gold.region, pred.region);
}

function eventMatch(gold: EventKey, pred: EventKey): boolean {
  return gold.status === pred.status && namesMatch(gold.service, pred.service) && regionOfEventMatch(gold, pred);
}

// ---------- one-to-one matching ----------

/**
 * Maximum one-to-one matching (augmenting paths), so a loose rule (date overlap) cannot let
 * one prediction be claimed by two gold items, nor a greedy choice steal a later gold's match.
 * Returns, for each gold index, the matched prediction index or -1.
 */
export function matchOneToOne<G, P>(gold: G[], pred: P[], match: (g: G, p: P) => boolean): number[] {
  const edges = gold.map((g) => pred.flatMap((p, j) => (match(g, p) ? [j] : [])));
  const predOwner = new Array<number>(pred.length).fill(-1);
  const goldMate = new Array<number>(gold.length).fill(-1);
  const tryGold = (i: number, seen: boolean[]): boolean => {
    for (const j of edges[i]) {
      if (seen[j]) continue;
      seen[j] = true;
      if (predOwner[j] === -1 || tryGold(predOwner[j], seen)) {
        predOwner[j] = i;
        goldMate[i] = j;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < gold.length; i++) tryGold(i, new Array<boolean>(pred.length).fill(false));
  return goldMate;
}

// ---------- mapping gold and findings to the comparable shape ----------

function distinctBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function comparableFromGold(gold: GoldItem): Comparable {
  const codeOfRegion = (name: string): string | null =>
    gold.regions.find((r) => namesMatch(r.name, name))?.code ?? null;
  return {
    services: gold.services,
    regions: gold.regions,
    providers: gold.providers,
    people: gold.people,
    quotes: gold.quotes.map((q) => ({ speaker: q.speaker, opening: q.opening })),
    dates: gold.dates,
    events: gold.events.map((e) => ({
      service: e.service,
      region: e.region,
      regionCode: e.regionCode !== undefined ? e.regionCode : codeOfRegion(e.region),
      status: e.status,
    })),
  };
}

/**
 * The extractor's findings in the gold shape. Repeated mentions of one fact (the same date
 * written twice, an entity named five times) count once, as the gold lists each fact once.
 */
export function comparableFromFindings(findings: Findings): Comparable {
  const named = (kind: string): NamedCode[] =>
    distinctBy(
      findings.entities.filter((e) => e.kind === kind).map((e) => ({ name: e.name, code: e.code })),
      (n) => `${foldName(n.name)}|${foldCode(n.code) ?? ''}`,
    );
  const services = distinctBy(
    [...findings.entities.filter((e) => e.kind === 'service').map((e) => e.name), ...findings.events.map((e) => e.service)],
    foldName,
  );
  return {
    services,
    regions: named('region'),
    providers: named('provider'),
    people: named('person').map((n) => n.name),
    quotes: distinctBy(
      findings.quotes.map((q) => ({ speaker: q.speaker, opening: foldWords(q.text).slice(0, 5).join(' ') })),
      (q) => `${q.speaker === null ? '\u0000' : foldName(q.speaker)}|${q.opening}`,
    ),
    dates: distinctBy(
      findings.dates.map((d) => ({ surface: d.surface, value: d.value, rangeStart: d.rangeStart, rangeEnd: d.rangeEnd })),
      (d) => `${foldWords(d.surface).join(' ')}|${d.value}`,
    ),
    events: distinctBy(
      findings.events.map((e) => ({ service: e.service, region: e.region, regionCode: e.regionCode, status: e.status })),
      (e) => `${foldName(e.service)}|${foldCode(e.regionCode) ?? foldName(e.region)}|${e.status}`,
    ),
  };
}

// ---------- scoring ----------

export interface FieldResult {
  gold: number;
  predicted: number;
  matched: number;
  /** Gold labels no prediction matched (false negatives), as display strings. */
  missed: string[];
  /** Predictions no gold label matched (false positives), as display strings. */
  spurious: string[];
}

export type ItemResult = Record<Field, FieldResult>;

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

function show(field: Field, x: unknown): string {
  switch (field) {
    case 'services':
    case 'people':
      return String(x);
    case 'regions':
    case 'providers': {
      const n = x as NamedCode;
      return n.code ? `${n.name} [${n.code}]` : n.name;
    }
    case 'quotes': {
      const q = x as QuoteKey;
      return `${q.speaker ?? '(no speaker)'}: "${q.opening}…"`;
    }
    case 'dates': {
      const d = x as DateKey;
      return `"${d.surface}" = ${d.value}`;
    }
    case 'events': {
      const e = x as EventKey;
      return `${e.service} / ${e.region}${e.regionCode ? ` [${e.regionCode}]` : ''} / ${e.status}`;
    }
  }
}

function scoreField<T>(field: Field, gold: T[], pred: T[], match: (g: T, p: T) => boolean): FieldResult {
  const mates = matchOneToOne(gold, pred, match);
  const used = new Set(mates.filter((j) => j >= 0));
  return {
    gold: gold.length,
    predicted: pred.length,
    matched: used.size,
    missed: gold.filter((_, i) => mates[i] < 0).map((g) => show(field, g)),
    spurious: pred.filter((_, j) => !used.has(j)).map((p) => show(field, p)),
  };
}

export function scoreItem(gold: Comparable, pred: Comparable): ItemResult {
  return {
    services: scoreField('services', gold.services, pred.services, namesMatch),
    regions: scoreField('regions', gold.regions, pred.regions, namedCodeMatch),
    providers: scoreField('providers', gold.providers, pred.providers, namedCodeMatch),
    people: scoreField('people', gold.people, pred.people, namesMatch),
    quotes: scoreField('quotes', gold.quotes, pred.quotes, quoteMatch),
    dates: scoreField('dates', gold.dates, pred.dates, dateMatch),
    events: scoreField('events', gold.events, pred.events, eventMatch),
  };
}

/**
 * P = matched / predicted, R = matched / gold. Nothing predicted against something expected
 * scores P = 0 (a silent extractor is not "precise"); nothing expected and nothing predicted
 * scores 1 on both.
 */
export function prf(gold: number, predicted: number, matched: number): Scores {
  const precision = predicted > 0 ? matched / predicted : gold === 0 ? 1 : 0;
  const recall = gold > 0 ? matched / gold : predicted === 0 ? 1 : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

export interface FieldTotals extends Scores {
  gold: number;
  predicted: number;
  matched: number;
}

/** Micro-averaged totals per field: counts pooled over all items, then P/R/F1. */
export function pool(items: ItemResult[]): Record<Field, FieldTotals> {
  const out = {} as Record<Field, FieldTotals>;
  for (const field of FIELDS) {
    let gold = 0;
    let predicted = 0;
    let matched = 0;
    for (const item of items) {
      gold += item[field].gold;
      predicted += item[field].predicted;
      matched += item[field].matched;
    }
    out[field] = { gold, predicted, matched, ...prf(gold, predicted, matched) };
  }
  return out;
}
