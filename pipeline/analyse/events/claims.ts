// Counted facts: "23 of the 44 areas", "nine out of ten CCGs", "40 trusts".
import type { Entity, NumericClaim } from '../../types.ts';
import type { Knowledge } from '../knowledge.ts';
import type { Sentence } from '../text.ts';

export function findClaims(sentences: Sentence[], services: Entity[], k: Knowledge): NumericClaim[] {
  const out: NumericClaim[] = [];
  const main = services[0]?.name ?? null;
  const words = k.eventCues.numberWords;
  const number = `(\\d[\\d,]*|${[...words.keys()].join('|')})`;
  const unit = '((?:[a-zA-Z-]+\\s+){0,2}?(?:[A-Za-z-]+s|CCGs|ICBs|PCTs|areas))';
  const re = new RegExp(`\\b${number}\\s+(?:out\\s+)?of\\s+(?:the\\s+|all\\s+|its\\s+)?${number}\\s+${unit}\\b`, 'gi');
  const num = (x: string) => /^\d/.test(x) ? Number(x.replace(/,/g, '')) : words.get(x.toLowerCase());
  for (const s of sentences) {
    for (const m of s.text.matchAll(re)) {
      const value = num(m[1]);
      const total = num(m[2]);
      if (value === undefined || total === undefined || !Number.isFinite(value) || !Number.isFinite(total) || value > total) continue;
      const units = m[3].trim().split(/\s+/);
      const svc = services.find((x) => x.start >= s.start && x.end <= s.end)?.name ?? main;
      const start = s.start + (m.index ?? 0);
      out.push({ text: s.text, value, total, unit: units[units.length - 1], service: svc, start, end: start + m[0].length });
    }
  }
  return out;
}
