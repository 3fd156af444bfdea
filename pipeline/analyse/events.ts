// Rollout events: a sentence that names a service and a status cue, not negated or hedged,
// linked to the region, provider and target date in the sentence, paragraph or article.
import type { DateMention, Entity, NumericClaim, RolloutEvent, RolloutStatus } from '../types.ts';
import type { Knowledge } from './knowledge.ts';
import type { Mention } from './entities.ts';
import { sentenceAt, type Sentence } from './text.ts';
import { normTokens } from './reference/names.ts';
import { readSentences } from './events/frames.ts';
import { listsAfter } from './events/lists.ts';
import type { StatusReading } from './events/reading.ts';

const NATIONAL = /\b(?:nationally|nationwide|national (?:rollout|roll-out|deadline|launch|programme|target|scheme|service|switch-on|go-live|pause)|across (?:all of )?(?:England|the country|the NHS)|throughout England|(?:all|every) (?:areas?|CCGs?|trusts?|ICBs?|practices?|regions?|pharmacies)\b(?! in [A-Z](?!ngland))|the whole (?:of England|country)|the rest of (?:England|the country)|England-wide|in England\b|of England's)/i;
/** The same, for counting every mention (matchAll needs the g flag; compiled once, not per page). */
const NATIONAL_ALL = new RegExp(NATIONAL.source, 'gi');
// Objects that make "launched"/"introduced" about something other than the service going live.
// Objects that make a delay, pause or cancellation about something other than the service
// ("delayed the publication of the report into 111", "launched an attack on GPs").
const OTHER_OBJECT = /^\s+(?:an?\s+|the\s+|its\s+|their\s+|his\s+|her\s+)?(?:\w+\s+){0,2}(?:publication|report|decision|vote|votes|meeting|meetings|debate|talks|strike|strikes|ballot|election|announcement|payments?|pay|hearing|trial|case|visit|event|conference|attack|criticism|broadside|speech|interview|statement|letter|bill|legislation|shifts?|staff|workers|nurses|doctors|licen[cs]e|registration)\b/i;
const NOT_GO_LIVE = /^\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:\w+\s+){0,2}(?:review|consultation|investigation|inquiry|campaign|pilot|tender|procurement|bid|appeal|survey|audit|evaluation|study|report|probe|challenge|petition)\b/i;
// A place phrase before a service name: the service only locates something else.
const LANDMARK_BEFORE = /\b(?:next to|near|nearby|beside|outside|opposite|behind|close to|next door to|across the road from|on the site of|in front of)\s+(?:the\s+|its\s+|their\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,2}$/i;
const SOURCE_BEFORE = /\b(?:data|figures|statistics|stats|numbers|analysis|users|callers|survey|research)\s+(?:from|of|on|to|using)\s+(?:the\s+)?$/i;
const CONSEQUENCE = /,\s+(?:leaving|forcing|meaning|putting|sending|pushing|adding|piling|causing)\b/i;
const ANAPHORA = /\b(?:(?:the|their|its|this|our|that|a)\s+(?:[\w-]+\s+)?(?:service|rollout|roll-out|scheme|programme|system|contracts?|launch|pilot|number|line|helpline|app|platform|project|pathfinders?|record|records|uploads?|extractions?|collection|centres?|sites?|clinics?|units?|hubs?|wards?)|(?:the|their|its|this|our|that|a)\s+(?:[\w'’-]+\s+){0,2}(?:handover|switchover|switch-on)|^(?:records|uploads|extractions) (?:for|of|will|are|were)|pilots?|pathfinders?)\b/i;
// Subjects that make an unplaced sentence about the article's own area, not the country.
const LOCAL_SUBJECT = /\b(?:commissioners|CCGs?|clinical commissioning groups?|the trust|trusts|the council|local|locally|the ICB|the hospital|the area|the county|the city|the borough|the pilot|the pathfinder)\b/i;
// "practices in the city": the story's own named place, not the wider area of the publisher.
const PLACE_ANAPHOR = /\b(?:in|across|around|throughout) the (?:city|town|county|borough|district)\b/i;
const LIST_OF_AREAS = /\b(?:areas? affected|affected areas?|(?:areas|places|regions|CCGs|trusts|contracts|sites) (?:affected )?(?:include|including|are)|among them|namely)\b/i;
const CLAUSE_BREAK = /,\s+(?:and|while|but|whereas|although)\s+|;\s+|\s+while\s+|\s+whereas\s+|,\s+but\s+/g;
// Words that put a sentence in the future (or in a plan), where "by June" is a target.
const FUTURE = /\b(?:will|would|shall|to be|due|expect\w*|aim\w*|target\w*|plan\w*|deadline|set to|should|must|intend\w*|hope\w*|goal|ambition|going to|ready|promis\w*|pledg\w*|commit\w*|schedul\w*|timetable|by the end of|needs? to|has to|have to|on track|extend\w*|delay\w*|postpon\w*|put back|push\w* back|moved|now)\b/i;
// A name followed by a reporting verb is the source of the news ("NHS England has confirmed").
const REPORTS_AFTER = /^\s+(?:has |have |had )?(?:said|says|confirmed|confirms|announced|announces|told|stated|added|explained|revealed)\b/i;
// "to be run by the trust": the provider that runs a centre (a local fact).
const RUN_BY_BEFORE = /\b(?:run|provided|operated|delivered|managed)\s+by\s+(?:the\s+)?$/i;
const TARGETED: ReadonlySet<RolloutStatus> = new Set<RolloutStatus>(['planned', 'delayed', 'resumed']);

/** `read`: the status came from the verb dictionary, whose reading already weighed tense, negation and modality. */
interface CueHit { status: RolloutStatus; start: number; end: number; read?: boolean }

function cueHits(text: string, k: Knowledge): CueHit[] {
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
  for (const r of readings) if (r.status) read.push({ status: r.status, start: r.start, end: r.end, read: true });
  // A cue on the same words as a reading gives way to it, unless it says something else over more words
  // ("the deadline for every area to launch … would move": the move is a delay, whatever "launch" says).
  const cues = cueHits(text, k).filter((h) => !readings.some((r) => r.start < h.end && r.end > h.start
    && (r.status === null || r.status === h.status || (h.start >= r.start - 12 && h.end <= r.end + 12))));
  return [...read, ...cues];
}

/**
 * Overlapping cues of different statuses: the longer wins ("delaying … indefinitely" is paused),
 * and a plan cue inside another status's cue ("extend its deadline for …") is part of it.
 */
function resolveOverlaps(hits: CueHit[]): CueHit[] {
  return hits.filter((h) => !hits.some((o) => o !== h && o.status !== h.status && ((o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start) || (h.status === 'planned' && o.start < h.end && o.end > h.start))));
}

/** Negations and hedges in the same clause before the cue, a condition after it, or a question. */
function cancelled(text: string, hit: CueHit, k: Knowledge): boolean {
  if (/\?\s*["”’']?$/.test(text.trim())) return true;
  const clauseStart = Math.max(text.lastIndexOf(',', hit.start - 1), text.lastIndexOf(';', hit.start - 1), text.lastIndexOf(' but ', hit.start), text.lastIndexOf(' while ', hit.start), text.lastIndexOf(' and ', hit.start - 20));
  const window = text.slice(Math.max(clauseStart + 1, 0), hit.start).split(/\s+/).slice(-12).join(' ');
  // "will be launched" is a plan, not a launch.
  if (!hit.read && hit.status === 'live' && /\b(?:will|would|to|shall|be|being)\s+(?:\w+\s+)?$/i.test(text.slice(Math.max(0, hit.start - 20), hit.start))) return true;
  if (!hit.read && (k.negation.test(window) || k.hedge.test(window))) return true;
  // "what went wrong where 111 is already running", "areas where it is live": a restrictive 'where'
  // (no comma before it) describes unnamed places, not a launch.
  if (hit.status === 'live' && /(?<!,)\s+where\s+(?:[\w'’-]+\s+){0,4}$/i.test(text.slice(Math.max(0, hit.start - 50), hit.start))) return true;
  // "plans to restart", "wants to scrap": an intention, not the fact itself.
  if (!hit.read && (hit.status === 'resumed' || hit.status === 'cancelled' || hit.status === 'live') && /\b(?:plans?|aims?|intends?|hopes?|wants?|proposals?|proposes?|seeks?|bid) to\s+(?:\w+\s+)?$/i.test(text.slice(Math.max(0, hit.start - 30), hit.start))) return true;
  const before = text.slice(Math.max(0, hit.start - 50), hit.start);
  // "The original deadline … was June", "had been due to": a superseded plan is not news.
  if (hit.status === 'planned' && /\b(?:original|originally|initial|initially|previous|previously|had been (?:due|planned|expected|scheduled|set))\b/i.test(window)) return true;
  // "expects to name a preferred bidder": the appointment is still to come.
  if (hit.status === 'provider_appointed' && /\b(?:expects?|expected|plans?|hopes?|aims?|intends?|due) to\s*$/i.test(before)) return true;
  // "A full re-procurement … will start in Q4": the timetable of buying a service is not its rollout.
  if (hit.status === 'planned' && /\b(?:re-?procurement|procurement|tender)\b/i.test(text.slice(Math.max(0, hit.start - 90), hit.end + 40))) return true;
  if (hit.status === 'provider_appointed' && /\b(?:expects?|expected|plans?|hopes?|aims?|intends?|will|due|able) to (?:name|appoint|choose|select|award|announce|pick|sign)\b(?:\s+\S+){0,2}\s*$/i.test(before)) return true;
  // "after the department completed its review of the scheme": a finished review is not under way.
  if (hit.status === 'under_review' && /\b(?:completed|finished|concluded|published|following|after)\b(?:\s+\S+){0,4}\s*$/i.test(before)) return true;
  // "overwhelmed by calls by December", "cut funding by 2024": a bare date is a target only in a sentence about the future.
  if (hit.status === 'planned' && /^(?:by|from)\b/i.test(text.slice(hit.start, hit.end)) && !FUTURE.test(text)) return true;
  // "The deadline … passed in October": a date gone by is no plan.
  if (hit.status === 'planned' && /\b(?:passed|expired|came and went|lapsed)\b/i.test(text.slice(hit.end))) return true;
  // "the surgery stopped taking calls": a live cue under "stopped" says the opposite.
  if (hit.status === 'live' && /\b(?:stopped|stops|stop|ceased|ceases|cease)\s+$/i.test(text.slice(Math.max(0, hit.start - 10), hit.start))) return true;
  // "handover delays", "discharge delays": another process's delays, not the service's.
  if (hit.status === 'delayed' && /^delays?$/i.test(text.slice(hit.start, hit.end)) && /\b(?!(?:the|a|an|further|more|long|lengthy|repeated|recent|significant|major|serious|its|their|any|no|these|those|such|some|many|this|that|new|latest|continued|ongoing|rollout|roll-out|launch|go-live|implementation|deployment|programme|project|system|service|scheme|contract|procurement|years?|months?|weeks?|days?|to|of|and|or|in|on|for|with|by|from|at|after|before|amid|despite|over|about|because|due|caus\w*|fac\w*|avoid\w*|cut|reduc\w*|blam\w*|suffer\w*|announc\w*|expect\w*|confirm\w*|admit\w*|further|without|any|avoidable|unavoidable|unexpected|expected|inevitable)\b)[a-z]+\s+$/.test(text.slice(Math.max(0, hit.start - 20), hit.start))) return true;
  // "was introduced to social prescribing by her GP": a person introduced to the service, not its launch.
  if (hit.status === 'live' && /\b(?:was|were|been|being|is|are|get|got)\s+introduced$/i.test(text.slice(Math.max(0, hit.start - 12), hit.end)) && /^\s+to\s+(?:the\s+)?[A-Za-z]/.test(text.slice(hit.end)) && !/^\s+to\s+(?:patients|people|practices|pharmacies|areas?|the (?:region|area|county|city|country|public))\b/i.test(text.slice(hit.end))) return true;
  // "Staff at the 111 centre were suspended": people, not the service, were suspended or stood down.
  // (Reported speech starts its own clause: "The union said staff … were suspended".)
  const clauseBefore = text.slice(Math.max(clauseStart + 1, 0), hit.start).replace(/^.*\b(?:said|says|told|warned|claimed|confirmed|announced|added|reported|revealed)\s+(?:that\s+)?/i, '');
  if ((hit.status === 'paused' || hit.status === 'cancelled' || hit.status === 'provider_withdrawn') && /^\W*(?:\w+\s+){0,2}(?:staff|workers?|employees?|nurses?|doctors?|GPs|paramedics|call handlers|managers?|members|the (?:chief|director|manager|boss|nurse|doctor|GP|paramedic|worker|employee))\b/i.test(clauseBefore)
    && !/\b(?:launch|rollout|roll-out|go-live|service|scheme|programme|system|contract|plans?|pilot)\b/i.test(clauseBefore)) return true;
  // "the new record goes live, and the old system is switched off": what is replaced is not the service.
  if ((hit.status === 'cancelled' || hit.status === 'paused') && /\b(?:the|its|their)\s+(?:old|previous|existing|legacy|former|paper)\b/i.test(clauseBefore)) return true;
  const after = text.slice(hit.end).split(/[,;]/)[0];
  // "is expected to close as an organisation": the fate of a body, not of the service it ran.
  if (/^\s*(?:\w+\s+)?as an? (?:organisation|organization|body|company|employer|statutory body)\b/i.test(after) || /\bas an? (?:organisation|organization|body|company|employer|statutory body)\s+$/i.test(text.slice(Math.max(0, hit.start - 30), hit.start))) return true;
  if (/^\s+(?:if|unless|should)\b/i.test(after)) return true;
  // "The delay does not affect the other centre": the place named is the one the event is not about.
  if (/^\s+(?:\w+\s+)?(?:does|do|did|will|would|has|have|is|are)\s*(?:not|n['’]t)\s+(?:\w+\s+)?(?:affect|apply|include|cover|change|extend|reach)/i.test(after)) return true;
  // "Plans to restart it … never got under way": the plan's own verb, later in the clause, is negated.
  if (/\b(?:never|did not|didn['’]t|has not|have not|had not) (?:\w+ )?(?:got|get|gone|went|come|came|happen(?:ed)?|materiali[sz]ed?|beg[au]n|start(?:ed)?|took off|taken off|go ahead|went ahead)\b/i.test(text.slice(hit.end).split(/[;]|,\s+(?:but|while|and)\s/)[0])) return true;
  return false;
}

export interface EventInputs {
  body: string;
  sentences: Sentence[];
  services: Entity[];
  named: Mention[];
  dates: DateMention[];
  /** Spans of quoted speech: an unnamed "the service" inside a quote is too loose to make an event. */
  quoteSpans: Array<{ start: number; end: number }>;
  /** The area the publishing body covers (source declaration): unplaced local facts are its. */
  defaultRegion?: { name: string; code: string | null } | null;
}

export function findEvents(inp: EventInputs, k: Knowledge): RolloutEvent[] {
  const { sentences, services, named, dates } = inp;
  const regions = named.filter((n) => n.kind === 'region' && n.name !== 'England');
  const providers = named.filter((n) => n.kind === 'provider');
  const nationalOrgs = named.filter((n) => n.entry?.national || n.name === 'England');

  // Sub-areas collapse into a larger area the article names ("Leicestershire" → "Leicester, Leicestershire and Rutland").
  const bigger = new Map<string, Mention>();
  // One representative mention and its folded words per distinct name (articles repeat names).
  const byName = new Map<string, { m: Mention; key: string; n: number }>();
  for (const r of regions) if (!byName.has(r.name)) { const t = normTokens(r.name); byName.set(r.name, { m: r, key: ` ${t.join(' ')} `, n: t.length }); }
  for (const [name, a] of byName) {
    // Only a contiguous part counts: "Leicestershire" is in LLR, "North Essex" is not "North East Essex".
    for (const [other, b] of byName) {
      if (other !== name && a.n > 0 && b.n > a.n && b.key.includes(a.key)) { bigger.set(name, b.m); break; }
    }
  }
  const canon = (r: Mention) => bigger.get(r.name) ?? r;
  const counts = new Map<string, { n: number; m: Mention }>();
  for (const r of regions) { const c = canon(r); const e = counts.get(c.name) ?? { n: 0, m: c }; e.n++; counts.set(c.name, e); }
  const dominantCount = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  // The story's area: the first one it names (news leads with it), else the most mentioned.
  const dominant = regions.length ? canon(regions[0]) : (dominantCount?.m ?? null);
  // A story that leads with "in Bedfordshire and Luton" is about both: every place of that first sentence (a short list).
  const leadList: Mention[] = regions.length ? [regions[0]] : [];
  for (let i = 1; i < regions.length && /^\s*(?:,|,?\s*and|&)\s*$/.test(inp.body.slice(regions[i - 1].end, regions[i].start)); i++) leadList.push(regions[i]);
  const leadPlaces = [...new Map(leadList.map((r) => [canon(r).name, canon(r)])).values()];
  const storyAreas = leadPlaces.length > 1 && leadPlaces.length <= 3 ? leadPlaces : dominant ? [dominant] : [];
  // An article that speaks of England or national bodies more than of its main area is national.
  const nationalMentions = nationalOrgs.length + [...inp.body.matchAll(NATIONAL_ALL)].length;
  const local = inp.defaultRegion ?? null;
  // A local body's own site is about its area unless it speaks of the national programme.
  // …and one that names its area before any national fact is a local story told against a national backdrop.
  const nationalAt = inp.body.search(NATIONAL);
  const firstNational = Math.min(nationalOrgs[0]?.start ?? Infinity, nationalAt < 0 ? Infinity : nationalAt);
  const localFirst = regions.length > 0 && regions[0].start < firstNational;
  const nationalArticle = local ? nationalMentions > 0 && nationalMentions > (dominantCount?.n ?? 0) : !dominantCount || (nationalMentions > dominantCount.n && !localFirst);
  // A place inside the publisher's area ("Leicester City" on the LLR CCGs' site) stands for that area when a fact has no place of its own.
  const localArea = (r: Mention) => {
    if (!local) return { name: r.name, code: r.code };
    const area = new Set(normTokens(local.name));
    const own = normTokens(r.name).filter((t) => !['city', 'county', 'borough', 'and'].includes(t));
    return own.length && own.every((t) => area.has(t)) ? local : { name: r.name, code: r.code };
  };

  // Provider linked to a region anywhere in the article ("in LLR, where DHU runs the service").
  const providerFor = new Map<string, string>();
  for (const s of sentences) {
    const ps = spanFilter(providers, s.start, s.end);
    const rs = spanFilter(regions, s.start, s.end);
    if (ps.length && rs.length) for (const r of rs) if (!providerFor.has(canon(r).name)) providerFor.set(canon(r).name, ps[0].name);
  }
  const distinctProviders = [...new Set(providers.map((p) => p.name))];
  const distinctServices = [...new Set(services.map((s) => s.name))];
  // The story's service: the only one, or one named at least twice as often as any other
  // (a UTC story that mentions NHS 111 once in passing is still a UTC story).
  const serviceCounts = distinctServices.map((name) => ({ name, n: services.filter((x) => x.name === name).length })).sort((a, b) => b.n - a.n);
  const storyService = serviceCounts.length === 1 || (serviceCounts.length > 1 && serviceCounts[0].n >= 2 * serviceCounts[1].n) ? serviceCounts[0].name : null;

  const events: RolloutEvent[] = [];
  const seen = new Map<string, RolloutEvent>();
  const within = spanFilter;
  const uniqRegions = (rs: Mention[]) => {
    const uniq = new Map<string, Mention>();
    for (const r of rs) uniq.set(canon(r).name, canon(r));
    return [...uniq.values()].map((r) => ({ name: r.name, code: r.code }));
  };
  let leadEvent: RolloutEvent | null = null;
  // Sentences whose events took their place from elsewhere (paragraph, story, England): a list after them says better.
  const guessedAt = new Set<number>();
  // "three areas of England", "one of the first in England": England qualifies the places, the fact is theirs.
  const qualifier = (o: Mention) => o.name === 'England' && /\b(?:areas?|parts?|regions?|places|corners?|CCGs|trusts)\s+(?:\w+\s+)?(?:of|in|across)\s+$|\b(?:first|only|last|few)\s+(?:\w+\s+)?in\s+$/i.test(inp.body.slice(Math.max(0, o.start - 30), o.start));
  // A body named as the source of the news ("…, NHS Kent and Medway has confirmed") is not where the fact is.
  const reportsNews = (m: Entity) => REPORTS_AFTER.test(inp.body.slice(m.end, m.end + 25));
  /** A national cue or body in [a, b); `reportersToo: false` leaves out national bodies that only report the news. */
  const isNational = (a: number, b: number, { reportersToo = true } = {}) =>
    NATIONAL.test(inp.body.slice(a, b)) || nationalOrgs.some((o) => o.start >= a && o.end <= b && !qualifier(o) && (reportersToo || !reportsNews(o)));
  // What the status verbs of each candidate sentence say, read once for the page.
  const readings = readSentences(sentences, (i) => spanFilter(services, sentences[i].start, sentences[i].end).length > 0 || ANAPHORA.test(sentences[i].text) || storyService !== null, k.statusVerbs);
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    // "Areas affected include X, Y and Z": a list of places carries on the story's lead event.
    if (leadEvent && LIST_OF_AREAS.test(s.text) && !cueHits(s.text, k).length) {
      for (const r of within(regions, s.start, s.end)) {
        const c = canon(r);
        const key = `${leadEvent.service}|${c.name}|${leadEvent.status}`;
        if (seen.has(key)) continue;
        const ev: RolloutEvent = { ...leadEvent, region: c.name, regionCode: c.code, evidence: s.text, evidenceStart: s.start, evidenceEnd: s.end, confidence: 0.5 };
        seen.set(key, ev);
        events.push(ev);
      }
      continue;
    }
    const sentServices = within(services, s.start, s.end);
    let svc = [...new Set(sentServices.map((x) => x.name))];
    let confidence = 0.9;
    if (svc.length === 0) {
      const quoted = inp.quoteSpans.some((q) => s.start < q.end && s.end > q.start);
      // Outside quotes, a sentence with no service name still speaks of the article's only
      // service when it points back to it ("the pilot") or states a national fact.
      // In a story about one service, a sentence that places a status ("in Hampshire … sought more time") is about it too.
      const placed = storyService !== null && within(regions, s.start, s.end).length > 0;
      const anaphor = ANAPHORA.test(s.text);
      if (quoted || !(anaphor || placed || (storyService !== null && NATIONAL.test(s.text)))) continue;
      // "the service", "the pilot": the service named most recently before (else next after).
      // The story's lead service (the first it names) is what "the scheme" means, not a system
      // named in passing on the way ("uploaded to the NHS Spine").
      const before = services.filter((x) => x.end <= s.start);
      const ref = before.length ? before[0] : services.find((x) => x.start >= s.end);
      if (!ref) continue;
      svc = [anaphor ? ref.name : (storyService ?? ref.name)];
      confidence = 0.6;
    }
    // "opened a car park next to its urgent treatment centre": a service named only as a landmark is not what opened.
    const landmarkOnly = (h: CueHit) => sentServices.length > 0 && sentServices.every((x) => x.start > s.start + h.end && LANDMARK_BEFORE.test(inp.body.slice(Math.max(s.start + h.end, x.start - 40), x.start)));
    // "Out-of-hours services were suspended, leaving NHS 111 to take the calls": the service bears the consequence.
    // "Data from the NHS App shows that bookings opened": the service only sources a fact about something else.
    const sourceOnly = () => sentServices.length > 0 && !ANAPHORA.test(blankServices(s, sentServices)) && sentServices.every((x) => SOURCE_BEFORE.test(inp.body.slice(Math.max(s.start, x.start - 40), x.start)));
    const consequenceOnly = (h: CueHit) => sentServices.length > 0 && sentServices.every((x) => x.start > s.start + h.end && CONSEQUENCE.test(inp.body.slice(s.start + h.end, x.start)));
    let hits = resolveOverlaps(statusHits(s.text, readings.get(si) ?? [], k).filter((h) => !cancelled(s.text, h, k))
      .filter((h) => !((h.status === 'live' || h.status === 'planned') && (NOT_GO_LIVE.test(s.text.slice(h.end)) || landmarkOnly(h))))
      .filter((h) => !OTHER_OBJECT.test(s.text.slice(h.end)) && !consequenceOnly(h) && !sourceOnly()));
    // "put back … from April until June": the date it moved from is the old plan, not a plan.
    const delayedAt = hits.filter((h) => h.status === 'delayed').map((h) => h.start);
    hits = hits.filter((h) => !(h.status === 'planned' && /^from\b/i.test(s.text.slice(h.start, h.end)) && delayedAt.some((d) => d < h.start)));
    if (!hits.length) continue;
    // Clause boundaries inside the sentence, so "X went live in A, while B …" links A and B apart.
    const cuts = [0];
    for (const m of s.text.matchAll(CLAUSE_BREAK)) cuts.push((m.index ?? 0) + m[0].length);
    cuts.push(s.text.length);
    const clauseOf = (pos: number): [number, number] => {
      let a = 0;
      let b = s.text.length;
      for (const c of cuts) { if (c <= pos) a = c; else { b = c; break; } }
      return [s.start + a, s.start + b];
    };
    const sentDates = within(dates, s.start, s.end);
    // "postponed, days before it was due to go live": a plan overtaken by the news is not a plan.
    if (hits.some((h) => h.status === 'paused' || h.status === 'delayed' || h.status === 'cancelled')) hits = hits.filter((h) => !(h.status === 'planned' && /\b(?:was|were|had been)\s+(?:\w+\s+)?(?:due|expected|planned|scheduled|set|meant)\b/i.test(s.text.slice(Math.max(0, h.start - 25), h.end + 12))));
    // "paused … to allow more time to explain": more time inside a pause is the pause's purpose, not a second event.
    if (hits.some((h) => h.status === 'paused')) hits = hits.filter((h) => !(h.status === 'delayed' && /\b(?:more|extra|additional) time\b/i.test(s.text.slice(h.start, h.end))));
    // "would now switch over by June": the new date of a delay in the same clause is its target, not a separate plan.
    const delayClauses = new Set(hits.filter((h) => h.status === 'delayed').map((h) => clauseOf(h.start)[0]));
    hits = hits.filter((h) => h.status !== 'planned' || !delayClauses.has(clauseOf(h.start)[0]));
    for (const h of hits) {
      const [ca, cb] = clauseOf(h.start);
      // "Patients are expected to wait longer, although the 111 service remains open": a cue in a clause
      // of its own, with its own subject, says nothing about the service named in another clause.
      if (sentServices.length && cuts.length > 2 && !within(sentServices, ca, cb).length && !ANAPHORA.test(inp.body.slice(ca, cb)) && /^\s*(?:[A-Z]\w*\s+){0,1}(?:patients|people|staff|doctors|nurses|GPs|hospitals|ambulances|waiting|waits|demand|the (?:hospital|trust|surgery|practice|council|union|strike|building|centre|ward|unit)|a new)\b/i.test(inp.body.slice(ca, cb))) continue;
      // The cue speaks about the service in its clause, else the nearest one in the sentence.
      let hitServices = svc;
      if (sentServices.length > 1) {
        // ", which is to replace Choose and Book,": a service inside a relative clause is not the subject.
        const relative = [...s.text.matchAll(/,\s+(?:which|who|that|replacing|alongside|as well as|like)\b[^,]*,/gi)].map((m) => [s.start + (m.index ?? 0), s.start + (m.index ?? 0) + m[0].length]);
        // "X will replace Y", "replacing Y": the replaced service is not what the cue is about.
        const replaced = (x: Entity) => /\b(?:replac(?:e|es|ed|ing)|succeed(?:s|ed|ing)?|taking over from|takes over from|in place of)\s+(?:the\s+)?$/i.test(inp.body.slice(Math.max(0, x.start - 30), x.start));
        // "tested by 111 providers": a service name used to describe organisations is not the subject.
        const modifier = (x: Entity) => /^\s+(?:providers?|staff|call handlers|callers|clinicians)\b/i.test(inp.body.slice(x.end, x.end + 20)) || /\s(?:providers?|staff|call handlers|callers|clinicians)$/i.test(inp.body.slice(x.start, x.end));
        const main = within(sentServices, ca, cb).filter((x) => !replaced(x) && !modifier(x) && !relative.some(([a, b]) => x.start >= a && x.end <= b));
        const clauseAll = within(sentServices, ca, cb);
        // A clause whose only service name is a modifier speaks of the sentence's subject service.
        const fallback = clauseAll.length && clauseAll.every(modifier) ? sentServices.filter((x) => !modifier(x) && !replaced(x)).slice(0, 1) : clauseAll;
        const inClause = [...new Set((main.length ? main : fallback).map((x) => x.name))];
        // "… the new NHS App, which practices will start offering next month": a cue inside a trailing
        // relative clause speaks of the service just before the comma.
        const at = s.start + h.start;
        const trailing = [...s.text.matchAll(/,\s+(?:which|that)\b[^,]*$/gi)].map((m) => s.start + (m.index ?? 0)).find((a) => a < at);
        const antecedent = trailing !== undefined ? sentServices.filter((x) => x.end <= trailing && trailing - x.end <= 2).pop() : undefined;
        if (antecedent) hitServices = [antecedent.name];
        else if (inClause.length) hitServices = inClause;
        else {
          const nearest = [...sentServices].sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0];
          hitServices = [nearest.name];
        }
      }
      let where: Array<{ name: string; code: string | null }>;
      let conf = confidence;
      const clauseRegions = within(regions, ca, cb);
      // "…that previously covered Cheshire, Halton…": places of the old arrangement are not where the new one applies.
      // "one of the first areas in the North East": the wider area only ranks the place the fact is about.
      const ranking = (r: Mention) => /\b(?:first|only|last|few)\s+(?:\w+\s+)?in\s+(?:the\s+)?$/i.test(inp.body.slice(Math.max(0, r.start - 30), r.start));
      const notSource = clauseRegions.filter((r) => !ranking(r) && !reportsNews(r)
        && !/\b(?:previously|formerly|former|predecessors?)\b/i.test(inp.body.slice(Math.max(ca, s.start + h.end), r.start)));
      const inClause = notSource.length ? notSource : clauseRegions;
      const inSentence = within(regions, s.start, s.end);
      // "across England … after pilots in Somerset": a national cue before the cue's regions wins.
      // "… including Leicester, Leicestershire and Rutland": places listed after a national subject are the ones the fact is about.
      const listed = inClause.some((r) => /\b(?:including|includes|include|such as|among them|namely)\s+(?:the\s+)?$/i.test(inp.body.slice(Math.max(0, r.start - 25), r.start)));
      // A national body that only reports the news ("the Board confirmed that parts of London …") does not make the fact national.
      const nationalFirst = !listed && isNational(ca, cb) && inClause.every((r) => isNational(ca, r.start, { reportersToo: false }));
      if (inClause.length && !nationalFirst) where = uniqRegions(inClause);
      else if (isNational(ca, cb)) where = [{ name: 'England', code: null }];
      else if (inSentence.length) where = uniqRegions(inSentence);
      else if (isNational(s.start, s.end)) where = [{ name: 'England', code: null }];
      else {
        // Nothing in the sentence: the previous sentence, the paragraph, then the article's main area
        // (or England when the article is about the national programme).
        const prev = si > 0 && sentences[si - 1].paragraph === s.paragraph ? sentences[si - 1] : null;
        const prevRegions = prev ? within(regions, prev.start, prev.end) : [];
        // Only places named earlier in the paragraph: a later sentence's places belong to its own fact.
        const para = regions.filter((r) => r.start < s.start && paragraphOf(sentences, r.start) === s.paragraph);
        if (prevRegions.length) where = [{ name: canon(prevRegions[0]).name, code: canon(prevRegions[0]).code }];
        else if (prev && isNational(prev.start, prev.end)) where = [{ name: 'England', code: null }];
        else if (para.length) where = [{ name: canon(para[0]).name, code: canon(para[0]).code }];
        // The story's area, unless the story so far has been national and names that area only later.
        else if (dominant && (!nationalArticle || LOCAL_SUBJECT.test(s.text)) && !(regions[0].start > s.end && isNational(0, s.start))) where = [...new Map(storyAreas.map((r) => (PLACE_ANAPHOR.test(s.text) ? { name: r.name, code: r.code } : localArea(r))).map((w) => [w.name, w])).values()];
        else if (local && (!nationalArticle || LOCAL_SUBJECT.test(s.text))) where = [local];
        // "The centre, to be run by the county's hospital trust, …": a local provider makes it a local fact, and with
        // no place anywhere it has none to be filed under; England is only for what the text makes national.
        else if (nationalMentions === 0 && providers.some((p) => p.start >= s.start && p.end <= s.end && RUN_BY_BEFORE.test(inp.body.slice(Math.max(0, p.start - 20), p.start)))) continue;
        else where = [{ name: 'England', code: null }];
        conf -= prevRegions.length || para.length ? 0.1 : 0.25;
        guessedAt.add(s.start);
      }
      const clauseProviders = within(providers, ca, cb);
      const sentProviders = clauseProviders.length ? clauseProviders : within(providers, s.start, s.end);
      for (const service of hitServices) {
        for (const w of where) {
          let provider: string | null = sentProviders[0]?.name ?? null;
          if (!provider && w.name !== 'England') provider = providerFor.get(w.name) ?? (distinctProviders.length === 1 ? distinctProviders[0] : null);
          let target: string | null = null;
          if (TARGETED.has(h.status) && sentDates.length) {
            const forward = sentDates.filter((d) => /\b(?:to|until|till|by|for|in|from|at)\s+(?:the\s+)?$/i.test(inp.body.slice(Math.max(0, d.start - 12), d.start)) || /^the (?:end|start|beginning)/i.test(d.surface));
            const pool = forward.length ? forward : sentDates;
            const later = pool.filter((d) => d.start > s.start + h.start);
            target = (h.status === 'delayed' ? pool[pool.length - 1] : (later[0] ?? pool[0])).value;
          }
          // One event per fact and sentence here; facts repeated across sentences merge at the end.
          const key = `${service}|${w.name}|${h.status}|${s.start}`;
          const prev = seen.get(key);
          if (prev) {
            prev.provider ??= provider;
            prev.target ??= target;
            continue;
          }
          const ev: RolloutEvent = {
            service, region: w.name, regionCode: w.code, provider, status: h.status, target,
            evidence: s.text, evidenceStart: s.start, evidenceEnd: s.end, confidence: Math.round(conf * 100) / 100,
          };
          seen.set(key, ev);
          seen.set(`${service}|${w.name}|${h.status}`, ev);
          events.push(ev);
          leadEvent ??= ev;
        }
      }
    }
  }
  // One sentence rarely states two statuses for the same service and place: a specific one
  // (paused, delayed, cancelled…) wins over "live" (plans stay: "went live, and will expand").
  const WEAK: Record<string, number> = { planned: 0, live: 1 };
  // A service the story says is being replaced ("Choose and Book, which the new service replaces") is
  // background: its past launch or its plan is not news; only its switch-off is.
  const replacedServices = new Set(services.filter((x) => /\b(?:replac(?:e|es|ed|ing)|succeed(?:s|ed|ing)?|in place of)\s+(?:the\s+)?$/i.test(inp.body.slice(Math.max(0, x.start - 30), x.start))
    || /^,?\s+which\s+(?:[\w-]+\s+){0,3}(?:replaces|will replace|is replacing|succeeds)\b/i.test(inp.body.slice(x.end, x.end + 60))).map((x) => x.name));
  const leadName = services[0]?.name;
  const listed = fanOutLists(events, sentences, regions.map(canon), guessedAt, (i) => (readings.get(i) ?? []).length > 0 || cueHits(sentences[i].text, k).length > 0);
  const kept = listed.filter((e) => !(replacedServices.has(e.service) && e.service !== leadName && (e.status === 'live' || e.status === 'planned'))).filter((e) => {
    const rank = WEAK[e.status];
    if (rank !== 1) return true;
    return !events.some((o) => o !== e && o.evidenceStart === e.evidenceStart && o.service === e.service && o.region === e.region && (WEAK[o.status] ?? 2) > rank);
  });
  return mergeRepeats(kept);
}

/**
 * "We are closing these centres. Those affected are:" + one centre per line: the facts of the intro
 * sentence (or of the sentence before it, when the intro states none) go to every place the list names.
 * The intro's own events are dropped where their place was only a guess.
 */
function fanOutLists(events: RolloutEvent[], sentences: Sentence[], regions: Mention[], guessedAt: ReadonlySet<number>, statesStatus: (i: number) => boolean): RolloutEvent[] {
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
      for (const e of facts) added.push({ ...e, region: r.name, regionCode: r.code, evidence: item.text, evidenceStart: item.start, evidenceEnd: item.end, confidence: 0.6 });
    }
  }
  return [...events.filter((e) => !drop.has(e)), ...added];
}

/** One event per (service, region, status): the first sentence that states it, with the provider and target any of them gives. */
function mergeRepeats(events: RolloutEvent[]): RolloutEvent[] {
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

/** The sentence with its service names blanked, so "the NHS App" is not read as an anaphor ("the app"). */
function blankServices(s: Sentence, services: Entity[]): string {
  let t = s.text;
  for (const x of services) t = t.slice(0, x.start - s.start) + ' '.repeat(x.end - x.start) + t.slice(x.end - s.start);
  return t;
}

function paragraphOf(sentences: Sentence[], pos: number): number {
  if (!sentences.length) return -1;
  const s = sentences[sentenceAt(sentences, pos)];
  return pos >= s.start && pos < s.end ? s.paragraph : -1;
}

/** Items (sorted by start) that lie inside [a, b]: binary search, so long articles stay linear-ish. */
function spanFilter<T extends { start: number; end: number }>(xs: T[], a: number, b: number): T[] {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid].start < a) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < xs.length && xs[i].start < b; i++) if (xs[i].end <= b) out.push(xs[i]);
  return out;
}

const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100 };
const NUMBER = '(\\d[\\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)';

/** Counted facts: "23 of the 44 areas", "nine out of ten CCGs", "40 trusts". */
export function findClaims(sentences: Sentence[], services: Entity[]): NumericClaim[] {
  const out: NumericClaim[] = [];
  const main = services[0]?.name ?? null;
  const re = new RegExp(`\\b${NUMBER}\\s+(?:out\\s+)?of\\s+(?:the\\s+|all\\s+|its\\s+)?${NUMBER}\\s+((?:[a-zA-Z-]+\\s+){0,2}?(?:[A-Za-z-]+s|CCGs|ICBs|PCTs|areas))\\b`, 'gi');
  const num = (x: string) => /^\d/.test(x) ? Number(x.replace(/,/g, '')) : WORDS[x.toLowerCase()];
  for (const s of sentences) {
    for (const m of s.text.matchAll(re)) {
      const value = num(m[1]);
      const total = num(m[2]);
      if (!Number.isFinite(value) || !Number.isFinite(total) || value > total) continue;
      const units = m[3].trim().split(/\s+/);
      const svc = services.find((x) => x.start >= s.start && x.end <= s.end)?.name ?? main;
      const start = s.start + (m.index ?? 0);
      out.push({ text: s.text, value, total, unit: units[units.length - 1], service: svc, start, end: start + m[0].length });
    }
  }
  return out;
}
