// The WARC archive: what goes in comes back out, across files, and a killed run's
// half-written last record does not hide the records before it.
import { afterEach, describe, expect, it } from 'vitest';
import { appendFile, mkdtemp, readdir, readFile, rm, stat, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { openArchive, readArchive, type ArchivedRecord } from '../../pipeline/archive/index.ts';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = '';
});

const record = (n: number, body = `<p>Article ${n}</p>`) => ({
  url: `https://news.example.org/news/${n}`,
  fetchedAt: `2026-11-2${n % 10}T10:00:00.000Z`,
  status: n === 2 ? 500 : 200,
  headers: { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip', etag: `"e${n}"` },
  body: Buffer.from(body),
  sourceId: 'pulse',
});

async function readAll(d: string): Promise<ArchivedRecord[]> {
  const out: ArchivedRecord[] = [];
  for await (const r of readArchive(d)) out.push(r);
  return out;
}

describe('WARC archive', () => {
  it('reads back every record with URL, source, time, status, headers and exact body bytes', async () => {
    dir = await mkdtemp(join(tmpdir(), 'rollwatch-warc-'));
    const archive = await openArchive(dir, 'run-1');
    const binary = Buffer.from([0, 1, 2, 0xff, 0xfe, 0x0d, 0x0a]);
    const refs = [await archive.append(record(1)), await archive.append(record(2)), await archive.append({ ...record(3), body: binary })];
    await archive.close();
    const back = await readAll(dir);
    expect(back.map((r) => r.url)).toEqual([1, 2, 3].map((n) => `https://news.example.org/news/${n}`));
    expect(back[0]).toMatchObject({ sourceId: 'pulse', status: 200, fetchedAt: '2026-11-21T10:00:00.000Z' });
    expect(back[1].status).toBe(500);
    expect(back[0].body.toString()).toBe('<p>Article 1</p>');
    expect(back[2].body.equals(binary)).toBe(true);
    // The wire encoding is remembered but the stored body is already decoded.
    expect(back[0].headers).toMatchObject({ 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip', etag: '"e1"' });
    expect(back.map((r) => r.ref)).toEqual(refs);
  });

  it('writes standard WARC 1.1 gzip members', async () => {
    dir = await mkdtemp(join(tmpdir(), 'rollwatch-warc-'));
    const archive = await openArchive(dir, 'run-2');
    const ref = await archive.append(record(1));
    await archive.close();
    const text = gunzipSync(await readFile(join(dir, ref.file))).toString('latin1');
    expect(text.startsWith('WARC/1.1\r\n')).toBe(true);
    expect(text).toContain('WARC-Type: response');
    expect(text).toContain('WARC-Target-URI: https://news.example.org/news/1');
    expect(text).toContain('HTTP/1.1 200');
  });

  it('keeps earlier records readable when the last one was cut off mid-write', async () => {
    dir = await mkdtemp(join(tmpdir(), 'rollwatch-warc-'));
    const archive = await openArchive(dir, 'run-3');
    await archive.append(record(1));
    const before = (await stat(join(dir, (await readdir(dir))[0]))).size;
    const ref = await archive.append(record(2, 'x'.repeat(50_000)));
    await archive.close();
    const full = (await stat(join(dir, ref.file))).size;
    await truncate(join(dir, ref.file), before + Math.floor((full - before) / 2));
    const back = await readAll(dir);
    expect(back.map((r) => r.url)).toEqual(['https://news.example.org/news/1']);
  });

  it('ignores garbage appended after good records', async () => {
    dir = await mkdtemp(join(tmpdir(), 'rollwatch-warc-'));
    const archive = await openArchive(dir, 'run-4');
    const ref = await archive.append(record(1));
    await archive.close();
    await appendFile(join(dir, ref.file), Buffer.from([0x1f, 0x8b, 8, 0, 0, 0]));
    expect((await readAll(dir)).map((r) => r.url)).toEqual(['https://news.example.org/news/1']);
  });

  it('never overwrites an earlier file when a run id is reused, and reads files in order', async () => {
    dir = await mkdtemp(join(tmpdir(), 'rollwatch-warc-'));
    const a = await openArchive(dir, 'same');
    await a.append(record(1));
    await a.close();
    const b = await openArchive(dir, 'same');
    await b.append(record(2));
    await b.close();
    expect((await readdir(dir)).sort()).toEqual(['same-00001.warc.gz', 'same-00002.warc.gz']);
    expect((await readAll(dir)).map((r) => r.url)).toEqual(['https://news.example.org/news/1', 'https://news.example.org/news/2']);
  });

  it('yields nothing for a missing directory', async () => {
    expect(await readAll(join(tmpdir(), 'rollwatch-no-such-dir-' + process.pid))).toEqual([]);
  });
});

describe('WARC digests', () => {
  it('writes block and payload digests that match the stored bytes', async () => {
    dir = await mkdtemp(join(tmpdir(), 'rollwatch-warc-'));
    const archive = await openArchive(dir, 'digest');
    const body = 'Ambulance trust names preferred provider – “a good day”';
    const ref = await archive.append({ ...record(1), body: Buffer.from(body) });
    await archive.close();
    const raw = gunzipSync(await readFile(join(dir, ref.file)));
    const headerEnd = raw.indexOf('\r\n\r\n');
    const head = raw.subarray(0, headerEnd).toString('latin1');
    const length = Number(/Content-Length: (\d+)/.exec(head)?.[1]);
    const block = raw.subarray(headerEnd + 4, headerEnd + 4 + length);
    const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
    expect(head).toContain(`WARC-Block-Digest: sha256:${sha(block)}`);
    expect(head).toContain(`WARC-Payload-Digest: sha256:${sha(Buffer.from(body))}`);
  });
});
