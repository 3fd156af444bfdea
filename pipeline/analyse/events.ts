// Rollout events: a sentence that names a service and a status cue, not negated or hedged,
// linked to the region, provider and target date in the sentence, paragraph or article.
// The stages live in events/: candidates (which sentences and services), status (which statuses),
// placement (which region, by scope), linking (provider, target, lists, repeats) and claims.
import type { RolloutEvent } from '../types.ts';
import type { Knowledge } from './knowledge.ts';
import { clauseOfOtherSubject, mayHaveEvent, replacementHits, sentenceServices, servicesOfHit } from './events/candidates.ts';
import { readSentences } from './events/frames.ts';
import {
  addEvent, carryLeadToListedAreas, dropBackground, EventStore, fanOutLists, keepSupersededBesideDelay, mergeRepeats, ProviderLinks, targetOf,
} from './events/linking.ts';
import { pageOf, type EventInputs, type Page } from './events/page.ts';
import { placeHit, placeScope, type PlaceScope } from './events/placement.ts';
import type { StatusReading } from './events/reading.ts';
import { clausesOf, spanFilter } from './events/spans.ts';
import { cueHits, sentenceHits } from './events/status.ts';

export type { EventInputs } from './events/page.ts';
export { findClaims } from './events/claims.ts';

interface Run { p: Page; scope: PlaceScope; links: ProviderLinks; store: EventStore; readings: Map<number, StatusReading[]>; guessedAt: Set<number> }

export function findEvents(inp: EventInputs, k: Knowledge): RolloutEvent[] {
  const p = pageOf(inp, k);
  const scope = placeScope(p);
  // What the status verbs of each candidate sentence say, read once for the page.
  const readings = readSentences(p.sentences, (i) => mayHaveEvent(p, p.sentences[i]), k.statusVerbs);
  // Sentences whose events took their place from elsewhere (paragraph, story, England): a list after them says better.
  const run: Run = { p, scope, links: new ProviderLinks(p, scope), store: new EventStore(), readings, guessedAt: new Set<number>() };
  for (let si = 0; si < p.sentences.length; si++) eventsOfSentence(run, si);
  const { events } = run.store;
  const statesStatus = (i: number) => (readings.get(i) ?? []).length > 0 || cueHits(p.sentences[i].text, k).length > 0;
  const listed = fanOutLists(events, p.sentences, p.regions.map(scope.canon), run.guessedAt, statesStatus);
  return mergeRepeats(keepSupersededBesideDelay(dropBackground(p, listed, events), run.store.superseded));
}

function eventsOfSentence(run: Run, si: number): void {
  const { p, scope, store } = run;
  const s = p.sentences[si];
  const k = p.k;
  if (store.lead && k.eventCues.listOfAreas.test(s.text) && !cueHits(s.text, k).length) {
    carryLeadToListedAreas(p, scope, store, s);
    return;
  }
  const sentServices = spanFilter(p.services, s.start, s.end);
  const named = sentenceServices(p, s, sentServices);
  if (!named) return;
  const clauses = clausesOf(s);
  const hits = [...sentenceHits(s, sentServices, run.readings.get(si) ?? [], p.body, clauses, k), ...replacementHits(p, s, sentServices)];
  const sentDates = spanFilter(p.inp.dates, s.start, s.end);
  for (const h of hits) {
    const clause = clauses.of(h.start);
    if (clauseOfOtherSubject(p, sentServices, clauses, clause)) continue;
    const services = servicesOfHit(p, s, h, sentServices, named.names, clause);
    const placement = placeHit(p, scope, si, h, clause);
    if (!placement) continue;
    if (placement.guessed) run.guessedAt.add(s.start);
    const confidence = Math.round((named.confidence - placement.penalty) * 100) / 100;
    const clauseProviders = spanFilter(p.providers, clause[0], clause[1]);
    const sentProviders = clauseProviders.length ? clauseProviders : spanFilter(p.providers, s.start, s.end);
    const target = targetOf(h, s, sentDates, p.body);
    for (const service of services) {
      for (const w of placement.where) {
        addEvent(store, {
          service, region: w.name, regionCode: w.code, provider: run.links.providerFor(sentProviders, w), status: h.status, target,
          evidence: s.text, evidenceStart: s.start, evidenceEnd: s.end, confidence,
        }, h.superseded);
      }
    }
  }
}
