// Which sample sites exist and how to build each one from its folder and declaration.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadSource } from '../sources/load.ts';
import type { Source } from '../sources/schema.ts';
import type { BuiltSite } from './site.ts';
import { buildNhsNews } from './sites/nhs-news.ts';
import { buildTradePress } from './sites/trade-press.ts';
import { buildLocalCcg } from './sites/local-ccg.ts';
import { buildAppNews } from './sites/app-news.ts';

export const SAMPLE_SITE_IDS = ['nhs-news', 'trade-press', 'local-ccg', 'app-news'] as const;
export type SampleSiteId = (typeof SAMPLE_SITE_IDS)[number];

/** sources/sample/ in the repository, wherever the process runs from. */
export const SAMPLE_ROOT = fileURLToPath(new URL('../../sources/sample/', import.meta.url));

/** The demo run config naming the sample sources (`origins` filled in at run time). */
export const SAMPLE_DEMO_CONFIG = join(SAMPLE_ROOT, 'demo.config.json');

const BUILDERS: Record<SampleSiteId, (dir: string, site: string) => BuiltSite> = {
  'nhs-news': buildNhsNews,
  'trade-press': buildTradePress,
  'local-ccg': buildLocalCcg,
  'app-news': buildAppNews,
};

export function isSampleSiteId(id: string): id is SampleSiteId {
  return (SAMPLE_SITE_IDS as readonly string[]).includes(id);
}

export function sampleSource(id: SampleSiteId): Source {
  return loadSource(join(SAMPLE_ROOT, `${id}.json`));
}

/** Renders every page of one sample site in memory (deterministic: same files, same bytes). */
export function buildSampleSite(id: SampleSiteId): BuiltSite {
  return BUILDERS[id](join(SAMPLE_ROOT, id), sampleSource(id).site);
}
