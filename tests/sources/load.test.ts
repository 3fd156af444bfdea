import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadSource } from '../../pipeline/sources/load.ts';

const valid = {
  id: 'local-news',
  name: 'Local news',
  site: 'https://news.example.org',
  hosts: ['news.example.org'],
  discover: [{ feed: 'https://news.example.org/feed/' }],
  articles: { include: ['^/news/\\d{4}/'] },
};

function write(dir: string, name: string, value: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

describe('source declarations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rollwatch-sources-'));

  it('fills documented defaults', () => {
    const s = loadSource(write(dir, 'ok.json', valid));
    expect(s.rateLimit).toEqual({ maxConcurrency: 2, delayMs: 1000 });
    expect(s.dateOrder).toBe('dmy');
  });

  it('names the file and the field of a mistake, and says how to fix it', () => {
    const file = write(dir, 'bad-host.json', { ...valid, hosts: ['https://news.example.org/'] });
    expect(() => loadSource(file)).toThrow(ConfigError);
    expect(() => loadSource(file)).toThrow(/bad-host\.json: field "hosts\.0": takes bare hostnames/);
  });

  it('rejects an invalid article pattern and an unknown field', () => {
    const file = write(dir, 'bad-re.json', { ...valid, articles: { include: ['(unclosed'] }, sitemap: 'x' });
    let message = '';
    try {
      loadSource(file);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/field "articles\.include\.0": must be a valid regular expression/);
    expect(message).toMatch(/sitemap/);
  });

  it('rejects JSON syntax errors with the file name', () => {
    const file = write(dir, 'broken.json', '{ "id": ');
    expect(() => loadSource(file)).toThrow(/broken\.json is not valid JSON/);
  });

  it('loads a config, resolving source paths against the config and refusing unknown origins', () => {
    write(dir, 'local-news.json', valid);
    const cfg = write(dir, 'run.json', { sources: ['local-news.json'], db: 'out/x.duckdb' });
    const loaded = loadConfig(cfg, '/tmp/work');
    expect(loaded.sources.map((s) => s.id)).toEqual(['local-news']);
    expect(loaded.paths.db).toBe('/tmp/work/out/x.duckdb');
    const bad = write(dir, 'run-bad.json', { sources: ['local-news.json'], origins: { nope: 'http://127.0.0.1:1' } });
    expect(() => loadConfig(bad)).toThrow(/field "origins\.nope" names no source/);
  });

  it('bounds what a run holds: batch size and time, and DuckDB memory, with sizes checked', () => {
    write(dir, 'local-news.json', valid);
    const loaded = loadConfig(write(dir, 'run-defaults.json', { sources: ['local-news.json'] }));
    expect(loaded.config).toMatchObject({ batchSize: 500, batchSeconds: 10, dbMemoryLimit: '128MB' });
    const bad = write(dir, 'run-mem.json', { sources: ['local-news.json'], dbMemoryLimit: 'lots' });
    expect(() => loadConfig(bad)).toThrow(/run-mem\.json: field "dbMemoryLimit": a size such as "256MB"/);
  });

  it('gives each request 15 seconds unless the config says otherwise, and takes proxy URLs without paths', () => {
    write(dir, 'local-news.json', valid);
    const defaults = loadConfig(write(dir, 'run-net.json', { sources: ['local-news.json'] }));
    expect(defaults.config).toMatchObject({ requestTimeoutSecs: 15, proxyUrls: [] });
    const set = loadConfig(write(dir, 'run-net2.json', { sources: ['local-news.json'], requestTimeoutSecs: 2.5, proxyUrls: ['http://proxy.example.org:3128'] }));
    expect(set.config).toMatchObject({ requestTimeoutSecs: 2.5, proxyUrls: ['http://proxy.example.org:3128'] });
    const bad = write(dir, 'run-proxy.json', { sources: ['local-news.json'], proxyUrls: ['proxy.example.org:3128'] });
    expect(() => loadConfig(bad)).toThrow(/run-proxy\.json: field "proxyUrls\.0": takes proxy URLs such as/);
  });

  it('declares how a source renders its pages: plain HTTP unless it says browser', () => {
    expect(loadSource(write(dir, 'plain.json', valid)).render).toBe('http');
    expect(loadSource(write(dir, 'rendered.json', { ...valid, render: 'browser' })).render).toBe('browser');
    expect(() => loadSource(write(dir, 'render-bad.json', { ...valid, render: 'javascript' }))).toThrow(/render-bad\.json: field "render"/);
  });
});
