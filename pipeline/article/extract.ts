// Stub: the article stage (HTML → Article). Replaced by the generic extractor.
import * as cheerio from 'cheerio';
import type { Article, ArticleSelectors } from '../types.ts';

export interface ExtractArticleOptions {
  selectors?: ArticleSelectors;
  /** Order of numeric dates on the page's site. @default 'dmy' */
  dateOrder?: 'dmy' | 'mdy';
}

export function extractArticle(html: string, url: string, _options: ExtractArticleOptions = {}): Article {
  const $ = cheerio.load(html);
  const canonical = $('link[rel=canonical]').attr('href') ?? $('meta[property="og:url"]').attr('content');
  const paragraphs = $('p')
    .map((_, el) => $(el).text().trim())
    .get()
    .filter(Boolean);
  return {
    url: canonical ? new URL(canonical, url).href : url,
    title: $('h1').first().text().trim() || $('title').text().trim() || null,
    published: null,
    publishedRaw: null,
    publishedSource: 'none',
    updated: null,
    author: null,
    paragraphs,
    body: paragraphs.join('\n\n'),
  };
}
