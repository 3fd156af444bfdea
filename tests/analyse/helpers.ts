// Builds an Article from paragraphs written for the tests, the way the article stage does.
import type { Article } from '../../pipeline/types.ts';
import { loadKnowledge, type Knowledge } from '../../pipeline/analyse/index.ts';

let cached: Knowledge | null = null;
export function knowledge(): Knowledge {
  cached ??= loadKnowledge();
  return cached;
}

export function article(paragraphs: string[], published: string | null = '2013-05-21'): Article {
  return {
    url: 'https://example.test/story',
    title: null,
    published,
    publishedRaw: published,
    publishedSource: published ? 'meta' : 'none',
    updated: null,
    author: null,
    paragraphs,
    body: paragraphs.join('\n\n'),
  };
}
