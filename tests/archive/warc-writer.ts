// WARC files as other tools write them, built with warcio for the import tests: response
// records with their HTTP headers, plus the request, warcinfo and metadata records real crawls hold.
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { WARCRecord, WARCSerializer } from 'warcio';

export interface TestResponse {
  url: string;
  /** ISO time, the record's WARC-Date. */
  date: string;
  status?: number;
  contentType?: string;
  body: string | Buffer;
  /** Extra HTTP headers, e.g. Content-Encoding for a body given already encoded. */
  headers?: Record<string, string>;
}

export type TestRecord = TestResponse | { type: 'warcinfo' | 'request' | 'metadata'; url?: string; date?: string };

function isResponse(r: TestRecord): r is TestResponse {
  return !('type' in r);
}

async function serialise(r: TestRecord, gzip: boolean): Promise<Uint8Array> {
  if (!isResponse(r)) {
    const body = new TextEncoder().encode(r.type === 'request' ? '' : 'software: a test crawler\r\n');
    const record = WARCRecord.create(
      {
        url: r.url ?? 'urn:test',
        date: r.date ?? '2024-01-01T00:00:00Z',
        type: r.type,
        warcVersion: 'WARC/1.0',
        ...(r.type === 'request' ? { statusline: `GET ${new URL(r.url ?? 'http://x.invalid/').pathname} HTTP/1.1`, httpHeaders: { Host: 'x' } } : {}),
      },
      (async function* () {
        yield body;
      })(),
    );
    return WARCSerializer.serialize(record, { gzip });
  }
  const payload = typeof r.body === 'string' ? Buffer.from(r.body, 'utf8') : r.body;
  const status = r.status ?? 200;
  const record = WARCRecord.create(
    {
      url: r.url,
      date: r.date,
      type: 'response',
      warcVersion: 'WARC/1.0',
      statusline: `HTTP/1.1 ${status} ${status === 200 ? 'OK' : 'Status'}`,
      httpHeaders: { 'Content-Type': r.contentType ?? 'text/html; charset=utf-8', ...r.headers },
    },
    (async function* () {
      yield new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength);
    })(),
  );
  return WARCSerializer.serialize(record, { gzip });
}

/** Writes `records` to `path`: one gzip member per record for `.gz`, plain otherwise. Returns each record's byte range. */
export async function writeWarc(path: string, records: TestRecord[]): Promise<{ start: number; end: number }[]> {
  const gzip = path.endsWith('.gz');
  const parts: Uint8Array[] = [];
  const ranges: { start: number; end: number }[] = [];
  let at = 0;
  for (const r of records) {
    const bytes = await serialise(r, gzip);
    parts.push(bytes);
    ranges.push({ start: at, end: at + bytes.byteLength });
    at += bytes.byteLength;
  }
  writeFileSync(path, Buffer.concat(parts));
  return ranges;
}

/** A body as a server sends it with `Content-Encoding: gzip`. */
export function gzipped(text: string): Buffer {
  return gzipSync(Buffer.from(text, 'utf8'));
}
