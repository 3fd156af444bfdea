// What the sample sites contain: enough articles, enough noise, realistic markup,
// and no accidental duplicates.
import * as cheerio from 'cheerio';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { buildSampleSite, SAMPLE_SITE_IDS } from '../../pipeline/sample/catalog.ts';
import { parseSampleArticle, SampleContentError } from '../../pipeline/sample/content.ts';
import { plain } from '../../pipeline/sample/html.ts';
import type { BuiltSite, SitePage } from '../../pipeline/sample/site.ts';

const built: BuiltSite[] = SAMPLE_SITE_IDS.map((id) => buildSampleSite(id));
const allArticles = built.flatMap((s) => s.articles.map((a) => ({ ...a, siteId: s.id })));

function html(site: BuiltSite, page: SitePage): string {
  return site.id === 'local-ccg' ? iconv.decode(page.body, 'win1252') : page.body.toString('utf8');
}

function bodyText(blocks: { text: string }[]): string {
  return blocks.map((b) => plain(b.text).replace(/\s+/g, ' ').trim()).join('\n');
}

describe('sample content', () => {
  it('has at least 40 articles across the sites, each of the three HTTP sites with a share', () => {
    expect(allArticles.length).toBeGreaterThanOrEqual(40);
    // app-news is there to be rendered in a browser: a few articles show it, and each costs a page load.
    for (const site of built) expect(site.articles.length, site.id).toBeGreaterThanOrEqual(site.id === 'app-news' ? 3 : 10);
  });

  it('serves app-news articles as empty shells whose text arrives as JSON, behind a consent dialog', () => {
    const site = built.find((s) => s.id === 'app-news')!;
    for (const { article, path } of site.articles) {
      const shell = html(site, site.pages.get(path)!);
      const firstParagraph = plain(article.blocks[0]!.text).slice(0, 40);
      expect(shell).not.toContain(firstParagraph);
      expect(shell).toMatch(/role="dialog"[\s\S]*Accept all cookies/);
      expect(site.pages.get(`/api/articles/${article.slug}.json`)!.body.toString()).toContain(firstParagraph);
    }
  });

  it('has at least 10 irrelevant article pages, on every site', () => {
    const irrelevant = allArticles.filter((a) => a.article.topic === 'none');
    expect(irrelevant.length).toBeGreaterThanOrEqual(10);
    for (const site of built) expect(site.articles.some((a) => a.article.topic === 'none'), site.id).toBe(true);
  });

  it('covers NHS 111 and at least two other rollouts', () => {
    const topics = new Set(allArticles.map((a) => a.article.topic));
    expect(topics.has('nhs-111')).toBe(true);
    expect([...topics].filter((t) => t !== 'nhs-111' && t !== 'none').length).toBeGreaterThanOrEqual(2);
  });

  it('has no two articles with the same body except the declared syndicated copies', () => {
    const byBody = new Map<string, string[]>();
    for (const a of allArticles) {
      const key = bodyText(a.article.blocks);
      byBody.set(key, [...(byBody.get(key) ?? []), `${a.siteId}/${a.article.slug}`]);
    }
    const declared = new Set(allArticles.filter((a) => a.article.syndicatedFrom).map((a) => `${a.siteId}/${a.article.slug}`));
    expect(declared.size).toBeGreaterThanOrEqual(2);
    for (const [, ids] of byBody) {
      if (ids.length === 1) continue;
      // A group of identical bodies is one original plus its declared copies.
      expect(ids.filter((id) => !declared.has(id)), ids.join(', ')).toHaveLength(1);
    }
    for (const a of allArticles.filter((x) => x.article.syndicatedFrom)) {
      const [siteId, slug] = a.article.syndicatedFrom!.split('/');
      const original = allArticles.find((o) => o.siteId === siteId && o.article.slug === slug);
      expect(original, a.article.syndicatedFrom!).toBeDefined();
      expect(bodyText(a.article.blocks)).toBe(bodyText(original!.article.blocks));
      expect(a.url).not.toBe(original!.url);
    }
  });

  it('has near-duplicates that differ from their original only in a few words', () => {
    const reprints = allArticles.filter((a) => a.article.basedOn);
    expect(reprints.length).toBeGreaterThanOrEqual(1);
    for (const a of reprints) {
      const [siteId, slug] = a.article.basedOn!.split('/');
      const original = allArticles.find((o) => o.siteId === siteId && o.article.slug === slug)!;
      expect(original, a.article.basedOn!).toBeDefined();
      const words = (t: string) => t.toLowerCase().split(/\W+/).filter(Boolean);
      const ours = words(bodyText(a.article.blocks));
      const theirs = new Set(words(bodyText(original.article.blocks)));
      const shared = ours.filter((w) => theirs.has(w)).length / ours.length;
      expect(shared).toBeGreaterThan(0.9);
      expect(bodyText(a.article.blocks)).not.toBe(bodyText(original.article.blocks));
    }
  });

  it('writes every local-ccg article in characters windows-1252 can encode', () => {
    const local = built.find((s) => s.id === 'local-ccg')!;
    for (const { article } of local.articles) {
      const text = [article.title, article.summary, ...article.blocks.map((b) => b.text)].join('\n');
      expect(iconv.decode(iconv.encode(text, 'win1252'), 'win1252'), article.slug).toBe(text);
    }
  });

  it('puts the founding example on the trade-press site, dated 21 May 2013', () => {
    const tp = built.find((s) => s.id === 'trade-press')!;
    const founding = tp.articles.find((a) => a.url.endsWith('/20003117.article'))!;
    expect(founding.article.date).toBe('2013-05-21');
    const text = bodyText(founding.article.blocks);
    for (const fact of ['Derbyshire Health United', 'Dr Avi Prasad', 'Earl Howe', 'Sir Bruce Keogh', '23 of the 44', 'end of the summer']) {
      expect(text).toContain(fact);
    }
  });
});

describe('markup', () => {
  it('uses the public origin in canonical, og:url, sitemap and feed, never 127.0.0.1', () => {
    for (const site of built) {
      for (const page of site.pages.values()) {
        const text = html(site, page);
        expect(text, `${site.id}${page.path}`).not.toMatch(/127\.0\.0\.1|localhost/);
        const $ = cheerio.load(text, { xml: page.contentType.includes('xml') });
        for (const abs of [$('link[rel=canonical]').attr('href'), $('meta[property="og:url"]').attr('content')]) {
          if (abs) expect(abs.startsWith(site.site + '/'), `${site.id}${page.path}: ${abs}`).toBe(true);
        }
        $('loc, item > link').each((_, el) => {
          expect($(el).text().startsWith(site.site + '/'), `${site.id}${page.path}`).toBe(true);
        });
        // Links between pages are root-relative; only other hosts get absolute URLs.
        $('a[href]').each((_, el) => {
          const href = $(el).attr('href')!;
          if (/^(https?:|mailto:|javascript:)/.test(href)) expect(href.startsWith(site.site), `${site.id}${page.path}: ${href}`).toBe(false);
          else if (!href.startsWith('#')) expect(href.startsWith('/'), `${site.id}${page.path}: ${href}`).toBe(true);
        });
      }
    }
  });

  it('gives every nhs-news article a NewsArticle in JSON-LD with dates and a canonical', () => {
    const site = built.find((s) => s.id === 'nhs-news')!;
    for (const a of site.articles) {
      const $ = cheerio.load(html(site, site.pages.get(a.path)!));
      expect($('link[rel=canonical]').attr('href')).toBe(a.url);
      const graph = JSON.parse($('script[type="application/ld+json"]').text())['@graph'] as Record<string, unknown>[];
      const news = graph.find((n) => n['@type'] === 'NewsArticle')!;
      expect(String(news.datePublished).slice(0, 10), a.path).toBe(a.article.date);
      expect(news.dateModified).toBeTruthy();
      expect(news.author).toBeTruthy();
      expect($('article.post .entry-content p').length).toBeGreaterThan(0);
      expect($('#cookie-notice').length + $('.breadcrumbs').length + $('.share-bar').length).toBe(3);
    }
  });

  it('shows trade-press dates as "21 May 2013" in the byline and keeps comments out of the story body', () => {
    const site = built.find((s) => s.id === 'trade-press')!;
    const founding = site.articles.find((a) => a.article.slug === 'nhs-111-launch-put-on-hold-indefinitely-in-leicester')!;
    const $ = cheerio.load(html(site, site.pages.get(founding.path)!));
    expect($('.byline .date').text()).toBe('21 May 2013');
    expect($('#hcp-interstitial').text()).toContain('This website is meant for healthcare professionals only');
    expect($('#comments .comment').length).toBe(3);
    expect($('.story-body').text()).not.toContain('picking up the pieces');
    expect($('#comments').text()).toContain('picking up the pieces');
  });

  it('cuts registration-teaser articles after the first paragraphs', () => {
    const site = built.find((s) => s.id === 'trade-press')!;
    const teasers = site.articles.filter((a) => a.article.teaser !== null);
    expect(teasers.length).toBeGreaterThanOrEqual(2);
    for (const a of teasers) {
      const $ = cheerio.load(html(site, site.pages.get(a.path)!));
      expect($('.registration-wall').text()).toContain('Register to read the rest');
      expect($('.story-body p').length, a.path).toBe(a.article.teaser);
      const hidden = plain(a.article.blocks[a.article.teaser!].text);
      expect($.root().text()).not.toContain(hidden);
    }
  });

  it('writes local-ccg dates as dd/mm/yyyy and has no canonical link', () => {
    const site = built.find((s) => s.id === 'local-ccg')!;
    const a = site.articles.find((x) => x.path === '/news/newsitem.asp?id=478')!;
    const $ = cheerio.load(html(site, site.pages.get(a.path)!));
    expect($('td.newsdate').text()).toContain('20/05/2013');
    expect($('link[rel=canonical]').length).toBe(0);
    expect($('td.newsbody br').length).toBeGreaterThan(2);
  });

  it('links to a robots-disallowed path from nhs-news articles', () => {
    const site = built.find((s) => s.id === 'nhs-news')!;
    expect(site.pages.get('/robots.txt')!.body.toString()).toMatch(/^Disallow: \/print\/$/m);
    const a = site.articles[0];
    const $ = cheerio.load(html(site, site.pages.get(a.path)!));
    expect($('a[href^="/print/"]').length).toBe(1);
  });

  it('links to some articles with tracking parameters', () => {
    let tracked = 0;
    for (const site of built) {
      for (const page of site.pages.values()) tracked += (html(site, page).match(/utm_source=/g) ?? []).length;
    }
    expect(tracked).toBeGreaterThan(10);
  });

  it('renders the same bytes on every build', () => {
    const again = buildSampleSite('trade-press');
    const first = built.find((s) => s.id === 'trade-press')!;
    expect([...again.pages.keys()]).toEqual([...first.pages.keys()]);
    for (const [path, page] of again.pages) expect(page.body.equals(first.pages.get(path)!.body), path).toBe(true);
  });

  it('keeps the whole set of sample sites under 2 MB', () => {
    const bytes = built.reduce((n, s) => n + [...s.pages.values()].reduce((m, p) => m + p.body.length, 0), 0);
    expect(bytes).toBeLessThan(2 * 1024 * 1024);
  });
});

describe('article file format', () => {
  it('reads header, blocks, list items and comments', () => {
    const a = parseSampleArticle(
      'x',
      'title: T\ndate: 2013-05-21\ntopic: none\n---\nFirst line\ncontinues.\n\n## Heading\n\n- one\n- two\n\nLast.\n=== comments\nAnon | 2013-05-22 | Hi | there\n',
    );
    expect(a.blocks).toEqual([
      { kind: 'p', text: 'First line continues.' },
      { kind: 'h2', text: 'Heading' },
      { kind: 'li', text: 'one' },
      { kind: 'li', text: 'two' },
      { kind: 'p', text: 'Last.' },
    ]);
    expect(a.comments).toEqual([{ author: 'Anon', date: '2013-05-22', text: 'Hi | there' }]);
    expect(a.time).toBe('09:00');
  });

  it('names the file and the problem when a header is wrong', () => {
    expect(() => parseSampleArticle('x', 'title: T\ndate: 21/05/2013\ntopic: none\n---\nText\n', 'x.txt')).toThrow(/x\.txt: date must be YYYY-MM-DD/);
    expect(() => parseSampleArticle('x', 'title: T\ndate: 2013-05-21\ntopic: weather\n---\nText\n', 'x.txt')).toThrow(SampleContentError);
  });
});
