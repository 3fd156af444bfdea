// Every sample article can be found the way each source declaration says to look for it,
// and each declaration's article patterns tell articles from listings.
import * as cheerio from 'cheerio';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSampleSite, SAMPLE_SITE_IDS, sampleSource } from '../../pipeline/sample/catalog.ts';
import { startSampleSites, type RunningSampleSites } from '../../pipeline/sample/server.ts';
import type { Source } from '../../pipeline/sources/schema.ts';

let sites: RunningSampleSites;
beforeAll(async () => {
  sites = await startSampleSites();
});
afterAll(async () => {
  await sites.close();
});

/** Public URL → the local server that stands in for it. */
function local(source: Source, publicUrl: string): string {
  const u = new URL(publicUrl);
  return sites.origins[source.id] + u.pathname + u.search;
}

async function fetchText(source: Source, publicUrl: string): Promise<string> {
  const res = await fetch(local(source, publicUrl));
  expect(res.status, publicUrl).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  const declared = /charset=["']?([\w-]+)/i.exec(bytes.toString('latin1', 0, 1024))?.[1];
  return declared && /1252/.test(declared) ? iconv.decode(bytes, 'win1252') : bytes.toString('utf8');
}

/** Public URL of a link, with campaign parameters dropped (they never change the document). */
function publicUrl(source: Source, href: string, base: string): string {
  const u = new URL(href, base);
  for (const key of [...u.searchParams.keys()]) if (/^utm_/.test(key)) u.searchParams.delete(key);
  return u.href;
}

function isArticle(source: Source, url: string): boolean {
  const u = new URL(url);
  const path = u.pathname + u.search;
  return source.articles.include.some((r) => new RegExp(r).test(path)) && !source.articles.exclude.some((r) => new RegExp(r).test(path));
}

async function discover(source: Source): Promise<Set<string>> {
  const found = new Set<string>();
  for (const d of source.discover) {
    if ('sitemap' in d) {
      const queue = [d.sitemap];
      while (queue.length) {
        const $ = cheerio.load(await fetchText(source, queue.shift()!), { xml: true });
        $('sitemap > loc').each((_, el) => void queue.push($(el).text().trim()));
        $('url > loc').each((_, el) => void found.add(publicUrl(source, $(el).text().trim(), source.site)));
      }
    } else if ('feed' in d) {
      const $ = cheerio.load(await fetchText(source, d.feed), { xml: true });
      $('item > link').each((_, el) => void found.add(publicUrl(source, $(el).text().trim(), source.site)));
      $('entry > link[href]').each((_, el) => void found.add(publicUrl(source, $(el).attr('href')!, source.site)));
    } else if ('listing' in d) {
      let page: string | null = d.listing;
      const seen = new Set<string>();
      while (page && !seen.has(page) && seen.size < d.maxPages) {
        seen.add(page);
        const $ = cheerio.load(await fetchText(source, page));
        const base: string = page;
        $(d.articleLinks).each((_, el) => void found.add(publicUrl(source, $(el).attr('href')!, base)));
        const next = $(d.nextPage).first().attr('href');
        page = next ? publicUrl(source, next, base) : null;
      }
      expect(seen.size, `${source.id}: listing pages followed`).toBeGreaterThan(1);
    } else if ('urls' in d) {
      for (const u of d.urls) found.add(u);
    }
  }
  return new Set([...found].filter((u) => isArticle(source, u)));
}

describe.each([...SAMPLE_SITE_IDS])('%s discovery', (id) => {
  it('reaches every article URL from the declared sitemap, feed or listing', async () => {
    const source = sampleSource(id);
    const site = buildSampleSite(id);
    const found = await discover(source);
    const expected = new Set(site.articles.map((a) => a.url));
    expect([...expected].filter((u) => !found.has(u)), 'articles never discovered').toEqual([]);
    expect([...found].filter((u) => !expected.has(u)), 'discovered URLs that are not articles').toEqual([]);
  });

  it('classifies every article page as an article and no other page as one', () => {
    const source = sampleSource(id);
    const site = buildSampleSite(id);
    const articlePaths = new Set(site.articles.map((a) => a.path));
    for (const path of site.pages.keys()) {
      expect(isArticle(source, site.site + path), path).toBe(articlePaths.has(path));
    }
  });

  it('keeps every article outside what robots.txt disallows', () => {
    const site = buildSampleSite(id);
    const robots = site.pages.get('/robots.txt')!.body.toString();
    const disallowed = [...robots.matchAll(/^Disallow:\s*(\S+)/gim)].map((m) => m[1]);
    expect(disallowed.length).toBeGreaterThan(0);
    for (const a of site.articles) expect(disallowed.some((d) => a.path.startsWith(d)), a.path).toBe(false);
  });
});

describe('feed and listing differ as on real sites', () => {
  it('carries only the latest items in the trade-press feed, so the listing is needed too', async () => {
    const source = sampleSource('trade-press');
    const $ = cheerio.load(await fetchText(source, 'https://www.practice-press.example/feeds/news.rss'), { xml: true });
    const site = buildSampleSite('trade-press');
    expect($('item').length).toBeLessThan(site.articles.length);
    expect($('item > pubDate').first().text()).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
  });
});
