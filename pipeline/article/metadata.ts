// Title, author and canonical URL: structured markup first, visible page second.
import type { CheerioAPI } from 'cheerio';
import { collapse } from './dom.ts';

export function canonicalUrl($: CheerioAPI, url: string): string {
  for (const href of [$('link[rel~="canonical"]').attr('href'), $('meta[property="og:url"]').attr('content')]) {
    if (!href || !href.trim()) continue;
    try {
      const resolved = new URL(href.trim(), url);
      if (resolved.protocol === 'http:' || resolved.protocol === 'https:') return resolved.href;
    } catch {
      // A malformed link is ignored: the next source, or the fetched URL, stands.
    }
  }
  return url;
}

export function extractTitle($: CheerioAPI): string | null {
  const h1 = collapse($('h1').first().text());
  if (h1) return h1;
  const og = collapse($('meta[property="og:title"]').attr('content') ?? '');
  if (og) return og;
  const title = collapse($('title').first().text());
  return title || null;
}

function jsonLdAuthor($: CheerioAPI): string | null {
  let found: string | null = null;
  $('script[type="application/ld+json"]').each((_, el) => {
    if (found) return;
    try {
      const visit = (node: unknown, depth: number): void => {
        if (found || depth > 6 || !node || typeof node !== 'object') return;
        if (Array.isArray(node)) return node.forEach((n) => visit(n, depth + 1));
        const obj = node as Record<string, unknown>;
        const author = obj.author;
        const first = Array.isArray(author) ? author[0] : author;
        if (typeof first === 'string' && first.trim()) found = collapse(first);
        else if (first && typeof first === 'object' && typeof (first as Record<string, unknown>).name === 'string')
          found = collapse((first as Record<string, string>).name);
        for (const v of Object.values(obj)) if (typeof v === 'object') visit(v, depth + 1);
      };
      visit(JSON.parse($(el).text()), 0);
    } catch {
      // Broken JSON-LD: fall through to meta tags and bylines.
    }
  });
  return found;
}

export function extractAuthor($: CheerioAPI): string | null {
  const candidates = [
    jsonLdAuthor($),
    $('meta[name="author"]').attr('content'),
    $('meta[property="article:author"]').attr('content'),
    $('[itemprop="author"] [itemprop="name"]').first().text(),
    $('[itemprop="author"]').first().text(),
    $('[rel="author"]').first().text(),
    $('.byline, .author, [class*="author-name"]').first().text(),
  ];
  for (const c of candidates) {
    const name = collapse(c ?? '').replace(/^(by|von|par|por|di|door)\s+/i, '');
    // A URL (article:author is often a profile link) or a whole paragraph is not a name.
    if (name && name.length <= 100 && !/^https?:/i.test(name)) return name;
  }
  return null;
}
