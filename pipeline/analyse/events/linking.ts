// Linking facts together: the provider and target date of each event, a list of areas that carries the
// lead fact on, lists that fan a fact out to every place they name, and one event per repeated fact.
import type { DateMention, RolloutEvent, RolloutStatus } from '../../types.ts';
import type { Mention } from '../entities.ts';
import type { Sentence } from '../text.ts';
import { listsAfter } from './lists.ts';
import type { Page } from './page.ts';
import type { Place, PlaceScope } from './placement.ts';
import { spanFilter } from './spans.ts';
import type { CueHit } from './status.ts';

const TARGETED: ReadonlySet<RolloutStatus> = new Set<RolloutStatus>(['planned', 'delayed', 'resumed']);

/** The events found so far, keyed per fact and sentence (and per fact), and the story's first event. */
export class EventStore {
  readonly events: RolloutEvent[] = [];
  readonly seen = new Map<string, RolloutEvent>();
  lead: RolloutEvent | null = null;
  /** Plans the text says were overtaken: kept only beside a delay of the same service and place. */
  readonly superseded = new Set<RolloutEvent>();
}

/** Providers: the one a sentence names with a place, for that place anywhere in the article ("in LLR, where DHU runs the service"). */
export class ProviderLinks {
  private readonly byRegion = new Map<string, string>();
  private readonly distinct: string[];

  constructor(p: Page, scope: PlaceScope) {
    for (const s of p.sentences) {
      const ps = spanFilter(p.providers, s.start, s.end);
      const rs = spanFilter(p.regions, s.start, s.end);
      if (ps.length && rs.length) for (const r of rs) if (!this.byRegion.has(scope.canon(r).name)) this.byRegion.set(scope.canon(r).name, ps[0].name);
    }
    this.distinct = [...new Set(p.providers.map((x) => x.name))];
  }

  /** The clause's provider, else the sentence's, else the one linked to the place (or the page's only one). */
  providerFor(sentProviders: Mention[], w: Place): string | null {
    const named = sentProviders[0]?.name ?? null;
    if (named || w.name === 'England') return named;
    return this.byRegion.get(w.name) ?? (this.distinct.length === 1 ? this.distinct[0] : null);
  }
}

/** A plan's, delay's or resumption's target: a date after "to/by/until …", the latest one for a delay, else the first after the cue. */
export function targetOf(h: CueHit, s: Sentence, sentDates: DateMention[], body: string): string | null {
  if (!TARGETED.has(h.status) || !sentDates.length) return null;
  const forward = sentDates.filter((d) => /\b(?:to|until|till|by|for|in|from|at)\s+(?:the\s+)?$/i.test(body.slice(Math.max(0, d.start - 12), d.start))
    || /^the (?:end|start|beginning)/i.test(d.surface));
  const pool = forward.length ? forward : sentDates;
  const later = pool.filter((d) => d.start > s.start + h.start);
  if (h.status !== 'delayed') return (later[0] ?? pool[0]).value;
  // A delay's target is where it moved to: "put back to June, from April" as much as "from April to June".
  const movedTo = pool.filter((d) => /\b(?:to|until|till)\s+(?:the\s+)?$/i.test(body.slice(Math.max(0, d.start - 12), d.start)));
  return (movedTo.length ? movedTo[movedTo.length - 1] : pool[pool.length - 1]).value;
}

/** One event per fact and sentence here; facts repeated across sentences merge at the end. */
export function addEvent(store: EventStore, ev: RolloutEvent, superseded = false): void {
  const key = `${ev.service}|${ev.region}|${ev.status}|${ev.evidenceStart}`;
  const prev = store.seen.get(key);
  if (prev) {
    prev.provider ??= ev.provider;
    prev.target ??= ev.target;
    return;
  }
  store.seen.set(key, ev);
  store.seen.set(`${ev.service}|${ev.region}|${ev.status}`, ev);
  store.events.push(ev);
  if (superseded) store.superseded.add(ev);
  else store.lead ??= ev;
}

/** "Areas affected include X, Y and Z": a sentence listing places carries on the story's lead event. */
export function carryLeadToListedAreas(p: Page, scope: PlaceScope, store: EventStore, s: Sentence): void {
  const lead = store.lead;
  if (!lead) return;
  for (const r of spanFilter(p.regions, s.start, s.end)) {
    const c = scope.canon(r);
    const key = `${lead.service}|${c.name}|${lead.status}`;
    if (store.seen.has(key)) continue;
    const ev: RolloutEvent = { ...lead, region: c.name, regionCode: c.code, evidence: s.text, evidenceStart: s.start, evidenceEnd: s.end, confidence: 0.5 };
    store.seen.set(key, ev);
    store.events.push(ev);
  }
}

/**
 * "We are closing these centres. Those affected are:" + one centre per line: the facts of the intro
 * sentence (or of the sentence before it, when the intro states none) go to every place the list names.
 * The intro's own events are dropped where their place was only a guess.
 */
export function fanOutLists(events: RolloutEvent[], sentences: Sentence[], regions: Mention[], guessedAt: ReadonlySet<number>,
  statesStatus: (i: number) => boolean): RolloutEvent[] {
  const drop = new Set<RolloutEvent>();
  const added: RolloutEvent[] = [];
  for (const [intro, items] of listsAfter(sentences, statesStatus)) {
    const s = sentences[intro];
    let source = events.filter((e) => e.evidenceStart === s.start);
    if (!source.length && intro > 0) source = events.filter((e) => e.evidenceStart === sentences[intro - 1].start);
    if (!source.length) continue;
    const placed = items.flatMap((i) => spanFilter(regions, sentences[i].start, sentences[i].end).map((r) => ({ r, item: sentences[i] })));
    if (!placed.length) continue;
    for (const e of source) if (guessedAt.has(e.evidenceStart)) drop.add(e);
    const facts = [...new Map(source.map((e) => [`${e.service}|${e.status}`, e])).values()];
    for (const { r, item } of placed) {
      for (const e of facts) {
        added.push({ ...e, region: r.name, regionCode: r.code, evidence: item.text, evidenceStart: item.start, evidenceEnd: item.end, confidence: 0.6 });
      }
    }
  }
  return [...events.filter((e) => !drop.has(e)), ...added];
}

// One sentence rarely states two statuses for the same service and place: a specific one
// (paused, delayed, cancelled…) wins over "live" (plans stay: "went live, and will expand").
const WEAK: Record<string, number> = { planned: 0, live: 1 };

const REPLACED_AFTER = /^,?\s+which\s+(?:[\w-]+\s+){0,3}(?:replaces|will replace|is replacing|succeeds)\b/i;

/**
 * A service the story says is being replaced ("the old booking system, which the new one replaces") is
 * background: its past launch or its plan is not news; only its switch-off is. And a "live" gives way
 * to a more specific status of the same sentence, service and place.
 */
export function dropBackground(p: Page, listed: RolloutEvent[], events: RolloutEvent[]): RolloutEvent[] {
  const body = p.body;
  const replacedServices = new Set(p.services.filter((x) => p.k.eventCues.aboutWhich.replacedBefore.test(body.slice(Math.max(0, x.start - 30), x.start))
    || REPLACED_AFTER.test(body.slice(x.end, x.end + 60))).map((x) => x.name));
  const leadName = p.services[0]?.name;
  return listed.filter((e) => !(replacedServices.has(e.service) && e.service !== leadName && (e.status === 'live' || e.status === 'planned'))).filter((e) => {
    const rank = WEAK[e.status];
    if (rank !== 1) return true;
    return !events.some((o) => o !== e && o.evidenceStart === e.evidenceStart && o.service === e.service && o.region === e.region
      && (WEAK[o.status] ?? 2) > rank);
  });
}

/** A superseded plan stands beside its delay ("was due in May, now put back to June" is planned and delayed); alone it is dropped. */
export function keepSupersededBesideDelay(events: RolloutEvent[], superseded: ReadonlySet<RolloutEvent>): RolloutEvent[] {
  const delayed = new Set(events.filter((e) => e.status === 'delayed').map((e) => `${e.service}|${e.region}`));
  return events.filter((e) => !superseded.has(e) || delayed.has(`${e.service}|${e.region}`));
}

/** One event per (service, region, status): the first sentence that states it, with the provider and target any of them gives. */
export function mergeRepeats(events: RolloutEvent[]): RolloutEvent[] {
  const first = new Map<string, RolloutEvent>();
  for (const e of events) {
    const key = `${e.service}|${e.region}|${e.status}`;
    const prev = first.get(key);
    if (!prev) first.set(key, e);
    else {
      prev.provider ??= e.provider;
      prev.target ??= e.target;
    }
  }
  return [...first.values()];
}
