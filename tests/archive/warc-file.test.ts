// Reading WARC files written by other tools: every response comes back with its decoded body,
// other record types are named and passed over, and damage costs only the records it touches.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWarcFile, type WarcEntry } from '../../pipeline/archive/warc-file.ts';
import { gzipped, writeWarc, type TestRecord } from './warc-writer.ts';

const dir = mkdtempSync(join(tmpdir(), 'rollwatch-warcfile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function entries(path: string): Promise<WarcEntry[]> {
  const out: WarcEntry[] = [];
  for await (const e of readWarcFile(path)) out.push(e);
  return out;
}

const page = (n: number): TestRecord => ({
  url: `https://news.example.org/story/${n}`,
  date: `2013-05-2${n}T09:30:00Z`,
  body: `<html><head><title>Story ${n}</title></head><body><p>${'Paragraph text. '.repeat(40)}${n}</p></body></html>`,
});

const urls = (es: WarcEntry[]) => es.flatMap((e) => (e.kind === 'response' ? [e.url] : []));

describe('readWarcFile', () => {
  it('returns each response with URL, capture time, status, headers and body, and names the other records', async () => {
    const path = join(dir, 'mixed.warc.gz');
    await writeWarc(path, [{ type: 'warcinfo' }, { type: 'request', url: 'https://news.example.org/story/1' }, page(1), { type: 'metadata' }, page(2)]);
    const es = await entries(path);
    expect(es.map((e) => (e.kind === 'skipped' ? e.reason : e.kind))).toEqual(['warcinfo', 'request', 'response', 'metadata', 'response']);
    const first = es[2]!;
    expect(first).toMatchObject({ kind: 'response', url: 'https://news.example.org/story/1', capturedAt: '2013-05-21T09:30:00.000Z', status: 200 });
    if (first.kind !== 'response') throw new Error('not a response');
    expect(first.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(first.body.toString()).toContain('<title>Story 1</title>');
    expect(first.recordId).toMatch(/^<urn:uuid:/);
  });

  it('undoes a gzip Content-Encoding, as a browser would', async () => {
    const path = join(dir, 'encoded.warc');
    await writeWarc(path, [{ url: 'https://news.example.org/z', date: '2020-02-02T00:00:00Z', body: gzipped('<p>inflated</p>'), headers: { 'Content-Encoding': 'gzip' } }]);
    const [e] = await entries(path);
    expect(e?.kind === 'response' && e.body.toString()).toBe('<p>inflated</p>');
  });

  it('a .warc.gz cut off mid-record yields the records before the cut, then says where the damage is', async () => {
    const whole = join(dir, 'whole.warc.gz');
    const ranges = await writeWarc(whole, [page(1), page(2), page(3)]);
    const cut = join(dir, 'cut.warc.gz');
    const bytes = readFileSync(whole);
    const at = ranges[2]!.start + Math.floor((ranges[2]!.end - ranges[2]!.start) / 2);
    writeFileSync(cut, bytes.subarray(0, at));
    const es = await entries(cut);
    expect(urls(es)).toEqual(['https://news.example.org/story/1', 'https://news.example.org/story/2']);
    expect(es.at(-1)).toMatchObject({ kind: 'damaged', offset: ranges[2]!.start, bytes: at - ranges[2]!.start });
  });

  it('a plain .warc cut off mid-record is reported, not read as a short page', async () => {
    const whole = join(dir, 'whole.warc');
    const ranges = await writeWarc(whole, [page(1), page(2)]);
    const cut = join(dir, 'cut.warc');
    writeFileSync(cut, readFileSync(whole).subarray(0, ranges[1]!.end - 100));
    const es = await entries(cut);
    expect(urls(es)).toEqual(['https://news.example.org/story/1']);
    expect(es.at(-1)).toMatchObject({ kind: 'damaged', offset: ranges[1]!.start });
  });

  it('a corrupt gzip member in the middle costs that record only: reading resumes at the next one', async () => {
    const whole = join(dir, 'four.warc.gz');
    const ranges = await writeWarc(whole, [page(1), page(2), page(3), page(4)]);
    const bytes = Buffer.from(readFileSync(whole));
    const r = ranges[1]!;
    for (let i = r.start + 30; i < r.end - 30; i++) bytes[i] = 0x55;
    const broken = join(dir, 'broken.warc.gz');
    writeFileSync(broken, bytes);
    const es = await entries(broken);
    expect(urls(es)).toEqual([1, 3, 4].map((n) => `https://news.example.org/story/${n}`));
    const damage = es.filter((e) => e.kind === 'damaged');
    expect(damage).toEqual([{ kind: 'damaged', offset: r.start, bytes: r.end - r.start, message: expect.any(String) }]);
  });

  it('a file that is not a WARC at all is one damaged entry', async () => {
    const path = join(dir, 'page.warc');
    writeFileSync(path, '<!DOCTYPE html><title>not a warc</title>\n');
    const es = await entries(path);
    expect(es).toEqual([{ kind: 'damaged', offset: 0, bytes: 41, message: expect.any(String) }]);
  });
});
