// rollwatch's retry rules on crawlee's error hooks. crawlee retries a request whose handler
// threw (up to maxRequestRetries), but retries at once: errorHandler, which crawlee awaits
// before it puts the request back, waits out the host's Retry-After or an exponential backoff
// with jitter. failedRequestHandler reports the request once crawlee gives up on it.
import type { Request } from '@crawlee/core';
import type { SourceContext } from './context.ts';
import { RetryableFetch } from './fetch-step.ts';
import { backoffMs, sleep } from './politeness.ts';

export interface GiveUp {
  reason: string;
  httpStatus: number | null;
  detail: string;
}

export function retryHooks(
  ctx: SourceContext,
  onGiveUp: (request: Request, failure: GiveUp | null) => Promise<void>,
  /** Turns a crawler's own errors (a browser's navigation timeout) into transient fetch failures. */
  classify: (error: Error, request: Request) => RetryableFetch | null = () => null,
) {
  const transient = (error: Error, request: Request): RetryableFetch | null => (error instanceof RetryableFetch ? error : classify(error, request));
  return {
    errorHandler: async ({ request }: { request: Request }, thrown: Error): Promise<void> => {
      const error = transient(thrown, request);
      // Anything but a transient fetch failure is our own bug or a hook's: no retry (and the crawl stops, below).
      if (!error || ctx.stopped) {
        request.noRetry = true;
        return;
      }
      const retryAfter = error.retryAfterMs;
      if (retryAfter !== null) ctx.gate(error.fetchUrl).pauseUntil(Date.now() + retryAfter);
      await sleep(Math.max(backoffMs(request.retryCount, ctx.limits.baseDelayMs), retryAfter ?? 0), ctx.options.signal);
      if (ctx.stopped) request.noRetry = true;
    },
    failedRequestHandler: async ({ request }: { request: Request }, thrown: Error): Promise<void> => {
      if (ctx.stopped) return onGiveUp(request, null);
      const error = transient(thrown, request);
      if (!error) {
        ctx.halt(thrown);
        return onGiveUp(request, null);
      }
      const attempts = request.retryCount + 1;
      const detail = error.reason.startsWith('http_') ? `HTTP ${error.httpStatus} after ${attempts} attempts` : `${error.message} (after ${attempts} attempts)`;
      return onGiveUp(request, { reason: error.reason, httpStatus: error.httpStatus, detail });
    },
  };
}
