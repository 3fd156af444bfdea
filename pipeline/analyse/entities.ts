// Gazetteer matching of regions, providers, organisations and services in article.body,
// with "NHS …"/"… CCG" decoration, dates of validity and acronyms the text defines.
import wordsFile from '../../sources/lexicon/place-words.json' with { type: 'json' };
import type { Entity } from '../types.ts';
import type { GazetteerMatch, Token } from './gazetteer.ts';
import { normTokens } from './reference/names.ts';
import type { Knowledge, NameEntry, NameHit } from './knowledge.ts';
import { anyOf, checkWordLists } from './word-lists.ts';

const words = checkWordLists('sources/lexicon/place-words.json', wordsFile);

/** An entity plus what the later stages need to know about it. */
export interface Mention extends Entity {
  entry: NameEntry | null;
}

const KIND_RANK: Record<string, number> = {
  provider: 0, organisation: 1, place: 2, local_authority: 3, nhse_region: 4, icb: 5, stp: 6, ccg: 7, pct: 8, sha: 9,
  area_team: 10, trust: 11, independent_provider: 12, health_board: 13,
};
const NHS_BODY = new Set(words.nhsBodyKinds.words);
const SMALL = new Set(words.nameJoiners.words);

const PROVIDER_WORD = new RegExp(String.raw`\b${anyOf(words.providerWords)}\b`, 'i');

const COMPASS = new Set(words.compass.words);
// "GP practices in Kent", "the patient record in Norfolk": a person word that modifies the next noun places that thing, not a person.
const PERSON_PLACE = new RegExp(String.raw`\b${anyOf(words.personBeforePlace)}\s+(?!${anyOf(words.personAsModifier)}\b)`
  + String.raw`(?:\w+\s+){0,2}(?:in|from|at)\s+(?:the\s+)?$`);

/** A match must be written as a name: capitalised at the end, no lower-case content word, one line. */
function writtenAsName(body: string, tokens: Token[], first: number, last: number): boolean {
  // "Co-operatives": a word hyphened onto a capitalised one is part of the name.
  const cap = (j: number) => tokens[j].capital || (j > first && tokens[j - 1].capital && body.slice(tokens[j - 1].end, tokens[j].start) === '-');
  if (!cap(last - 1)) return false;
  if (!tokens[first].capital && !SMALL.has(tokens[first].norm)) return false;
  for (let j = first; j < last; j++) if (!cap(j) && !SMALL.has(tokens[j].norm)) return false;
  return !body.slice(tokens[first].start, tokens[last - 1].end).includes('\n');
}

const validAt = (e: NameEntry, day: string | null) => !day || ((!e.from || e.from <= day) && (!e.to || e.to >= day));

/** Picks one reading of an ambiguous name: by the suffix written in the text, then validity at the article date, then kind. */
function choose(hits: NameEntry[], hint: string | null, day: string | null, surface: string): NameEntry {
  let pool = hits;
  if (hint) {
    const want = (e: NameEntry) => hint === 'council' ? e.kind === 'local_authority'
      : hint === 'trust' ? (e.kind === 'trust' || e.kind === 'independent_provider' || e.kind === 'provider')
      : e.kind === hint;
    const f = hits.filter(want);
    if (f.length) pool = f;
  }
  // A body whose own name is exactly what the text wrote ("Nottingham City" the PCT, not the city council) comes first.
  const written = normTokens(surface).join(' ');
  const exact = (e: NameEntry) => Number(normTokens(e.name).join(' ') === written);
  const rank = (e: NameEntry) => KIND_RANK[e.kind] ?? 20;
  return [...pool].sort((a, b) => Number(validAt(b, day)) - Number(validAt(a, day)) || exact(b) - exact(a) || rank(a) - rank(b))[0];
}

function suffixAt(tokens: Token[], i: number, k: Knowledge): { len: number; kind: string } | null {
  for (const s of k.suffixes) {
    if (i + s.tokens.length > tokens.length) continue;
    let ok = true;
    for (let j = 0; j < s.tokens.length; j++) if (tokens[i + j].norm !== s.tokens[j]) { ok = false; break; }
    if (ok) return { len: s.tokens.length, kind: s.kind };
  }
  return null;
}

/** `nhsStory`: the page names an NHS programme (its services), which makes it an NHS setting whatever its words. */
export function findNamedEntities(body: string, tokens: Token[], published: string | null, k: Knowledge, nhsStory = false): Mention[] {
  const out: Mention[] = [];
  const defined = new Map<string, NameEntry>();
  // An unknown capitalised word after "in" is a town only in an NHS story; elsewhere it is as
  // likely a foreign city, a country or a product ("written in Python").
  const nhsPage = nhsStory || NHS_CONTEXT.test(body);
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i];
    const local = t.capital ? defined.get(body.slice(t.start, t.end)) : undefined;
    // The longest name written as a name: "Nottingham city" falls back to "Nottingham".
    const m = k.names.matchesAt(tokens, i).find((c) => writtenAsName(body, tokens, c.first, c.last)) ?? null;
    if (!m) {
      if (local) out.push(toMention(local, body, t.start, t.end, published));
      const town = !local && nhsPage ? townAt(body, tokens, i, k) : null;
      if (town) out.push({ kind: 'region', name: town, surface: town, code: null, start: t.start, end: t.end, entry: asPlace(town) });
      i++;
      continue;
    }
    const surface = body.slice(tokens[m.first].start, tokens[m.last - 1].end);
    const hits = m.values.filter((h: NameHit) => h.exact === null || h.exact === surface).map((h) => h.entry);
    if (!hits.length) { i++; continue; }
    const extent = nameExtent(body, tokens, m, k);
    const read = readingOf(body, tokens, m, hits, extent, published, k);
    if (read) {
      out.push(toMention(read.entry, body, read.start, extent.end, published));
      // "Leicester, Leicestershire and Rutland (LLR)": the acronym stands for the same body from here on
      // when its letters are the name's initials ("LONDON (AP)" names a news agency, not London).
      const def = body.slice(extent.end, extent.end + 14).match(/^\s*\(([A-Z][A-Za-z]{1,7})\)/);
      if (def && initialsMatch(def[1], body.slice(read.start, extent.end))) defined.set(def[1], read.entry);
    }
    i = extent.next;
  }
  return out;
}

/** A place as the text writes it, with no code. */
const asPlace = (surface: string): NameEntry => (
  { category: 'region', kind: 'place', name: surface.replace(/^the\s+/i, ''), code: null, from: null, to: null, national: false });

interface NameExtent {
  start: number;
  end: number;
  /** The token after the name and its suffix. */
  next: number;
  /** The kind the suffix written after it names ("… CCG" → ccg), or "nhs" for an "NHS" before it. */
  hint: string | null;
}

/** Where a matched name starts and ends in the text: a suffix after it and an "NHS" before it belong to it. */
function nameExtent(body: string, tokens: Token[], m: GazetteerMatch<NameHit>, k: Knowledge): NameExtent {
  const first = tokens[m.first];
  let start = first.start;
  let end = tokens[m.last - 1].end;
  if (/['’]s$/.test(body.slice(start, end))) end -= 2; // "NHS Digital’s": the possessive is not part of the name
  let next = m.last;
  let hint: string | null = null;
  const suf = suffixAt(tokens, next, k);
  if (suf && tokens[next].capital && !/\n/.test(body.slice(end, tokens[next].start))) {
    hint = suf.kind;
    end = tokens[next + suf.len - 1].end;
    next += suf.len;
  }
  if (m.first > 0 && tokens[m.first - 1].norm === 'nhs' && /^\s+$/.test(body.slice(tokens[m.first - 1].end, first.start))) {
    start = tokens[m.first - 1].start;
    hint ??= 'nhs';
  }
  return { start, end, next, hint };
}

/**
 * Which body or place a name stands for here, and where its mention starts; null when it is none
 * of the story's (a trust closed before the story, a person's workplace, part of a longer name).
 */
function readingOf(body: string, tokens: Token[], m: GazetteerMatch<NameHit>, hits: NameEntry[], extent: NameExtent,
  published: string | null, k: Knowledge): { entry: NameEntry; start: number } | null {
  const { hint, end } = extent;
  let { start } = extent;
  const surface = body.slice(tokens[m.first].start, tokens[m.last - 1].end);
  let entry = choose(hits, hint === 'nhs' ? null : hint, published, surface);
  // "Morecambe Bay" in 2008 is not the CCG of that name set up in 2013: a body that did not exist yet,
  // named without its suffix, is the area as written.
  const notYet = (h: NameEntry) => Boolean(published && h.from && h.from > published);
  if (entry.category === 'region' && NHS_BODY.has(entry.kind) && !hint && notYet(entry) && hits.every(notYet)) entry = asPlace(surface);
  // "… Foundation Trust in Morecambe Bay": after "in", a trust's short name that is also an area's is the area.
  if (entry.kind === 'trust' && !hint && /\b(?:in|across|around|throughout)\s+(?:the\s+)?$/.test(body.slice(Math.max(0, start - 12), start))) {
    const area = hits.find((h) => h.category === 'region');
    if (area) entry = NHS_BODY.has(area.kind) && published && area.to && area.to < published ? asPlace(surface) : area;
  }
  // "St Mary's" in 2025 is not the St Mary's NHS Trust that closed in 2007: a closed trust is named in full.
  if (entry.kind === 'trust' && !hint && published && entry.to && entry.to < published && !/\bTrust\b/i.test(surface)) return null;
  // "County Durham and Darlington" is also a trust's name; written bare and made only of place words, it
  // names the area. An acronym ("CUH") or a name with no place in it ("St Mary's") stays the trust; a
  // company's bare name ("Turning Point") is no area, so only trusts are read this way.
  if (entry.kind === 'trust' && hint !== 'trust' && !PROVIDER_WORD.test(surface) && /[a-z]/.test(surface) && namesPlace(tokens, m.first, m.last, k)) {
    entry = asPlace(surface);
  }
  // "North Essex", "West Hampshire": a compass word the lists do not know makes a smaller area.
  const prev = m.first > 0 ? tokens[m.first - 1] : null;
  if (entry.category === 'region' && !hint && prev && COMPASS.has(body.slice(prev.start, prev.end))
    && /^[\s-]+$/.test(body.slice(prev.end, tokens[m.first].start))) {
    start = prev.start;
    entry = { ...entry, kind: 'place', name: body.slice(start, end), code: null };
  }
  // "a GP in Darlington": where a person works is not where a fact applies.
  if (entry.category === 'region' && PERSON_PLACE.test(body.slice(Math.max(0, start - 40), start))) return null;
  // "New York", "Manchester United", "University of York": a place inside a longer proper name is not a place of the story.
  if (entry.category === 'region' && !hint && insideLongerName(body, tokens, m.first, extent.next)) return null;
  return { entry, start };
}

/** Whether tokens [first, last) contain a place the lists know ("Darlington" in "County Durham and Darlington"). */
function namesPlace(tokens: Token[], first: number, last: number, k: Knowledge): boolean {
  for (let j = first; j < last; j++) {
    // Geography only: a CCG named after the area ("Morecambe Bay") does not make the trust's name a place.
    const isPlace = (h: NameHit) => h.entry.kind === 'place' || h.entry.kind === 'local_authority';
    if (k.names.matchesAt(tokens, j).some((c) => c.last <= last && c.values.some(isPlace))) return true;
  }
  return false;
}

// Capitalised words that may stand before a place without making it part of another name.
const BEFORE_PLACE_OK = new Set(words.beforePlace.words);
// Words that make a name with the place after them even at the start of a sentence ("New York").
const NAME_OPENER = new Set(words.nameOpeners.words);
// Words after a place that keep it a place (decoration, roles and buildings are handled elsewhere).
const AFTER_PLACE_OK = new Set(words.afterPlace.words);
// A determiner right after a place: the place is a verb before its object ("Reading the report").
const DETERMINER_AFTER = new RegExp(String.raw`^ ${anyOf(words.determinersAfter)}\b`);
// A facility named after its town ("the Lincoln Walk-In Centre", "Bolton Minor Injuries Unit") is located there: the town is a place.
const LOCAL_HEALTH_WORD = new RegExp(String.raw`^${anyOf(words.localHealthWords)}\b`);
// "University of York", "Bank of England": an institution named after a place.
const INSTITUTION_OF = new RegExp(String.raw`\b${anyOf(words.institutionsOf)}\s+of\s+$`);

/**
 * Whether a place match is only a piece of a longer capitalised name: a capitalised word runs
 * straight into it ("New York", "Manchester United") or an institution is named after it.
 */
function insideLongerName(body: string, tokens: Token[], first: number, next: number): boolean {
  const a = tokens[first].start;
  const before = body.slice(Math.max(0, a - 40), a);
  if (INSTITUTION_OF.test(before)) return true;
  const prev = first > 0 ? tokens[first - 1] : null;
  // A sentence's first word is capitalised for its position ("Neighbouring Suffolk …"), not as a name.
  const sentenceInitial = (t: Token) => /(?:^|[.!?:]["”’']?\s+|\n)$/.test(body.slice(Math.max(0, t.start - 4), t.start));
  const titleCase = (w: string) => w.charAt(0) + w.slice(1).toLowerCase();
  const prevWord = prev ? body.slice(prev.start, prev.end) : '';
  if (prev && /^ $/.test(body.slice(prev.end, a)) && /^[A-Z][A-Za-z]/.test(prevWord) && !BEFORE_PLACE_OK.has(titleCase(prevWord))
    && (!sentenceInitial(prev) || NAME_OPENER.has(titleCase(prevWord)))) return true;
  const lastEnd = tokens[next - 1].end;
  // "Reading the report", "Bath the baby": a place name that is also a verb, opening a sentence before its object.
  const determinerAfter = DETERMINER_AFTER.test(body.slice(lastEnd, lastEnd + 8));
  if (sentenceInitial(tokens[first]) && next - first === 1 && determinerAfter) return true;
  // "Mangtani P, Cumberland P": a surname with initials in a list of authors.
  if (/^ [A-Z]{1,2} ?(?:[,.;]|$)/.test(body.slice(lastEnd, lastEnd + 5))) return true;
  // "Newcastle-under-Lyme", "Oxford-AstraZeneca", "Boston.com": joined to more of a name ("Leeds-based" is still Leeds).
  if (/^[-.][A-Za-z]/.test(body.slice(lastEnd, lastEnd + 2)) && !/^-(?:based|wide|born|bred|area)\b/i.test(body.slice(lastEnd, lastEnd + 8))) return true;
  if (prev && /^-$/.test(body.slice(prev.end, a)) && /[A-Za-z]/.test(body.charAt(prev.end - 1))) return true;
  const nxt = next < tokens.length ? tokens[next] : null;
  if (nxt && /^ $/.test(body.slice(lastEnd, nxt.start))) {
    const word = body.slice(nxt.start, nxt.end);
    // A local health body named after its area ("the Harrow Patients' Forum") still says where the story is;
    // a university or a club named after it does not.
    const providerWord = PROVIDER_WORD.test(word) && !/^(?:University|College)$/.test(word);
    if (/^[A-Z][a-z]/.test(word) && !AFTER_PLACE_OK.has(word) && !providerWord && !LOCAL_HEALTH_WORD.test(word)) return true;
  }
  return false;
}

/** "LLR" for "Leicester, Leicestershire and Rutland", "BNSSG" for "Bristol, North Somerset and South Gloucestershire". */
function initialsMatch(acronym: string, name: string): boolean {
  const initials = name.replace(/^NHS\s+/, '').split(/[\s,&-]+/).filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('');
  const letters = acronym.replace(/[a-z]/g, '');
  return letters.length >= 2 && (initials === letters || initials.startsWith(letters) || letters.startsWith(initials));
}

function toMention(entry: NameEntry, body: string, start: number, end: number, published: string | null): Mention {
  const notYet = published !== null && entry.from !== null && entry.from > published && NHS_BODY.has(entry.kind);
  return {
    kind: entry.category,
    name: entry.name,
    surface: body.slice(start, end),
    code: notYet ? null : entry.code,
    start,
    end,
    entry,
  };
}

// A page in an NHS setting. Outside one, "CDC", "SCR", "FDP" or a bare "111" are other things
// (a US agency, a football club, a German party, a number in a list).
export const NHS_CONTEXT = new RegExp(String.raw`\b${anyOf(words.nhsContext)}\b`, 'i');

const NOT_TOWN = new Set(words.notTowns.words);
const TOWN_AFTER = new RegExp(String.raw`^(?:[,.;:)]|\s+${anyOf(words.townFollowers)}\b)`);

/** A capitalised single word after "in"/"at" that no list knows, used like a place ("opened in Northallerton yesterday"): a town. */
function townAt(body: string, tokens: Token[], i: number, k: Knowledge): string | null {
  const t = tokens[i];
  if (i === 0 || !t.capital || t.end - t.start < 4) return null;
  const prev = tokens[i - 1];
  if (prev.norm !== 'in') return null;
  // "Walk In Centres": a capitalised "In" inside a name, not the preposition.
  if (/^In$/.test(body.slice(prev.start, prev.end)) && !/(?:^|[.!?:"“”]\s*|\n)$/.test(body.slice(Math.max(0, prev.start - 3), prev.start))) return null;
  if (!/^\s+$/.test(body.slice(prev.end, t.start))) return null;
  const word = body.slice(t.start, t.end);
  if (!/^[A-Z][a-z]+$/.test(word) || NOT_TOWN.has(word) || k.firstNames.has(word.toLowerCase())) return null;
  if (!TOWN_AFTER.test(body.slice(t.end, t.end + 12))) return null;
  return word;
}

// "a Leeds resident" only says where a person lives; "Leeds residents" (plural) are the place's people, where a fact applies.
const ROLE_AFTER_PLACE = new RegExp(String.raw`^\s+${anyOf(words.roleAfterPlace)}\b`);
// "a Norfolk hospital", "one Leeds trust": a place that only describes an unnamed body.
const DESCRIBED_BODY = new RegExp(String.raw`^\s+${anyOf(words.describedBodies)}\b`);
const INDEFINITE_BEFORE = new RegExp(String.raw`\b${anyOf(words.indefinite)}\s+$`, 'i');
const FACILITY_BEFORE = new RegExp(String.raw`\b${anyOf(words.facilitiesBefore)}s?\s+(?:in|at)\s+(?:the\s+)?$`, 'i');
const FACILITY_AFTER = new RegExp(String.raw`^\s+(?:Royal\s+)?${anyOf(words.facilitiesAfter)}\b`);

/**
 * Drops places that only say where a person works or lives, or where a building is
 * ("Dr X, a GP in Leeds", "a Leeds GP", "its control room in Exeter"): they are not where a fact applies.
 */
export function dropIncidentalPlaces<T extends Mention>(body: string, named: T[], people: Array<{ start: number; end: number }>): T[] {
  const byEnd = [...people].sort((a, b) => a.end - b.end);
  /** The person named last before `pos` (binary search: pages can name hundreds). */
  const personBefore = (pos: number) => {
    let lo = 0;
    let hi = byEnd.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (byEnd[mid].end <= pos) lo = mid + 1; else hi = mid; }
    return lo > 0 ? byEnd[lo - 1] : undefined;
  };
  return named.filter((n) => {
    if (n.kind !== 'region') return true;
    const after = body.slice(n.end, n.end + 30);
    if (ROLE_AFTER_PLACE.test(after) || FACILITY_AFTER.test(after)) return false;
    if (DESCRIBED_BODY.test(after) && INDEFINITE_BEFORE.test(body.slice(Math.max(0, n.start - 10), n.start))) return false;
    const before = body.slice(Math.max(0, n.start - 60), n.start);
    if (FACILITY_BEFORE.test(before)) return false;
    // Inside a person's apposition: "Name, a GP who … in X", "Name, 81, from X".
    const sentenceStart = Math.max(body.lastIndexOf('. ', n.start), body.lastIndexOf('\n', n.start));
    const last = personBefore(n.start);
    const person = last && last.start > sentenceStart ? last : undefined;
    if (person) {
      const between = body.slice(person.end, n.start);
      if (/^(?:,|\s+who\b)/.test(between) && !/[.;:]/.test(between) && !/,\s*(?:said|says|added|told)\b/.test(between) && between.length < 120) return false;
    }
    return true;
  });
}
