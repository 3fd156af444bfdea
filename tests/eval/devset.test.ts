// Every labelled item in tests/devset validates, and its quoted openings and date surfaces
// really occur in the page: this catches labelling typos before they become "misses".
import { readFile } from 'node:fs/promises';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import type { Findings } from '../../pipeline/types.ts';
import { loadGoldDir, type GoldItem } from './gold.ts';
import { FIELDS, comparableFromFindings, comparableFromGold, foldWords, scoreItem } from './score.ts';

const files = await loadGoldDir('tests/devset');

/** The page's visible text with typographic quotes and dashes made plain and spaces collapsed. */
function pageText(html: string): string {
  const $ = cheerio.load(html);
  $('script, style, noscript').remove();
  return $.root()
    .text()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ');
}

/** The labels dressed up as extractor output: a perfect extractor's findings. */
function findingsFromGold(gold: GoldItem): Findings {
  const span = { start: 0, end: 0 };
  const named = (kind: 'region' | 'provider', list: { name: string; code: string | null }[]) =>
    list.map((n) => ({ kind, name: n.name, surface: n.name, code: n.code, ...span }));
  return {
    entities: [
      ...gold.services.map((name) => ({ kind: 'service' as const, name, surface: name, code: null, ...span })),
      ...named('region', gold.regions),
      ...named('provider', gold.providers),
      ...gold.people.map((name) => ({ kind: 'person' as const, name, surface: name, code: null, ...span })),
    ],
    quotes: gold.quotes.map((q) => ({ text: q.opening, speaker: q.speaker, speakerRole: q.role, ...span })),
    dates: gold.dates.map((d) => ({ surface: d.surface, value: d.value, rangeStart: '', rangeEnd: '', ...span })),
    claims: [],
    events: gold.events.map((e) => ({
      service: e.service,
      region: e.region,
      regionCode: e.regionCode ?? gold.regions.find((r) => r.name === e.region)?.code ?? null,
      provider: e.provider,
      status: e.status,
      target: e.target,
      evidence: '',
      evidenceStart: 0,
      evidenceEnd: 0,
      confidence: 1,
    })),
  };
}

const plain = (s: string) => s.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[\u2013\u2014]/g, '-');

describe('development set', () => {
  it('has labelled items', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    it(`${file.id}: labels occur in the page`, async () => {
      const text = pageText(await readFile(file.htmlPath, 'utf8'));
      const folded = ` ${foldWords(text).join(' ')} `;
      for (const q of file.gold.quotes) {
        expect(folded, `quote opening "${q.opening}"`).toContain(` ${foldWords(q.opening).join(' ')} `);
        expect(q.opening.trim().split(/\s+/).length, `quote opening "${q.opening}" has at most five words`).toBeLessThanOrEqual(5);
      }
      for (const d of file.gold.dates) expect(text, `date surface "${d.surface}"`).toContain(plain(d.surface));
      for (const p of file.gold.people) expect(folded, `person "${p}"`).toContain(` ${foldWords(p).slice(-1)[0]} `);
      // A perfect extractor scores 1 on every field: this catches labels the scorer would
      // fold together (a person listed twice under two titles, a duplicated event).
      const perfect = scoreItem(comparableFromGold(file.gold), comparableFromFindings(findingsFromGold(file.gold)));
      for (const field of FIELDS) {
        expect(perfect[field].missed, `${field} labels that fold into one another`).toEqual([]);
        expect(perfect[field].spurious, `${field} labels that fold into one another`).toEqual([]);
      }
      for (const e of file.gold.events) {
        expect(file.gold.services, `event service ${e.service} listed in services`).toContain(e.service);
      }
    });
  }
});
