// Services: the NHS programmes, products and service types an article discusses, found by
// the catalogue in sources/lexicon/ (with acronyms only where the page is about the NHS).
import type { Entity } from '../types.ts';
import type { Token } from './gazetteer.ts';
import type { Knowledge } from './knowledge.ts';
import { NHS_CONTEXT } from './entities.ts';

/** Services from the lexicon; acronyms only as written, and only where the page is about the NHS. */
export function findServices(body: string, tokens: Token[], k: Knowledge): Entity[] {
  const out: Array<Entity & { short: boolean }> = [];
  for (let i = 0; i < tokens.length; ) {
    const m = k.services.longestAt(tokens, i);
    if (!m) { i++; continue; }
    const surface = body.slice(tokens[m.first].start, tokens[m.last - 1].end);
    const hit = m.values.find((h) => h.exact === null || h.exact === surface);
    if (!hit || surface.includes('\n')) { i++; continue; }
    // A bare "111" is the service unless it is a count or part of a larger number.
    if (surface === '111' && (/[\d£$.,]\s?$/.test(body.slice(Math.max(0, tokens[m.first].start - 2), tokens[m.first].start)) || /^\s*(?:%|per cent|million|bn|m\b|[,.]\d|patients|people|beds|staff|deaths|cases)/.test(body.slice(tokens[m.last - 1].end, tokens[m.last - 1].end + 12)))) { i++; continue; }
    out.push({ kind: 'service', name: hit.name, surface, code: null, start: tokens[m.first].start, end: tokens[m.last - 1].end, short: hit.exact !== null || surface === '111' });
    i = m.last;
  }
  if (!out.some((x) => x.short)) return out.map(({ short: _s, ...e }) => e);
  // A programme named in full ("Summary Care Record") is an NHS setting of its own.
  const nhs = out.some((x) => !x.short) || NHS_CONTEXT.test(body);
  // "the Centers for Disease Control (CDC)": an acronym the page defines as something else is not the service.
  const foreign = new Set<string>();
  for (const d of body.matchAll(/\(([A-Z][A-Za-z0-9]{1,7})\)/g)) {
    const at = d.index ?? 0;
    const acronym = out.find((x) => x.short && x.surface === d[1]);
    if (acronym && !out.some((x) => !x.short && x.name === acronym.name && at - x.end >= 0 && at - x.end <= 2)) foreign.add(d[1]);
  }
  return out.filter((x) => !x.short || (nhs && !foreign.has(x.surface))).map(({ short: _s, ...e }) => e);
}
