// `rollwatch demo`: the whole pipeline on the bundled sample sites, served on 127.0.0.1,
// so a new user sees it work without the internet. The sample sources declare public
// `.example` origins; the demo maps them to whatever ports the sites got, so document
// identity (and every row) is the same on every run.
import { fileURLToPath } from 'node:url';
import { startSampleSites } from '../sample/server.ts';
import { loadConfig, type LoadedConfig } from '../sources/load.ts';
import { runPipeline, type RunOptions, type RunReport } from './run.ts';

export const DEMO_CONFIG = fileURLToPath(new URL('../../sources/sample/demo.config.json', import.meta.url));

export interface DemoOptions extends RunOptions {
  db?: string;
  archive?: string;
}

export async function runDemo(options: DemoOptions = {}): Promise<{ report: RunReport; loaded: LoadedConfig }> {
  const loaded = loadConfig(DEMO_CONFIG);
  if (options.db) loaded.paths.db = options.db;
  if (options.archive) loaded.paths.archive = options.archive;
  const sites = await startSampleSites({ sites: loaded.sources.map((s) => s.id) });
  try {
    loaded.config.origins = { ...loaded.config.origins, ...sites.origins };
    // Local sites: politeness delays would only make the demo slow; robots.txt still applies.
    loaded.config.fast = true;
    const report = await runPipeline(loaded, { command: 'demo', ...options });
    return { report, loaded };
  } finally {
    await sites.close();
  }
}
