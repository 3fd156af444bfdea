// Candidate sentences and the services a status in them speaks of: a service named in the clause,
// else the one a sentence points back to ("the pilot"), else the story's own service.
import type { Entity } from '../../types.ts';
import type { Knowledge } from '../knowledge.ts';
import { resolveServiceReference } from '../service-reference.ts';
import type { Sentence } from '../text.ts';
import { quoted, type Page, type ServiceEntity } from './page.ts';
import { spanFilter, type Clauses } from './spans.ts';
import type { CueHit } from './status.ts';

/** Whether the loop can turn the sentence into events (reading its verbs costs compromise time, so only these are read). */
export function mayHaveEvent(p: Page, s: Sentence): boolean {
  const c = p.k.eventCues;
  return spanFilter(p.services, s.start, s.end).length > 0 || (!quoted(p, s)
    && (c.anaphora.test(s.text) || (p.storyService !== null && (spanFilter(p.regions, s.start, s.end).length > 0 || c.national.test(s.text)))));
}

/**
 * "Having already gone live with Epic, the trust will share a single EPR": beside a supplier's named product, the kind of
 * record it is (a catalogue name in lower case, "electronic patient record") is that product, so the sentence speaks of the product.
 */
export function productsOverKinds<T extends ServiceEntity>(p: Page, sentServices: T[]): T[] {
  const products = p.k.servicePatterns.products;
  if (!sentServices.some((x) => x.code !== null && products.has(x.code))) return sentServices;
  return sentServices.filter((x) => !(x.serviceType === 'record' && x.code !== null && /^[a-z]/.test(x.code)));
}

/** The services of a sentence, or the one it refers to; null when it speaks of none. */
export function sentenceServices(p: Page, s: Sentence, sentServices: ServiceEntity[]): { names: string[]; confidence: number } | null {
  if (sentServices.length) return { names: [...new Set(productsOverKinds(p, sentServices).map((x) => x.name))], confidence: 0.9 };
  const c = p.k.eventCues;
  // Outside quotes, a sentence with no service name still speaks of the article's only
  // service when it points back to it ("the pilot") or states a national fact.
  // In a story about one service, a sentence that places a status ("in Hampshire … sought more time") is about it too.
  const placed = p.storyService !== null && spanFilter(p.regions, s.start, s.end).length > 0;
  const anaphor = c.anaphora.test(s.text);
  if (quoted(p, s) || !(anaphor || placed || (p.storyService !== null && c.national.test(s.text)))) return null;
  // "the service", "the pilot": the service named most recently before (else next after).
  // The story's lead service (the first it names) is what "the scheme" means, not a system
  // named in passing on the way ("uploaded to the NHS Spine").
  const before = p.services.filter((x) => x.end <= s.start);
  const paragraphStart = p.sentences.find((x) => x.paragraph === s.paragraph)?.start;
  const ref = (anaphor ? resolveServiceReference(s, p.services, p.k.servicePatterns, { paragraphStart }) : null)
    ?? (before.length ? before[0] : p.services.find((x) => x.start >= s.end));
  if (!ref) return null;
  return { names: [anaphor ? ref.name : (p.storyService ?? ref.name)], confidence: 0.6 };
}

/**
 * "Patients are expected to wait longer, although the 111 service remains open": a cue in a clause
 * of its own, with its own subject, says nothing about the service named in another clause.
 */
export function clauseOfOtherSubject(p: Page, sentServices: Entity[], clauses: Clauses, [ca, cb]: [number, number]): boolean {
  const clause = p.body.slice(ca, cb);
  return sentServices.length > 0 && clauses.cuts.length > 2 && !spanFilter(sentServices, ca, cb).length
    && !p.k.eventCues.anaphora.test(clause) && p.k.eventCues.aboutWhich.otherSubject.test(clause);
}


// "X replaces Y", "is due to replace the Y", "Y, which the new line takes over from", "Y will be replaced by X".
const REPLACES_BEFORE = /\b(?:replac(?:e|es|ed|ing))\s+(?:the\s+|its\s+|their\s+)?$/i;
const REPLACES_AFTER = new RegExp(String.raw`^,?\s+(?:which|that)\s+(?:the|a|an|its|their|this)\s+(?:[\w-]+\s+){0,3}`
  + String.raw`(?:replaces|replaced|has replaced|is replacing)\b|^\s+(?:was|has been|is being)\s+replaced\b`, 'i');
// A hope ("could replace") is no switch-off, and "will replace … on 15 June" is the new service's plan, not yet the old one's end.
const HEDGED_BEFORE = new RegExp(String.raw`\b(?:could|might|may|would|will|shall|is to|are to|not|never|plans?|aims?|expected|proposals?|proposed|`
  + String.raw`wants?|hopes?|intends?|bid)\s+(?:to\s+)?(?:\w+\s+)?$`, 'i');

/**
 * "The new booking system replaces the old referral line": a service the sentence says another replaces, or is due to
 * replace, is being switched off, a `cancelled` event of its own; not where the replacement is only a hope ("could replace").
 */
export function replacementHits(p: Page, s: Sentence, sentServices: Entity[]): CueHit[] {
  const out: CueHit[] = [];
  for (const x of sentServices) {
    const before = p.body.slice(Math.max(s.start, x.start - 60), x.start);
    const verb = REPLACES_BEFORE.exec(before);
    const passive = !verb && REPLACES_AFTER.test(p.body.slice(x.end, Math.min(s.end, x.end + 60)));
    if (!verb && !passive) continue;
    if (verb && HEDGED_BEFORE.test(before.slice(0, verb.index))) continue;
    out.push({ status: 'cancelled', start: x.start - s.start, end: x.end - s.start, read: true, service: x.name });
  }
  return out;
}

/**
 * "sickness affecting the maternity service means we are suspending births at Ludlow MLU": of a clause's services, one
 * just after the status verb is what it acts on; a service named earlier in the clause is only its background.
 */
function cueObject(body: string, cueEnd: number, main: Entity[], k: Knowledge): Entity | undefined {
  const after = main.find((x) => x.start >= cueEnd && k.eventCues.aboutWhich.toObject.test(body.slice(cueEnd, x.start)));
  return after && main.some((x) => x.end <= cueEnd && x.name !== after.name) ? after : undefined;
}

/** The services a cue speaks of: those in its clause, else the nearest one in the sentence. */
export function servicesOfHit(p: Page, s: Sentence, h: CueHit, named: ServiceEntity[], names: string[], [ca, cb]: [number, number]): string[] {
  if (h.service !== undefined) return [h.service];
  const sentServices = productsOverKinds(p, named);
  if (sentServices.length <= 1) return names;
  const body = p.body;
  const about = p.k.eventCues.aboutWhich;
  // ", which is to replace Choose and Book,": a service inside a relative clause is not the subject.
  const relative = [...s.text.matchAll(/,\s+(?:which|who|that|replacing|alongside|as well as|like)\b[^,]*,/gi)]
    .map((m) => [s.start + (m.index ?? 0), s.start + (m.index ?? 0) + m[0].length]);
  // "X will replace Y", "replacing Y": the replaced service is not what the cue is about.
  const replaced = (x: Entity) => about.replacedOrTakenOverBefore.test(body.slice(Math.max(0, x.start - 30), x.start));
  // "tested by 111 providers": a service name used to describe organisations is not the subject.
  const modifier = (x: Entity) => about.roleNounsAfter.test(body.slice(x.end, x.end + 20)) || about.roleNounsEnd.test(body.slice(x.start, x.end));
  const clauseAll = spanFilter(sentServices, ca, cb);
  const main = clauseAll.filter((x) => !replaced(x) && !modifier(x) && !relative.some(([a, b]) => x.start >= a && x.end <= b));
  // A clause whose only service name is a modifier speaks of the sentence's subject service.
  const fallback = clauseAll.length && clauseAll.every(modifier) ? sentServices.filter((x) => !modifier(x) && !replaced(x)).slice(0, 1) : clauseAll;
  const object = cueObject(body, s.start + h.end, main, p.k);
  if (object) return [object.name];
  const inClause = [...new Set((main.length ? main : fallback).map((x) => x.name))];
  // "… the new NHS App, which practices will start offering next month": a cue inside a trailing
  // relative clause speaks of the service just before the comma.
  const at = s.start + h.start;
  const trailing = [...s.text.matchAll(/,\s+(?:which|that)\b[^,]*$/gi)].map((m) => s.start + (m.index ?? 0)).find((a) => a < at);
  const antecedent = trailing !== undefined ? sentServices.filter((x) => x.end <= trailing && trailing - x.end <= 2).pop() : undefined;
  if (antecedent) return [antecedent.name];
  if (inClause.length) return inClause;
  return [[...sentServices].sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0].name];
}
