// Shared test scaffolding: a source declared on a public origin but fetched from the fault
// server, hooks that record what the crawler reported, and a throwaway archive directory.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive, type Archive } from '../../pipeline/archive/index.ts';
import type { CrawlHooks, CrawlOptions, FetchError, KnownPage } from '../../pipeline/crawl/index.ts';
import { sourceSchema, type Source, type SourceInput } from '../../pipeline/sources/schema.ts';
import type { Capture } from '../../pipeline/types.ts';

export const PUBLIC_SITE = 'https://news.example.org';

export function makeSource(overrides: Partial<SourceInput> = {}): Source {
  return sourceSchema.parse({
    id: 'test-source',
    name: 'Test source',
    site: PUBLIC_SITE,
    hosts: ['news.example.org'],
    discover: [{ urls: [`${PUBLIC_SITE}/news/one`] }],
    articles: { include: ['^/news/'] },
    rateLimit: { maxConcurrency: 2, delayMs: 0 },
    ...overrides,
  });
}

export interface Recorder extends CrawlHooks {
  articles: { capture: Capture; file: string }[];
  notModified: string[];
  errors: FetchError[];
  knownPages: Map<string, KnownPage>;
  doneUrls: Set<string>;
  errorFor(url: string): FetchError | undefined;
  articleFor(url: string): Capture | undefined;
}

export function recorder(): Recorder {
  const r: Recorder = {
    articles: [],
    notModified: [],
    errors: [],
    knownPages: new Map(),
    doneUrls: new Set(),
    known: (url) => r.knownPages.get(url),
    done: (url) => r.doneUrls.has(url),
    onArticle: async (capture, ref) => {
      r.articles.push({ capture, file: ref.file });
    },
    onNotModified: async (url) => {
      r.notModified.push(url);
    },
    onError: async (error) => {
      r.errors.push(error);
    },
    errorFor: (url) => r.errors.find((e) => e.url === url),
    articleFor: (url) => r.articles.find((a) => a.capture.url === url)?.capture,
  };
  return r;
}

export interface TempArchive {
  dir: string;
  archive: Archive;
  cleanup(): Promise<void>;
}

export async function tempArchive(): Promise<TempArchive> {
  const dir = await mkdtemp(join(tmpdir(), 'rollwatch-archive-'));
  const archive = await openArchive(dir, 'test-run');
  return {
    dir,
    archive,
    cleanup: async () => {
      await archive.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Options that keep fault tests to seconds: no politeness delay, short deadline, quick backoff. */
export function fastOptions(origin: string, archive: Archive, extra: Partial<CrawlOptions> = {}): CrawlOptions {
  return {
    userAgent: 'rollwatch-test/0.1 (+https://example.org/rollwatch)',
    fetchOrigin: origin,
    archive,
    fast: true,
    timeoutMs: 800,
    retry: { maxRetries: 3, baseDelayMs: 10, maxRetryAfterMs: 3000 },
    ...extra,
  };
}
