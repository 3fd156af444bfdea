// The article URLs a source's discovery found, fed to the crawler's queue a few at a time: a
// backfill of 100k URLs holds a short queue of requests, not 100k of them. Also where the
// per-run rules about which URLs are fetched at all live: once per canonical URL, never one
// an interrupted run already finished, and at most `limit` that no earlier run has seen.
import { canonicalUrl } from './canonical.ts';
import type { CrawlHooks } from './types.ts';

export interface Candidate {
  canonical: string;
  /** Public URL to fetch (tracking parameters stripped). */
  url: string;
  /** The sitemap's `<lastmod>` for the page, when it gave one: recorded with the capture, compared next run. */
  lastmod?: string;
}

export class Frontier {
  discovered = 0;
  skippedDone = 0;
  /** Candidates handed to the queue whose outcome is not in yet. */
  private inFlight = 0;
  private newStarted = 0;
  private readonly seen = new Set<string>();
  private pending: Candidate[] = [];
  private head = 0;
  private closed = false;

  constructor(
    private readonly hooks: Pick<CrawlHooks, 'known' | 'done'>,
    /** Most candidates unknown to `known()` handed on (0 = no limit). */
    private readonly limit: number,
    /** How many candidates to keep queued or in flight. */
    private readonly want: number,
    /** Decides a candidate before it is queued (robots.txt, the sitemap's lastmod); false when it needs no request. */
    private readonly screen: (candidate: Candidate) => Promise<boolean>,
    private readonly enqueue: (batch: Candidate[]) => Promise<void>,
  ) {}

  /** A discovered article URL (public, tracking stripped); duplicates and finished ones are dropped. */
  add(url: string, lastmod?: string): void {
    let canonical: string;
    try {
      canonical = canonicalUrl(url);
    } catch {
      return;
    }
    if (this.seen.has(canonical)) return;
    this.seen.add(canonical);
    this.discovered += 1;
    if (this.hooks.done(canonical)) {
      this.skippedDone += 1;
      return;
    }
    this.pending.push(lastmod ? { canonical, url, lastmod } : { canonical, url });
  }

  /** Candidates not yet handed on or in flight: what the progress line calls queued. */
  get queued(): number {
    return this.pending.length - this.head + this.inFlight;
  }

  /** Hands candidates to the queue until `want` are in flight; unknown ones past the limit are dropped. */
  async topUp(): Promise<void> {
    const batch: Candidate[] = [];
    while (!this.closed && this.inFlight < this.want && this.head < this.pending.length) {
      const next = this.pending[this.head++]!;
      if (this.limit > 0 && !this.hooks.known(next.canonical)) {
        if (this.newStarted >= this.limit) continue;
        this.newStarted += 1;
      }
      // The slot is taken while the screen runs, so that handlers topping up at once never overfill.
      this.inFlight += 1;
      if (await this.screen(next)) batch.push(next);
      else this.inFlight -= 1;
    }
    if (this.head > 4096 && this.head * 2 > this.pending.length) {
      this.pending = this.pending.slice(this.head);
      this.head = 0;
    }
    if (batch.length) await this.enqueue(batch);
  }

  /** A candidate's outcome is in (article, unchanged, failed or abandoned). */
  finished(): void {
    this.inFlight -= 1;
  }

  /** Nothing more is handed on (the crawl was aborted or a hook failed). */
  close(): void {
    this.closed = true;
  }
}
