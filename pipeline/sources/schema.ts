// The shape of a source declaration (sources/*.json) and of a run config.
// Validated at load so a typo fails with the file and field named, not mid-crawl.
import { z } from 'zod';

const regex = z.string().refine(
  (s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be a valid regular expression (JavaScript syntax)' },
);

const absoluteUrl = z.string().refine((s) => /^https?:\/\//.test(s), {
  message: 'must be an absolute http(s) URL such as https://www.example.org/news',
});

const hostname = z.string().refine((s) => /^[a-z0-9.-]+(:\d+)?$/i.test(s), {
  message: 'takes bare hostnames such as www.england.nhs.uk (no scheme, no path)',
});

export const discoverySchema = z.union([
  z.strictObject({
    sitemap: absoluteUrl.describe('sitemap.xml or sitemap index URL'),
  }),
  z.strictObject({ feed: absoluteUrl.describe('RSS or Atom feed URL') }),
  z.strictObject({
    listing: absoluteUrl.describe('first page of a news listing'),
    /** CSS selector of the "next page" link. @default 'a[rel=next]' */
    nextPage: z.string().default('a[rel=next]'),
    /** CSS selector of links to articles on a listing page. @default 'a[href]' */
    articleLinks: z.string().default('a[href]'),
    /** Stop after this many listing pages. @default 50 */
    maxPages: z.number().int().positive().default(50),
  }),
  z.strictObject({ urls: z.array(absoluteUrl).min(1) }),
]);
export type Discovery = z.infer<typeof discoverySchema>;

export const sourceSchema = z.strictObject({
  /** Stable id, used in the database (`documents.source_id`). */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes, e.g. nhs-england'),
  name: z.string().min(1),
  /** Public origin of the site, e.g. https://www.england.nhs.uk. Document identity is built on it. */
  site: absoluteUrl,
  /** Hosts the crawler may fetch from (bare hostnames). */
  hosts: z.array(hostname).min(1),
  discover: z.array(discoverySchema).min(1),
  /** Which URLs are articles: regexes over the URL path and query. */
  articles: z
    .strictObject({
      include: z.array(regex).min(1),
      exclude: z.array(regex).default([]),
    })
    .describe('which URLs count as articles'),
  selectors: z
    .strictObject({
      title: z.string().optional(),
      body: z.string().optional(),
      published: z.string().optional(),
      author: z.string().optional(),
      remove: z.array(z.string()).optional(),
    })
    .optional(),
  rateLimit: z
    .strictObject({
      /** Parallel requests to one host. @default 2 */
      maxConcurrency: z.number().int().min(1).max(20).default(2),
      /** Pause between two requests to one host, in milliseconds. @default 1000 */
      delayMs: z.number().int().min(0).default(1000),
    })
    .default({ maxConcurrency: 2, delayMs: 1000 }),
  /**
   * The area a local body's site covers (e.g. "Leicester, Leicestershire and Rutland" for a CCG's
   * own news pages): facts whose text names no place default to it instead of England.
   */
  defaultRegion: z.string().min(1).optional(),
  /**
   * How article pages are fetched: `http` (the page's HTML as served) or `browser` (rendered in
   * headless Chromium first, for sites whose article text a script inserts after load or that
   * hide it behind a consent overlay). Discovery documents are always read over HTTP.
   * @default 'http'
   */
  render: z.enum(['http', 'browser']).default('http'),
  /** Order of numeric dates on this site. UK sites write day first. @default 'dmy' */
  dateOrder: z.enum(['dmy', 'mdy']).default('dmy'),
  /** Free text: where the declaration's facts come from, what is known not to work. */
  notes: z.string().optional(),
});
export type Source = z.infer<typeof sourceSchema>;
export type SourceInput = z.input<typeof sourceSchema>;

export const configSchema = z.strictObject({
  /** Source declaration files, relative to the config file. */
  sources: z.array(z.string()).min(1),
  /** DuckDB file. @default output/rollwatch.duckdb */
  db: z.string().default('output/rollwatch.duckdb'),
  /** Raw WARC captures. @default output/archive */
  archive: z.string().default('output/archive'),
  userAgent: z
    .string()
    .default('rollwatch/0.1 (+https://github.com/rollwatch/rollwatch; NHS rollout research crawler)'),
  /**
   * Fetch a source from another origin than its declared `site` (a mirror, or the
   * sample sites on 127.0.0.1). Documents keep the declared site's URLs.
   */
  origins: z.record(z.string(), absoluteUrl).default({}),
  /** Politeness off, for benchmarks and tests only. @default false */
  fast: z.boolean().default(false),
  /**
   * Most article pages loaded per DuckDB transaction. Each commit has a fixed cost, so a
   * backfill loads ~2.5x faster in batches of 500 than of 50. @default 500
   */
  batchSize: z.number().int().min(1).max(10_000).default(500),
  /**
   * Longest a fetched page waits to be committed: a slow, polite crawl still commits every
   * few seconds, so a crash loses at most this much work (or one batch). @default 10
   */
  batchSeconds: z.number().positive().max(3600).default(10),
  /**
   * Memory DuckDB may use for its buffers during `run` and `reprocess` (its `memory_limit`).
   * Loading only appends, so a small cache costs nothing; unset, DuckDB may take 80 % of RAM.
   * @default "128MB"
   */
  dbMemoryLimit: z
    .string()
    .regex(/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i, 'a size such as "256MB" or "1GiB"')
    .default('128MB'),
  /**
   * Worker threads for extraction (0 = on the main thread). @default one fewer than the
   * machine's cores, at most 4
   */
  workers: z.number().int().min(0).max(16).optional(),
  /**
   * Most pages per source per run that no earlier run fetched (0 = no limit). Pages fetched
   * before are still checked and never count, so a capped backfill moves on run by run. @default 0
   */
  maxArticlesPerSource: z.number().int().min(0).default(0),
  /**
   * Deadline for one request, headers and body, in seconds. A slower page fails with reason
   * `timeout` and is retried like a 5xx (up to 3 times, with backoff). @default 15
   */
  requestTimeoutSecs: z.number().positive().max(600).default(15),
  /**
   * Proxies to send every request through (`http://host:port`, `http://user:password@host:port`),
   * for networks that only reach the web through one. Several are used in turn (crawlee's
   * ProxyConfiguration), by the HTTP and the browser crawler alike. @default none
   */
  proxyUrls: z
    .array(z.string().refine((s) => /^https?:\/\/[^/\s]+\/?$/.test(s), { message: 'takes proxy URLs such as http://proxy.example.org:3128 (no path)' }))
    .default([]),
});
export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
