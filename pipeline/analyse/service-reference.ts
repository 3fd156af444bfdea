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
  start: number;
  end: number;
}

const DETERMINER = /^(?:the|its|their|this|that|our|these|those)$/i;
const WORD = /[A-Za-z][\w'’-]*/g;
// "it" as the subject of a fact, not "it's time", "it is understood".
const PRONOUN = /^(?:it|It)$/;
const IMPERSONAL_AFTER = /^\s+(?:is|was|has been)\s+(?:understood|thought|said|expected|feared|believed|hoped|likely|unclear|not clear|time|important|vital)\b|^['’]s\s/;

/**
 * The first reference to a service in `text` (a clause starting at body offset `offset`): a noun of
 * service-patterns.json "references" with a determiner at most two words before it ("the app", "its
 * new helpline"), else the pronoun "it". Spans inside a service's own name ("the NHS App") do not count.
 */
export function findServiceReference(text: string, offset: number, services: readonly ServiceLike[], patterns: ServicePatterns): ServiceReference | null {
  const inName = (a: number, b: number) => services.some((s) => s.start < b && s.end > a);
  const words = [...text.matchAll(WORD)].map((m) => ({ w: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
  let pronoun: ServiceReference | null = null;
  for (let i = 0; i < words.length; i++) {
    const { w, start, end } = words[i];
    const noun = w.toLowerCase();
    if (PRONOUN.test(w)) {
      if (!pronoun && !IMPERSONAL_AFTER.test(text.slice(end, end + 30)) && !inName(offset + start, offset + end)) pronoun = { noun: 'it', start: offset + start, end: offset + end };
      continue;
    }
    if (!patterns.references.has(noun)) continue;
    for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
      if (/[.,;:!?()"“”]/.test(text.slice(words[j].end, words[j + 1].start))) break;
      if (!DETERMINER.test(words[j].w)) continue;
      const a = offset + words[j].start;
      const b = offset + end;
      if (!inName(a, b)) return { noun, start: a, end: b };
      break;
    }
  }
  return pronoun;
}

/** A mention's type: from findServices, else read from its last word ("… hub" is a hub). */
function typeOf(s: ServiceLike, patterns: ServicePatterns): string {
  if (s.serviceType) return s.serviceType;
  const last = s.name.toLowerCase().split(/\s+/).pop() ?? '';
  return patterns.weakHeads.get(last) ?? patterns.strongHeads.get(last) ?? 'service';
}

/**
 * The service a clause refers back to. `clause` is its text and body offset; `services` every service
 * mention of the article, in text order. The nearest mention before the reference whose type the noun
 * allows ("the app" → an app, "the new helpline" → a helpline, "it" → any); with none before, the
 * nearest compatible one after; with no compatible one at all, the article's first service (what
 * "the scheme" means in a story that names it only by another word). Null when the clause has no
 * reference or the article no service.
 */
export function resolveServiceReference<T extends ServiceLike>(clause: { text: string; start: number }, services: readonly T[], patterns: ServicePatterns): T | null {
  if (!services.length) return null;
  const ref = findServiceReference(clause.text, clause.start, services, patterns);
  if (!ref) return null;
  const allowed = patterns.references.get(ref.noun) ?? ['*'];
  const fits = (s: T) => allowed.includes('*') || allowed.includes(typeOf(s, patterns));
  const before = services.filter((s) => s.end <= ref.start && fits(s));
  if (before.length) return before.reduce((a, b) => (b.end > a.end ? b : a));
  const after = services.find((s) => s.start >= ref.end && fits(s));
  return after ?? services[0];
}
