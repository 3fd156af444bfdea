// Two URL spaces: hooks and the archive see public URLs (the declared site), the network sees
// fetch URLs (a mirror or a sample site on 127.0.0.1). Also which URLs a source may fetch at all.
import type { Source } from '../sources/schema.ts';

export class UrlSpace {
  private readonly publicHost: string;
  private readonly publicOrigin: string;
  private readonly fetchBase: URL | null;
  private readonly include: RegExp[];
  private readonly exclude: RegExp[];

  constructor(
    private readonly source: Source,
    fetchOrigin: string | undefined,
  ) {
    const site = new URL(source.site);
    this.publicHost = site.host;
    this.publicOrigin = site.origin;
    this.fetchBase = fetchOrigin ? new URL(fetchOrigin) : null;
    this.include = source.articles.include.map((r) => new RegExp(r));
    this.exclude = source.articles.exclude.map((r) => new RegExp(r));
  }

  /** With a fetchOrigin, every host of the source is fetched from it: a run against sample sites never leaves them. */
  toFetchUrl(publicUrl: string): string {
    const u = new URL(publicUrl);
    if (!this.fetchBase || !this.isSourceHost(u)) return u.toString();
    return new URL(u.pathname + u.search, this.fetchBase).toString();
  }

  toPublicUrl(fetchUrl: string): string {
    const u = new URL(fetchUrl);
    if (!this.fetchBase || u.origin !== this.fetchBase.origin) return u.toString();
    return new URL(u.pathname + u.search + u.hash, this.publicOrigin).toString();
  }

  /** http(s) on one of the source's hosts; anything else (mailto:, javascript:, other sites) is never fetched. */
  isAllowedUrl(publicUrl: string): boolean {
    let u: URL;
    try {
      u = new URL(publicUrl);
    } catch {
      return false;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
    return this.isSourceHost(u);
  }

  isArticleUrl(publicUrl: string): boolean {
    const u = new URL(publicUrl);
    const target = u.pathname + u.search;
    return this.include.some((r) => r.test(target)) && !this.exclude.some((r) => r.test(target));
  }

  private isSourceHost(u: URL): boolean {
    return u.host === this.publicHost || this.source.hosts.some((h) => h.toLowerCase() === u.host || h.toLowerCase() === u.hostname);
  }
}
