// The article stage: HTML → Article. Pure: no network, no clock.
import type { Article, ArticleSelectors } from '../types.ts';
import { extractBodyParagraphs } from './body.ts';
import { extractPublicationDate } from './date.ts';
import { isElement, parseHtml, type Element } from './dom.ts';

export interface ExtractArticleOptions {
  selectors?: ArticleSelectors;
  /** Order of numeric dates on the page's site. @default 'dmy' */
  dateOrder?: 'dmy' | 'mdy';
}

export function extractArticle(html: string, url: string, options: ExtractArticleOptions = {}): Article {
  const $ = parseHtml(html);
  const lang = ($('html').attr('lang') ?? '').toLowerCase();
  const date = extractPublicationDate($, url, options.dateOrder ?? (lang === 'en-us' ? 'mdy' : 'dmy'));
  const canonical = $('link[rel=canonical]').attr('href') ?? $('meta[property="og:url"]').attr('content');
  const body = ($('body')[0] ?? $.root().children().filter((_, e) => isElement(e))[0]) as Element | undefined;
  const paragraphs = body ? extractBodyParagraphs(body) : [];
  let resolved = url;
  try {
    if (canonical) resolved = new URL(canonical, url).href;
  } catch {
    // A malformed canonical link is ignored: the fetched URL stays authoritative.
  }
  return {
    url: resolved,
    title: $('h1').first().text().trim() || $('title').text().trim() || null,
    ...date,
    author: null,
    paragraphs,
    body: paragraphs.join('\n\n'),
  };
}
