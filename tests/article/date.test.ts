import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../pipeline/article/extract.ts';
import { findDates, parseDate } from '../../pipeline/article/date-parse.ts';
import { page } from './pages.ts';

const NEUTRAL = 'https://news.example.org/story';
const withHead = (head: string, lang?: string) => extractArticle(page({ head, lang }), NEUTRAL);
const withByline = (byline: string, lang?: string) =>
  extractArticle(page({ lang, article: `<div class="story-meta"><span class="byline">By A. Reporter</span> <span class="date">${byline}</span></div><p>The board met on Tuesday to discuss the plans for the new service, which have been delayed twice already.</p>` }), NEUTRAL);

describe('publication date from markup', () => {
  it('takes datePublished from JSON-LD and keeps dateModified apart', () => {
    const a = withHead(
      `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","dateModified":"2013-06-02T09:00:00+01:00","datePublished":"2013-05-21T08:15:00+01:00"}</script>
       <meta property="article:modified_time" content="2013-06-02T09:00:00+01:00">`,
    );
    expect(a.published).toBe('2013-05-21');
    expect(a.publishedSource).toBe('json-ld');
    expect(a.publishedRaw).toBe('2013-05-21T08:15:00+01:00');
    expect(a.updated).toBe('2013-06-02');
  });

  it('finds JSON-LD dates inside an @graph', () => {
    const a = withHead(
      `<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"x"},{"@type":"Article","datePublished":"2019-03-03"}]}</script>`,
    );
    expect(a.published).toBe('2019-03-03');
  });

  it('reads OpenGraph/article meta when there is no JSON-LD', () => {
    const a = withHead('<meta property="article:published_time" content="2018-11-05T10:00:00Z">');
    expect(a.published).toBe('2018-11-05');
    expect(a.publishedSource).toBe('meta');
  });

  it('reads <time datetime> and skips one labelled as an update', () => {
    const a = extractArticle(
      page({ article: `<p>Updated <time datetime="2020-02-10">10 Feb</time></p><p class="meta">Published <time datetime="2020-01-28T12:00">28 January</time></p><p>Text of the story goes here and is long enough to count as a paragraph of the article.</p>` }),
      NEUTRAL,
    );
    expect(a.published).toBe('2020-01-28');
    expect(a.publishedSource).toBe('time');
    expect(a.updated).toBe('2020-02-10');
  });

  it('reads microdata itemprop=datePublished', () => {
    const a = extractArticle(page({ article: `<span itemprop="datePublished" content="2017-07-04">4 July 2017</span><p>Story text.</p>` }), NEUTRAL);
    expect(a.published).toBe('2017-07-04');
    expect(a.publishedSource).toBe('microdata');
  });
});

describe('publication date from visible text', () => {
  it('reads a UK numeric date day-first', () => {
    const a = withByline('21/05/2013');
    expect(a.published).toBe('2013-05-21');
    expect(a.publishedRaw).toBe('21/05/2013');
    expect(a.publishedSource).toBe('text');
    expect(withByline('03/04/2013').published).toBe('2013-04-03');
  });

  it('reads numeric dates month-first on an en-US page or when told to', () => {
    expect(withByline('03/04/2013', 'en-US').published).toBe('2013-03-04');
    const a = extractArticle(page({ article: '<p class="date">03/04/2013</p><p>Story.</p>' }), NEUTRAL, { dateOrder: 'mdy' });
    expect(a.published).toBe('2013-03-04');
  });

  it('reads month names in several languages', () => {
    expect(withByline('3. März 2019', 'de').published).toBe('2019-03-03');
    expect(withByline('le 12 mars 2020', 'fr').published).toBe('2020-03-12');
    expect(withByline('5 de junio de 2021', 'es').published).toBe('2021-06-05');
    expect(withByline('7 settembre 2018', 'it').published).toBe('2018-09-07');
    expect(withByline('9 maart 2016', 'nl').published).toBe('2016-03-09');
    expect(withByline('21 de outubro de 2015', 'pt').published).toBe('2015-10-21');
    expect(withByline('May 21, 2013').published).toBe('2013-05-21');
    expect(withByline('Tuesday 21st May 2013').published).toBe('2013-05-21');
  });

  it('prefers the publication date over an "updated" one in a byline', () => {
    const a = withByline('Updated 4 June 2013 · Published 21 May 2013');
    expect(a.published).toBe('2013-05-21');
  });

  it('ignores dates in comments and copyright lines', () => {
    const a = extractArticle(
      page({ after: '<div class="comments"><p class="date">12 August 2021</p></div>', article: '<p>A story with no date of its own at all, long enough to be the body of the page.</p><p>© 2024 Health Desk</p>' }),
      NEUTRAL,
    );
    expect(a.published).toBeNull();
  });

  it('returns null when the page gives no date', () => {
    const a = extractArticle(page(), NEUTRAL);
    expect(a.published).toBeNull();
    expect(a.publishedRaw).toBeNull();
    expect(a.publishedSource).toBe('none');
    expect(a.updated).toBeNull();
  });

  it('uses a date in the URL only when the page has none', () => {
    expect(extractArticle(page(), 'https://news.example.org/2013/05/21/phone-line').published).toBe('2013-05-21');
    const a = extractArticle(page({ head: '<meta property="article:published_time" content="2013-05-20">' }), 'https://news.example.org/2013/05/21/x');
    expect(a.published).toBe('2013-05-20');
  });
});

describe('date parsing', () => {
  it('rejects impossible calendar days and implausible years', () => {
    expect(parseDate('31/02/2019')).toBeNull();
    expect(parseDate('12/13/2019', 'dmy')?.iso).toBe('2019-12-13');
    expect(parseDate('1 January 1850')).toBeNull();
    expect(parseDate('version 2.10.3')).toBeNull();
  });

  it('finds every date in a text with its offset', () => {
    const text = 'Planned for 1 June 2013, moved to 31.08.2013.';
    const found = findDates(text);
    expect(found.map((d) => d.iso)).toEqual(['2013-06-01', '2013-08-31']);
    expect(text.slice(found[1].index, found[1].index + found[1].raw.length)).toBe('31.08.2013');
  });
});

describe('labels in running text', () => {
  it('does not read "Updated:" as a publication label', () => {
    const html = `<html><body><div><p>Updated: 4 June 2013</p><p>Story text about the phone line that was first published a little earlier on 21 May 2013 by the desk.</p></div></body></html>`;
    expect(extractArticle(html, NEUTRAL).published).toBe('2013-05-21');
  });
});

describe('per-source date selector', () => {
  it("reads the site's own date element, and falls back when it is missing", () => {
    const html = page({
      head: '<meta property="article:published_time" content="2013-05-01">',
      article: '<p class="when">Posted 21/05/2013</p><p>Story text that is long enough to count as the body of the page we test.</p>',
    });
    expect(extractArticle(html, NEUTRAL, { selectors: { published: '.when' } }).published).toBe('2013-05-21');
    expect(extractArticle(html, NEUTRAL, { selectors: { published: '.gone' } }).published).toBe('2013-05-01');
  });
});
