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

describe('timestamps against the day the page shows', () => {
  const story = '<p>The trust said the new overnight clinic would open to walk-in patients from the start of next month.</p>';
  it('takes the printed local day when a UTC timestamp falls on the next day', () => {
    const a = extractArticle(
      page({
        lang: 'en-US',
        head: '<meta property="article:published_time" content="2023-11-09T03:28:35Z">',
        article: `<div class="meta"><time datetime="2023-11-08 22:28:35">November 8, 2023 at 10:28 p.m.</time></div>${story}`,
      }),
      NEUTRAL,
    );
    expect(a.published).toBe('2023-11-08');
  });

  it('keeps the timestamp when the printed day is further away (another date, not a time zone)', () => {
    const a = extractArticle(
      page({
        head: '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-11-09T10:00:00Z"}</script>',
        article: `<div class="meta"><time>14 November 2023</time></div>${story}`,
      }),
      NEUTRAL,
    );
    expect(a.published).toBe('2023-11-09');
  });

  it('also prefers the printed day over a bare structured day one off (a day cut from a UTC stamp)', () => {
    const a = extractArticle(
      page({
        head: '<meta name="date" content="2020-04-30">',
        article: `<ul class="infoline"><li class="date"><time>29.04.2020, 12:01 Uhr</time></li></ul>${story}`,
      }),
      NEUTRAL,
    );
    expect(a.published).toBe('2020-04-29');
  });
});

describe('JSON-LD and head meta disagreeing', () => {
  const story = '<p>The clinical commissioning group confirmed the pharmacy scheme would run across the county.</p>';
  const ld = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-01-04"}</script>';
  const meta = '<meta property="article:published_time" content="2022-01-06">';
  it('takes the one the page prints', () => {
    const a = extractArticle(page({ head: ld + meta, article: `<p class="meta"><time>4 January 2022</time></p>${story}` }), NEUTRAL);
    expect(a.published).toBe('2022-01-04');
  });

  it('takes the head meta when the page prints neither', () => {
    const a = extractArticle(page({ head: ld + meta, article: story }), NEUTRAL);
    expect(a.published).toBe('2022-01-06');
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
    expect(withByline('15 августа 2016, 13:43', 'ru').published).toBe('2016-08-15');
    expect(withByline('3 березня 2020', 'uk').published).toBe('2020-03-03');
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

describe('deeply indented templates', () => {
  it('finds a plain-text date after a menu whose source is mostly indentation', () => {
    const menu = `<ul>${Array.from({ length: 400 }, (_, i) => `<li>${' '.repeat(200)}<a href="/s/${i}">Section ${i}</a>${' '.repeat(200)}</li>`).join('')}</ul>`;
    const a = extractArticle(
      page({ before: menu, article: '<h2><small>02.02.2022</small></h2><p>Visitors may return to the wards from Monday, the hospital trust said in a statement.</p>' }),
      NEUTRAL,
    );
    expect(a.published).toBe('2022-02-02');
  });
});

describe('dates stated in the page summary', () => {
  const story = '<p>Im Sitzungsbericht vom 14. Oktober 2021 wurde die neue Regelung erstmals erwähnt, sie gilt ab dem kommenden Jahr.</p>';
  it('takes a labelled date from the description meta over a date in the running text', () => {
    const a = extractArticle(page({ lang: 'de', head: '<meta name="description" content="Fachmeldung vom 18.10.2021 aus dem Bereich Gesundheit">', article: story }), NEUTRAL);
    expect(a.published).toBe('2021-10-18');
  });

  it('ignores an unlabelled date in the description (it may be the subject, not the day of writing)', () => {
    const a = extractArticle(page({ lang: 'de', head: '<meta name="description" content="Was sich zum 01.01.2022 ändert">', article: story }), NEUTRAL);
    expect(a.published).toBe('2021-10-14');
  });
});

describe('copyright lines', () => {
  const story = '<p>The practice will offer evening appointments for blood tests from the spring onwards.</p>';
  it('uses a full day in a copyright line only when the page has no other date', () => {
    const footer = '<div class="site-footer-text"><p>Copyright © 19.12.2019 - 12:14 h by Example Practice</p></div>';
    expect(extractArticle(page({ article: story, after: footer }), NEUTRAL).published).toBe('2019-12-19');
    const dated = extractArticle(page({ article: `<p class="date">3 May 2019</p>${story}`, after: footer }), NEUTRAL);
    expect(dated.published).toBe('2019-05-03');
  });
});

describe('generic date metas', () => {
  const story = '<p>The health board has published its plans for two new community diagnostic centres.</p>';
  const printed = '<div class="article-meta"><time datetime="2022-01-25T08:00:00+01:00">25.01.2022</time></div>';
  it('lets the printed day win over a Dublin Core date', () => {
    const a = extractArticle(page({ lang: 'de', head: '<meta name="dcterms.date" content="2022-01-21T09:43+01:00">', article: printed + story }), NEUTRAL);
    expect(a.published).toBe('2022-01-25');
  });

  it('keeps article:published_time over a printed day further away', () => {
    const a = extractArticle(page({ lang: 'de', head: '<meta property="article:published_time" content="2022-01-21T09:43+01:00">', article: printed + story }), NEUTRAL);
    expect(a.published).toBe('2022-01-21');
  });
});

describe('German "Stand" dates', () => {
  it('reads "Stand" (as of) as the page\'s date, before another unlabelled date', () => {
    const a = extractArticle(
      page({
        lang: 'de',
        article: '<span class="heading__meta">Stand - 12.11.2021<br>(gültig seit: 05.11.2021)</span><p>Reisende sollten vor der Abreise die aktuellen Einreiseregeln prüfen.</p>',
      }),
      NEUTRAL,
    );
    expect(a.published).toBe('2021-11-12');
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
