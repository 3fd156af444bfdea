// Services: the NHS programmes, products and service types an article discusses. Found by the
// catalogue in sources/lexicon/services.json, and by a general pattern (a health phrase headed by
// service, programme, system, centre, unit …, service-patterns.json) for programmes nobody listed.
// Each service is named as the article writes it, the same way throughout the article.
import type { Entity } from '../types.ts';
import type { Token } from './gazetteer.ts';
import type { Knowledge } from './knowledge.ts';
import type { ServicePatterns } from './service-catalogue.ts';
import { NHS_CONTEXT } from './entities.ts';
import { normTokens } from './reference/names.ts';

/** A service mention; `serviceType` says what "the app" or "the new helpline" may refer back to. */
export interface ServiceMention extends Entity {
  kind: 'service';
  serviceType: string;
}

interface Found extends ServiceMention {
  /** An acronym or bare number: needs an NHS page. */
  short: boolean;
  /** The catalogue's name, or null for a phrase the general pattern found. */
  catalogued: string | null;
  /** This surface may stand as the article's name for the service. */
  nameForm: boolean;
  /** A kind of service any country has: needs an NHS page. */
  anywhere: boolean;
  /** The catalogue's name forms, for an article that writes none of them. */
  forms: readonly string[];
  /** For a stage written before its service ("Release 2 of the EPS"): the stage and the service as written. */
  stage?: { label: string; base: string };
  /** The programme this one is part of (catalogue "part_of"). */
  partOf?: string | null;
}

/** Services named in `body`: catalogue matches first, then phrases the general pattern finds. */
export function findServices(body: string, tokens: Token[], k: Knowledge): ServiceMention[] {
  const listed = catalogueMatches(body, tokens, k);
  // A programme named in full ("Summary Care Record") makes an NHS page; an acronym, or a kind of service
  // any country has ("flu vaccination"), is a service only on a page that already is one.
  const nhsPage = listed.some((x) => !x.short && !x.anywhere) || NHS_CONTEXT.test(body);
  // A kind of service any country has needs the NHS itself on the page, not only health words.
  const nhsNamed = listed.some((x) => !x.short && !x.anywhere) || k.servicePatterns.nhsNamed.test(body);
  const foreign = foreignAcronyms(body, listed);
  const kept = listed.filter((x) => (!x.short && !x.anywhere) || (nhsPage && !foreign.has(x.surface) && (!x.anywhere || nhsNamed)));
  const patterned = nhsPage && nhsNamed
    ? patternMatches(body, tokens, k.servicePatterns).filter((p) => !listed.some((x) => x.start < p.end && x.end > p.start))
    : [];
  const staged = stagesBefore(body, withDefinedAcronyms(body, kept), k.servicePatterns);
  const described = describedAgain(body, [...staged, ...patterned].sort((a, b) => a.start - b.start), k.servicePatterns);
  const all = framedOnly(body, softwareOfRecord(body, sitesOfActivity(described, k.servicePatterns), k.servicePatterns));
  const names = articleNames(all, body);
  return all.map(({ short: _s, catalogued: _c, nameForm: _n, anywhere: _a, forms: _f, partOf: _p, ...e }) => ({
    ...e, name: names.get(groupKey(e, _c)) ?? e.name,
  }));
}

/**
 * "Bowel Scope Screening (BSS) … to add BSS to the programme": an acronym the article defines in brackets right after a
 * catalogued service is that service wherever the article writes it again, though the catalogue does not list it.
 */
function withDefinedAcronyms(body: string, found: Found[]): Found[] {
  const out = [...found];
  for (const f of found) {
    const d = /^\s*\(([A-Z]{2,6})\b/.exec(body.slice(f.end, f.end + 12));
    if (!d || f.catalogued === null || found.some((x) => x.surface === d[1])) continue;
    for (const m of body.matchAll(new RegExp(`\\b${d[1]}\\b`, 'g'))) {
      const at = m.index ?? 0;
      if (at < f.end + d[0].length || out.some((x) => x.start < at + d[1].length && x.end > at)) continue;
      out.push({ ...f, start: at, end: at + d[1].length, surface: d[1], nameForm: false });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * "The mass testing trial … six new testing centres opened": places named by the one activity of a service already named
 * (testing, vaccination, screening) are where that service is delivered, so they are that service.
 */
function sitesOfActivity(found: Found[], p: ServicePatterns): Found[] {
  return found.map((f, i) => {
    const words = f.catalogued === null ? normTokens(f.surface.replace(/-/g, ' ')) : [];
    const activity = words.length === 2 && p.weakHeads.has(words[1]) ? p.strongHeads.get(words[0]) : undefined;
    if (!activity) return f;
    const ofType = found.filter((x) => x.catalogued !== null && x.serviceType === activity);
    const target = ofType.filter((x) => x.start < f.start).pop() ?? ofType.find((x) => found.indexOf(x) > i);
    if (!target) return f;
    return { ...f, name: target.name, code: target.code, serviceType: target.serviceType, catalogued: target.catalogued, nameForm: false, forms: target.forms };
  });
}

const sameSentence = (body: string, a: Found, b: Found) => !/[.!?]["”’]?\s/.test(body.slice(Math.min(a.end, b.end), Math.max(a.start, b.start)));

/**
 * "The new EPR runs on software called Orion from a Leeds firm": a product the article names only once, introduced
 * as the software of a record named before it in the sentence, is that record's software, not a rollout of its own.
 */
function softwareOfRecord(body: string, found: Found[], p: ServicePatterns): Found[] {
  return found.filter((x) => x.serviceType !== 'system' || x.catalogued === null || found.filter((y) => y.name === x.name).length > 1
    || !p.softwareOf.test(body.slice(Math.max(0, x.start - 30), x.start))
    || !found.some((y) => y.serviceType === 'record' && y.catalogued !== null && y.start < x.start && sameSentence(body, x, y)));
}

/**
 * "Six centres will add bowel scope to their bowel screening programme": a programme named in the sentence that
 * names one of its own parts only frames the part, which is what the sentence speaks of.
 */
function framedOnly(body: string, found: Found[]): Found[] {
  return found.filter((x) => !found.some((y) => y !== x && y.partOf != null && y.partOf === x.catalogued && sameSentence(body, x, y)));
}

// "Release 2 of England's", "Phase 4 of the": a numbered stage just before the service it is a stage of.
const STAGE_BEFORE = /\b([A-Z][a-z]+) (\d{1,2}|[IVX]{1,4}) of (?:the |[A-Z][a-z]+['’]s )?$/;

/**
 * In an article that tells a service's stages apart (it names "EPS Release 1"), "Release 2 of the Electronic
 * Prescription Service" is a stage of its own too, and a bare "Release 2" later is that stage again. Where no
 * stage is named as such, "Release 2 of the …" is just the service.
 */
function stagesBefore(body: string, found: Found[], p: ServicePatterns): Found[] {
  const staged = (name: string) => found.some((x) => !x.forms.length && x.catalogued?.startsWith(`${name} `));
  const out = found.map((f) => {
    const m = f.forms.length && staged(f.name) ? STAGE_BEFORE.exec(body.slice(Math.max(0, f.start - 40), f.start)) : null;
    if (!m || !p.qualifiers.has(m[1].toLowerCase())) return f;
    const start = f.start - m[0].length;
    const label = `${m[1]} ${m[2]}`;
    const stage = { label, base: f.surface };
    return { ...f, start, surface: body.slice(start, f.end), catalogued: `${f.name} ${normTokens(label).join(' ')}`, nameForm: false, forms: [], stage };
  });
  const stages = out.filter((f) => f.stage);
  for (const first of stages) {
    for (const b of body.matchAll(new RegExp(`\\b${first.stage?.label}\\b`, 'g'))) {
      const at = b.index ?? 0;
      if (at < first.end || out.some((x) => x.start < at + b[0].length && x.end > at)) continue;
      out.push({ ...first, start: at, end: at + b[0].length, surface: b[0] });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

// A determiner, then up to two more words (which must be descriptive too), just before a phrase.
const DEFINITE_BEFORE = /\b(?:the|this|its|their|that)((?:\s+[A-Za-z-]+){0,2})\s+$/i;
// "a new", then up to one more descriptive word: a system introduced before it is named.
const NEW_BEFORE = /\ban?(\s+new(?:\s+[A-Za-z-]+)?)\s+$/i;
const LEDE_REACH = 400;

/**
 * "The NHS e-Referral Service … the electronic booking service was delayed": a definite phrase of only
 * descriptive words before a service noun describes a service already named (the nearest earlier one its noun
 * may refer to), so it is that service, not another.
 */
function describedAgain(body: string, found: Found[], p: ServicePatterns): Found[] {
  return found.map((f, i) => {
    const window = body.slice(Math.max(0, f.start - 40), f.start);
    const before = f.catalogued === null ? DEFINITE_BEFORE.exec(window) ?? NEW_BEFORE.exec(window) : null;
    if (!before) return f;
    const words = [...normTokens(before[1].replace(/-/g, ' ')), ...normTokens(f.surface.replace(/-/g, ' '))];
    if (words.length < 2 || !words.slice(0, -1).every((w) => p.descriptive.has(w))) return f;
    const allowed = p.references.get(words[words.length - 1]) ?? [];
    const fits = (x: Found) => x.catalogued !== null && (allowed.includes('*') || allowed.includes(x.serviceType));
    // "switching to a new record system … the introduction of Lorenzo": a lede's new system is the one the next lines name.
    const ahead = () => found.slice(i + 1).find((x) => fits(x) && x.start - f.end < LEDE_REACH);
    const target = /^an?\b/i.test(before[0]) ? ahead() : found.slice(0, i).filter(fits).pop();
    if (!target) return f;
    return { ...f, name: target.name, code: target.code, serviceType: target.serviceType, catalogued: target.catalogued, nameForm: false, forms: target.forms };
  });
}

function catalogueMatches(body: string, tokens: Token[], k: Knowledge): Found[] {
  const out: Found[] = [];
  const bodies = k.servicePatterns.bodies;
  for (let i = 0; i < tokens.length; ) {
    const m = k.services.longestAt(tokens, i);
    if (!m) { i++; continue; }
    const start = tokens[m.first].start;
    let end = tokens[m.last - 1].end;
    let surface = body.slice(start, end);
    const hit = m.values.find((h) => writtenAs(h.exact, surface) && (!h.needs || h.needs.test(body)));
    if (!hit || surface.includes('\n') || isCount(body, surface, start, end, k.servicePatterns)) { i++; continue; }
    // "NHS Connecting for Health": a body whose name contains a service alias is the body.
    if (bodyAt(tokens, m.first, m.last, bodies)) { i = m.last; continue; }
    if (companyUse(body, tokens, m.first, m.last, k)) { i = m.last; continue; }
    // "EPS Release 2", "EPS for secondary care": a numbered stage, or a care setting, is a service of its own, named as written.
    const stage = Math.max(stageAfter(body, tokens, m.last, k.servicePatterns), settingAfter(body, tokens, m.last, k.servicePatterns));
    const short = (hit.exact !== null && !hit.needs) || surface === '111';
    if (stage > m.last) { end = tokens[stage - 1].end; surface = body.slice(start, end); }
    // "Human Papilloma Virus (HPV) vaccine" is the HPV vaccine, though not a name to give it.
    const variant = stage > m.last ? `${hit.name} ${normTokens(body.slice(tokens[m.last].start, end)).join(' ')}` : null;
    out.push({
      kind: 'service', name: hit.name, surface, code: hit.name, start, end, serviceType: hit.type, short, catalogued: variant ?? hit.name,
      nameForm: (hit.nameForm || variant !== null) && !/[()]/.test(surface), anywhere: hit.anywhere, forms: variant !== null ? [] : hit.forms,
      partOf: hit.partOf,
    });
    i = Math.max(m.last, stage);
  }
  return withRecordNoun(body, out);
}

/**
 * A product named just before the kind of record it is: "the new Epic EPR" is one mention, the product's record,
 * named as written, so its events are the product's; in "its Epic electronic patient record", written out in
 * words, the product only qualifies the record.
 */
function withRecordNoun(body: string, found: Found[]): Found[] {
  const out: Found[] = [];
  for (let j = 0; j < found.length; j++) {
    const x = found[j];
    const next = found[j + 1];
    const adjacent = qualifiesRecord(body, found, j);
    // "Cerner's Millennium electronic patient record … moved to Millennium": named on its own too, the product is the record.
    const alone = adjacent && found.some((y, i) => i !== j && y.name === x.name && !qualifiesRecord(body, found, i));
    if (adjacent && !alone && !/^[A-Z]{2,4}s?$/.test(next.surface)) continue;
    if (adjacent) {
      const surface = body.slice(x.start, next.end);
      out.push({ ...x, end: next.end, surface, nameForm: !alone && !/[()]/.test(surface), forms: alone ? x.forms : [] });
      j++;
      continue;
    }
    out.push(x);
  }
  return out;
}

/** Whether the mention at `j` is a product written just before the kind of record it is ("Epic EPR"). */
function qualifiesRecord(body: string, found: Found[], j: number): boolean {
  const x = found[j];
  const next = found[j + 1];
  return x.serviceType === 'system' && next?.serviceType === 'record' && body.slice(x.end, next.start) === ' ';
}

/** "signed a contract with Epic": a product named after its maker, written where the maker is meant. */
function companyUse(body: string, tokens: Token[], first: number, last: number, k: Knowledge): boolean {
  const maker = k.names.matchesAt(tokens, first).some((c) => c.last === last && c.values.some((v) => v.entry.category === 'provider'));
  if (!maker) return false;
  const start = tokens[first].start;
  const end = tokens[last - 1].end;
  // "the Epic system": a product noun after the name makes it the product, whatever comes before.
  const p = k.servicePatterns;
  if (p.productNoun.test(body.slice(end, end + 20))) return false;
  return p.makerBefore.test(body.slice(Math.max(0, start - 12), start)) || p.makerAfter.test(body.slice(end, end + 14));
}

const STAGE_NUMBER = /^(?:\d{1,2}|[IVX]{1,4}|one|two|three|four|five|six)$/i;

/** The token index after "Release 2" / "Phase IV" following a catalogued name at `i`, or `i` when none follows. */
function stageAfter(body: string, tokens: Token[], i: number, p: ServicePatterns): number {
  if (i + 1 >= tokens.length || !p.qualifiers.has(tokens[i].norm) || !tokens[i].capital) return i;
  if (!/^ $/.test(body.slice(tokens[i - 1].end, tokens[i].start)) || !/^ $/.test(body.slice(tokens[i].end, tokens[i + 1].start))) return i;
  return STAGE_NUMBER.test(body.slice(tokens[i + 1].start, tokens[i + 1].end)) ? i + 2 : i;
}

/**
 * The token index after "for secondary care" / "for care homes" following a catalogued name at `i` (a service
 * extended to a care setting is a service of its own, as a stage is), or `i` when none follows.
 */
function settingAfter(body: string, tokens: Token[], i: number, p: ServicePatterns): number {
  if (i + 1 >= tokens.length || tokens[i].norm !== 'for' || !/^\)? $/.test(body.slice(tokens[i - 1].end, tokens[i].start))) return i;
  for (let n = Math.min(3, tokens.length - i - 1); n >= 1; n--) {
    const words = tokens.slice(i + 1, i + 1 + n);
    if (words.some((t, j) => j > 0 && !/^ $/.test(body.slice(words[j - 1].end, t.start)))) continue;
    if (p.settings.has(words.map((t) => t.norm).join(' '))) return i + 1 + n;
  }
  return i;
}

/** An alias that only matches as written ("Epic", "vaccination centre") also matches a lower-case one capitalised to open a sentence. */
function writtenAs(exact: string | null, surface: string): boolean {
  if (exact === null || exact === surface) return true;
  return /^[a-z]/.test(exact) && surface === exact[0].toUpperCase() + exact.slice(1);
}

/** A bare "111" is the service unless it is a count or part of a larger number. */
function isCount(body: string, surface: string, start: number, end: number, p: ServicePatterns): boolean {
  if (surface !== '111') return false;
  return /[\d£$.,]\s?$/.test(body.slice(Math.max(0, start - 2), start)) || p.countAfter.test(body.slice(end, end + 12));
}

/** Whether a body's name ("NHS Digital", "NHS Connecting for Health") covers tokens [first, last), with "NHS" before it. */
function bodyAt(tokens: Token[], first: number, last: number, bodies: ReadonlySet<string>): boolean {
  for (let a = Math.max(0, first - 1); a <= first; a++) {
    for (let b = last; b <= Math.min(tokens.length, last + 3); b++) {
      if (bodies.has(tokens.slice(a, b).map((t) => t.norm).join(' '))) return true;
    }
  }
  return false;
}

/** "the Centers for Disease Control (CDC)": an acronym the page defines as something else is not the service. */
function foreignAcronyms(body: string, found: Found[]): Set<string> {
  const foreign = new Set<string>();
  for (const d of body.matchAll(/\(([A-Z][A-Za-z0-9]{1,7})\)/g)) {
    const at = d.index ?? 0;
    const acronym = found.find((x) => x.short && x.surface === d[1]);
    if (acronym && !found.some((x) => !x.short && x.name === acronym.name && at - x.end >= 0 && at - x.end <= 2)) foreign.add(d[1]);
  }
  return foreign;
}

interface Word { text: string; lower: string; start: number; end: number; capital: boolean }

/** Tokens joined by a hyphen are one word ("walk-in", "midwife-led", "COVID-19"). */
function wordsOf(body: string, tokens: Token[]): Word[] {
  const out: Word[] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (last && body.slice(last.end, t.start) === '-') {
      last.end = t.end;
      last.text = body.slice(last.start, last.end);
      last.lower = last.text.toLowerCase();
      continue;
    }
    const text = body.slice(t.start, t.end);
    out.push({ text, lower: text.toLowerCase(), start: t.start, end: t.end, capital: t.capital });
  }
  return out;
}

const MAX_MODIFIERS = 4;
const CAPITAL_JOINER = /^(?:and|of|for|&)$/;
// A number ends a modifier run, as a function word does.
const functionWord = (lower: string, p: ServicePatterns) => p.functionWords.has(lower) || /^\d+$/.test(lower);

/**
 * A health phrase headed by a service noun that the catalogue does not know: "the minor ailment
 * service", "a new GP hub", "St Anne's Birth Centre", "the HPV vaccine programme".
 */
function patternMatches(body: string, tokens: Token[], p: ServicePatterns): Found[] {
  const words = wordsOf(body, tokens);
  const out: Found[] = [];
  for (let i = 1; i < words.length; i++) {
    const head = words[i];
    const weak = p.weakHeads.get(head.lower);
    const strong = p.strongHeads.get(head.lower);
    const type = weak ?? strong;
    if (!type) continue;
    const capitalMode = /^[A-Z]/.test(head.text);
    if (!capitalMode && p.capitalOnly.has(head.lower)) continue;
    const { run, spoilt } = modifierRun(body, words, i, capitalMode, p);
    if (!run.length || spoilt) continue;
    if (!acceptable(run, head, strong !== undefined, capitalMode, p)) continue;
    // "the Birth Centre Trust", "Centre for Mental Health": the phrase is part of a longer name.
    const next = words[i + 1];
    if (capitalMode && next && /^ +$/.test(body.slice(head.end, next.start))
      && (/^[A-Z]/.test(next.text) || (/^(?:for|of)$/.test(next.lower) && /^[A-Z]/.test(words[i + 2]?.text ?? '')))) continue;
    const start = run[0].start;
    const surface = body.slice(start, head.end);
    if (p.bodies.has(normTokens(surface).join(' '))) continue;
    out.push({
      kind: 'service', name: surface, surface, code: null, start, end: head.end, serviceType: type, short: false, catalogued: null, nameForm: true,
      anywhere: false, forms: [],
    });
  }
  return out;
}

/**
 * The words before a head that qualify it, nearest last; stops at punctuation, function words and
 * non-modifiers. `spoilt`: a word that makes the phrase something else stands in it ("pension scheme").
 */
function modifierRun(body: string, words: Word[], i: number, capitalMode: boolean, p: ServicePatterns): { run: Word[]; spoilt: boolean } {
  const run: Word[] = [];
  let spoilt = false;
  for (let j = i - 1; j >= 0 && run.length < MAX_MODIFIERS; j--) {
    const w = words[j];
    if (!/^ $/.test(body.slice(w.end, words[j + 1].start))) break;
    const norm = w.lower.replace(/-/g, ' ');
    if (p.notModifiers.has(norm)) { spoilt = true; break; }
    if (capitalMode) {
      if (!/^[A-Z0-9]/.test(w.text) && !(CAPITAL_JOINER.test(w.lower) && run.length > 0)) break;
      if (p.capitalStops.has(w.text)) break;
    } else if ((/^[A-Z]/.test(w.text) && !p.modifiers.has(norm) && /[a-z]/.test(w.text)) || functionWord(w.lower, p) || p.stops.has(norm)
      || /['’]s$/i.test(w.text) || (/(?:ly|ed|ing)$/.test(w.lower) && !p.modifiers.has(norm))) break;
    if (p.weakHeads.has(w.lower) && !p.modifiers.has(norm)) break;
    run.unshift(w);
  }
  while (run.length && CAPITAL_JOINER.test(run[0].lower)) run.shift();
  // "to use standalone midwifery units": a lower-case phrase starts at its first health word.
  if (!capitalMode) while (run.length && !p.modifiers.has(run[0].lower.replace(/-/g, ' ')) && !/^[A-Z0-9]+$/.test(run[0].text)) run.shift();
  return { run, spoilt };
}

/** A run makes a service when it names a health field; a capitalised name must not be a body's. */
function acceptable(run: Word[], head: Word, strong: boolean, capitalMode: boolean, p: ServicePatterns): boolean {
  const lower = run.map((w) => w.lower.replace(/-/g, ' '));
  if (capitalMode && [...lower, head.lower].some((w) => w.split(' ').some((x) => p.orgWords.has(x)))) return false;
  const text = ` ${lower.join(' ')} `;
  // "the NHS Digital service": a body's name before the head makes it the body's, not a programme.
  for (let a = 0; a < lower.length; a++) {
    for (let b = a + 1; b <= lower.length; b++) if (p.bodies.has(normTokens(lower.slice(a, b).join(' ')).join(' '))) return false;
  }
  const health = [...p.modifiers].filter((m) => text.includes(` ${m} `));
  if (strong) return health.length > 0 || capitalMode;
  if (health.some((m) => !p.generic.has(m))) return true;
  // "the NHS smartphone app": an NHS-branded app or line is a service even with an ordinary word before it.
  return lower[0] === 'nhs' && lower.length >= 2 && p.nhsBrandedHeads.has(head.lower);
}

// Folded for grouping: no "NHS", hyphens as spaces, a plural's "s" dropped ("walk-in centres" = "Walk In Centre").
const foldKey = (s: string) => normTokens(s.replace(/-/g, ' ')).filter((w) => w !== 'nhs')
  .map((w) => (w.length > 3 && /[^s]s$/.test(w) ? w.slice(0, -1) : w)).join(' ');

function groupKey(e: { surface: string }, catalogued: string | null): string {
  return catalogued !== null ? `c:${catalogued}` : `p:${foldKey(e.surface)}`;
}

/** The form an article most often writes a catalogued service in ("EPS"), the catalogue's name when it writes none. */
function usualSurface(found: Found[], name: string): string {
  const counts = new Map<string, number>();
  for (const f of found) {
    const surface = f.catalogued === name && f.nameForm ? f.surface : f.stage?.base;
    if (surface && f.name === name) counts.set(surface, (counts.get(surface) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? name;
}

/**
 * For an article that names a service only by other words ("the mass vaccination centres … Covid
 * vaccine"): the first of the catalogue's name forms whose every word the article writes, so its spelling
 * ("Covid", not "COVID-19") is kept; null when none is.
 */
function inArticleWords(forms: readonly string[], body: string): string | null {
  const wordsOf = (t: string) => t.toLowerCase().split(/[^a-z0-9.'’-]+/).map((w) => w.replace(/^[.'’-]+|[.'’-]+$/g, '')).filter(Boolean);
  const written = new Set(wordsOf(body));
  return forms.find((f) => wordsOf(f).every((w) => written.has(w))) ?? null;
}

/**
 * One name per service per article, as the article writes it: the catalogue's name when the text
 * writes that (up to case, "NHS" and plural), else the form it uses most (first on a tie),
 * preferring words to an acronym.
 */
function articleNames(found: Found[], body: string): Map<string, string> {
  const groups = new Map<string, Found[]>();
  for (const f of found) {
    const key = groupKey(f, f.catalogued);
    const g = groups.get(key) ?? [];
    g.push(f);
    groups.set(key, g);
  }
  const names = new Map<string, string>();
  for (const [key, g] of groups) {
    const cat = g[0].catalogued;
    // "the care.data programme" writes the catalogue's "care.data"; "EPS Release 2" does not write "Electronic Prescription Service".
    const variant = cat !== null && !g[0].forms.length;
    if (cat !== null && !variant && g.some((f) => ` ${foldKey(f.surface)} `.includes(` ${foldKey(cat)} `))) { names.set(key, cat); continue; }
    const forms = g.filter((f) => f.nameForm).map((f) => f.surface.replace(/^(?:the|a|an)\s+/i, ''));
    if (!forms.length && g[0].stage) { names.set(key, `${usualSurface(found, g[0].name)} ${g[0].stage.label}`); continue; }
    if (!forms.length) { names.set(key, (cat !== null ? inArticleWords(g[0].forms, body) : null) ?? cat ?? g[0].surface); continue; }
    const worded = forms.filter((f) => /[a-z]/.test(f));
    const pool = worded.length ? worded : forms;
    const counts = new Map<string, number>();
    for (const f of pool) counts.set(f, (counts.get(f) ?? 0) + 1);
    // A stage or setting of a service ("EPS for secondary care") ties to the article's usual word for the service.
    const usual = (f: string) => (variant ? found.filter((x) => f.startsWith(`${x.surface} `)).length : 0);
    names.set(key, [...counts.entries()].sort((a, b) => b[1] - a[1] || usual(b[0]) - usual(a[0]))[0][0]);
  }
  return names;
}
