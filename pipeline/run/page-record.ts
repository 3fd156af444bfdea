// HTML capture → the record the loader stores: the pure extractor plus document identity.
import type { Knowledge } from '../analyse/index.ts';
import { stripTracking } from '../crawl/canonical.ts';
import { extractPage } from '../extract.ts';
import { minhashSignature } from '../load/near-duplicates.ts';
import type { PageRecord } from '../load/store.ts';
import type { Source } from '../sources/schema.ts';
import type { Article, Capture } from '../types.ts';

/**
 * The URL a document is known by: the page's canonical link when it stays on the source's own
 * hosts (a syndicated copy pointing at another site keeps its own identity), else the fetched URL.
 */
export function documentUrl(source: Source, capture: Capture, article: Article): string {
  const hosts = new Set(source.hosts.map((h) => h.toLowerCase()));
  try {
    const canonical = new URL(article.url);
    if (/^https?:$/.test(canonical.protocol) && hosts.has(canonical.host.toLowerCase())) {
      return stripTracking(canonical.href);
    }
  } catch {
    // a malformed canonical link is the page's problem; fall back to where we found it
  }
  return stripTracking(capture.url);
}

export interface SelectorCheck {
  /** The generic extractor stood in for the source's selectors on this page. */
  selectorFailed: boolean;
  misses: string[];
}

export function toPageRecord(
  source: Source,
  capture: Capture,
  knowledge: Knowledge,
  warc?: { file: string; recordId: string },
): { record: PageRecord; check: SelectorCheck } {
  const { article, findings, bodyOrigin, selectorMisses } = extractPage(capture.html, capture.url, knowledge, {
    selectors: source.selectors,
    dateOrder: source.dateOrder,
    defaultRegion: source.defaultRegion,
  });
  const { html: _html, ...meta } = capture;
  // What the loader needs, no more: the HTML is in the archive and the paragraphs are in the
  // body, and each extra copy crosses from the worker and waits in the batch.
  const { paragraphs: _paragraphs, ...stored } = article;
  return {
    record: {
      capture: meta,
      docUrl: documentUrl(source, capture, article),
      article: stored,
      findings,
      signature: minhashSignature(article.body),
      warc,
    },
    check: { selectorFailed: bodyOrigin === 'generic-over-selector', misses: selectorMisses },
  };
}

