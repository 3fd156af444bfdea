// When an event took effect, and the days its target spans. An event has two dates: the day it
// was reported (the article's publication day) and the day its status took effect, which is the
// date its own sentence ties to the status ("went live in August 2010", "paused on 3 May"), else
// the report day. Pure: the cue words come in through Knowledge (sources/lexicon/event-dates.json).
import { readFileSync } from 'node:fs';
import type { DateMention, EventDates, RolloutEvent, RolloutStatus } from '../types.ts';

export interface EventDateCues {
  /** Words before a date that tie it to the status. */
  readonly tie: RegExp;
  /** Ties that may name a day after publication (a scheduled change: "from 1 October"). */
  readonly scheduled: RegExp;
  /** Words before a date that make it a deadline or target, never an effective date. */
  readonly forward: RegExp;
  readonly clauseBreaks: readonly string[];
}

interface CueFile {
  ties: string[];
  scheduled: string[];
  forward: string[];
  clauseBreaks: string[];
}

/** A word list as "one of these words, then maybe 'the', at the end of the text". */
function endsWithOneOf(words: string[]): RegExp {
  const alternatives = [...words].sort((a, b) => b.length - a.length).map((w) => w.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  return new RegExp(`(?:^|[^\\w-])(?:${alternatives.join('|')})\\s+(?:the\\s+)?$`, 'i');
}

/** Reads sources/lexicon/event-dates.json (at the edge: loadKnowledge calls it once). */
export function loadEventDateCues(file: string): EventDateCues {
  const cues = JSON.parse(readFileSync(file, 'utf8')) as CueFile;
  for (const key of ['ties', 'scheduled', 'forward', 'clauseBreaks'] as const) {
    if (!Array.isArray(cues[key]) || cues[key].some((w) => typeof w !== 'string' || !w.trim())) {
      throw new Error(`${file}: "${key}" must be a list of words`);
    }
  }
  return {
    tie: endsWithOneOf([...cues.ties, ...cues.scheduled]),
    scheduled: endsWithOneOf(cues.scheduled),
    forward: endsWithOneOf(cues.forward),
    clauseBreaks: cues.clauseBreaks,
  };
}

/** Statuses whose sentence dates are mostly targets: only a date framing the sentence says when. */
const PLAN_STATUSES: ReadonlySet<RolloutStatus> = new Set<RolloutStatus>(['planned', 'delayed']);

/** First and last day of an ISO value at its precision: 2013, 2013-08, 2013-08-31, or a span a/b of those. */
export function isoSpan(value: string | null | undefined): { start: string; end: string } | null {
  if (!value) return null;
  const [a, b = a] = value.split('/');
  const start = dayBound(a!, false);
  const end = dayBound(b, true);
  return start && end && start <= end ? { start, end } : null;
}

function dayBound(part: string, end: boolean): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(part.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const month = m[2] ? Number(m[2]) : end ? 12 : 1;
  if (month < 1 || month > 12) return null;
  const last = new Date(Date.UTC(y, month, 0)).getUTCDate();
  const day = m[3] ? Number(m[3]) : end ? last : 1;
  if (day < 1 || day > last) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** [start, end) of the clause of `evidence` holding offset `at` (offsets relative to the evidence). */
function clauseAround(evidence: string, at: number, breaks: readonly string[]): [number, number] {
  let start = 0;
  let end = evidence.length;
  const lower = evidence.toLowerCase();
  for (const b of breaks) {
    for (let i = lower.indexOf(b); i >= 0; i = lower.indexOf(b, i + 1)) {
      if (i + b.length <= at) start = Math.max(start, i + b.length);
      else if (i >= at) end = Math.min(end, i);
    }
  }
  return [start, end];
}

/** Where the event's own place is named in its sentence, when it is named there by its name. */
function placeOffset(event: RolloutEvent): number | null {
  const at = event.evidence.toLowerCase().indexOf(event.region.toLowerCase());
  return at >= 0 ? at : null;
}

/**
 * When the event took effect: the date its sentence ties to the status, else the day it was
 * reported. A tied date is one introduced by a tie word ("in", "since", "on") and not by a
 * forward word ("by", "until"); it lies on or before the report day unless a scheduled tie
 * ("from 1 October") introduces it. Plans and delays take only a date that opens the sentence
 * ("In March, the board agreed to put the launch back"): their other dates are targets, and so
 * is a date a forward word leads on from ("from March to the autumn"). When the sentence names
 * the event's place, only a tied date in that place's clause counts; else the first tied date.
 * A date that covers the report day is cut off there: a fact is not in effect after it is reported.
 */
export function resolveEffective(
  event: RolloutEvent,
  dates: readonly DateMention[],
  published: string | null,
  cues: EventDateCues,
): Pick<EventDates, 'effective' | 'effectiveStart' | 'effectiveEnd'> {
  const reported = published
    ? { effective: published, effectiveStart: published, effectiveEnd: published }
    : { effective: null, effectiveStart: null, effectiveEnd: null };
  const inSentence = dates.filter((d) => d.start >= event.evidenceStart && d.end <= event.evidenceEnd).sort((a, b) => a.start - b.start);
  const tied = inSentence.filter((d, i) => isTied(event, d, published, cues) && !movesOn(event, d, inSentence[i + 1], cues));
  if (!tied.length) return reported;
  const place = placeOffset(event);
  let chosen = tied[0]!;
  if (place !== null) {
    const [a, b] = clauseAround(event.evidence, place, cues.clauseBreaks);
    const inClause = tied.find((d) => d.start - event.evidenceStart >= a && d.end - event.evidenceStart <= b);
    // "went live in August 2010 in Derby, with Luton following later": the date is the other places'.
    if (!inClause) return reported;
    chosen = inClause;
  }
  const end = published && chosen.rangeEnd > published && chosen.rangeStart <= published ? published : chosen.rangeEnd;
  return { effective: chosen.value, effectiveStart: chosen.rangeStart, effectiveEnd: end };
}

function isTied(event: RolloutEvent, d: DateMention, published: string | null, cues: EventDateCues): boolean {
  if (d.milestone === false) return false; // the date is about something else
  if (event.target && d.value === event.target) return false;
  const before = event.evidence.slice(0, d.start - event.evidenceStart);
  if (cues.forward.test(before)) return false;
  const opening = /^\W*(?:[A-Za-z]+\s+){0,2}(?:the\s+)?$/.test(before) && (before.trim() === '' || cues.tie.test(before));
  if (PLAN_STATUSES.has(event.status)) return opening && (!published || d.rangeStart <= published);
  if (!opening && !cues.tie.test(before)) return false;
  if (!published || d.rangeStart <= published) return true;
  return cues.scheduled.test(before);
}

/** "from March to the autumn": a date a forward word leads on from is where a plan moved from. */
function movesOn(event: RolloutEvent, d: DateMention, next: DateMention | undefined, cues: EventDateCues): boolean {
  if (!next || next.start - d.end > 24) return false;
  const gap = event.evidence.slice(d.end - event.evidenceStart, next.start - event.evidenceStart);
  return /^[\s\w]*$/.test(gap) && cues.forward.test(gap);
}

/** The first and last day the event's target can mean: its date mention's range, else the ISO value read as a span. */
export function targetDays(event: RolloutEvent, dates: readonly DateMention[]): Pick<EventDates, 'targetStart' | 'targetEnd'> {
  if (!event.target) return { targetStart: null, targetEnd: null };
  const inSentence = dates.find((d) => d.value === event.target && d.start >= event.evidenceStart && d.end <= event.evidenceEnd);
  const mention = inSentence ?? dates.find((d) => d.value === event.target);
  if (mention) return { targetStart: mention.rangeStart, targetEnd: mention.rangeEnd };
  const span = isoSpan(event.target);
  return { targetStart: span?.start ?? null, targetEnd: span?.end ?? null };
}

/** Every event with its effective date and target days filled in. */
export function withEventDates(events: RolloutEvent[], dates: readonly DateMention[], published: string | null, cues: EventDateCues): RolloutEvent[] {
  return events.map((e) => ({ ...e, ...resolveEffective(e, dates, published, cues), ...targetDays(e, dates) }));
}
