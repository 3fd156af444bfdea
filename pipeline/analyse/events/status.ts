// The statuses a sentence states: readings of its status verbs (reading.ts) and the cue phrases of
// status-cues.json, less those negated, hedged, conditional or about something other than the service.
import type { Entity, RolloutStatus } from '../../types.ts';
import type { Knowledge } from '../knowledge.ts';
import type { Sentence } from '../text.ts';
import type { StatusGuards } from './guards.ts';
import type { StatusReading } from './reading.ts';
import { blankServices, type Clauses } from './spans.ts';

/** `read`: the status came from the verb dictionary, whose reading already weighed tense, negation and modality. */
/**
 * `superseded`: a plan the text says was overtaken ("had been expected to open on Monday", "slipped from May"):
 * the labels keep it as planned beside its delay, so it stands only where the page gives that delay.
 * `companion`: a second status of a reading's words ("will restart" is also planned), never dropped as an overlap.
 */
export interface CueHit {
  status: RolloutStatus; start: number; end: number; read?: boolean; superseded?: boolean; companion?: boolean;
  /** The one service the hit is about, when the hit is that service's own mention ("replaces the Y": Y). */
  service?: string;
}

export function cueHits(text: string, k: Knowledge): CueHit[] {
  const hits: CueHit[] = [];
  for (const { status, cue } of k.statusCues) {
    for (const m of text.matchAll(cue)) hits.push({ status, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return hits;
}

/**
 * The statuses the dictionary reads from the sentence's verbs, and the cue phrases of other words:
 * a verb's reading (with its tense, negation and modality) replaces any cue on the same words.
 */
function statusHits(text: string, readings: readonly StatusReading[], k: Knowledge): CueHit[] {
  const read: CueHit[] = [];
  for (const r of readings) {
    if (r.status) read.push({ status: r.status, start: r.start, end: r.end, read: true });
    if (!r.status || !r.also) continue;
    read.push({ status: r.also, start: r.start, end: r.end, read: true, companion: true, ...(r.alsoSuperseded ? { superseded: true } : {}) });
  }
  // A cue on the same words as a reading gives way to it, unless it says something else over more words
  // ("the deadline for every area to launch … would move": the move is a delay, whatever "launch" says).
  const cues = cueHits(text, k).filter((h) => !readings.some((r) => r.start < h.end && r.end > h.start
    && (r.status === null || r.status === h.status || (h.start >= r.start - 12 && h.end <= r.end + 12))));
  // "is set to close down", "is expected to be launched": the reading of the verb the plan cue governs took its modality already.
  const governs = (h: CueHit) => h.status === 'planned' && /\bto$/i.test(text.slice(h.start, h.end))
    && readings.some((r) => r.start >= h.end && /^\s+(?:(?:be|have|been)\s+)?$/i.test(text.slice(h.end, r.start)));
  return [...read, ...cues.filter((h) => !governs(h))];
}

/**
 * Overlapping cues of different statuses: the longer wins ("delaying … indefinitely" is paused),
 * and a plan cue inside another status's cue ("extend its deadline for …") is part of it.
 */
function resolveOverlaps(hits: CueHit[]): CueHit[] {
  const covers = (o: CueHit, h: CueHit) => o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start;
  const overlaps = (o: CueHit, h: CueHit) => o.start < h.end && o.end > h.start;
  return hits.filter((h) => h.companion || !hits.some((o) => o !== h && o.status !== h.status && (covers(o, h) || (h.status === 'planned' && overlaps(o, h)))));
}

/** The start of the clause a cue sits in: the last comma, semicolon, "but", "while" or (further back) "and". */
function clauseStartBefore(text: string, hit: CueHit): number {
  return Math.max(text.lastIndexOf(',', hit.start - 1), text.lastIndexOf(';', hit.start - 1), text.lastIndexOf(' but ', hit.start),
    text.lastIndexOf(' while ', hit.start), text.lastIndexOf(' and ', hit.start - 20));
}

/** "The original deadline … was June", "had been due to": a plan the text itself says was overtaken. */
function supersededPlan(text: string, hit: CueHit, k: Knowledge): boolean {
  if (hit.status !== 'planned') return false;
  const window = text.slice(Math.max(clauseStartBefore(text, hit) + 1, 0), hit.start).split(/\s+/).slice(-12).join(' ');
  return k.eventCues.guards.superseded.test(window);
}

/** Negations, hedges and intentions in the words before the cue, or a question. */
function cancelledBefore(text: string, hit: CueHit, k: Knowledge): boolean {
  if (/\?\s*["”’']?$/.test(text.trim())) return true;
  // "If any patient needs help they will be able to …": a sentence that opens on a condition states no fact.
  if (!hit.read && /^\W*(?:if|unless)\b/i.test(text)) return true;
  const window = text.slice(Math.max(clauseStartBefore(text, hit) + 1, 0), hit.start).split(/\s+/).slice(-12).join(' ');
  const near = (n: number) => text.slice(Math.max(0, hit.start - n), hit.start);
  const { status, read } = hit;
  const g = k.eventCues.guards;
  // "will be launched" is a plan, not a launch.
  if (!read && status === 'live' && /\b(?:will|would|to|shall|be|being)\s+(?:\w+\s+)?$/i.test(near(20))) return true;
  if (!read && (k.negation.test(window) || k.hedge.test(window))) return true;
  // "what went wrong where 111 is already running", "areas where it is live": a restrictive 'where'
  // (no comma before it) describes unnamed places, not a launch.
  if (status === 'live' && /(?<!,)\s+where\s+(?:[\w'’-]+\s+){0,4}$/i.test(near(50))) return true;
  // "plans to restart", "wants to scrap": an intention, not the fact itself.
  if (!read && (status === 'resumed' || status === 'cancelled' || status === 'live')
    && g.intentionBefore.test(near(30))) return true;
  const before = near(50);
  // "expects to name a preferred bidder": the appointment is still to come.
  if (status === 'provider_appointed' && g.expectationBefore.test(before)) return true;
  // "A full re-procurement … will start in Q4": the timetable of buying a service is not its rollout.
  if (status === 'planned' && g.procurement.test(text.slice(Math.max(0, hit.start - 90), hit.end + 40))) return true;
  if (status === 'provider_appointed' && g.toAppoint.test(before)) return true;
  // "after the department completed its review of the scheme": a finished review is not under way.
  if (status === 'under_review' && g.finishedReview.test(before)) return true;
  // "overwhelmed by calls by December", "cut funding by 2024": a bare date is a target only in a sentence about the future.
  if (status === 'planned' && /^(?:by|from)\b/i.test(text.slice(hit.start, hit.end)) && !k.eventCues.future.test(text)) return true;
  // "is expected to be £2m", "the contract will run from April": a sum expected, or a contract's term, is no rollout plan.
  if (status === 'planned' && (k.eventCues.amountAfter.test(text.slice(hit.end))
    || (/^(?:by|from)\b/i.test(text.slice(hit.start, hit.end)) && k.eventCues.contractTermBefore.test(text.slice(0, hit.start))))) return true;
  // "The deadline … passed in October": a date gone by is no plan.
  if (status === 'planned' && g.goneBy.test(text.slice(hit.end))) return true;
  // "the surgery stopped taking calls": a live cue under "stopped" says the opposite.
  return status === 'live' && g.stoppedBefore.test(near(10));
}


/** The cue is about people, another process, a replaced system or a body, or is a condition. */
function cancelledAround(text: string, hit: CueHit, k: Knowledge): boolean {
  const { status } = hit;
  const g = k.eventCues.guards;
  // "handover delays", "discharge delays": another process's delays, not the service's.
  if (status === 'delayed' && /^delays?$/i.test(text.slice(hit.start, hit.end))
    && k.eventCues.otherDelayBefore.test(text.slice(Math.max(0, hit.start - 20), hit.start))) return true;
  // "was introduced to social prescribing by her GP": a person introduced to the service, not its launch.
  const rest = text.slice(hit.end);
  if (status === 'live' && /\b(?:was|were|been|being|is|are|get|got)\s+introduced$/i.test(text.slice(Math.max(0, hit.start - 12), hit.end))
    && /^\s+to\s+(?:the\s+)?[A-Za-z]/.test(rest) && !g.introducedToPublic.test(rest)) return true;
  // "Staff at the 111 centre were suspended": people, not the service, were suspended or stood down.
  // (Reported speech starts its own clause: "The union said staff … were suspended".)
  const clauseBefore = text.slice(Math.max(clauseStartBefore(text, hit) + 1, 0), hit.start)
    .replace(g.reportedSpeech, '');
  const stops = status === 'paused' || status === 'cancelled' || status === 'provider_withdrawn';
  if (stops && g.peopleSubject.test(clauseBefore) && !g.serviceWord.test(clauseBefore)) return true;
  // "the new record goes live, and the old system is switched off": what is replaced is not the service.
  if ((status === 'cancelled' || status === 'paused') && g.replaced.test(clauseBefore)) {
    return true;
  }
  const after = rest.split(/[,;]/)[0];
  // "is expected to close as an organisation": the fate of a body, not of the service it ran.
  if (g.asBodyAfter.test(after) || g.asBodyBefore.test(text.slice(Math.max(0, hit.start - 30), hit.start))) return true;
  if (/^\s+(?:if|unless|should)\b/i.test(after)) return true;
  // "The delay does not affect the other centre": the place named is the one the event is not about.
  if (g.notAffected.test(after)) return true;
  // "Plans to restart it … never got under way": the plan's own verb, later in the clause, is negated.
  const clauseAfter = rest.split(/[;]|,\s+(?:but|while|and)\s/)[0];
  return g.neverHappened.test(clauseAfter);
}

/** Negations and hedges in the same clause before the cue, a condition after it, or a question. */
export function cancelled(text: string, hit: CueHit, k: Knowledge): boolean {
  return cancelledBefore(text, hit, k) || cancelledAround(text, hit, k);
}

/**
 * The status hits of one sentence that speak of a service: readings and cues, less the cancelled ones and
 * those whose object, landmark or consequence is something else; then plans a delay or pause overtakes.
 */
export function sentenceHits(s: Sentence, sentServices: Entity[], readings: readonly StatusReading[], body: string, clauses: Clauses, k: Knowledge): CueHit[] {
  const c = k.eventCues;
  // "opened a car park next to its urgent treatment centre": a service named only as a landmark is not what opened.
  const landmarkOnly = (h: CueHit) => sentServices.length > 0
    && sentServices.every((x) => x.start > s.start + h.end && c.landmarkBefore.test(body.slice(Math.max(s.start + h.end, x.start - 40), x.start)));
  // "Out-of-hours services were suspended, leaving NHS 111 to take the calls": the service bears the consequence.
  // "Data from the NHS App shows that bookings opened": the service only sources a fact about something else.
  const sourceOnly = () => sentServices.length > 0 && !c.anaphora.test(blankServices(s, sentServices))
    && sentServices.every((x) => c.sourceBefore.test(body.slice(Math.max(s.start, x.start - 40), x.start)));
  const consequenceOnly = (h: CueHit) => sentServices.length > 0
    && sentServices.every((x) => x.start > s.start + h.end && c.consequence.test(body.slice(s.start + h.end, x.start)));
  const marked = statusHits(s.text, readings, k).map((h) => (supersededPlan(s.text, h, k) ? { ...h, superseded: true } : h));
  // "the Extended Hours scheme": a status word that opens a service's own name says nothing of it.
  const inName = (h: CueHit) => sentServices.some((x) => x.start - s.start < h.end && x.end - s.start >= h.end
    && x.start - s.start > s.text.lastIndexOf(' ', h.end - 1));
  let hits = resolveOverlaps(marked.filter((h) => !cancelled(s.text, h, k) && !inName(h))
    .filter((h) => !((h.status === 'live' || h.status === 'planned') && (c.notGoLive.test(s.text.slice(h.end)) || landmarkOnly(h))))
    .filter((h) => !c.otherObject.test(s.text.slice(h.end)) && !consequenceOnly(h) && !sourceOnly()));
  // "put back … from April until June": the date it moved from is the old plan, not a plan.
  const delayedAt = hits.filter((h) => h.status === 'delayed').map((h) => h.start);
  const movedFrom = (h: CueHit) => h.status === 'planned' && /^from\b/i.test(s.text.slice(h.start, h.end)) && delayedAt.some((d) => d < h.start);
  hits = hits.map((h) => (movedFrom(h) ? { ...h, superseded: true } : h));
  // "shut to new admissions and kept on standby": a closure joined to a pause is that pause.
  hits = hits.filter((h) => !(h.status === 'cancelled' && hits.some((o) => o.status === 'paused' && o.start >= h.end && o.start - h.end < 60
    && /^[^,;.]*\band\b[^,;.]*$/.test(s.text.slice(h.end, o.start)))));
  return overtakenPlans(hits, s, clauses, c.guards);
}

/** Statuses a bare date after them times ("will close by March", "will take over from April"). */
const DATED_STATUSES: ReadonlySet<string> = new Set(['cancelled', 'paused', 'resumed', 'provider_appointed', 'provider_withdrawn']);

/** Plans that a delay, pause or cancellation in the same sentence overtakes or explains. */
function overtakenPlans(hits: CueHit[], s: Sentence, clauses: Clauses, g: StatusGuards): CueHit[] {
  // "postponed a week before it was meant to launch": a plan overtaken by the news; beside a delay it is the superseded plan.
  const overtaken = (h: CueHit) => h.status === 'planned'
    && g.overtakenPlan.test(s.text.slice(Math.max(0, h.start - 25), h.end + 12));
  if (hits.some((h) => h.status === 'delayed')) hits = hits.map((h) => (overtaken(h) ? { ...h, superseded: true } : h));
  else if (hits.some((h) => h.status === 'paused' || h.status === 'cancelled')) hits = hits.filter((h) => !overtaken(h));
  // "paused … to allow more time to explain": more time inside a pause is the pause's purpose, not a second event.
  if (hits.some((h) => h.status === 'paused')) {
    hits = hits.filter((h) => !(h.status === 'delayed' && g.moreTime.test(s.text.slice(h.start, h.end))));
  }
  // "would now switch over by June": the new date of a delay in the same clause is its target, not a separate plan;
  // "will close by March": a bare date beside another status is that status's date.
  const delayClauses = new Set(hits.filter((h) => h.status === 'delayed').map((h) => clauses.of(h.start)[0]));
  const dated = hits.filter((h) => DATED_STATUSES.has(h.status));
  const dateOfOther = (h: CueHit) => /^(?:by|from)\b/i.test(s.text.slice(h.start, h.end))
    && dated.some((o) => o.start < h.start && clauses.of(o.start)[0] === clauses.of(h.start)[0]);
  return hits.filter((h) => h.status !== 'planned' || h.superseded || h.companion || !(delayClauses.has(clauses.of(h.start)[0]) || dateOfOther(h)));
}
