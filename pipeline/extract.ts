// The whole pure extractor: HTML + URL (+ source settings) → Article + Findings.
import { analyse, type Knowledge } from './analyse/index.ts';
import { extractArticle, type ExtractArticleOptions } from './article/extract.ts';
import type { Article, Findings } from './types.ts';

export interface ExtractedPage {
  article: Article;
  findings: Findings;
}

export function extractPage(
  html: string,
  url: string,
  knowledge: Knowledge,
  options: ExtractArticleOptions = {},
): ExtractedPage {
  const article = extractArticle(html, url, options);
  return { article, findings: analyse(article, knowledge) };
}
