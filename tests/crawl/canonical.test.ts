// canonicalUrl: one identity per article, without merging pages that differ.
import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../pipeline/crawl/index.ts';

describe('canonicalUrl', () => {
  it('drops tracking parameters and the fragment but keeps real query parameters in order', () => {
    expect(canonicalUrl('https://www.england.nhs.uk/2013/05/news/?utm_source=t&id=4&utm_medium=x&fbclid=1#c')).toBe('https://www.england.nhs.uk/2013/05/news?id=4');
    expect(canonicalUrl('https://example.org/a?b=2&a=1&gclid=z&mc_cid=1&mc_eid=2')).toBe('https://example.org/a?b=2&a=1');
  });

  it('lower-cases scheme and host and drops default ports, not the path case', () => {
    expect(canonicalUrl('HTTPS://WWW.Example.ORG:443/News/Item')).toBe('https://www.example.org/News/Item');
    expect(canonicalUrl('http://example.org:80/x')).toBe('http://example.org/x');
    expect(canonicalUrl('http://example.org:8080/x')).toBe('http://example.org:8080/x');
  });

  it('treats index files and trailing slashes as the directory', () => {
    expect(canonicalUrl('https://example.org/news/index.html')).toBe('https://example.org/news');
    expect(canonicalUrl('https://example.org/news/')).toBe('https://example.org/news');
    expect(canonicalUrl('https://example.org/')).toBe('https://example.org/');
    expect(canonicalUrl('https://example.org/index.html')).toBe('https://example.org/');
  });

  it('keeps pages that differ apart', () => {
    expect(canonicalUrl('https://example.org/news?page=2')).not.toBe(canonicalUrl('https://example.org/news?page=3'));
    expect(canonicalUrl('https://example.org/news/a')).not.toBe(canonicalUrl('http://example.org/news/a'));
  });
});
