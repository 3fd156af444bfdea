// Writes the sample sites to a folder as plain files (one per served path), so a page
// can be opened in a browser or fed to `rollwatch extract`. Usage:
//   npx tsx pipeline/sample/dump.ts OUTDIR [site-id…]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildSampleSite, isSampleSiteId, SAMPLE_SITE_IDS } from './catalog.ts';

/** Maps a served path (maybe with a query) to a safe relative file name. */
export function fileNameFor(path: string, contentType: string): string {
  let name = path.replace(/\?/g, '__').replace(/[&=]/g, '_');
  if (name.endsWith('/')) name += 'index';
  if (contentType.startsWith('text/html') && !/\.html?$/.test(name)) name += '.html';
  return name.replace(/^\//, '');
}

export function dumpSampleSites(outDir: string, ids: string[] = [...SAMPLE_SITE_IDS]): number {
  let count = 0;
  for (const id of ids) {
    if (!isSampleSiteId(id)) throw new Error(`unknown sample site "${id}"`);
    for (const page of buildSampleSite(id).pages.values()) {
      const file = join(outDir, id, fileNameFor(page.path, page.contentType));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, page.body);
      count++;
    }
  }
  return count;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [outDir, ...ids] = process.argv.slice(2);
  if (!outDir) {
    console.error('usage: tsx pipeline/sample/dump.ts OUTDIR [site-id…]');
    process.exit(1);
  }
  console.log(`wrote ${dumpSampleSites(outDir, ids.length ? ids : undefined)} files to ${outDir}`);
}
