// Every labelled item in tests/devset validates, and its quoted openings and date surfaces
// really occur in the page: this catches labelling typos before they become "misses".
import { readFile } from 'node:fs/promises';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { loadGoldDir } from './gold.ts';
import { foldWords } from './score.ts';

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
      for (const e of file.gold.events) {
        expect(file.gold.services, `event service ${e.service} listed in services`).toContain(e.service);
      }
    });
  }
});
