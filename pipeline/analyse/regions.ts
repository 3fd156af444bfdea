// Where a rollout fact is: hospital and centre sites named in the text, and trusts that
// stand for their own hospitals when a hospital system goes live there.
import type { Entity } from '../types.ts';
import type { Token } from './gazetteer.ts';
import type { Knowledge, NameEntry } from './knowledge.ts';
import type { Mention } from './entities.ts';
import { sentenceAt, type Sentence } from './text.ts';
import placeFile from '../../sources/lexicon/place-words.json' with { type: 'json' };
import contextFile from '../../sources/lexicon/region-context.json' with { type: 'json' };
import { anyOf, checkWordLists } from './word-lists.ts';

// The word lists are data (sources/lexicon/); the frames around them, which carry the grammar, stay here.
const placeWords = checkWordLists('sources/lexicon/place-words.json', placeFile);
const context = checkWordLists('sources/lexicon/region-context.json', contextFile);

// Words that open a capitalised run without being part of a site's name.
const NOT_NAME_START = new Set(placeWords.notSiteNameStart.words);
// Before a lower-case "hospital": a count or an article makes the words a description ("two Leeds hospitals").
const DESCRIBED = new RegExp(String.raw`\b${anyOf(placeWords.siteDescribedBy)}\s+$`, 'i');
// "The trust, which runs the Royal Liverpool and Aintree hospitals": what a body runs is not where a fact is.
const RUN_SITES = new RegExp(String.raw`\b${anyOf(context.runsSitesBefore)}\s+(?:the\s+)?(?:[A-Z][\w'’]*,?\s+(?:and\s+)?)*$`);
const LANDMARK = new RegExp(String.raw`\b${anyOf(context.landmarkBefore)}\s+(?:the\s+)?$`, 'i');
// After a head: it runs on into a longer name ("Hospitals of Morecambe Bay", "hospitals NHS foundation trust").
const RUNS_ON = new RegExp(String.raw`^(?:\s+of\s+[A-Z]|\s+${anyOf(placeWords.siteNameRunsOn)}\b|[-’'][A-Za-z])`);

interface SiteHead { lower: boolean; plural: boolean; hospital: boolean }

function siteMention(name: string, start: number, end: number, body: string, place: Mention | null): Mention {
  const entry: NameEntry = place?.entry
    ? { ...place.entry, category: 'region' }
    : { category: 'region', kind: 'site', name, code: null, from: null, to: null, national: false };
  return { kind: 'region', name: place ? place.name : name, surface: body.slice(start, end), code: place ? place.code : null, start, end, entry };
}

/** Index of the first token of the capitalised name that runs straight into token `i` (same line, single spaces). */
function nameStartBefore(body: string, tokens: Token[], i: number, allowAnd: boolean): number {
  let start = i;
  for (let j = i - 1; j >= 0; j--) {
    const gap = body.slice(tokens[j].end, tokens[j + 1].start);
    if (gap !== ' ' && gap !== '-') break;
    const word = body.slice(tokens[j].start, tokens[j].end);
    if (/^[A-Z]/.test(word)) { start = j; continue; }
    if (((word === 'and' || word === '&') && allowAnd) || word === 'of' || word === 'upon') {
      if (j > 0 && /^[A-Z]/.test(body.slice(tokens[j - 1].start, tokens[j - 1].end))) continue;
    }
    break;
  }
  // "of"/"and" cannot open a name, and "The" or "Six" only open one as an article or a count.
  const opens = (t: Token) => {
    const word = body.slice(t.start, t.end);
    return /^[A-Z]/.test(word) && !NOT_NAME_START.has(word);
  };
  while (start < i && !opens(tokens[start])) start++;
  return start;
}

/** What the surrounding text is: sentences with a rollout word or a service, and list items after such a sentence's colon. */
export function factSentences(sentences: Sentence[], services: Entity[], k: Knowledge): boolean[] {
  const withService = new Set(services.map((x) => sentenceAt(sentences, x.start)));
  const own = sentences.map((s, i) => withService.has(i) || k.regionContext.fact.test(s.text));
  const out = [...own];
  // "We are closing two centres. Those affected are:" and a list: the items carry the fact of that paragraph.
  for (let i = 1; i < sentences.length; i++) {
    const prev = sentences[i - 1];
    if (!/:\s*$/.test(prev.text) || sentences[i].paragraph === prev.paragraph) continue;
    if (!sentences.some((x, j) => own[j] && x.paragraph === prev.paragraph)) continue;
    for (let j = i; j < sentences.length && sentences[j].text.length <= LIST_ITEM && !/:\s*$/.test(sentences[j].text); j++) out[j] = true;
  }
  return out;
}
// The longest a list item after "… are:" runs; a longer sentence is prose again.
const LIST_ITEM = 160;

export interface SiteInputs {
  body: string;
  tokens: Token[];
  sentences: Sentence[];
  /** Every gazetteer match (before incidental places are dropped): places that name a site. */
  namedAll: Mention[];
  /** The regions kept: a site that is only a kept place ("Minehead MIU") is left to it. */
  places: Mention[];
  factual: boolean[];
}

/**
 * Hospital and centre names in a sentence about a rollout: capitalised words ending in a site word from
 * sites.json ("Cromer Hospital", "Furness General", "Ludlow MLU", "the Royal Free hospital"); a lower-case
 * or acronym plural head shares its words ("the Fakenham and Wroxham mobile units" is two sites); "the clinics at
 * Ashby Road, Castle Street and Wick" names its sites. A site named after a known place ("Hull Royal Infirmary")
 * is filed under that place, with its code.
 */
export function findSites(inp: SiteInputs, k: Knowledge): Mention[] {
  const { body, tokens } = inp;
  const out: Mention[] = [];
  const located = new Map<string, Mention>();
  // `headEnd`: where the site's written name ends ("… and Wroxham mobile units"), for what follows it.
  const push = (m: Mention | null, headEnd = m?.end ?? 0) => {
    if (!m) return;
    const s = sentenceAt(inp.sentences, m.start);
    const lead = body.slice(Math.max(0, m.start - 30), m.start);
    if (!inp.factual[s] || LANDMARK.test(lead) || RUN_SITES.test(lead)) return;
    // "Westpoint vaccination centre in Exeter", "Chase Farm Hospital, which serves Enfield": the place after it names where the fact is.
    // Its later mentions are that place too ("… in Hampstead. The Royal Free Hospital go-live was paused").
    const after = body.slice(headEnd, headEnd + 30).match(/^(?:\s+in|,?\s+(?:which|that)\s+serves?|,?\s+serving|,?\s+covering)\s+(?:the\s+)?/);
    const where = after ? inp.places.find((p) => p.kind === 'region' && p.start === headEnd + after[0].length) : undefined;
    if (where) { if (!located.has(m.name)) located.set(m.name, where); return; }
    // A site inside another body's name is that body ("University Hospitals of …" is a trust, not a site);
    // a hospital that is also a trust's name ("North Middlesex University Hospital") is still the site.
    const inside = (n: Mention) => n.kind !== 'region' && n.start < m.end && n.end > m.start
      && (n.entry?.kind !== 'trust' || n.start < m.start || n.end > m.end);
    if (inp.places.some((p) => p.kind === 'region' && p.name === m.name) || inp.namedAll.some(inside)) return;
    if (out.some((o) => o.start === m.start)) return;
    out.push(m);
  };
  for (let i = 0; i < tokens.length; i++) {
    const m = k.sites.heads.longestAt(tokens, i);
    if (!m) continue;
    const head = m.values[0];
    const headEnd = tokens[m.last - 1].end;
    const headText = body.slice(tokens[i].start, headEnd);
    const acronym = /^[A-Z]{2,}s?$/.test(headText);
    const capitalHead = /^[A-Z]/.test(headText) && !acronym;
    if ((!capitalHead && !head.lower) || headText.includes('\n') || RUNS_ON.test(body.slice(headEnd, headEnd + 14))) continue;
    const next = tokens[m.last];
    // "General Medical Council", "Hospital Road": a capitalised head that runs on is not a site's end.
    if (next && capitalHead && /^[A-Z]/.test(body.slice(next.start, next.end)) && /^ $/.test(body.slice(headEnd, next.start))) { i = m.last - 1; continue; }
    const shared = head.plural && !capitalHead;
    const start = nameStartBefore(body, tokens, i, shared);
    if (start === i) {
      if (head.plural || !capitalHead) for (const x of sitesAfterAt(body, tokens, m.last)) push(siteOf(x.name, x.start, x.end, head, inp, k), x.end);
      i = m.last - 1;
      continue;
    }
    const a = tokens[start].start;
    const nameWords = body.slice(a, tokens[i - 1].end);
    if (headText === 'General' && k.sites.titlesBefore.has(body.slice(tokens[i - 1].start, tokens[i - 1].end))) continue;
    // "an Norfolk hospital", "two Leeds hospitals", "London's Nightingale hospital": words that describe, not a name.
    const described = () => DESCRIBED.test(body.slice(Math.max(0, a - 12), a)) || /['’]s\b/.test(nameWords) || (head.plural && !/\sand\s/.test(nameWords));
    if (!capitalHead && !acronym && described()) continue;
    if (shared && /\s(?:and|&)\s/.test(nameWords)) {
      let at = a;
      for (const part of nameWords.split(/\s+(?:and|&)\s+/)) {
        const p = body.indexOf(part, at);
        push(siteOf(part, p, p + part.length, head, inp, k), headEnd);
        at = p + part.length;
      }
    } else {
      push(siteOf(body.slice(a, headEnd), a, headEnd, head, inp, k, nameWords));
    }
    i = m.last - 1;
  }
  return out.filter((m) => !trustNamed(m, out, inp)).map((m) => {
    const where = located.get(m.name);
    return where ? siteMention(where.name, m.start, m.end, body, where) : m;
  });
}

/**
 * A hospital written exactly as a trust's name ("Hillingdon Hospitals") is the trust, left to trustsAsRegions,
 * unless the sentence lists it among other sites ("at Ripley Hospital, Kings Mill Hospital and …").
 */
function trustNamed(m: Mention, sites: Mention[], inp: SiteInputs): boolean {
  const trust = inp.namedAll.some((n) => n.entry?.kind === 'trust' && n.start === m.start && n.end === m.end);
  if (!trust) return false;
  const s = inp.sentences[sentenceAt(inp.sentences, m.start)];
  const isTrust = (o: Mention) => inp.namedAll.some((n) => n.entry?.kind === 'trust' && n.start === o.start && n.end === o.end);
  return !sites.some((o) => o !== m && o.start >= s.start && o.end <= s.end && !isTrust(o));
}

/** A site's region: the known place it is named after, else its name (a hospital keeps its head word). */
function siteOf(written: string, start: number, end: number, head: SiteHead, inp: SiteInputs, k: Knowledge, nameWords = written): Mention | null {
  const place = placeNamed(inp, start, start + nameWords.length, k);
  if (place) return siteMention(place.name, start, end, inp.body, place);
  // The possessive goes first, so "Smithdown Children's" sheds "Children's" as "Children" and is named Smithdown.
  const bare = (x: string) => x.replace(/['’]s$/, '');
  let name = bare(head.hospital ? written : nameWords);
  if (!head.hospital) for (const d of k.sites.descriptors.map(bare)) if (name.endsWith(` ${d}`)) name = bare(name.slice(0, -d.length - 1));
  return siteMention(name, start, end, inp.body, null);
}

/** The place the lists know by exactly the words in [a, b) ("Lincoln" in "Lincoln Walk-In-Centre"), as a mention. */
function placeNamed(inp: SiteInputs, a: number, b: number, k: Knowledge): Mention | null {
  const found = inp.namedAll.find((n) => n.kind === 'region' && n.start === a && n.end === b);
  if (found) return found;
  const first = inp.tokens.findIndex((t) => t.start === a);
  if (first < 0) return null;
  const hit = k.names.matchesAt(inp.tokens, first).find((c) => inp.tokens[c.last - 1].end === b);
  const entry = hit?.values.map((h) => h.entry).find((e) => e.category === 'region' && (e.kind === 'place' || e.kind === 'local_authority'));
  return entry ? { kind: 'region', name: entry.name, surface: inp.body.slice(a, b), code: entry.code, start: a, end: b, entry } : null;
}

/** "… clinics at Ashby Road, Castle Street and Wick": the capitalised names after "at". */
function sitesAfterAt(body: string, tokens: Token[], from: number): Array<{ name: string; start: number; end: number }> {
  const out: Array<{ name: string; start: number; end: number }> = [];
  let pos = tokens[from - 1].end;
  const lead = body.slice(pos).match(/^\s+at\s+(?:the\s+)?/);
  if (!lead) return out;
  pos += lead[0].length;
  for (let guard = 0; guard < 8; guard++) {
    const name = body.slice(pos).match(/^[A-Z][\w'’]*(?:[ -](?:[A-Z][\w'’]*|upon|on|le))*/);
    if (!name || NOT_NAME_START.has(name[0])) break;
    out.push({ name: name[0], start: pos, end: pos + name[0].length });
    pos += name[0].length;
    const rest = body.slice(pos).match(/^(?:\s*\([^)\n]{0,60}\))?(?:,\s+and\s+|,\s+|\s+and\s+)(?:the\s+)?/);
    if (!rest) break;
    pos += rest[0].length;
  }
  return out;
}

const NATIONAL_PLACE = new Set(context.nationalPlaces.words);
// "Chief medical officer for X", "a spokeswoman at X": the trust is someone's employer here.
// "Clinicians in the emergency department at X": the people work there; the fact is about them.
const AFFILIATION = new RegExp(String.raw`\b${anyOf(context.affiliationBefore)}\b[^.,;:]{0,40}\b(?:of|at|for|from|with)\s+(?:the\s+)?$`, 'i');

const HOSPITALS_IN = new RegExp(String.raw`\b${anyOf(context.hospitalsIn)}\s+in\s+(?:the\s+)?$`);
const RUN_BY = new RegExp(String.raw`\b${anyOf(context.runBy)}\s+by\s+(?:the\s+)?$`, 'i');
// After the trust's name or its acronym in brackets.
const RUNS = new RegExp(String.raw`^\s*(?:\([A-Za-z]{2,8}\)\s*)?,?\s*(?:which\s+)?${anyOf(context.runsAfter)}\b`, 'i');

/** An acute, mental health or community trust; ambulance trusts and NHS Direct serve areas, they are not one. */
function isHospitalTrust(e: NameEntry | null): boolean {
  if (!e || e.category !== 'provider') return false;
  if (e.kind !== 'trust' && !(e.kind === 'provider' && /\bTrust$/.test(e.name))) return false;
  return !/\bAmbulance\b|^NHS Direct\b/i.test(e.name);
}

/**
 * Trusts that a hospital-system fact is about ("the trust went live with its new record", "X has paused
 * the launch"): a sentence names the trust beside a rollout word or a service, not as the source of the news
 * or someone's employer, and names no other local place or site. Such a trust is also a region (LABELS: "for
 * hospital systems the trust itself"). Returns a region twin of its mentions in sentences without another place.
 */
export function trustsAsRegions(body: string, sentences: Sentence[], named: Mention[], services: Entity[], k: Knowledge): Mention[] {
  const local = named.filter((n) => n.kind === 'region' && !n.entry?.national && !NATIONAL_PLACE.has(n.name));
  // "the Royal Liverpool and Aintree hospitals in Liverpool": the text says where the trust's hospitals are.
  if (local.some((r) => HOSPITALS_IN.test(body.slice(Math.max(0, r.start - 40), r.start)))) return [];
  const sentenceOf = (m: { start: number }) => sentences[sentenceAt(sentences, m.start)];
  // "In London, the system went live at the Royal Free and Barts": a place that frames the sentence does not compete.
  const framing = (r: Mention, s: Sentence) => r.start - s.start <= 3 && /^\s*,/.test(body.slice(r.end, r.end + 2));
  const otherPlace = (m: Mention, s: Sentence) => local.some((r) => r.start >= s.start && r.end <= s.end
    && (r.end <= m.start || r.start >= m.end) && !framing(r, s)
    && !(r.entry?.kind === 'site' && named.some((t) => isHospitalTrust(t.entry) && t.start >= r.start && t.end <= r.end)));
  const byTrust = new Map<string, Mention[]>();
  for (const n of named) if (isHospitalTrust(n.entry)) byTrust.set(n.name, [...(byTrust.get(n.name) ?? []), n]);
  const out: Mention[] = [];
  for (const mentions of byTrust.values()) {
    const qualifies = mentions.some((m) => {
      const s = sentenceOf(m);
      if (!s || otherPlace(m, s) || k.regionContext.reportsAfter.test(body.slice(m.end, m.end + 30))) return false;
      if (AFFILIATION.test(body.slice(Math.max(s.start, m.start - 60), m.start))) return false;
      // "The centre, to be run by X": the trust runs a service somewhere; it is not where the service is.
      if (RUN_BY.test(body.slice(Math.max(s.start, m.start - 30), m.start)) || RUNS.test(body.slice(m.end, m.end + 40))) return false;
      const text = s.text.slice(0, m.start - s.start) + ' '.repeat(m.end - m.start) + s.text.slice(m.end - s.start);
      return k.regionContext.change.test(text) || services.some((x) => x.start >= s.start && x.end <= s.end);
    });
    if (!qualifies) continue;
    // Named as the text writes it in full, like the provider it also is.
    const written = mentions.map((m) => m.surface.replace(/^the\s+/i, '').replace(/['’]s$/, '')).filter((x) => /[a-z]/.test(x));
    const name = written.sort((a, b) => b.length - a.length)[0] ?? mentions[0].name;
    for (const m of mentions) {
      const s = sentenceOf(m);
      // "the Royal Free hospital": the site already stands for this mention.
      const site = local.some((r) => r.entry?.kind === 'site' && r.start <= m.start && r.end >= m.end);
      if (s && !otherPlace(m, s) && !site) out.push({ ...m, kind: 'region', name, entry: m.entry && { ...m.entry, category: 'region' } });
    }
  }
  return out;
}

const COMMISSIONER = new Set(placeWords.nhsBodyKinds.words);
// Kinds of body that exist only in England: a story naming one is not about a devolved nation alone.
const ENGLISH_KIND = new Set(placeWords.englishBodyKinds.words);
// "other trusts … in the South of England", "three health board areas in Wales": the place is the whole
// that others, or an unnamed subset, belong to.
const OTHERS_IN = new RegExp(String.raw`\b(?:other|remaining|rest of the)\s+(?:[\w-]+\s+){0,2}${anyOf(context.othersIn)}\b[^.;]{0,90}`
  + String.raw`\b(?:in|of|across)\s+(?:the\s+)?$`, 'i');
const SUBSET_IN = new RegExp(String.raw`\b${anyOf(context.subsetCounts)}\s+(?:[\w-]+\s+){0,2}${anyOf(context.subsetNouns)}`
  + String.raw`\s+(?:in|of|across)\s+(?:the\s+)?$`, 'i');
// "A CCG in the North East is to close …": the place only locates a body the story names later.
const LOCATES_BODY = new RegExp(String.raw`\b(?:an?|one)\s+(?:[\w-]+\s+){0,2}${anyOf(context.locatedBodies)}s?\s+(?:in|from)\s+(?:the\s+)?$`, 'i');

// The suffix after a commissioner's name, which the source words may follow ("… CCG said").
const BODY_SUFFIX = /^\s+(?:CCG|ICB|PCT|clinical commissioning group|integrated care board)\b/i;

/**
 * Drops place mentions that are not where a fact is: the venue of a speech or an event ("speaking at the
 * conference in Liverpool"), a place that only locates another ("Rushcliffe in Nottinghamshire", "a CCG in
 * the North East"), and a commissioner named only as the source of the news ("a Nottingham City CCG
 * spokeswoman said") when the story names another local place.
 */
export function dropPassingPlaces(body: string, sentences: Sentence[], places: Mention[], k: Knowledge): Mention[] {
  const isLocal = (p: Mention) => p.kind === 'region' && !p.entry?.national && !NATIONAL_PLACE.has(p.name);
  const local = places.filter(isLocal);
  const localNames = new Set(local.map((p) => p.name));
  // Another name than m's among `names` (a set), without scanning every mention for each one.
  const another = (names: Set<string>, m: Mention) => names.size > 1 || (names.size === 1 && !names.has(m.name));
  let prevLocal: Mention | null = null;
  const located = places.filter((m) => {
    if (m.kind !== 'region') return true;
    const previous = prevLocal;
    if (isLocal(m)) prevLocal = m;
    const s = sentences[sentenceAt(sentences, m.start)];
    const before = body.slice(Math.max(s?.start ?? 0, m.start - 90), m.start);
    const at = before.match(/\b(?:in|at)\s+(?:the\s+)?$/);
    const venue = k.regionContext.venueBefore;
    if (at && venue.test(before.slice(0, at.index)) && !/[,;:]\s/.test(before.slice(before.search(venue)))) return false;
    if (previous && /^\s+in\s+(?:the\s+)?$/.test(body.slice(previous.end, m.start))) return false;
    if (OTHERS_IN.test(body.slice(Math.max(s?.start ?? 0, m.start - 180), m.start)) || SUBSET_IN.test(before)) return false;
    return !(LOCATES_BODY.test(before) && another(localNames, m));
  });
  const source = (m: Mention) => COMMISSIONER.has(m.entry?.kind ?? '')
    && k.regionContext.reportsAfter.test(body.slice(m.end, m.end + 40).replace(BODY_SUFFIX, ''));
  const facts = new Set(located.filter((p) => isLocal(p) && !source(p)).map((p) => p.name));
  return located.filter((m) => !(m.kind === 'region' && source(m) && another(facts, m)));
}

/**
 * The sentence where the story states a national fact, if it does: a sentence about a service names England, or a national
 * cue ("nationally", "more than half of trusts"), other than as the whole that a counted subset belongs
 * to ("six trusts across England", "the first trust in England").
 */
export function statesNationalFact(body: string, sentences: Sentence[], named: Mention[], services: Entity[], factual: boolean[],
  k: Knowledge): Sentence | null {
  if (!services.length) return null;
  // A story about Wales or Scotland that never names England: "nationally" is that nation.
  if (devolvedOnly(named)) return null;
  // "Six hospital trusts across England …" when the story names those trusts: England is only their whole.
  // ("Six centres in England will start …" with none named is the national programme's start.)
  const members = (noun: string) => named.some((n) => (/trust|hospital/i.test(noun) ? n.entry?.kind === 'trust'
    : n.kind === 'region' && (/centre|site|unit/i.test(noun) ? n.entry?.kind === 'site' : !n.entry?.national && n.name !== 'England')));
  const subset = (at: number, s: Sentence) => {
    const m = body.slice(Math.max(s.start, at - 60), at).match(k.regionContext.subsetBefore);
    return m !== null && members(m[0]);
  };
  // England named counts in a sentence about a rollout (or the lede); a national cue anywhere in the story.
  const england = new Map<number, Mention[]>();
  for (const n of named) if (n.kind === 'region' && n.name === 'England') {
    const i = sentenceAt(sentences, n.start);
    england.set(i, [...(england.get(i) ?? []), n]);
  }
  return sentences.find((s, i) => {
    if ((factual[i] || i === 0) && (england.get(i) ?? []).some((n) => !subset(n.start, s))) return true;
    // ("six trusts across England": the cue's own preposition belongs to the subset before it.)
    const cueAt = (m: RegExpMatchArray) => s.start + (m.index ?? 0) + (m[0].match(/^(?:across|in|throughout)\s+/i)?.[0].length ?? 0);
    return [...s.text.matchAll(k.regionContext.national)].some((m) => !subset(cueAt(m), s));
  }) ?? null;
}

/** Whether a story is about Wales, Scotland or Northern Ireland and names nothing in England. */
export function devolvedOnly(named: Mention[]): boolean {
  const devolved = named.some((n) => n.kind === 'region' && (/^(?:Wales|Scotland|Northern Ireland)$/.test(n.name) || n.entry?.kind === 'health_board'));
  const english = (n: Mention) => n.name === 'England' || /^E\d/.test(n.code ?? '') || ENGLISH_KIND.has(n.entry?.kind ?? '');
  return devolved && !named.some((n) => n.kind === 'region' && english(n));
}

// "In London, attempts to install it at the Royal Free and Barts …": a place that only frames the sentence.
const FRAMES = /^\s*,/;

/**
 * Drops a place that opens its sentence as a frame ("In London, …") when the sentence goes on to name
 * the sites, trusts or smaller areas the fact is about; and files a hospital named after a centre's place
 * ("Minehead Community Hospital" beside "the Minehead MIU") under that place.
 */
export function dropFramingPlaces(body: string, sentences: Sentence[], named: Mention[]): Mention[] {
  const regions = named.filter((n) => n.kind === 'region');
  const names = new Set(regions.map((r) => r.name));
  return named.flatMap((m) => {
    if (m.kind !== 'region') return [m];
    const s = sentences[sentenceAt(sentences, m.start)];
    const opens = s && /^(?:In|Across|Throughout)\s+(?:the\s+)?$/.test(body.slice(s.start, m.start)) && FRAMES.test(body.slice(m.end, m.end + 2));
    if (opens && regions.some((r) => r !== m && r.start > m.end && r.end <= s.end && r.name !== m.name)) return [];
    if (m.entry?.kind === 'site') {
      const words = m.name.replace(/\s+(?:Community\s+|General\s+|District\s+|University\s+)?(?:Hospital|Infirmary)$/, '');
      if (words !== m.name && names.has(words)) return [{ ...m, name: words }];
    }
    return [m];
  });
}
