// The analysis stage: Article → Findings. Pure: reference data and lexicons come in
// through `knowledge` (built once by loadKnowledge at the edge).
import type { Article, Entity, Findings } from '../types.ts';
import { findDates } from './dates.ts';
import { withEventDates } from './effective.ts';
import { dropIncidentalPlaces, findNamedEntities } from './entities.ts';
import { findServices } from './services.ts';
import { findClaims, findEvents } from './events.ts';
import { findPeople } from './people.ts';
import { resolvePlaceLists } from './place-lists.ts';
import { providersByRole, providersInRole } from './providers.ts';
import { dropFramingPlaces, dropPassingPlaces, factSentences, findSites, statesNationalFact, trustsAsRegions } from './regions.ts';
import { findQuotes } from './quotes.ts';
import { tokenize } from './gazetteer.ts';
import { looksEnglish, paragraphSpans, sentenceSpans } from './text.ts';
import type { Knowledge } from './knowledge.ts';

export { loadKnowledge } from './knowledge.ts';
export type { Knowledge } from './knowledge.ts';

/** What the analyser may know about a page beyond its text (from the source declaration). */
export interface AnalysisContext {
  /** The area the publishing body covers: facts that name no place default to it instead of England. */
  defaultRegion?: string;
}

export function analyse(article: Article, knowledge: Knowledge, context: AnalysisContext = {}): Findings {
  const body = article.body;
  if (!looksEnglish(body)) return { entities: [], quotes: [], dates: [], claims: [], events: [] };
  const paragraphs = paragraphSpans(body);
  const sentences = sentenceSpans(body, paragraphs);
  const tokens = tokenize(body);
  const servicesAll = findServices(body, tokens, knowledge);
  const namedAll = findNamedEntities(body, tokens, article.published, knowledge, servicesAll.length > 0);
  const isKnownName = (a: number, b: number) => namedAll.some((n) => n.start <= a && n.end >= b && (n.end - n.start) > (b - a));
  const startsKnownName = (a: number, b: number) => namedAll.some((n) => n.start === a && n.end >= b);
  const people = findPeople(body, knowledge.firstNames, isKnownName, startsKnownName);
  const inPerson = (x: { start: number; end: number }) => people.some((p) => x.start < p.end && x.end > p.start);
  // A place inside a person's name ("Victoria Derbyshire") is part of the name.
  const incidental = dropIncidentalPlaces(body, namedAll.filter((n) => !inPerson(n)), people);
  const places = resolvePlaceLists(body, sentences, dropPassingPlaces(body, sentences, incidental, knowledge));
  // "… Integrated Care Board" inside a body's name is the body, not the programme ("Litherland Walk In Centre" is both).
  const insidePlace = (sv: { start: number; end: number }) =>
    places.some((n) => n.start <= sv.start && n.end >= sv.end && n.end - n.start > sv.end - sv.start);
  const services = servicesAll.filter((sv) => !insidePlace(sv));
  const factual = factSentences(sentences, services, knowledge);
  const sites = findSites({ body, tokens, sentences, namedAll, places, factual }, knowledge).filter((x) => !inPerson(x));
  const placesAndSites = [...places, ...sites].sort((a, b) => a.start - b.start || a.end - b.end);
  const located = dropFramingPlaces(body, sentences, [...placesAndSites, ...trustsAsRegions(body, sentences, placesAndSites, services, knowledge)]);
  const unknownProviders = services.length
    ? providersByRole(body, tokens, sentences, [...namedAll, ...located, ...people, ...services], factual, knowledge) : [];
  const named = providersInRole(body, sentences, [...located, ...unknownProviders], services, knowledge).sort((a, b) => a.start - b.start || a.end - b.end);
  const dates = findDates(body, sentences, article.published);
  const quotes = findQuotes(body, paragraphs, sentences, people, named, knowledge.nameGender);
  const defaultRegion = declaredRegion(context.defaultRegion, article.published, knowledge);
  const eventsRaw = findEvents({ body, sentences, services, named, dates, quoteSpans: quotes, defaultRegion }, knowledge);
  const claims = findClaims(sentences, services, knowledge);
  // Providers are named as the article writes them in full ("North East Ambulance Service"),
  // not by an acronym; the code still identifies a trust.
  const providerName = new Map<string, string>();
  for (const n of named) if (n.kind === 'provider' && n.entry && /[a-z]/.test(n.surface)) {
    const cur = providerName.get(n.entry.name);
    if (!cur || n.surface.length > cur.length) providerName.set(n.entry.name, n.surface.replace(/^the\s+/i, ''));
  }
  const providerCode = new Map(named.filter((n) => n.kind === 'provider').map((n) => [n.name, n.code]));
  const withProvider = eventsRaw.map((e) => (e.provider
    ? { ...e, provider: providerName.get(e.provider) ?? e.provider, providerCode: e.providerCode ?? providerCode.get(e.provider) ?? null }
    : { ...e, providerCode: null }));
  const events = withEventDates(withProvider, dates, article.published, knowledge.eventDates);

  // England is a region of the story when a fact is national, or when a story about a service names it on its own.
  const nationalSentence = statesNationalFact(body, sentences, named, services, factual, knowledge);
  const national = events.some((e) => e.region === 'England') || nationalSentence !== null;
  const entities: Entity[] = [
    ...named
      .filter((n) => national || !(n.kind === 'region' && n.name === 'England'))
      // With no service in the story, a trust is just an organisation, not a provider of one.
      .map((n) => (n.kind === 'provider' && services.length === 0 ? { ...n, kind: 'organisation' as const } : n))
      .map(({ entry, ...e }) => (e.kind === 'provider' && entry ? { ...e, name: providerName.get(entry.name) ?? e.name } : e)),
    ...people.map(({ key: _key, ...e }) => e),
    ...services.map(({ serviceType: _t, ...e }) => e),
  ];
  // National facts put England among the regions, anchored on their evidence sentence.
  if (events.some((e) => e.region === 'England') && !entities.some((e) => e.kind === 'region' && e.name === 'England')) {
    const ev = events.find((e) => e.region === 'England')!;
    entities.push({ kind: 'region', name: 'England', surface: ev.evidence, code: null, start: ev.evidenceStart, end: ev.evidenceEnd });
  } else if (nationalSentence && !entities.some((e) => e.kind === 'region' && e.name === 'England')) {
    entities.push({ kind: 'region', name: 'England', surface: nationalSentence.text, code: null, start: nationalSentence.start, end: nationalSentence.end });
  }
  entities.sort((a, b) => a.start - b.start || a.end - b.end);
  return { entities, quotes, dates, claims, events };
}

/** The declared area as the gazetteer knows it (its code), or the name as written when it is unknown. */
function declaredRegion(name: string | undefined, published: string | null, knowledge: Knowledge): { name: string; code: string | null } | null {
  const trimmed = name?.trim();
  if (!trimmed) return null;
  const known = findNamedEntities(trimmed, tokenize(trimmed), published, knowledge)
    .find((n) => n.kind === 'region' && n.start === 0 && n.end >= trimmed.length - 1);
  return known ? { name: known.name, code: known.code } : { name: trimmed, code: null };
}
