// Source declarations (sample and real sites) validate, and their article patterns
// accept article URLs and refuse listings.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARCHIVED_SITE, ARCHIVED_SITE_ID } from '../../pipeline/sample/archive.ts';
import { SAMPLE_DEMO_CONFIG, SAMPLE_SITE_IDS } from '../../pipeline/sample/catalog.ts';
import { loadConfig, loadSource } from '../../pipeline/sources/load.ts';
import { configSchema, type Source } from '../../pipeline/sources/schema.ts';
import { startSampleSites } from '../../pipeline/sample/server.ts';

const SOURCES = fileURLToPath(new URL('../../sources/', import.meta.url));
const LIVE_CONFIG = join(SOURCES, 'live.config.json');

function isArticle(source: Source, pathAndQuery: string): boolean {
  return source.articles.include.some((r) => new RegExp(r).test(pathAndQuery)) && !source.articles.exclude.some((r) => new RegExp(r).test(pathAndQuery));
}

describe('sample declarations', () => {
  it('validate, and the demo config names all three sample sites', () => {
    const { sources, config } = loadConfig(SAMPLE_DEMO_CONFIG);
    // The sample sites served live, and the one read only through the fixture web archive.
    expect(sources.map((s) => s.id).sort()).toEqual([...SAMPLE_SITE_IDS, ARCHIVED_SITE_ID].sort());
    expect(config.origins).toEqual({});
    for (const s of sources) expect(new URL(s.site).hostname.endsWith('.example'), s.id).toBe(true);
    expect(sources.find((s) => s.id === ARCHIVED_SITE_ID)?.site).toBe(ARCHIVED_SITE);
  });

  it('accept the origins of running sample sites as the demo fills them in', async () => {
    const sites = await startSampleSites();
    try {
      const { config } = loadConfig(SAMPLE_DEMO_CONFIG);
      const filled = configSchema.parse({ ...config, origins: sites.origins });
      expect(Object.keys(filled.origins).sort()).toEqual([...SAMPLE_SITE_IDS].sort());
    } finally {
      await sites.close();
    }
  });
});

describe('real-site declarations', () => {
  const files = readdirSync(SOURCES).filter((f) => f.endsWith('.json') && !f.endsWith('.config.json'));
  const { sources } = loadConfig(LIVE_CONFIG);

  it('are all named by live.config.json and all validate', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
    expect(sources.map((s) => `${s.id}.json`).sort()).toEqual(files.sort());
    for (const f of files) expect(() => loadSource(join(SOURCES, f))).not.toThrow();
  });

  it('are polite and say they could not be checked against the live site', () => {
    for (const s of sources) {
      expect(s.rateLimit.delayMs, s.id).toBeGreaterThanOrEqual(2000);
      expect(s.rateLimit.maxConcurrency, s.id).toBeLessThanOrEqual(2);
      expect(s.notes, s.id).toMatch(/not fetched|could not be fetched/);
      expect(s.site.startsWith('https://'), s.id).toBe(true);
    }
  });

  // Paths written from each site's public URL scheme: [source id, path, is it an article?]
  const cases: [string, string, boolean][] = [
    ['nhs-england', '/2013/05/nhs-111-update/', true],
    ['nhs-england', '/news/', false],
    ['nhs-england', '/news/page/3/', false],
    ['nhs-england', '/2013/05/', false],
    ['gov-uk-dhsc', '/government/news/nhs-111-to-be-available-across-england', true],
    ['gov-uk-dhsc', '/government/speeches/urgent-and-emergency-care', true],
    ['gov-uk-dhsc', '/search/news-and-communications', false],
    ['gov-uk-dhsc', '/government/organisations/department-of-health-and-social-care', false],
    ['pulse', '/news/commissioning/ccg-puts-111-on-hold/', true],
    ['pulse', '/commissioning/ccg-puts-111-on-hold/20002812.article', true],
    ['pulse', '/news/', false],
    ['pulse', '/news/page/2/', false],
    ['gp-online', '/nhs-111-delayed/article/1184923', true],
    ['gp-online', '/news', false],
    ['hsj', '/commissioning/ccg-delays-111-launch/5058843.article', true],
    ['hsj', '/commissioning', false],
    ['nursing-times', '/news/primary-care/nhs-111-rollout-paused/', true],
    ['nursing-times', '/news/primary-care/5058843.article', true],
    ['nursing-times', '/news/', false],
    ['digital-health', '/2015/06/e-referral-service-goes-live/', true],
    ['digital-health', '/news/', false],
  ];
  it.each(cases)('%s: %s is an article: %s', (id, path, expected) => {
    const source = sources.find((s) => s.id === id)!;
    expect(source, id).toBeDefined();
    expect(isArticle(source, path)).toBe(expected);
  });
});
