// The HTTP crawler's request function: one exchange with hard limits, which crawlee's own
// HTTP client (got-scraping) does not give: a deadline for the whole exchange, a byte cap
// enforced while streaming (never buffering past it), Content-Encoding undone under the same
// cap, and no redirect following (each hop is a request of its own, gated and robots-checked).
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { request, type Dispatcher } from 'undici';

export interface RawResponse {
  /** The URL that was fetched (fetch origin, not the public one). */
  url: string;
  status: number;
  /** ISO time the response headers arrived (the archive and the Capture share it). */
  fetchedAt: string;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Body after Content-Encoding was undone; empty when `omitted` is set. */
  body: Buffer;
  /** Why the body was not read (the response is still archived with its headers). */
  omitted: string | null;
}

/** A failed exchange, with the short reason code the hooks receive. */
export class FetchFailure extends Error {
  override name = 'FetchFailure';
  constructor(
    readonly reason: string,
    readonly httpStatus: number | null,
    detail: string,
    /** The response as far as it was received, for the archive. */
    readonly response: RawResponse | null = null,
  ) {
    super(detail);
  }
}

export interface FetchOnceOptions {
  headers: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
  /**
   * Called once the status and headers are in: return a reason code to skip the body
   * (e.g. `not_html`), or null to read it.
   */
  skipBody?: (status: number, headers: Record<string, string>) => string | null;
  /** Where the request goes (a proxy agent); undici's global agent when unset. */
  dispatcher?: Dispatcher;
}

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotli = promisify(zlib.brotliDecompress);

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Maps socket-level failures to the short reason codes of FetchError. */
export function networkReason(err: unknown): string {
  const e = err as { code?: string; name?: string; cause?: { code?: string } };
  const code = e?.code ?? e?.cause?.code ?? '';
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') return 'timeout';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE' || code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') return 'reset';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'dns';
  return 'network';
}

async function decodeContent(body: Buffer, encoding: string, maxBytes: number): Promise<Buffer> {
  const opts = { maxOutputLength: maxBytes };
  const enc = encoding.trim().toLowerCase();
  if (!enc || enc === 'identity') return body;
  if (enc === 'gzip' || enc === 'x-gzip') return gunzip(body, opts);
  if (enc === 'br') return brotli(body, opts);
  if (enc === 'deflate') {
    // Some servers send raw deflate under this name.
    try {
      return await inflate(body, opts);
    } catch {
      return inflateRaw(body, opts);
    }
  }
  throw new FetchFailure('decode', null, `unsupported Content-Encoding: ${encoding}`);
}

/** Drops an unread body and its connection; undici reports that as an error nobody needs. */
function discard(body: { on(event: 'error', fn: () => void): unknown; destroy(): unknown }): void {
  body.on('error', () => undefined);
  body.destroy();
}

export async function fetchOnce(url: string, options: FetchOnceOptions): Promise<RawResponse> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new Error('deadline')), options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline.signal]) : deadline.signal;
  let status = 0;
  let headers: Record<string, string> = {};
  try {
    const res = await request(url, {
      method: 'GET',
      headers: options.headers,
      signal,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    });
    status = res.statusCode;
    headers = flattenHeaders(res.headers);
    const fetchedAt = new Date().toISOString();
    const skip = options.skipBody?.(status, headers) ?? null;
    const declared = Number(headers['content-length']);
    const tooLarge = Number.isFinite(declared) && declared > options.maxBytes;
    if (skip || tooLarge) {
      discard(res.body);
      const omitted = skip ?? 'too_large';
      return { url, status, fetchedAt, headers, body: Buffer.alloc(0), omitted };
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      const buf = chunk as Buffer;
      size += buf.length;
      if (size > options.maxBytes) {
        discard(res.body);
        return { url, status, fetchedAt, headers, body: Buffer.alloc(0), omitted: 'too_large' };
      }
      chunks.push(buf);
    }
    const raw = Buffer.concat(chunks, size);
    const encoding = headers['content-encoding'] ?? '';
    let body: Buffer;
    try {
      body = await decodeContent(raw, encoding, options.maxBytes);
    } catch (err) {
      if (err instanceof FetchFailure) throw err;
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        return { url, status, fetchedAt, headers, body: Buffer.alloc(0), omitted: 'too_large' };
      }
      // zlib says Z_BUF_ERROR ("unexpected end of file") when the stream stops before its trailer.
      const cut = (err as { code?: string }).code === 'Z_BUF_ERROR';
      const detail = `cannot decode ${encoding} body: ${(err as Error).message}`;
      throw new FetchFailure(cut ? 'truncated' : 'decode', status, detail, { url, status, fetchedAt, headers, body: raw, omitted: null });
    }
    return { url, status, fetchedAt, headers, body, omitted: null };
  } catch (err) {
    if (err instanceof FetchFailure) throw err;
    if (deadline.signal.aborted && !options.signal?.aborted) {
      throw new FetchFailure('timeout', status || null, `no complete response within ${options.timeoutMs} ms`);
    }
    if (options.signal?.aborted) throw new FetchFailure('aborted', null, 'crawl aborted');
    const reason = networkReason(err);
    throw new FetchFailure(reason, status || null, `${(err as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}
