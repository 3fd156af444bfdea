// Shards split work so that every item is done by exactly one of N machines, the same way on every run.
import { describe, expect, it } from 'vitest';
import { inShard, parseShard, shardOf, sourcesInShard } from '../../pipeline/run/shard.ts';
import { sourceMatcher } from '../../pipeline/sources/match.ts';
import { sourceSchema, type Source } from '../../pipeline/sources/schema.ts';

const source = (id: string, site: string, include = ['^/news/'], exclude: string[] = []): Source =>
  sourceSchema.parse({ id, name: id, site, hosts: [new URL(site).host], discover: [{ urls: [`${site}/`] }], articles: { include, exclude } });

describe('--shard K/N', () => {
  it('reads K/N and refuses anything that is not a slice of N', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/3', '4/3', '3', 'a/b', '1/0', '-1/2']) expect(() => parseShard(bad), bad).toThrow(/--shard takes K\/N/);
  });

  it('puts every key in exactly one shard, the same one every time, and uses every shard', () => {
    const keys = Array.from({ length: 300 }, (_, i) => `doc-${i}`);
    const sizes = [0, 0, 0];
    for (const k of keys) {
      const owners = [1, 2, 3].filter((index) => inShard(k, { index, count: 3 }));
      expect(owners).toEqual([shardOf(k, 3)]);
      sizes[owners[0]! - 1]!++;
    }
    expect(Math.min(...sizes)).toBeGreaterThan(60);
  });

  it('deals sources out by host, so two declarations for one host share a shard', () => {
    const sources = [
      source('a', 'https://a.example'),
      source('b', 'https://b.example'),
      source('b-jobs', 'https://b.example', ['^/jobs/']),
      source('c', 'https://c.example'),
    ];
    const shards = [1, 2, 3].map((index) => sourcesInShard(sources, { index, count: 3 }).map((s) => s.id));
    expect(shards).toEqual([['a'], ['b', 'b-jobs'], ['c']]);
    expect(sourcesInShard(sources, undefined)).toHaveLength(4);
  });
});

describe('sourceMatcher', () => {
  it("finds the source whose hosts and article pattern take a URL, and no source for another site's page", () => {
    const m = sourceMatcher([source('a', 'https://a.example', ['^/news/'], ['^/news/tag/']), source('b', 'http://b.example:8080')]);
    expect(m.articleSource('https://a.example/news/story?id=4')?.id).toBe('a');
    expect(m.articleSource('https://A.EXAMPLE/news/story')?.id).toBe('a');
    expect(m.articleSource('https://a.example/news/tag/nhs-111')).toBeNull();
    expect(m.articleSource('https://a.example/about')).toBeNull();
    expect(m.hostSource('https://a.example/about')?.id).toBe('a');
    expect(m.articleSource('http://b.example:8080/news/x')?.id).toBe('b');
    expect(m.articleSource('https://c.example/news/x')).toBeNull();
    expect(m.articleSource('mailto:press@a.example')).toBeNull();
  });
});
