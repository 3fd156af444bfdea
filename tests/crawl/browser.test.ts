// Sources whose articles a script writes in after load, behind a consent dialog: a plain HTTP
// fetch of such a page holds no article, the browser crawler (crawlee's PlaywrightCrawler on
// Debian's Chromium) gets the article and its facts, archives the raw response and the
// rendered DOM, and a missing Chromium fails the source with a message saying what to install.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../pipeline/analyse/index.ts';
import { readArchive } from '../../pipeline/archive/index.ts';
import { crawlSource } from '../../pipeline/crawl/index.ts';
import { extractPage } from '../../pipeline/extract.ts';
import { SAMPLE_DEMO_CONFIG, sampleSource } from '../../pipeline/sample/catalog.ts';
import { createProgress } from '../../pipeline/run/progress.ts';
import { runPipeline } from '../../pipeline/run/run.ts';
import { loadConfig } from '../../pipeline/sources/load.ts';
import { startSampleSites, type RunningSampleSites } from '../../pipeline/sample/server.ts';
import { fastOptions, recorder, tempArchive, type Recorder, type TempArchive } from './helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) console.warn(`skipping the browser crawl test: ${CHROMIUM} not found (apt-get install -y chromium); CI runs it`);

const SITE = 'https://news.northeast-nhs.example';
const NHS_111 = `${SITE}/news/nhs-111-live-across-the-north-east`;
const knowledge = loadKnowledge();
const source = sampleSource('app-news');

describe.skipIf(!available && !process.env.CI)('browser sources', () => {
  let sites: RunningSampleSites;
  let store: TempArchive;
  let hooks: Recorder;
  beforeAll(async () => {
    sites = await startSampleSites({ sites: ['app-news'] });
    store = await tempArchive();
    hooks = recorder();
    await crawlSource(source, fastOptions(sites.origins['app-news']!, store.archive, { timeoutMs: 15_000 }), hooks);
  }, 120_000);
  afterAll(async () => {
    await sites?.close();
    await store?.cleanup();
  });

  it('a plain HTTP fetch of an article page holds no article text and no facts', async () => {
    const shell = await (await fetch(`${sites.origins['app-news']}/news/nhs-111-live-across-the-north-east`)).text();
    const { article, findings } = extractPage(shell, NHS_111, knowledge);
    expect(article.body).not.toMatch(/Ambulance|pilot/);
    expect(findings.events).toEqual([]);
  });

  it('renders every article in the browser, past the consent dialog, and the article yields its facts', () => {
    expect(hooks.errors).toEqual([]);
    expect(hooks.articles.map((a) => a.capture.url).sort()).toEqual(
      ['care-data-collection-put-back-six-months', 'nhs-111-live-across-the-north-east', 'staff-car-sharing-scheme'].map((s) => `${SITE}/news/${s}`),
    );
    const capture = hooks.articleFor(NHS_111)!;
    expect(capture.html).not.toContain('Accept all cookies');
    const { article, findings } = extractPage(capture.html, capture.url, knowledge);
    expect(article.title).toBe('NHS 111 now answers calls across the whole North East');
    expect(article.published).toBe('2013-03-12');
    expect(article.body).toContain('North East Ambulance Service NHS Foundation Trust');
    expect(findings.events).toContainEqual(expect.objectContaining({ service: 'NHS 111', region: 'North East', status: 'live' }));
  });

  it('archives the raw response and the rendered DOM, and points the capture at the DOM', async () => {
    const records = [];
    for await (const r of readArchive(store.dir)) if (r.url === NHS_111) records.push(r);
    expect(records).toHaveLength(2);
    const [raw, dom] = records;
    expect(raw!.body.toString()).not.toContain('Ambulance');
    expect(dom!.headers['x-rollwatch-rendered-by']).toBe('chromium');
    expect(dom!.body.toString()).toContain('North East Ambulance Service');
    expect(hooks.articles.find((a) => a.capture.url === NHS_111)!.file).toBe(dom!.ref.file);
  });

  it('a missing Chromium fails the source, saying what to install', async () => {
    const tmp = await tempArchive();
    try {
      const options = fastOptions(sites.origins['app-news']!, tmp.archive, { chromiumPath: '/nonexistent/chromium' });
      await expect(crawlSource(source, options, recorder())).rejects.toThrow(/render: "browser".*no Chromium at \/nonexistent\/chromium.*apt-get install chromium/);
    } finally {
      await tmp.cleanup();
    }
  });

  it('in a run, a missing Chromium fails only the browser source: the other sources load as usual', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rollwatch-nochromium-'));
    const local = await startSampleSites({ sites: ['local-ccg'] });
    const before = process.env.ROLLWATCH_CHROMIUM;
    process.env.ROLLWATCH_CHROMIUM = '/nonexistent/chromium';
    try {
      const loaded = loadConfig(SAMPLE_DEMO_CONFIG);
      loaded.sources = loaded.sources.filter((s) => s.id === 'local-ccg' || s.id === 'app-news');
      loaded.config.origins = { ...local.origins, ...sites.origins };
      loaded.paths.db = join(dir, 'db.duckdb');
      loaded.paths.archive = join(dir, 'archive');
      const report = await runPipeline(loaded, { progress: createProgress(process.stderr, true) });
      expect(report.status).toBe('source_failed');
      const byId = Object.fromEntries(report.sources.map((s) => [s.sourceId, s]));
      expect(byId['local-ccg']!.status).toBe('ok');
      expect(byId['local-ccg']!.articles).toBeGreaterThan(0);
      expect(byId['app-news']!.status).toBe('failed');
      expect(byId['app-news']!.message).toMatch(/no Chromium at \/nonexistent\/chromium/);
    } finally {
      if (before === undefined) delete process.env.ROLLWATCH_CHROMIUM;
      else process.env.ROLLWATCH_CHROMIUM = before;
      await local.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
