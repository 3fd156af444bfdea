// Sources declared `render: "browser"` (placeholder until the browser crawler lands).
import type { SourceContext } from './context.ts';
import type { HttpFetcher } from './fetch-step.ts';
import type { Crawl } from './http-crawler.ts';
import type { Proxies } from './proxy.ts';

export async function browserCrawl(_ctx: SourceContext, _fetcher: HttpFetcher, _proxies: Proxies | null, _concurrency: number): Promise<Crawl> {
  throw new Error('browser sources are not supported yet');
}
