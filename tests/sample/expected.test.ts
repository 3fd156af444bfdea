// The hand-labelled facts refer to pages that exist and say what the labels claim.
import { describe, expect, it } from 'vitest';
import { buildSampleSite, SAMPLE_SITE_IDS } from '../../pipeline/sample/catalog.ts';
import { plain } from '../../pipeline/sample/html.ts';
import { expectedArticles, FOUNDING_EXAMPLE_URL, irrelevantArticleUrls, nearDuplicatePairs, syndicatedPairs } from './expected.ts';

const articles = SAMPLE_SITE_IDS.flatMap((id) => buildSampleSite(id).articles.map((a) => ({ ...a, siteId: id })));
const byUrl = new Map(articles.map((a) => [a.url, a]));

/** The text a reader can see: a teaser page shows only its first blocks. */
function visibleText(url: string): string {
  const { article } = byUrl.get(url)!;
  const blocks = article.teaser === null ? article.blocks : article.blocks.slice(0, article.teaser);
  return blocks.map((b) => plain(b.text)).join('\n');
}

describe('expected facts', () => {
  it('label at least 12 articles, the founding example included', () => {
    expect(expectedArticles.length).toBeGreaterThanOrEqual(12);
    expect(expectedArticles.some((e) => e.url === FOUNDING_EXAMPLE_URL)).toBe(true);
    expect(new Set(expectedArticles.map((e) => e.url)).size).toBe(expectedArticles.length);
  });

  it.each(expectedArticles.map((e) => [e.url, e] as const))('%s exists with that title, day and site', (url, e) => {
    const page = byUrl.get(url);
    expect(page, url).toBeDefined();
    expect(page!.siteId).toBe(e.sourceId);
    expect(page!.article.title).toBe(e.title);
    expect(page!.article.date).toBe(e.published);
    expect(page!.article.topic).not.toBe('none');
    const text = visibleText(url);
    for (const q of e.quotes) expect(text, q.opening).toContain(q.opening);
    for (const p of e.entities.people) expect(text.includes(p) || text.includes(p.replace(/^(Dr|Dame|Sir) /, '')), p).toBe(true);
    // Entities are canonical names; the page may write a provider by its initials (DHU).
    const initials = (name: string) => name.split(' ').map((w) => w[0]).join('');
    for (const p of e.entities.providers) expect(text.includes(p) || text.includes(initials(p)), p).toBe(true);
  });

  it('lists exactly the articles written as irrelevant', () => {
    const none = articles.filter((a) => a.article.topic === 'none').map((a) => a.url);
    expect([...irrelevantArticleUrls].sort()).toEqual(none.sort());
    expect(irrelevantArticleUrls.length).toBeGreaterThanOrEqual(10);
  });

  it('lists exactly the syndicated copies', () => {
    const copies = articles.filter((a) => a.article.syndicatedFrom);
    expect(syndicatedPairs.map(([, copy]) => copy).sort()).toEqual(copies.map((a) => a.url).sort());
    for (const [original, copy] of syndicatedPairs) {
      const c = byUrl.get(copy)!;
      const o = byUrl.get(original)!;
      expect(c.article.syndicatedFrom).toBe(`${o.siteId}/${o.article.slug}`);
    }
  });

  it('lists exactly the near-duplicate reprints', () => {
    const reprints = articles.filter((a) => a.article.basedOn);
    expect(nearDuplicatePairs.map(([, r]) => r).sort()).toEqual(reprints.map((a) => a.url).sort());
    for (const [original, reprint] of nearDuplicatePairs) {
      const o = byUrl.get(original)!;
      expect(byUrl.get(reprint)!.article.basedOn).toBe(`${o.siteId}/${o.article.slug}`);
    }
  });
});
