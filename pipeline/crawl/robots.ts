// robots.txt (RFC 9309) through robots-parser, which also reads the Crawl-delay extension.
// Groups are matched on our product token alone, exactly and case-insensitively (RFC 9309
// §2.2.1): a `User-agent: wat` group is about some other crawler, never about rollwatch.
import { createRequire } from 'node:module';

/** The part of robots-parser's Robot that is used here. */
interface ParsedRobots {
  isAllowed(url: string, userAgent?: string): boolean | undefined;
  getCrawlDelay(userAgent?: string): number | undefined;
  getSitemaps(): string[];
}

// A CommonJS function export whose typings NodeNext cannot call as a default import: required instead.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, text: string) => ParsedRobots;

export interface RobotsPolicy {
  isAllowed(pathAndQuery: string): boolean;
  /** Crawl-delay for our agent in milliseconds, or null when none is set. */
  crawlDelayMs: number | null;
  sitemaps: string[];
  /** Set when everything is refused because robots.txt itself could not be read. */
  unavailable?: boolean;
}

export const ALLOW_ALL: RobotsPolicy = { isAllowed: () => true, crawlDelayMs: null, sitemaps: [] };
export const UNAVAILABLE: RobotsPolicy = { isAllowed: () => false, crawlDelayMs: null, sitemaps: [], unavailable: true };

/** The product token robots.txt groups are matched against: "rollwatch" from "rollwatch/0.1 (+…)". */
export function productToken(userAgent: string): string {
  return (userAgent.trim().split(/[\s/]/)[0] ?? '').toLowerCase();
}

/** Any origin will do: the parser checks that a URL belongs to the file's origin, and we pass it paths. */
const ORIGIN = 'http://robots.invalid';

export function parseRobots(text: string, userAgent: string): RobotsPolicy {
  const robots = robotsParser(`${ORIGIN}/robots.txt`, text);
  // Without a token robots-parser would read the whole header; '*' is the group for everyone else.
  const token = productToken(userAgent) || '*';
  const delay = robots.getCrawlDelay(token);
  return {
    isAllowed(pathAndQuery: string): boolean {
      if (pathAndQuery === '/robots.txt') return true;
      return robots.isAllowed(ORIGIN + (pathAndQuery.startsWith('/') ? pathAndQuery : `/${pathAndQuery}`), token) !== false;
    },
    crawlDelayMs: typeof delay === 'number' && Number.isFinite(delay) && delay >= 0 ? delay * 1000 : null,
    sitemaps: robots.getSitemaps(),
  };
}
