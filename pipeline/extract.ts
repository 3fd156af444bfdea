// The whole pure extractor: HTML + URL (+ source settings) → Article + Findings.
import { analyse, type AnalysisContext, type Knowledge } from './analyse/index.ts';
import { extractArticleReport, type BodyOrigin, type ExtractArticleOptions } from './article/extract.ts';
import type { Article, Findings } from './types.ts';

export interface ExtractedPage {
  article: Article;
  findings: Findings;
  /** Where the body came from; `generic-over-selector` means a source's body selector found little. */
  bodyOrigin: BodyOrigin;
  /** Per-source selectors that matched nothing on this page (a changed template). */
  selectorMisses: string[];
}

export function extractPage(
  html: string,
  url: string,
  knowledge: Knowledge,
  options: ExtractArticleOptions & AnalysisContext = {},
): ExtractedPage {
  const { article, bodyOrigin, selectorMisses } = extractArticleReport(html, url, options);
  return { article, findings: analyse(article, knowledge, { defaultRegion: options.defaultRegion }), bodyOrigin, selectorMisses };
}
