// The in-memory form of a sample site: every path it serves, with bytes, type and date.
import type { SampleArticle } from './content.ts';

export interface SitePage {
  /** Path plus query exactly as linked, e.g. `/news?page=2`. */
  path: string;
  /** Full Content-Type header value (the local site deliberately sends no charset). */
  contentType: string;
  body: Buffer;
  lastModified: Date;
}

export interface SiteRedirect {
  from: string;
  to: string;
  status: 301 | 302;
}

export interface SampleArticlePage {
  article: SampleArticle;
  /** Public URL (on the declared `site` origin): the document identity. */
  url: string;
  /** Path (and query) served. */
  path: string;
}

export interface BuiltSite {
  id: string;
  /** Public origin from the source declaration, e.g. https://www.nhs-news.example. */
  site: string;
  pages: Map<string, SitePage>;
  redirects: Map<string, SiteRedirect>;
  articles: SampleArticlePage[];
}

export class SiteBuilder {
  readonly pages = new Map<string, SitePage>();
  readonly redirects = new Map<string, SiteRedirect>();
  readonly articles: SampleArticlePage[] = [];
  constructor(
    readonly id: string,
    readonly site: string,
  ) {}

  add(path: string, contentType: string, body: string | Buffer, lastModified: Date): void {
    if (this.pages.has(path)) throw new Error(`${this.id}: path ${path} generated twice`);
    this.pages.set(path, { path, contentType, body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body, lastModified });
  }

  redirect(from: string, to: string, status: 301 | 302 = 301): void {
    this.redirects.set(from, { from, to, status });
  }

  /** Public absolute URL of a root-relative path. */
  url(path: string): string {
    return this.site + path;
  }

  build(): BuiltSite {
    return { id: this.id, site: this.site, pages: this.pages, redirects: this.redirects, articles: this.articles };
  }
}

export function latest(dates: Date[]): Date {
  return new Date(Math.max(...dates.map((d) => d.getTime())));
}

/** Splits a list into pages of `size`. */
export function paginate<T>(items: T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length ? pages : [[]];
}
