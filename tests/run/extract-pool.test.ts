// Extraction on worker threads must give exactly what the main thread gives.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../pipeline/analyse/index.ts';
import { ExtractPool } from '../../pipeline/run/extract-pool.ts';
import { toPageRecord } from '../../pipeline/run/page-record.ts';
import { sourceSchema } from '../../pipeline/sources/schema.ts';
import type { Capture } from '../../pipeline/types.ts';

const devset = join(import.meta.dirname, '../devset');
const pages = readdirSync(devset).filter((f) => f.endsWith('.html')).slice(0, 6);
const source = sourceSchema.parse({
  id: 'devset',
  name: 'Dev set pages',
  site: 'https://news.example',
  hosts: ['news.example'],
  discover: [{ urls: ['https://news.example/a'] }],
  articles: { include: ['.'] },
});
const knowledge = loadKnowledge();
const pool = new ExtractPool(2, knowledge);

function capture(file: string): Capture {
  return {
    url: `https://news.example/${file}`,
    sourceId: 'devset',
    fetchedAt: '2024-01-02T03:04:05.000Z',
    status: 200,
    contentType: 'text/html; charset=utf-8',
    etag: null,
    lastModified: null,
    html: readFileSync(join(devset, file), 'utf8'),
    contentHash: file,
  };
}

describe('ExtractPool', () => {
  afterAll(() => pool.close());

  it('extracts on worker threads exactly as on the main thread', async () => {
    const viaPool = await Promise.all(pages.map((f) => pool.extract(source, capture(f))));
    const inline = pages.map((f) => toPageRecord(source, capture(f), knowledge));
    expect(pool.extractedOnWorkers).toBe(pages.length); // not the main-thread fallback
    expect(viaPool).toEqual(inline);
    expect(viaPool.some((p) => p.record.findings.events.length > 0)).toBe(true);
  });

  function bigPage(bytes: number): Capture {
    const big = capture(pages[0]!);
    const item = (i: number) => `<li><a href="/archive/${i}">Archive entry number ${i} from the long list of older stories</a></li>`;
    const filler = Array.from({ length: Math.ceil(bytes / 90) }, (_, i) => item(i)).join('');
    big.html = big.html.replace('</body>', `<div class="archive"><ul>${filler}</ul></div></body>`);
    expect(big.html.length).toBeGreaterThan(bytes);
    return big;
  }

  it('a 5 MB page is extracted on a worker, within its heap cap', async () => {
    const before = pool.extractedOnWorkers;
    const { record } = await pool.extract(source, bigPage(5_000_000));
    expect(pool.extractedOnWorkers).toBe(before + 1); // no out-of-memory fallback
    expect(record.article.body).toBe(toPageRecord(source, capture(pages[0]!), knowledge).record.article.body);
  });

  it('a page too big for a worker is extracted on the main thread, and the workers come back', async () => {
    const small = new ExtractPool(1, knowledge, 40); // a heap a 5 MB page cannot fit (the analyser with compromise loaded needs ~30 MB)
    try {
      const { record } = await small.extract(source, bigPage(5_000_000));
      expect(record.article.body).toBe(toPageRecord(source, capture(pages[0]!), knowledge).record.article.body);
      expect(small.extractedOnWorkers).toBe(0); // the worker ran out of memory; the main thread did it
      await small.extract(source, capture(pages[1]!));
      expect(small.extractedOnWorkers).toBe(1);
    } finally {
      await small.close();
    }
  });

  it('a pool of size 0 extracts on the main thread', async () => {
    const inlinePool = new ExtractPool(0, knowledge);
    const [file] = pages;
    expect(await inlinePool.extract(source, capture(file!))).toEqual(toPageRecord(source, capture(file!), knowledge));
    expect(inlinePool.extractedOnWorkers).toBe(0);
    await inlinePool.close();
  });
});
