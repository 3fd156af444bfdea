// Which declared source, if any, a URL belongs to as an article: the same host and pattern rules
// the crawl applies to what it discovers, for URLs that arrive another way (WARC files, archives).
import type { Source } from './schema.ts';

export interface SourceMatcher {
  /** The first source whose hosts include the URL's host and whose article patterns take its path; null otherwise. */
  articleSource(url: string): Source | null;
  /** The first source whose hosts include the URL's host, article or not. */
  hostSource(url: string): Source | null;
}

interface Compiled {
  source: Source;
  include: RegExp[];
  exclude: RegExp[];
}

function parse(url: string): URL | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

export function sourceMatcher(sources: Source[]): SourceMatcher {
  const byHost = new Map<string, Compiled[]>();
  for (const source of sources) {
    const compiled = {
      source,
      include: source.articles.include.map((r) => new RegExp(r)),
      exclude: source.articles.exclude.map((r) => new RegExp(r)),
    };
    for (const host of new Set([new URL(source.site).host, ...source.hosts].map((h) => h.toLowerCase()))) {
      const list = byHost.get(host) ?? [];
      list.push(compiled);
      byHost.set(host, list);
    }
  }
  const candidates = (u: URL): Compiled[] => byHost.get(u.host) ?? byHost.get(u.hostname) ?? [];
  return {
    articleSource(url) {
      const u = parse(url);
      if (!u) return null;
      const target = u.pathname + u.search;
      const hit = candidates(u).find((c) => c.include.some((r) => r.test(target)) && !c.exclude.some((r) => r.test(target)));
      return hit?.source ?? null;
    },
    hostSource(url) {
      const u = parse(url);
      return u ? (candidates(u)[0]?.source ?? null) : null;
    },
  };
}
