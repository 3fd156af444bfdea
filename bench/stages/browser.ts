// The browser crawler (render: "browser"): crawlee's PlaywrightCrawler on Debian's Chromium.
// Browser start-up is inside the timing: it is what a run pays, once per browser source.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openArchive } from '../../pipeline/archive/index.ts';
import { chromiumPath } from '../../pipeline/crawl/browser-crawler.ts';
import { crawlSource } from '../../pipeline/crawl/index.ts';
import { sampleSource } from '../../pipeline/sample/catalog.ts';
import { startSampleSites } from '../../pipeline/sample/server.ts';
import { parseSource } from '../../pipeline/sources/load.ts';
import type { Source } from '../../pipeline/sources/schema.ts';
import { benchSourceDeclaration, NotAvailable, type StageArgs, type StageResult } from '../common.ts';

/** Pages the bench site's browser stage renders: a browser page costs ~100x an HTTP fetch. */
const BROWSER_PAGES = 100;

async function crawlInBrowser(source: Source, origin: string, workDir: string, maxArticles: number): Promise<StageResult> {
  if (!existsSync(chromiumPath())) throw new NotAvailable(`no Chromium at ${chromiumPath()}`);
  mkdirSync(workDir, { recursive: true });
  const archive = await openArchive(join(workDir, `browser-${source.id}`), 'bench-browser');
  let articles = 0;
  let failed = 0;
  const started = performance.now();
  await crawlSource(source, { userAgent: 'rollwatch-bench/0.1', fetchOrigin: origin, archive, fast: true, maxArticles }, {
    known: () => undefined,
    done: () => false,
    onArticle: async () => {
      articles++;
    },
    onNotModified: async () => undefined,
    onError: async () => {
      failed++;
    },
  });
  await archive.close();
  const seconds = (performance.now() - started) / 1000;
  return { units: articles, unit: 'pages', seconds, extra: { failed } };
}

/** The synthetic bench site, its first 100 articles rendered in the browser. */
export async function browser(args: StageArgs): Promise<StageResult> {
  const source = parseSource({ ...benchSourceDeclaration(args.origin), render: 'browser' }, 'bench browser source');
  return crawlInBrowser(source, args.origin, args.workDir, Math.min(args.pages, BROWSER_PAGES));
}

/** The app-news sample site (articles written in by a script behind a consent dialog), as the demo crawls it. */
export async function browserSample(args: StageArgs): Promise<StageResult> {
  const sites = await startSampleSites({ sites: ['app-news'] });
  try {
    return await crawlInBrowser(sampleSource('app-news'), sites.origins['app-news']!, args.workDir, 0);
  } finally {
    await sites.close();
  }
}
