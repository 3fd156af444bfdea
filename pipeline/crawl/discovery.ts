// Pure parsers for discovery documents: sitemaps (and sitemap indexes), RSS/Atom feeds and
// listing pages. Each returns raw link strings resolved against the document URL; the
// crawler decides which of them it may fetch.
import * as cheerio from 'cheerio';

export interface SitemapLinks {
  /** Child sitemaps of a sitemap index. */
  sitemaps: string[];
  /** Page URLs of a urlset. */
  pages: string[];
  /** `<lastmod>` of a page, by its resolved URL, when the sitemap gives one. */
  lastModified: Map<string, string>;
}

function resolve(href: string | undefined, base: string): string | null {
  if (!href) return null;
  const trimmed = href.trim();
  if (!trimmed) return null;
  try {
    return new URL(trimmed, base).toString();
  } catch {
    return null;
  }
}

/** <sitemapindex> children and <urlset> pages; namespaces and prefixes ignored. */
export function parseSitemap(xml: string, base: string): SitemapLinks {
  const $ = cheerio.load(xml, { xml: true });
  const sitemaps: string[] = [];
  const pages: string[] = [];
  const lastModified = new Map<string, string>();
  $('*').each((_, el) => {
    const tag = ((el as { tagName?: string }).tagName ?? '').toLowerCase().replace(/^.*:/, '');
    if (tag === 'sitemap') sitemaps.push(...locs_of(el));
    else if (tag === 'url') {
      const locs = locs_of(el);
      pages.push(...locs);
      const lastmod = $(el)
        .children()
        .filter((_, c) => /(^|:)lastmod$/i.test((c as { tagName?: string }).tagName ?? ''))
        .first()
        .text()
        .trim();
      if (lastmod && !Number.isNaN(Date.parse(lastmod))) for (const loc of locs) lastModified.set(loc, lastmod);
    }
  });
  function locs_of(el: Parameters<typeof $>[0]): string[] {
    return $(el)
      .children()
      .filter((_, c) => /(^|:)loc$/i.test((c as { tagName?: string }).tagName ?? ''))
      .map((_, c) => resolve($(c).text(), base))
      .get()
      .filter((u): u is string => u !== null);
  }
  return { sitemaps, pages, lastModified };
}

/** Article links of an RSS 2.0, RSS 1.0 (RDF) or Atom feed. */
export function parseFeed(xml: string, base: string): string[] {
  const $ = cheerio.load(xml, { xml: true });
  const out: string[] = [];
  $('item').each((_, item) => {
    const link = $(item).children('link').first().text();
    const guid = $(item).children('guid').first();
    const permalink = guid.attr('isPermaLink') !== 'false' ? guid.text() : '';
    const about = $(item).attr('rdf:about');
    const url = resolve(link || permalink || about, base);
    if (url) out.push(url);
  });
  $('entry').each((_, entry) => {
    const links = $(entry).children('link');
    const alternate = links.filter((_, l) => ($(l).attr('rel') ?? 'alternate') === 'alternate').first();
    const url = resolve(alternate.attr('href') ?? links.first().attr('href'), base);
    if (url) out.push(url);
  });
  return out;
}

export interface ListingLinks {
  articles: string[];
  next: string | null;
}

/** Links matching `articleLinks` and the first `nextPage` link of a listing page. */
export function parseListing(html: string, pageUrl: string, articleLinks: string, nextPage: string): ListingLinks {
  const $ = cheerio.load(html);
  const base = resolve($('base[href]').attr('href'), pageUrl) ?? pageUrl;
  const articles = $(articleLinks)
    .map((_, el) => resolve($(el).attr('href'), base))
    .get()
    .filter((u): u is string => u !== null);
  const nextEl = $(nextPage).first();
  const next = resolve(nextEl.attr('href') ?? nextEl.find('a[href]').first().attr('href'), base);
  return { articles, next };
}
