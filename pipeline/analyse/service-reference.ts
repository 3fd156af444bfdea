// Which service "the app", "the new helpline", "the system", "the programme" or "it" points back to:
// the nearest earlier service of a compatible type (an app for "the app"), not the article's first one.
// Pure; the events stage calls it for a candidate clause that names no service of its own.
import type { ServicePatterns } from './service-catalogue.ts';

/** A service mention as the events stage holds it; `serviceType` comes from findServices. */
export interface ServiceLike {
  name: string;
  start: number;
  end: number;
  serviceType?: string;
}

/** A phrase in a clause that refers back to a service. */
export interface ServiceReference {
  /** The reference noun, lower case ("app", "helpline", "it"). */
  noun: string;
  /** Words between the determiner and the noun, lower case ("online" in "the online service"). */
  modifiers: string[];
  start: number;
  end: number;
}

const DETERMINER = /^(?:the|its|their|this|that|our|these|those)$/i;
const WORD = /[A-Za-z][\w'’-]*/g;
// "it" as the subject of a fact, not "it's time", "it is understood" (service-patterns.json impersonal_it).
const PRONOUN = /^(?:it|It)$/;

/**
 * The first reference to a service in `text` (a clause starting at body offset `offset`): a noun of
 * service-patterns.json "references" with a determiner at most two words before it ("the app", "its
 * new helpline"), else the pronoun "it". Spans inside a service's own name ("the NHS App") do not count.
 */
export function findServiceReference(text: string, offset: number, services: readonly ServiceLike[], patterns: ServicePatterns): ServiceReference | null {
  return nounReferences(text, offset, services, patterns)[0] ?? pronounReference(text, offset, services, patterns);
}

const wordsIn = (text: string) => [...text.matchAll(WORD)].map((m) => ({ w: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));

/** Every determiner + reference noun in `text` ("the app", "its new helpline"), outside the services' own names. */
function nounReferences(text: string, offset: number, services: readonly ServiceLike[], patterns: ServicePatterns): ServiceReference[] {
  const inName = (a: number, b: number) => services.some((s) => s.start < b && s.end > a);
  const words = wordsIn(text);
  const out: ServiceReference[] = [];
  for (let i = 0; i < words.length; i++) {
    const noun = words[i].w.toLowerCase();
    if (!patterns.references.has(noun) || PRONOUN.test(words[i].w)) continue;
    for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
      if (/[.,;:!?()"“”]/.test(text.slice(words[j].end, words[j + 1].start))) break;
      if (!DETERMINER.test(words[j].w)) continue;
      const a = offset + words[j].start;
      const b = offset + words[i].end;
      if (!inName(a, b)) out.push({ noun, modifiers: words.slice(j + 1, i).map((x) => x.w.toLowerCase()), start: a, end: b });
      break;
    }
  }
  return out;
}

/** The first "it" that is the subject of a fact, not "it is understood", nor inside a service's name. */
function pronounReference(text: string, offset: number, services: readonly ServiceLike[], patterns: ServicePatterns): ServiceReference | null {
  for (const { w, start, end } of wordsIn(text)) {
    if (!PRONOUN.test(w) || patterns.impersonalAfter.test(text.slice(end, end + 30))) continue;
    if (services.some((s) => s.start < offset + end && s.end > offset + start)) continue;
    return { noun: 'it', modifiers: [], start: offset + start, end: offset + end };
  }
  return null;
}

/** A mention's type: from findServices, else read from its last word ("… hub" is a hub). */
function typeOf(s: ServiceLike, patterns: ServicePatterns): string {
  if (s.serviceType) return s.serviceType;
  const last = s.name.toLowerCase().split(/\s+/).pop() ?? '';
  return patterns.weakHeads.get(last) ?? patterns.strongHeads.get(last) ?? 'service';
}

/** The types a reference allows: its noun's, narrowed by a typed word before it ("the online service"). */
function allowedTypes(ref: ServiceReference, patterns: ServicePatterns): readonly string[] {
  const own = patterns.references.get(ref.noun) ?? ['*'];
  for (const m of ref.modifiers) {
    const narrow = patterns.references.get(m);
    if (narrow && !narrow.includes('*')) return own.includes('*') ? narrow : own.filter((t) => narrow.includes(t));
  }
  return own;
}

export interface ReferenceScope {
  /** Body offset where the clause's paragraph starts: an untyped "the service" or "it" looks back no further. */
  paragraphStart?: number;
}

/**
 * The service a clause refers back to. `clause` is its text and body offset; `services` every service
 * mention of the article, in text order. A typed reference takes the nearest mention before it whose
 * type it allows ("the app" → an app, "the new helpline" → a helpline, "the online service" → an online
 * service), else the nearest compatible one after it. An untyped one ("the service", "it") takes the
 * nearest mention earlier in its paragraph. Otherwise the story's service, the one it names most
 * (what "the scheme" means in a story that names its subject only by another word). Null when the clause has no
 * reference or the article no service.
 */
export function resolveServiceReference<T extends ServiceLike>(clause: { text: string; start: number }, services: readonly T[], patterns: ServicePatterns,
  scope: ReferenceScope = {}): T | null {
  if (!services.length) return null;
  const ref = findServiceReference(clause.text, clause.start, services, patterns);
  if (!ref) return null;
  const allowed = allowedTypes(ref, patterns);
  const untyped = allowed.includes('*');
  if (untyped) {
    const from = scope.paragraphStart ?? 0;
    return services.filter((s) => s.end <= ref.start && s.start >= from).pop() ?? storyService(services);
  }
  return nearestOfType(ref, services, allowed, patterns) ?? storyService(services);
}

/**
 * The nearest mention before a typed reference (else after it) of the type it names first ("the app" → an
 * app), and only failing that of another type it allows (an online service): the app, not the website named since.
 */
function nearestOfType<T extends ServiceLike>(ref: ServiceReference, services: readonly T[], allowed: readonly string[], patterns: ServicePatterns): T | null {
  for (const types of [allowed.slice(0, 1), allowed]) {
    const fits = services.filter((s) => types.includes(typeOf(s, patterns)));
    const hit = fits.filter((s) => s.end <= ref.start).pop() ?? fits.find((s) => s.start >= ref.end);
    if (hit) return hit;
  }
  return null;
}

/** The article's own subject: the service it names most often, the first named on a tie. */
function storyService<T extends ServiceLike>(services: readonly T[]): T {
  const counts = new Map<string, number>();
  for (const s of services) counts.set(s.name, (counts.get(s.name) ?? 0) + 1);
  let best = services[0];
  for (const s of services) if ((counts.get(s.name) ?? 0) > (counts.get(best.name) ?? 0)) best = s;
  return best;
}

/**
 * How often the article points back to each service by a typed reference ("the app" → its app, "the
 * helpline" → its helpline), so a story that names its app once and then calls it "the app" is the app's story.
 * Untyped references ("the service", "it") are not counted: they say nothing about which service it is.
 */
export function typedReferenceCounts(body: string, services: readonly ServiceLike[], patterns: ServicePatterns): Map<string, number> {
  const counts = new Map<string, number>();
  if (!services.length) return counts;
  for (const ref of nounReferences(body, 0, services, patterns)) {
    const allowed = allowedTypes(ref, patterns);
    if (allowed.includes('*')) continue;
    const target = nearestOfType(ref, services, allowed, patterns);
    if (target) counts.set(target.name, (counts.get(target.name) ?? 0) + 1);
  }
  return counts;
}
