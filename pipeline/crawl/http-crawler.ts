// HTTP sources: crawlee's BasicCrawler with our own request function (fetch-step.ts).
// Not CheerioCrawler, which parses every page twice, nor HttpCrawler, whose got-scraping client
// can neither cap a body while streaming nor hand back a redirect unfollowed: the choice rests on
// those two. Speed is close either way (bench, 3 Dec 2026, same run): rollwatch's crawl with its
// WARC archive, cap and journal at 0.645x a raw undici + cheerio.load loop, the bare HttpCrawler
// baseline (no archive, no cap, no storage) at 0.745x, CheerioCrawler at 0.427x (bench/README.md).
import { BasicCrawler, type BasicCrawlingContext } from '@crawlee/basic';
import type { RequestOptions } from '@crawlee/core';
import type { SourceContext } from './context.ts';
import { crawleeSettings } from './crawlee-settings.ts';
import type { HttpFetcher } from './fetch-step.ts';
import { retryHooks } from './retry.ts';
import { createRouter, gaveUp, type HopData } from './routes.ts';

export interface Crawl {
  enqueue(requests: RequestOptions[], forefront?: boolean): Promise<void>;
  run(): Promise<void>;
}

export function httpCrawl(ctx: SourceContext, fetcher: HttpFetcher, concurrency: number): Crawl {
  const settings = crawleeSettings();
  let crawler: BasicCrawler | null = null;
  const enqueue = async (requests: RequestOptions[], forefront = false): Promise<void> => {
    await crawler!.addRequests(requests, { forefront });
  };
  const router = createRouter<BasicCrawlingContext>({
    ctx,
    obtain: (_c, hop) => fetcher.hop(hop),
    enqueue,
  });
  crawler = new BasicCrawler(
    {
      requestHandler: router,
      ...retryHooks(ctx, (request, failure) => gaveUp(ctx, request.label, request.userData as HopData, failure)),
      maxRequestRetries: ctx.limits.maxRetries,
      minConcurrency: concurrency,
      maxConcurrency: concurrency,
      useSessionPool: false,
      ...settings.crawlerOptions,
    },
    settings.configuration,
  );
  ctx.stopCrawler = () => crawler?.stop();
  return {
    enqueue,
    run: async () => {
      await crawler!.run();
    },
  };
}
