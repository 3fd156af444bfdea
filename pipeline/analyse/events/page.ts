// What the event stages read from one page: its text, sentences and the names found in it.
import type { DateMention, Entity } from '../../types.ts';
import type { Mention } from '../entities.ts';
import type { Knowledge } from '../knowledge.ts';
import type { Sentence } from '../text.ts';
import { typedReferenceCounts } from '../service-reference.ts';

/** A service mention; `serviceType` (from findServices) says what kind it is. */
export type ServiceEntity = Entity & { serviceType?: string };

export interface EventInputs {
  body: string;
  sentences: Sentence[];
  services: ServiceEntity[];
  named: Mention[];
  dates: DateMention[];
  /** Spans of quoted speech: an unnamed "the service" inside a quote is too loose to make an event. */
  quoteSpans: Array<{ start: number; end: number }>;
  /** The area the publishing body covers (source declaration): unplaced local facts are its. */
  defaultRegion?: { name: string; code: string | null } | null;
}

/** The page with its names sorted by kind, built once per page. */
export interface Page {
  inp: EventInputs;
  k: Knowledge;
  body: string;
  sentences: Sentence[];
  services: ServiceEntity[];
  /** Places other than England. */
  regions: Mention[];
  providers: Mention[];
  /** National bodies and England itself. */
  nationalOrgs: Mention[];
  /** The story's service: the only one, or one named at least twice as often as any other. */
  storyService: string | null;
}

export function pageOf(inp: EventInputs, k: Knowledge): Page {
  const { services, named } = inp;
  const distinctServices = [...new Set(services.map((s) => s.name))];
  // A UTC story that mentions NHS 111 once in passing is still a UTC story.
  // "the app", "the helpline" count for the app, the helpline they point back to.
  const referred = typedReferenceCounts(inp.body, services, k.servicePatterns);
  const serviceCounts = distinctServices.map((name) => ({ name, n: services.filter((x) => x.name === name).length + (referred.get(name) ?? 0) }))
    .sort((a, b) => b.n - a.n);
  const dominates = serviceCounts.length === 1 || (serviceCounts.length > 1 && serviceCounts[0].n >= 2 * serviceCounts[1].n);
  return {
    inp,
    k,
    body: inp.body,
    sentences: inp.sentences,
    services,
    regions: named.filter((n) => n.kind === 'region' && n.name !== 'England'),
    providers: named.filter((n) => n.kind === 'provider'),
    nationalOrgs: named.filter((n) => n.entry?.national || n.name === 'England'),
    storyService: dominates ? serviceCounts[0].name : null,
  };
}

export const quoted = (p: Page, s: Sentence) => p.inp.quoteSpans.some((q) => s.start < q.end && s.end > q.start);
