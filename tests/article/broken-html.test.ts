// Real pages are not always well formed. A browser repairs them by the HTML standard's tree
// building rules, and readers see the article; the extractor must see the same article.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../pipeline/article/extract.ts';
import { page, STORY } from './pages.ts';

const URL_ = 'https://news.example.org/2013/05/phone-line';
const paragraphs = STORY.map((p) => `<p>${p}</p>`).join('\n');

/** The sample page with its headline written as `h1Markup` instead of a well-formed <h1>. */
const withHeadline = (h1Markup: string) => page().replace('<h1>Urgent care phone line launch paused</h1>', h1Markup);

describe('misnested markup', () => {
  it('a headline opened as <h1> and closed as </h2> keeps the story (a browser closes the h1 there)', () => {
    const a = extractArticle(withHeadline('<h1>Urgent care phone line launch paused</h2>'), URL_);
    expect(a.paragraphs).toEqual(STORY);
    expect(a.title).toBe('Urgent care phone line launch paused');
  });

  it('a subheading closed with the wrong level in the middle of the story keeps every paragraph', () => {
    const html = page({ article: `<p>${STORY[0]}</p><h3>What happens next</h4>${STORY.slice(1).map((p) => `<p>${p}</p>`).join('')}` });
    const a = extractArticle(html, URL_);
    expect(a.paragraphs).toEqual([STORY[0], 'What happens next', ...STORY.slice(1)]);
  });

  it('well-formed pages come out as before', () => {
    expect(extractArticle(page({ article: paragraphs }), URL_).paragraphs).toEqual(STORY);
  });
});
