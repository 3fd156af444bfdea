// A synthetic NHS news site of N articles, generated on request (deterministic given N
// and a seed) so that 100k pages need neither disk nor much memory. Served on
// 127.0.0.1 with robots.txt, a sitemap index, an RSS feed, a paginated listing,
// ETag / Last-Modified and 304s, so the crawler does the work a real site asks for.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DAYS,
  DEPARTMENTS,
  DETAIL_SENTENCES,
  DETAIL_VERBS,
  FIRST_NAMES,
  GENERAL_SENTENCES,
  GENERAL_TITLES,
  MONTHS,
  NAV_SECTIONS,
  PEOPLE,
  PROVIDERS,
  QUOTE_TEXTS,
  REGIONS,
  ROLLOUT_SENTENCES,
  ROLLOUT_TITLES,
  SERVICES,
  SURNAMES,
  THINGS,
  TOWNS,
  WHEN,
} from './vocabulary.ts';

export interface SiteOptions {
  pages: number;
  seed?: number;
  /** Share of articles about a rollout. @default 0.3 */
  relevantShare?: number;
}

export interface BenchArticle {
  id: number;
  path: string;
  title: string;
  published: string;
  relevant: boolean;
  html: string;
}

export const LISTING_PAGE_SIZE = 20;
export const SITEMAP_CHUNK = 10_000;
const FEED_ITEMS = 50;
const FIRST_DAY = Date.UTC(2012, 0, 2);
const SPAN_DAYS = 12 * 365;

/** mulberry32: small, fast and good enough to vary text; not for anything secret. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rng: () => number, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)];
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export class BenchSite {
  readonly pages: number;
  readonly seed: number;
  readonly relevantShare: number;

  constructor(options: SiteOptions) {
    this.pages = options.pages;
    this.seed = options.seed ?? 7;
    this.relevantShare = options.relevantShare ?? 0.3;
  }

  /** Article ids run 0..N-1, oldest first; dates spread evenly over twelve years. */
  publishedDate(id: number): string {
    const day = Math.floor((id * SPAN_DAYS) / Math.max(1, this.pages));
    return new Date(FIRST_DAY + day * 86_400_000).toISOString().slice(0, 10);
  }

  articlePath(id: number): string {
    const d = this.publishedDate(id);
    return `/news/${d.slice(0, 4)}/${d.slice(5, 7)}/story-${id}`;
  }

  /** The inverse of articlePath, or null for any other path. */
  articleId(path: string): number | null {
    const m = /^\/news\/(\d{4})\/(\d{2})\/story-(\d+)$/.exec(path);
    if (!m) return null;
    const id = Number(m[3]);
    if (!(id >= 0 && id < this.pages) || this.articlePath(id) !== path) return null;
    return id;
  }

  etag(id: number): string {
    return `"a${this.seed}-${id}"`;
  }

  private rng(id: number): () => number {
    return prng(Math.imul(this.seed, 1_000_003) ^ (id * 2_654_435_761));
  }

  private fill(template: string, rng: () => number, ctx: Record<string, string>): string {
    return template.replace(/\{(\w+)\}/g, (_, key: string) => {
      if (key in ctx) return ctx[key];
      switch (key) {
        case 'when':
          return pick(rng, WHEN);
        case 'month':
          return pick(rng, MONTHS);
        case 'n':
          return String(2 + Math.floor(rng() * 40));
        case 'm':
          return String(44 + Math.floor(rng() * 10));
        case 'first':
          return pick(rng, FIRST_NAMES);
        case 'surname':
          return pick(rng, SURNAMES);
        case 'town':
          return pick(rng, TOWNS);
        case 'dept':
          return pick(rng, DEPARTMENTS);
        case 'thing':
          return pick(rng, THINGS);
        case 'verb':
          return pick(rng, DETAIL_VERBS);
        case 'day':
          return pick(rng, DAYS);
        default:
          return key;
      }
    });
  }

  article(id: number): BenchArticle {
    const { relevant, title, paragraphs, rng } = this.articleText(id);
    const published = this.publishedDate(id);
    const path = this.articlePath(id);
    return { id, path, title, published, relevant, html: this.renderArticle(id, path, title, published, paragraphs, rng) };
  }

  /** The article's words alone (the load stage stores bodies without rendering pages). */
  articleText(id: number): { relevant: boolean; title: string; paragraphs: string[]; rng: () => number } {
    const rng = this.rng(id);
    const relevant = rng() < this.relevantShare;
    const ctx = {
      service: pick(rng, SERVICES),
      region: pick(rng, REGIONS),
      provider: pick(rng, PROVIDERS),
    };
    const title = capitalise(this.fill(pick(rng, relevant ? ROLLOUT_TITLES : GENERAL_TITLES), rng, ctx));
    const paragraphs: string[] = [];
    let words = 0;
    const target = 360 + Math.floor(rng() * 60);
    while (words < target) {
      const sentences: string[] = [];
      const perParagraph = 2 + Math.floor(rng() * 3);
      for (let i = 0; i < perParagraph; i++) {
        const r = rng();
        let s: string;
        // Rollout stories: ~30 % rollout statements, ~10 % quotes; every story: local detail and routine news.
        if (relevant && r < 0.3) s = this.fill(pick(rng, ROLLOUT_SENTENCES), rng, ctx);
        else if (relevant && r < 0.4) {
          const [name, role] = pick(rng, PEOPLE);
          const said = this.fill(pick(rng, QUOTE_TEXTS), rng, ctx);
          s = rng() < 0.5 ? `\u201c${said},\u201d said ${name}, ${role}.` : `${name}, ${role}, said: \u201c${said}.\u201d`;
        } else if (r < 0.75) s = this.fill(pick(rng, DETAIL_SENTENCES), rng, ctx);
        else s = this.fill(pick(rng, GENERAL_SENTENCES), rng, ctx);
        sentences.push(s);
        words += s.split(' ').length;
      }
      paragraphs.push(sentences.join(' '));
    }
    return { relevant, title, paragraphs, rng };
  }

  private renderArticle(
    id: number,
    path: string,
    title: string,
    published: string,
    paragraphs: string[],
    rng: () => number,
  ): string {
    const [author] = pick(rng, PEOPLE);
    const t = escapeHtml(title);
    const related: string[] = [];
    for (let k = 1; k <= 5; k++) {
      const other = (id + k * 7919) % this.pages;
      related.push(`<li><a href="${this.articlePath(other)}">Related story ${other}</a></li>`);
    }
    const jsonLd = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: title,
      datePublished: `${published}T09:30:00+00:00`,
      author: { '@type': 'Person', name: author },
    });
    return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>${t} | Bench NHS Trust</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="canonical" href="${path}">
<meta property="og:type" content="article">
<meta property="og:title" content="${t}">
<meta property="og:url" content="${path}">
<meta property="article:published_time" content="${published}T09:30:00+00:00">
<link rel="stylesheet" href="/assets/site.css">
<script type="application/ld+json">${jsonLd}</script>
<script src="/assets/analytics.js" async></script>
</head>
<body class="page-news">
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header"><div class="container"><a class="logo" href="/"><img src="/assets/logo.svg" alt="Bench NHS Trust"></a>
<form class="search" action="/search"><label for="q">Search</label><input id="q" name="q" type="search"><button>Search</button></form></div>
<nav class="primary-nav" aria-label="Main"><ul>${NAV_SECTIONS.map(
      (s, i) => `<li><a href="/section/${i}">${s}</a><ul class="sub"><li><a href="/section/${i}/more">More on ${s.toLowerCase()}</a></li></ul></li>`,
    ).join('')}</ul></nav></header>
<div class="breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li>${t}</li></ol></div>
<main id="main"><article class="news-article">
<h1 class="article-title">${t}</h1>
<p class="meta">By <span class="author">${escapeHtml(author)}</span> &middot; <time datetime="${published}">${Number(published.slice(8))} ${MONTHS[Number(published.slice(5, 7)) - 1]} ${published.slice(0, 4)}</time></p>
<div class="article-body">
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</div>
<div class="share"><a href="mailto:?subject=${encodeURIComponent(title)}">Email</a> <a href="javascript:window.print()">Print</a> <a href="https://social.example.invalid/share?u=${path}">Share</a></div>
</article>
<aside class="related"><h2>Related news</h2><ul>${related.join('')}</ul></aside>
<p class="staff-only"><a href="/private/${id}">Staff intranet</a></p>
</main>
<footer class="site-footer"><div class="container"><p>Bench NHS Trust, a fictional organisation for benchmarking.</p>
<ul>${['Cookies', 'Privacy', 'Accessibility statement', 'Modern slavery statement', 'Contact us'].map((s) => `<li><a href="/footer/${s.toLowerCase().replace(/ /g, '-')}">${s}</a></li>`).join('')}</ul></div></footer>
</body>
</html>
`;
  }

  /** Newest first, as news listings are. */
  listing(page: number): string | null {
    const pagesTotal = Math.ceil(this.pages / LISTING_PAGE_SIZE);
    if (page < 1 || page > pagesTotal) return null;
    const items: string[] = [];
    const newest = this.pages - 1 - (page - 1) * LISTING_PAGE_SIZE;
    for (let id = newest; id > newest - LISTING_PAGE_SIZE && id >= 0; id--) {
      items.push(
        `<li class="teaser"><a href="${this.articlePath(id)}">Story ${id}</a> <time datetime="${this.publishedDate(id)}">${this.publishedDate(id)}</time></li>`,
      );
    }
    const next = page < pagesTotal ? `<a rel="next" href="/news?page=${page + 1}">Next page</a>` : '';
    return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>News, page ${page}</title></head><body><main><h1>News</h1><ul class="news-list">${items.join('')}</ul><nav class="pager">${next}</nav></main></body></html>`;
  }

  sitemapIndex(origin: string): string {
    const chunks = Math.ceil(this.pages / SITEMAP_CHUNK);
    const entries: string[] = [];
    for (let c = 0; c < chunks; c++) entries.push(`<sitemap><loc>${origin}/sitemaps/${c}.xml</loc></sitemap>`);
    return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.join('')}</sitemapindex>\n`;
  }

  sitemap(origin: string, chunk: number): string | null {
    const start = chunk * SITEMAP_CHUNK;
    if (chunk < 0 || start >= this.pages) return null;
    const parts: string[] = [];
    for (let id = start; id < Math.min(this.pages, start + SITEMAP_CHUNK); id++) {
      parts.push(`<url><loc>${origin}${this.articlePath(id)}</loc><lastmod>${this.publishedDate(id)}</lastmod></url>`);
    }
    return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${parts.join('')}</urlset>\n`;
  }

  feed(origin: string): string {
    const items: string[] = [];
    for (let id = this.pages - 1; id >= Math.max(0, this.pages - FEED_ITEMS); id--) {
      const d = new Date(`${this.publishedDate(id)}T09:30:00Z`).toUTCString();
      items.push(`<item><title>Story ${id}</title><link>${origin}${this.articlePath(id)}</link><pubDate>${d}</pubDate></item>`);
    }
    return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Bench NHS Trust news</title><link>${origin}/news</link><description>News</description>${items.join('')}</channel></rss>\n`;
  }

  robots(origin: string): string {
    return `User-agent: *\nDisallow: /private/\n\nSitemap: ${origin}/sitemap.xml\n`;
  }
}

export interface ServerStats {
  requests: number;
  articles: number;
  notModified: number;
  bytes: number;
}

export interface RunningSite {
  site: BenchSite;
  origin: string;
  stats: ServerStats;
  resetStats(): void;
  close(): Promise<void>;
}

/** Serves a BenchSite on 127.0.0.1 at a random port. */
export async function serveSite(site: BenchSite): Promise<RunningSite> {
  const stats: ServerStats = { requests: 0, articles: 0, notModified: 0, bytes: 0 };
  let origin = '';
  const lastModified = (id: number) => new Date(`${site.publishedDate(id)}T09:30:00Z`).toUTCString();

  const send = (res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}) => {
    const buf = Buffer.from(body, 'utf8');
    stats.bytes += buf.length;
    res.writeHead(status, { 'content-type': type, 'content-length': String(buf.length), ...headers });
    res.end(buf);
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    stats.requests++;
    const url = new URL(req.url ?? '/', origin);
    const path = url.pathname;
    const id = site.articleId(path);
    if (id !== null) {
      stats.articles++;
      const etag = site.etag(id);
      const lm = lastModified(id);
      const inm = req.headers['if-none-match'];
      const ims = req.headers['if-modified-since'];
      if ((inm && inm === etag) || (!inm && ims && ims === lm)) {
        stats.notModified++;
        res.writeHead(304, { etag, 'last-modified': lm });
        res.end();
        return;
      }
      send(res, 200, 'text/html; charset=utf-8', site.article(id).html, { etag, 'last-modified': lm });
      return;
    }
    if (path === '/robots.txt') return send(res, 200, 'text/plain', site.robots(origin));
    if (path === '/sitemap.xml') return send(res, 200, 'application/xml', site.sitemapIndex(origin));
    const sm = /^\/sitemaps\/(\d+)\.xml$/.exec(path);
    if (sm) {
      const body = site.sitemap(origin, Number(sm[1]));
      return body ? send(res, 200, 'application/xml', body) : send(res, 404, 'text/plain', 'not found');
    }
    if (path === '/feed.xml') return send(res, 200, 'application/rss+xml', site.feed(origin));
    if (path === '/news') {
      const body = site.listing(Number(url.searchParams.get('page') ?? '1'));
      return body ? send(res, 200, 'text/html; charset=utf-8', body) : send(res, 404, 'text/plain', 'not found');
    }
    if (path === '/' || path.startsWith('/section/') || path.startsWith('/footer/')) {
      return send(res, 200, 'text/html; charset=utf-8', '<!DOCTYPE html><html><head><title>Bench NHS Trust</title></head><body><p>Section page.</p></body></html>');
    }
    send(res, 404, 'text/html; charset=utf-8', '<!DOCTYPE html><title>Not found</title><p>Not found</p>');
  };

  const server = createServer({ keepAlive: true }, handle);
  // Many clients hold keep-alive sockets; the default 5 s idle timeout would only add resets.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    site,
    origin,
    stats,
    resetStats() {
      stats.requests = stats.articles = stats.notModified = stats.bytes = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** sha256 of a string, for checks that two generations are identical. */
export function digest(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}
