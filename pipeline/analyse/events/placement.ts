// Where a fact applies, by scope: the cue's clause, its sentence, the sentence before, the paragraph,
// then the story's own area, the publisher's area (defaultRegion) or England. A national cue or body
// makes the fact England's even in a story about one area.
import type { Entity } from '../../types.ts';
import type { Mention } from '../entities.ts';
import { normTokens } from '../reference/names.ts';
import type { Sentence } from '../text.ts';
import type { Page } from './page.ts';
import { paragraphOf, spanFilter } from './spans.ts';
import type { CueHit } from './status.ts';

export interface Place { name: string; code: string | null }

/** What the whole page says about places, worked out once. */
export interface PlaceScope {
  /** A sub-area's larger area when the page names both ("Leicestershire" → "Leicester, Leicestershire and Rutland"). */
  canon(r: Mention): Mention;
  /** The story's area: the first one it names (news leads with it), else the most mentioned. */
  dominant: Mention | null;
  /** The places of the story's lead ("in Bedfordshire and Luton"), or the dominant one. */
  storyAreas: Mention[];
  /** National cues and bodies on the page. */
  nationalMentions: number;
  /** The publisher's own area. */
  local: Place | null;
  /** The country a national fact is filed under: England, or the one devolved nation a story names when it never names England. */
  nation: Place;
  /** The page speaks of the national programme more than of its own area. */
  nationalArticle: boolean;
  /** A place inside the publisher's area stands for that area. */
  localArea(r: Mention): Place;
  /** A national cue or body in [a, b); `reportersToo: false` leaves out national bodies that only report the news. */
  isNational(a: number, b: number, opts?: { reportersToo?: boolean }): boolean;
  /** A body named as the source of the news ("…, NHS Kent and Medway has confirmed"). */
  reportsNews(m: Entity): boolean;
  /** Distinct canonical places. */
  uniq(rs: Mention[]): Place[];
  /** A place named only inside a relative clause (", which is on trial in X"): a detail of what the clause is about. */
  aside(r: Mention): boolean;
}

/**
 * Only a contiguous part counts: "Leicestershire" is in LLR, "North Essex" is not "North East Essex". A name that only
 * adds compass words ("east London", "North Wales") is a part of the shorter one, not a larger area.
 */
function largerAreas(regions: Mention[], partOnly: RegExp): Map<string, Mention> {
  const bigger = new Map<string, Mention>();
  // One representative mention and its folded words per distinct name (articles repeat names).
  const byName = new Map<string, { m: Mention; key: string; n: number; t: string[] }>();
  for (const r of regions) {
    if (byName.has(r.name)) continue;
    const t = normTokens(r.name);
    byName.set(r.name, { m: r, key: ` ${t.join(' ')} `, n: t.length, t });
  }
  for (const [name, a] of byName) {
    for (const [other, b] of byName) {
      if (other === name || a.n === 0 || b.n <= a.n || !b.key.includes(a.key)) continue;
      const extra = b.key.replace(a.key, ' ').trim();
      if (partOnly.test(extra)) continue;
      bigger.set(name, b.m);
      break;
    }
  }
  return bigger;
}

/** The story's areas: a short list it leads with ("in Bedfordshire and Luton"), else its dominant area. */
function storyAreasOf(p: Page, canon: (r: Mention) => Mention, dominant: Mention | null): Mention[] {
  const { regions } = p;
  const leadList: Mention[] = regions.length ? [regions[0]] : [];
  for (let i = 1; i < regions.length && /^\s*(?:,|,?\s*and|&)\s*$/.test(p.body.slice(regions[i - 1].end, regions[i].start)); i++) leadList.push(regions[i]);
  const leadPlaces = [...new Map(leadList.map((r) => [canon(r).name, canon(r)])).values()];
  return leadPlaces.length > 1 && leadPlaces.length <= 3 ? leadPlaces : dominant ? [dominant] : [];
}

const RANKED_IN = /\b(?:the|a)\s+(?:first|only|last|few)\s+(?:\w+\s+)?in\s+(?:the\s+)?$/i;
/** Between two places of one list: a comma or "and", perhaps after the rest of the first name ("Cromer Hospital, and the", "and most of"). */
const LIST_GAP = /^(?:\s+[A-Z][\w'’-]*){0,3}\s*(?:,|,?\s*(?:and|or|&))\s*(?:(?:most|much|parts?|all) of\s+)?(?:the\s+)?$/;

/**
 * The clause's places with every place listed together with one of them, though an Oxford comma ("A, B, and C")
 * cut the clause. Only lists of three or more: "live in A, and B will follow" keeps B apart.
 */
function withListMates(body: string, inSentence: Mention[], inClause: Mention[]): Mention[] {
  if (!inClause.length) return inClause;
  const chosen = new Set(inClause);
  let chain: Mention[] = [];
  const close = () => { if (chain.length >= 3 && chain.some((r) => inClause.includes(r))) for (const r of chain) chosen.add(r); };
  for (const r of inSentence) {
    const last = chain[chain.length - 1];
    if (last && r.start >= last.end && LIST_GAP.test(body.slice(last.end, r.start))) chain.push(r);
    else { close(); chain = [r]; }
  }
  close();
  return inSentence.filter((r) => chosen.has(r));
}
/**
 * "the X Health Board in north Wales", "a pharmacy in Ludlow, south Shropshire": a place right after another one and
 * linked to it this way only says where the first one is; the fact is the first one's. (The regions stage already
 * drops a plain "A in B"; the place stays an area of the story.)
 */
function withoutLocators(body: string, places: Mention[], locatesAfter: RegExp): Mention[] {
  return places.filter((r, i) => i === 0 || !(r.start >= places[i - 1].end && locatesAfter.test(body.slice(places[i - 1].end, r.start))));
}

const LISTED_BEFORE = /\b(?:including|includes|include|such as|among them|namely)\s+(?:the\s+)?$/i;

export function placeScope(p: Page): PlaceScope {
  const { regions, nationalOrgs, body } = p;
  const c = p.k.eventCues;
  const bigger = largerAreas(regions, p.k.placeNesting.partOnly);
  const canon = (r: Mention) => bigger.get(r.name) ?? r;
  const counts = new Map<string, { n: number; m: Mention }>();
  for (const r of regions) { const m = canon(r); const e = counts.get(m.name) ?? { n: 0, m }; e.n++; counts.set(m.name, e); }
  const dominantCount = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  const aside = asidesOf(p);
  // A place named in a relative clause about something else is not what the story is about.
  const main = regions.find((r) => !aside(r));
  const dominant = main ? canon(main) : regions.length ? null : (dominantCount?.m ?? null);
  // An article that speaks of England or national bodies more than of its main area is national.
  const nationalMentions = nationalOrgs.length + [...body.matchAll(c.nationalAll)].length;
  const local = p.inp.defaultRegion ?? null;
  // A local body's own site is about its area unless it speaks of the national programme.
  // …and one that names its area before any national fact is a local story told against a national backdrop.
  const nationalAt = body.search(c.national);
  const firstNational = Math.min(nationalOrgs[0]?.start ?? Infinity, nationalAt < 0 ? Infinity : nationalAt);
  const localFirst = regions.length > 0 && regions[0].start < firstNational;
  const nationalArticle = local ? nationalMentions > 0 && nationalMentions > (dominantCount?.n ?? 0)
    : !dominantCount || (nationalMentions > dominantCount.n && !localFirst);
  // A place inside the publisher's area ("Leicester City" on the LLR CCGs' site) stands for that area when a fact has no place of its own.
  const localArea = (r: Mention): Place => {
    if (!local) return { name: r.name, code: r.code };
    const area = new Set(normTokens(local.name));
    const own = normTokens(r.name).filter((t) => !['city', 'county', 'borough', 'and'].includes(t));
    return own.length && own.every((t) => area.has(t)) ? local : { name: r.name, code: r.code };
  };
  // "three areas of England", "one of the first in England": England qualifies the places, the fact is theirs.
  const qualifier = (o: Mention) => o.name === 'England' && c.aboutWhich.qualifiedBefore.test(body.slice(Math.max(0, o.start - 30), o.start));
  const reportsNews = (m: Entity) => c.reportsAfter.test(body.slice(m.end, m.end + 25));
  const isNational = (a: number, b: number, { reportersToo = true } = {}) =>
    c.national.test(body.slice(a, b)) || p.k.placeNesting.wholeCountry.test(body.slice(a, b))
    || nationalOrgs.some((o) => o.start >= a && o.end <= b && !qualifier(o) && (reportersToo || !reportsNews(o)));
  const uniq = (rs: Mention[]) => {
    const u = new Map<string, Mention>();
    for (const r of rs) u.set(canon(r).name, canon(r));
    return [...u.values()].map((r) => ({ name: r.name, code: r.code }));
  };
  const nation = nationOf(p);
  const storyAreas = storyAreasOf(p, canon, dominant);
  return { canon, dominant, storyAreas, nationalMentions, local, nation, nationalArticle, localArea, isNational, reportsNews, uniq, aside };
}

/** ", which …," or ", which …" up to the end of the sentence. */
const RELATIVE_ASIDE = /,\s+(?:which|who)\b[^,;:]*(?:,|$)/gi;

/** Places named only inside a relative clause, each tested by its position. */
function asidesOf(p: Page): (r: Mention) => boolean {
  const spans: Array<[number, number]> = [];
  for (const s of p.sentences) {
    for (const m of s.text.matchAll(RELATIVE_ASIDE)) spans.push([s.start + (m.index ?? 0), s.start + (m.index ?? 0) + m[0].length]);
  }
  const inside = new Set(p.regions.filter((r) => spans.some(([a, b]) => r.start >= a && r.end <= b)));
  return (r) => inside.has(r);
}

export const ENGLAND: Place = { name: 'England', code: null };

/** "A national rollout" in a story about Wales that never names England is Wales's. */
function nationOf(p: Page): Place {
  if (p.nationalOrgs.some((o) => /\bEngland\b/.test(o.name))) return ENGLAND;
  const named = [...new Map(p.regions.filter((r) => p.k.eventCues.devolvedNations.has(r.name)).map((r) => [r.name, r])).values()];
  return named.length === 1 ? { name: named[0].name, code: named[0].code } : ENGLAND;
}

/** Where the fact of a cue in clause [ca, cb) applies; `guessed` when the sentence names no place; null when it has none to be filed under. */
export interface Placement { where: Place[]; guessed: boolean; penalty: number }

export function placeHit(p: Page, scope: PlaceScope, si: number, h: CueHit, [ca, cb]: [number, number]): Placement | null {
  const s = p.sentences[si];
  const body = p.body;
  const hitEnd = h.end;
  const inRelative = relativeScope(s, s.start + h.start);
  const located = (rs: Mention[]) => withoutLocators(body, inRelative(rs), p.k.placeNesting.locatesAfter);
  const inSentence = located(spanFilter(p.regions, s.start, s.end));
  // "… at Ashford, Dover, and the Deal and Hythe units": a list of places the clause starts belongs to it whole.
  const clauseRegions = withListMates(body, inSentence, located(spanFilter(p.regions, ca, cb)));
  // "…that previously covered Cheshire, Halton…": places of the old arrangement are not where the new one applies.
  // "among the first towns in the South West": the wider area only ranks the place the fact is about ("only available in X" places it).
  const ranking = (r: Mention) => RANKED_IN.test(body.slice(Math.max(0, r.start - 30), r.start));
  const notSource = clauseRegions.filter((r) => !ranking(r) && !scope.reportsNews(r)
    && !/\b(?:previously|formerly|former|predecessors?)\b/i.test(body.slice(Math.max(ca, s.start + hitEnd), r.start)));
  const inClause = notSource.length ? notSource : clauseRegions;
  // "across England … after pilots in Somerset": a national cue before the cue's regions wins.
  // "… including Leicester, Leicestershire and Rutland": places listed after a national subject are the ones the fact is about.
  const listed = inClause.some((r) => LISTED_BEFORE.test(body.slice(Math.max(0, r.start - 25), r.start)));
  // A national body that only reports the news ("the Board confirmed that parts of London …") does not make the fact national.
  const nationalFirst = !listed && scope.isNational(ca, cb) && inClause.every((r) => scope.isNational(ca, r.start, { reportersToo: false }));
  const placed = (where: Place[]): Placement => ({ where, guessed: false, penalty: 0 });
  if (inClause.length && !nationalFirst) return placed(scope.uniq(inClause));
  // "won 11 of the 39 contracts", "pulled out of three of its contracts": a provider's change in unnamed areas is no one place's fact.
  const providerChange = h.status === 'provider_appointed' || h.status === 'provider_withdrawn';
  if (!inClause.length && providerChange && p.k.eventCues.countedUnits.some((r) => r.test(withoutServices(p, ca, cb)))) return null;
  // "Six trusts across England have begun using it", "other trusts in the South of England": unnamed bodies are no place to file a fact under.
  if (!inClause.length && h.status === 'live' && p.k.eventCues.unnamedBodies.test(withoutServices(p, s.start, s.end))) return null;
  // "It is already live in three health board areas, and …": the cue's own clause places it in unnamed areas only.
  if (!inClause.length && h.status !== 'delayed' && inUnnamedAreas(withoutServices(p, ca, cb), p.k.eventCues.unnamedBodies)) return null;
  if (scope.isNational(ca, cb)) return placed([scope.nation]);
  if (inSentence.length) return placed(scope.uniq(inSentence));
  if (scope.isNational(s.start, s.end)) return placed([scope.nation]);
  return placeFromContext(p, scope, si);
}

/** "… in three health board areas", "across several trusts": a clause that places its fact in a few unnamed bodies. */
function inUnnamedAreas(clause: string, unnamedBodies: RegExp): boolean {
  for (const m of clause.matchAll(/\b(?:in|across|at)\s+/gi)) if (unnamedBodies.test(clause.slice((m.index ?? 0) + m[0].length))) return true;
  return false;
}

/** The text of [a, b) with service names blanked, so the number in "NHS 111" or "111 contracts" counts nothing. */
function withoutServices(p: Page, a: number, b: number): string {
  let t = p.body.slice(a, b);
  for (const x of spanFilter(p.services, a, b)) t = t.slice(0, x.start - a) + ' '.repeat(x.end - x.start) + t.slice(x.end - a);
  return t;
}

// It may hold a list of names (", which covers Leeds, Bradford and York, is …"): it ends at a comma before a lower-case word.
const RELATIVE = /,\s+(?:which|who)\b(?:[^,;:]|,(?=\s+[A-Z]))*,(?=\s+[a-z])/g;

/**
 * "SCAS, which also runs 111 in Hampshire, has been chosen to take over in Bucks": the places of a relative clause
 * between commas belong to its own fact, and the rest of the sentence's places to the main one. A main fact whose
 * sentence names places only inside the relative clause takes its place from the context; a relative clause's fact
 * with no place of its own keeps the sentence's.
 */
function relativeScope(s: Sentence, hitAt: number): (rs: Mention[]) => Mention[] {
  const spans = [...s.text.matchAll(RELATIVE)].map((m): [number, number] => [s.start + (m.index ?? 0), s.start + (m.index ?? 0) + m[0].length]);
  if (!spans.length) return (rs) => rs;
  const own = spans.find(([a, b]) => hitAt >= a && hitAt < b);
  const inside = (r: Mention, [a, b]: [number, number]) => r.start >= a && r.end <= b;
  return (rs) => {
    const kept = own ? rs.filter((r) => inside(r, own)) : rs.filter((r) => !spans.some((x) => inside(r, x)));
    return own || kept.length ? (kept.length ? kept : rs) : [];
  };
}

/**
 * Nothing in the sentence: the previous sentence, the paragraph, then the article's main area
 * (or England when the article is about the national programme).
 */
function placeFromContext(p: Page, scope: PlaceScope, si: number): Placement | null {
  const { sentences, regions, body } = p;
  const s = sentences[si];
  const c = p.k.eventCues;
  const prev = si > 0 && sentences[si - 1].paragraph === s.paragraph ? sentences[si - 1] : null;
  // Not a place of another sentence's relative clause: "…, which is on trial in X." is that clause's detail.
  const prevRegions = prev ? spanFilter(regions, prev.start, prev.end).filter((r) => !scope.aside(r)) : [];
  // Only places named earlier in the paragraph: a later sentence's places belong to its own fact.
  const para = regions.filter((r) => r.start < s.start && paragraphOf(sentences, r.start) === s.paragraph && !scope.aside(r));
  const penalty = prevRegions.length || para.length ? 0.1 : 0.25;
  const guess = (where: Place[]): Placement => ({ where, guessed: true, penalty });
  const first = (r: Mention): Place => ({ name: scope.canon(r).name, code: scope.canon(r).code });
  const localSubject = c.localSubject.test(s.text);
  if (prevRegions.length) return guess([first(prevRegions[0])]);
  if (prev && scope.isNational(prev.start, prev.end)) return guess([scope.nation]);
  if (para.length) return guess([first(para[0])]);
  // The story's area, unless the story so far has been national and names that area only later.
  if (scope.dominant && (!scope.nationalArticle || localSubject) && !(regions[0].start > s.end && scope.isNational(0, s.start))) {
    const own = scope.storyAreas.map((r) => (c.placeAnaphor.test(s.text) ? { name: r.name, code: r.code } : scope.localArea(r)));
    return guess([...new Map(own.map((w) => [w.name, w])).values()]);
  }
  if (scope.local && (!scope.nationalArticle || localSubject)) return guess([scope.local]);
  // "The centre, to be run by the county's hospital trust, …": a local provider makes it a local fact, and with
  // no place anywhere it has none to be filed under; England is only for what the text makes national.
  if (scope.nationalMentions === 0 && runByProvider(p, s)) return null;
  return guess([scope.nation]);
}

function runByProvider(p: Page, s: Sentence): boolean {
  return p.providers.some((x) => x.start >= s.start && x.end <= s.end && p.k.eventCues.runByBefore.test(p.body.slice(Math.max(0, x.start - 20), x.start)));
}
