// One hop of a request, as the HTTP crawler makes it: robots.txt, the host's gate, the request
// function, the archive. A transient failure (5xx, 429, timeout, reset) is thrown as
// RetryableFetch so that crawlee retries the request; crawlee's errorHandler then waits out the
// backoff or the host's Retry-After (retry.ts). Everything else comes back as an outcome.
import type { ArchiveRef } from '../archive/warc.ts';
import type { RobotsLoader, SourceContext } from './context.ts';
import { FetchFailure, fetchOnce, type RawResponse } from './http.ts';
import { backoffMs, parseRetryAfter, sleep } from './politeness.ts';
import type { Proxies } from './proxy.ts';

const RETRYABLE_NETWORK = new Set(['timeout', 'reset', 'refused', 'network', 'truncated']);
const ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** A failure worth another attempt; crawlee retries the request that threw it. */
export class RetryableFetch extends Error {
  override name = 'RetryableFetch';
  constructor(
    readonly reason: string,
    readonly httpStatus: number | null,
    detail: string,
    /** What the host asked for (Retry-After), in ms; the backoff applies when it asks nothing. */
    readonly retryAfterMs: number | null,
    readonly fetchUrl: string,
  ) {
    super(detail);
  }
}

export interface HopRequest {
  publicUrl: string;
  headers?: Record<string, string>;
  maxBytes?: number;
  skipBody?: (status: number, headers: Record<string, string>) => string | null;
  /** robots.txt itself is fetched without asking robots.txt. @default true */
  checkRobots?: boolean;
}

export type HopOutcome =
  | { kind: 'response'; publicUrl: string; fetchUrl: string; response: RawResponse; ref: ArchiveRef }
  | { kind: 'failed'; failure: FetchFailure }
  | { kind: 'aborted' };

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

function refusalFailure(reason: string, url: string): FetchFailure {
  return new FetchFailure(reason, null, `robots.txt ${reason === 'robots' ? 'disallows' : 'could not be read, so not fetching'} ${url}`);
}

export class HttpFetcher {
  constructor(
    private readonly ctx: SourceContext,
    private readonly proxies: Proxies | null,
  ) {}

  /**
   * robots.txt for a fetch origin, with the retry rules of any request but outside the queue:
   * every other request to the host waits for it, so it cannot wait its turn behind them.
   */
  readonly loadRobots: RobotsLoader = async (fetchOrigin) => {
    const publicUrl = this.ctx.urls.toPublicUrl(`${fetchOrigin}/robots.txt`);
    for (let attempt = 0; ; attempt += 1) {
      try {
        const hop = await this.hop({ publicUrl, checkRobots: false });
        if (hop.kind === 'aborted') return null;
        if (hop.kind === 'failed') return { failure: hop.failure.message, httpStatus: hop.failure.httpStatus };
        return { status: hop.response.status, body: hop.response.body };
      } catch (err) {
        if (!(err instanceof RetryableFetch)) throw err;
        if (attempt >= this.ctx.limits.maxRetries) {
          return err.httpStatus !== null ? { status: err.httpStatus, body: Buffer.alloc(0) } : { failure: err.message, httpStatus: null };
        }
        await sleep(Math.max(backoffMs(attempt, this.ctx.limits.baseDelayMs), err.retryAfterMs ?? 0), this.ctx.options.signal);
      }
    }
  };

  /** robots.txt refusal for a public URL, loading the host's robots.txt on first use. */
  refusal(publicUrl: string): Promise<string | null> {
    return this.ctx.robotsRefusal(publicUrl, this.loadRobots);
  }

  /** One request, no redirect followed. Throws RetryableFetch for a failure worth retrying. */
  async hop(req: HopRequest): Promise<HopOutcome> {
    const { ctx } = this;
    if (req.checkRobots !== false) {
      const refusal = await this.refusal(req.publicUrl);
      if (refusal) return { kind: 'failed', failure: refusalFailure(refusal, req.publicUrl) };
    }
    const fetchUrl = ctx.urls.toFetchUrl(req.publicUrl);
    const gate = ctx.gate(fetchUrl);
    if (!(await gate.acquire(ctx.options.signal))) return { kind: 'aborted' };
    let response: RawResponse;
    try {
      response = await fetchOnce(fetchUrl, {
        headers: { 'user-agent': ctx.options.userAgent, accept: ACCEPT, 'accept-encoding': 'gzip, deflate, br', ...req.headers },
        timeoutMs: ctx.limits.timeoutMs,
        maxBytes: req.maxBytes ?? ctx.limits.maxBytes,
        signal: ctx.options.signal,
        skipBody: req.skipBody,
        dispatcher: this.proxies ? await this.proxies.dispatcher() : undefined,
      });
    } catch (err) {
      const failure = err instanceof FetchFailure ? err : new FetchFailure('network', null, (err as Error).message);
      if (failure.response) await ctx.archiveResponse(req.publicUrl, failure.response);
      if (failure.reason === 'aborted') return { kind: 'aborted' };
      if (RETRYABLE_NETWORK.has(failure.reason)) throw new RetryableFetch(failure.reason, failure.httpStatus, failure.message, null, fetchUrl);
      return { kind: 'failed', failure };
    } finally {
      gate.release();
    }
    const ref = await ctx.archiveResponse(req.publicUrl, response);
    if (isRetryableStatus(response.status)) {
      const header = response.headers['retry-after'];
      const retryAfter = parseRetryAfter(header, Date.now());
      if (retryAfter !== null && retryAfter > ctx.limits.maxRetryAfterMs) {
        const detail = `Retry-After ${header} exceeds the ${ctx.limits.maxRetryAfterMs} ms cap`;
        return { kind: 'failed', failure: new FetchFailure('retry_after_too_long', response.status, detail) };
      }
      throw new RetryableFetch(`http_${response.status}`, response.status, `HTTP ${response.status}`, retryAfter, fetchUrl);
    }
    return { kind: 'response', publicUrl: req.publicUrl, fetchUrl, response, ref };
  }
}
