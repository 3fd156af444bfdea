// What the harness and the stage child processes share: stage arguments and results,
// the bench source declaration, and sitemap discovery for the baselines.
import { request } from 'undici';

export const RESULT_MARKER = 'BENCH_RESULT ';

/** The public origin the bench site pretends to be; the crawler maps it to the local server. */
export const PUBLIC_ORIGIN = 'https://bench.nhs.example';
export const ARTICLE_PATTERN = '^/news/\\d{4}/\\d{2}/story-\\d+$';

export interface StageArgs {
  /** Where the bench site is served (http://127.0.0.1:PORT). */
  origin: string;
  pages: number;
  seed: number;
  /** Per-repeat scratch directory: archive, state and DB of the first run live here for the second run. */
  workDir: string;
  /** Cap on documents for the in-process NLP stages (they are measured as a rate). */
  docLimit: number;
  /** Rows for the DuckDB appender baseline. */
  rows: number;
  /** Rows for rollwatch's loader (fewer: it is much slower, and the rate is what is compared). */
  loadRows: number;
  /** Pages per Store.savePages call. */
  loadBatch: number;
}

export interface StageResult {
  /** Items processed: pages, docs or rows. */
  units: number;
  unit: 'pages' | 'docs' | 'rows';
  seconds: number;
  /** Peak resident set of the child process, MiB. */
  maxRssMiB?: number;
  /** Anything else worth recording (fetch counts, 304s, findings). */
  extra?: Record<string, number | string>;
  /** A warning for the reader: the figure may not mean what it seems. */
  note?: string;
}

/**
 * The part of a stage worth profiling. A stage calls `begin()` after its untimed setup
 * (generating pages, extracting the articles analyse needs) and `end()` after the
 * timed loop; the child installs real hooks only when a profile was asked for.
 */
export const measured = {
  begin: async (): Promise<void> => {},
  end: async (): Promise<void> => {},
};

/** Process CPU seconds since `from`: less swayed than the wall clock by other jobs on the cores. */
export function cpuSecondsSince(from: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1e6;
}

/** Thrown when a rollwatch module a stage needs is not on this branch yet. */
export class NotAvailable extends Error {
  override name = 'NotAvailable';
}

/** The bench site as a rollwatch source declaration (input form, validated by the loader). */
export function benchSourceDeclaration(origin: string): Record<string, unknown> {
  return {
    id: 'bench',
    name: 'Bench NHS Trust (synthetic)',
    site: PUBLIC_ORIGIN,
    // The local host is listed too, in case a crawler does not map sitemap URLs back.
    hosts: [new URL(PUBLIC_ORIGIN).host, new URL(origin).host],
    discover: [{ sitemap: `${PUBLIC_ORIGIN}/sitemap.xml` }],
    articles: { include: [ARTICLE_PATTERN], exclude: [] },
    rateLimit: { maxConcurrency: 10, delayMs: 0 },
    dateOrder: 'dmy',
  };
}

export function toLocal(url: string, origin: string): string {
  return url.startsWith(PUBLIC_ORIGIN) ? origin + url.slice(PUBLIC_ORIGIN.length) : url;
}

/** Article URLs from the sitemap index, as the baselines discover them (local origin). */
export async function sitemapUrls(origin: string): Promise<string[]> {
  const locs = async (url: string) => {
    const res = await request(toLocal(url, origin));
    const text = await res.body.text();
    return [...text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  };
  const urls: string[] = [];
  for (const sitemap of await locs(`${origin}/sitemap.xml`)) {
    for (const u of await locs(sitemap)) urls.push(toLocal(u, origin));
  }
  return urls;
}

/** Imports a rollwatch module that may not exist on this branch yet. */
export async function importOptional<T>(relativeToRepo: string, needed: string[]): Promise<T> {
  const url = new URL(`../${relativeToRepo}`, import.meta.url).href;
  let mod: Record<string, unknown>;
  try {
    mod = (await import(url)) as Record<string, unknown>;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND') {
      // Name the missing file: it may be something the module imports, not the module itself.
      const missing = /Cannot find module '([^']+)'/.exec((err as Error).message)?.[1] ?? relativeToRepo;
      throw new NotAvailable(`${relativeToRepo}: ${missing.replace(/^.*?\/(pipeline\/)/, '$1')} not on this branch`);
    }
    throw err;
  }
  const missing = needed.filter((name) => typeof mod[name] !== 'function');
  if (missing.length) throw new NotAvailable(`${relativeToRepo} has no ${missing.join(', ')}`);
  return mod as T;
}
