// The article stage: HTML → Article. Pure: no network, no clock.
import type { Article, ArticleSelectors } from '../types.ts';
import { extractBodyParagraphs, extractContainerParagraphs } from './body.ts';
import { parseDate, type DateOrder } from './date-parse.ts';
import { extractPublicationDate } from './date.ts';
import { collapse, hasOpenHeading, isElement, parseHtml, parseHtmlStandard, type CheerioAPI, type Element } from './dom.ts';
import { canonicalUrl, extractAuthor, extractTitle } from './metadata.ts';

export interface ExtractArticleOptions {
  selectors?: ArticleSelectors;
  /** Order of numeric dates on the page's site. @default 'dmy' (and 'mdy' on an en-US page) */
  dateOrder?: DateOrder;
}

/** Where the body came from, so a caller can report a broken per-source selector. */
export type BodyOrigin = 'selector' | 'generic' | 'json-ld' | 'generic-over-selector';

export interface ArticleReport {
  article: Article;
  bodyOrigin: BodyOrigin;
  /** Selector fields that matched nothing (the generic extractor stood in). */
  selectorMisses: (keyof ArticleSelectors)[];
}

/** A selector's body shorter than this share of the generic one is judged broken (e.g. it caught a teaser). */
const SELECTOR_MIN_SHARE = 0.5;

/**
 * JSON-LD articleBody replaces the generic result only when it is half as long again:
 * a safety net for pages whose visible text failed (scripts render it, odd markup).
 */
const DECLARED_FACTOR = 1.5;
/** The article text a page declares in JSON-LD (articleBody), split into paragraphs. */
function declaredBody($: CheerioAPI): string[] | null {
  let best: string | null = null;
  $('script[type="application/ld+json"]').each((_, el) => {
    const m = /"articleBody"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec($(el).text());
    if (!m) return;
    try {
      const text = JSON.parse(`"${m[1]}"`) as string;
      if (!best || text.length > best.length) best = text;
    } catch {
      // Not a valid JSON string: ignore it.
    }
  });
  if (!best) return null;
  // Some sites put markup in articleBody; tags are not text.
  const paragraphs = (best as string).replace(/<[^>]+>/g, ' ').split(/\n+/).map(collapse).filter(Boolean);
  return paragraphs.length > 0 ? paragraphs : null;
}

const textLength = (ps: string[]) => ps.reduce((n, p) => n + p.length, 0);

export function extractArticle(html: string, url: string, options: ExtractArticleOptions = {}): Article {
  return extractArticleReport(html, url, options).article;
}

/**
 * Parses fast, and again by the HTML standard when the fast tree is wrong where it matters: a
 * heading left open over the story, or no body found at all (cost measured by the bench's
 * article stage). Both parsers give the same node types, so the extraction is the same code.
 */
export function extractArticleReport(html: string, url: string, options: ExtractArticleOptions = {}): ArticleReport {
  const fast = parseHtml(html);
  if (!hasOpenHeading(html, fast)) {
    const report = extractFromTree(fast, html, url, options);
    if (report.article.body) return report;
  }
  return extractFromTree(parseHtmlStandard(html), html, url, options);
}

function extractFromTree($: CheerioAPI, html: string, url: string, options: ExtractArticleOptions): ArticleReport {
  const selectors = options.selectors ?? {};
  const misses: (keyof ArticleSelectors)[] = [];
  const select = (key: 'title' | 'published' | 'author' | 'body') => {
    const sel = selectors[key];
    if (!sel) return [];
    let found: Element[] = [];
    try {
      found = $(sel).toArray().filter(isElement);
    } catch {
      // An invalid selector is a miss like any other: the generic extractor stands in.
    }
    if (found.length === 0) misses.push(key);
    return found;
  };
  try {
    for (const sel of selectors.remove ?? []) $(sel).remove();
  } catch {
    misses.push('remove');
  }

  const lang = ($('html').attr('lang') ?? '').toLowerCase();
  const order = options.dateOrder ?? (lang === 'en-us' ? 'mdy' : 'dmy');
  const date = extractPublicationDate($, url, order, html);
  const publishedEl = select('published');
  if (publishedEl.length > 0) {
    // The site's own date element: a machine-readable attribute first, then its text.
    const el = publishedEl[0];
    const raw = [el.attribs.datetime, el.attribs.content, collapse($(el).text())].find((v) => v && parseDate(v, order));
    const parsed = raw ? parseDate(raw, order) : null;
    if (parsed && raw) Object.assign(date, { published: parsed.iso, publishedRaw: raw, publishedSource: 'time' as const });
  }

  const root = ($('body')[0] ?? $.root().children().toArray().find(isElement)) as Element | undefined;
  const generic = root ? extractBodyParagraphs(root) : [];
  let paragraphs = generic;
  let bodyOrigin: BodyOrigin = 'generic';
  const declared = declaredBody($);
  if (declared && textLength(declared) >= 500 && textLength(declared) > textLength(generic) * DECLARED_FACTOR) {
    paragraphs = declared;
    bodyOrigin = 'json-ld';
  }
  const bodyEls = select('body');
  if (bodyEls.length > 0 && root) {
    const own = extractContainerParagraphs(bodyEls, root);
    if (textLength(own) >= textLength(paragraphs) * SELECTOR_MIN_SHARE && own.length > 0) {
      paragraphs = own;
      bodyOrigin = 'selector';
    } else bodyOrigin = 'generic-over-selector';
  }

  const titleEl = select('title');
  const authorEl = select('author');
  const article: Article = {
    url: canonicalUrl($, url),
    title: (titleEl.length > 0 ? collapse($(titleEl[0]).text()) : '') || extractTitle($),
    ...date,
    author: (authorEl.length > 0 ? collapse($(authorEl[0]).text()) : '') || extractAuthor($),
    paragraphs,
    body: paragraphs.join('\n\n'),
  };
  return { article, bodyOrigin, selectorMisses: misses };
}
