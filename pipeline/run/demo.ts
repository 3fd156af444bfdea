// `rollwatch demo`: the whole pipeline on the bundled sample sites, served on 127.0.0.1,
// so a new user sees it work without the internet. The sample sources declare public
// `.example` origins; the demo maps them to whatever ports the sites got, so document
// identity (and every row) is the same on every run. One sample source exists only in a web
// archive: the demo serves the fixture archive too and points that source's index at it.
import { fileURLToPath } from 'node:url';
import { startSampleArchive } from '../sample/archive-server.ts';
import { isSampleSiteId } from '../sample/catalog.ts';
import { startSampleSites } from '../sample/server.ts';
import { loadConfig, type LoadedConfig } from '../sources/load.ts';
import { runPipeline, type RunOptions, type RunReport } from './run.ts';

export const DEMO_CONFIG = fileURLToPath(new URL('../../sources/sample/demo.config.json', import.meta.url));

export interface DemoOptions extends RunOptions {
  db?: string;
  archive?: string;
}

/** Serves what the config's sample sources need (sites, the fixture archive) and points the config at it. */
export async function startDemoServers(loaded: LoadedConfig): Promise<{ close(): Promise<void> }> {
  const sites = await startSampleSites({ sites: loaded.sources.map((s) => s.id).filter(isSampleSiteId) });
  const archived = loaded.sources.flatMap((s) => s.discover).flatMap((d) => ('archive' in d ? [d.archive] : []));
  let archive: Awaited<ReturnType<typeof startSampleArchive>> | null = null;
  try {
    if (archived.length) archive = await startSampleArchive();
  } catch (err) {
    await sites.close();
    throw err;
  }
  for (const a of archived) {
    if (a.cdx) a.cdx = archive!.cdx;
    if (a.timemap) a.timemap = archive!.timemap;
  }
  loaded.config.origins = { ...loaded.config.origins, ...sites.origins };
  // Local sites: politeness delays would only make the demo slow; robots.txt still applies.
  loaded.config.fast = true;
  return {
    async close() {
      await sites.close();
      await archive?.close();
    },
  };
}

export async function runDemo(options: DemoOptions = {}): Promise<{ report: RunReport; loaded: LoadedConfig }> {
  const loaded = loadConfig(DEMO_CONFIG);
  if (options.db) loaded.paths.db = options.db;
  if (options.archive) loaded.paths.archive = options.archive;
  const servers = await startDemoServers(loaded);
  try {
    const report = await runPipeline(loaded, { command: 'demo', ...options });
    return { report, loaded };
  } finally {
    await servers.close();
  }
}
