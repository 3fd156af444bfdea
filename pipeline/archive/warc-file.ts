// Reads WARC files made elsewhere (Common Crawl, wget, browsertrix, other archives), record by
// record, for `rollwatch import`. Damage is reported, not thrown: a truncated download or a bad
// gzip member costs the records it holds, and reading resumes at the next record that parses.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { WARCParser, type WARCRecord } from 'warcio';

export interface WarcResponse {
  kind: 'response';
  /** WARC-Target-URI. */
  url: string;
  /** WARC-Date as ISO 8601 (UTC, milliseconds): when the crawler that wrote the file fetched it. */
  capturedAt: string;
  status: number;
  /** HTTP headers, names lower-cased (the last value of a repeated header). */
  headers: Record<string, string>;
  /** The payload with Transfer-Encoding and Content-Encoding undone, as a browser saw it. */
  body: Buffer;
  recordId: string;
  /** Byte offset of the record in the file (of its gzip member in a .warc.gz). */
  offset: number;
}

/** A record rollwatch does not load: its WARC type, or why a response was passed over. */
export interface WarcSkipped {
  kind: 'skipped';
  /** request, metadata, warcinfo, revisit, resource, …; or too_large / undecodable for a response. */
  reason: string;
  offset: number;
}

export interface WarcDamage {
  kind: 'damaged';
  offset: number;
  /** Bytes after `offset` that no record could be read from. */
  bytes: number;
  message: string;
}

export type WarcEntry = WarcResponse | WarcSkipped | WarcDamage;

export interface ReadWarcOptions {
  /** Responses with a larger block are skipped (`too_large`) without being read. @default 10 MB */
  maxBytes?: number;
  /** Called now and then with the bytes of the file read so far. */
  onBytes?(read: number, total: number): void;
}

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b, 0x08]);
const WARC_LINE = Buffer.from('WARC/1.');
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/** Resynchronisation gives up after this many false starts in a row (random bytes that look like a record start). */
const MAX_FALSE_STARTS = 64;

function isoDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function headerRecord(record: WARCRecord): Record<string, string> {
  const out: Record<string, string> = {};
  const headers = record.httpHeaders?.headers as Iterable<[string, string]> | undefined;
  if (headers) for (const [name, value] of headers) out[name.toLowerCase()] = value;
  return out;
}

/** Where the next record may start after `from`: the next gzip member, or the next `WARC/1.` line. */
async function nextRecordStart(path: string, from: number, gzip: boolean): Promise<number | null> {
  const marker = gzip ? GZIP_MAGIC : WARC_LINE;
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    for (let pos = from; ; ) {
      // One byte of look-behind, so a WARC line is known to start a line.
      const base = Math.max(0, pos - 1);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, base);
      const view = chunk.subarray(0, bytesRead);
      for (let i = view.indexOf(marker, pos - base); i >= 0; i = view.indexOf(marker, i + 1)) {
        if (gzip || base + i === 0 || view[i - 1] === 0x0a) return base + i;
      }
      if (base + bytesRead - marker.length < pos || bytesRead < chunk.length) return null;
      pos = base + bytesRead - marker.length + 1;
    }
  } finally {
    await handle.close();
  }
}

async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    await handle.read(head, 0, 2, 0);
    return head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** Where a run of readable records ended, and why. */
type Segment = { end: number; damaged: string | null; parsed: number };

/** One record: a response with its decoded body, or the reason it is passed over. */
async function readRecord(record: WARCRecord, offset: number, maxBytes: number): Promise<WarcEntry | 'truncated'> {
  const type = record.warcType ?? '';
  if (type !== 'response') {
    await record.skipFully();
    return { kind: 'skipped', reason: type || 'unknown', offset };
  }
  if (record.warcContentLength > maxBytes) {
    await record.skipFully();
    return { kind: 'skipped', reason: 'too_large', offset };
  }
  const raw = await record.readFully(false);
  // warcio stops quietly at the end of the stream: a block shorter than its Content-Length is a cut-off file.
  const left = (record.reader as { limit?: number }).limit ?? 0;
  if (left > 0) return 'truncated';
  let body: Uint8Array;
  try {
    body = raw.length ? await record.readFully(true) : raw;
  } catch {
    return { kind: 'skipped', reason: 'undecodable', offset };
  }
  const capturedAt = isoDate(record.warcDate);
  const url = record.warcTargetURI;
  if (!capturedAt || !url) return { kind: 'skipped', reason: 'no_uri_or_date', offset };
  return {
    kind: 'response',
    url,
    capturedAt,
    status: Number(record.httpHeaders?.statusCode ?? 0),
    headers: headerRecord(record),
    body: Buffer.from(body.buffer, body.byteOffset, body.byteLength),
    recordId: record.warcHeader('WARC-Record-ID') ?? '',
    offset,
  };
}

/** Parses records from `start` until the file ends or a record cannot be read. */
async function* readSegment(
  path: string,
  start: number,
  size: number,
  options: ReadWarcOptions & { maxBytes: number },
): AsyncGenerator<WarcEntry, Segment> {
  const stream = createReadStream(path, { start });
  const state: Segment = { end: start, damaged: null, parsed: 0 };
  try {
    const parser = new WARCParser(stream);
    for (;;) {
      let record: WARCRecord | null;
      try {
        record = await parser.parse();
      } catch (err) {
        state.damaged = (err as Error).message;
        break;
      }
      const offset = start + parser.offset;
      if (!record) {
        state.end = offset;
        break;
      }
      if (!/^WARC\/1\.\d$/.test(record.warcHeaders.protocol ?? '')) {
        state.end = offset;
        state.damaged = 'not a WARC record';
        break;
      }
      let entry: WarcEntry | 'truncated';
      try {
        entry = await readRecord(record, offset, options.maxBytes);
      } catch (err) {
        state.end = offset;
        state.damaged = (err as Error).message;
        break;
      }
      if (entry === 'truncated') {
        state.end = offset;
        state.damaged = 'the record is cut off (the file ends inside it)';
        break;
      }
      state.parsed += 1;
      state.end = offset;
      options.onBytes?.(Math.min(start + stream.bytesRead, size), size);
      yield entry;
    }
  } finally {
    stream.destroy();
  }
  return state;
}

/**
 * Every record of one WARC file (`.warc` or `.warc.gz`, one gzip member per record as the
 * standard recommends, or one stream), in order. Where the file is damaged, one `damaged`
 * entry says where and how much, and reading resumes at the next record start found after it.
 */
export async function* readWarcFile(path: string, options: ReadWarcOptions = {}): AsyncGenerator<WarcEntry> {
  const size = (await stat(path)).size;
  const gzip = await isGzip(path);
  const opts = { maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES, ...options };
  let start = 0;
  let falseStarts = 0;
  let damageFrom: number | null = null;
  let damageWhy = '';
  while (start < size) {
    const segment = readSegment(path, start, size, opts);
    let step = await segment.next();
    if (!step.done && damageFrom !== null) {
      // Found a readable record again: what lay between is the damage.
      yield { kind: 'damaged', offset: damageFrom, bytes: start - damageFrom, message: damageWhy };
      damageFrom = null;
      falseStarts = 0;
    }
    while (!step.done) {
      yield step.value;
      step = await segment.next();
    }
    const { end, damaged, parsed } = step.value;
    // A gzip stream that ends before the file does hides a cut-off or corrupt member.
    const leftover = damaged !== null || end < size;
    if (!leftover) break;
    if (damageFrom === null) {
      damageFrom = end;
      damageWhy = damaged ?? (gzip ? 'a gzip member is cut off or corrupt' : 'unreadable bytes');
    } else if (!parsed) {
      falseStarts += 1;
    }
    const next = falseStarts < MAX_FALSE_STARTS ? await nextRecordStart(path, Math.max(end, start) + 1, gzip) : null;
    if (next === null) break;
    start = next;
  }
  if (damageFrom !== null) {
    yield { kind: 'damaged', offset: damageFrom, bytes: size - damageFrom, message: damageWhy };
  }
  options.onBytes?.(size, size);
}
