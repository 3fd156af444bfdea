// `rollwatch extract FILE.html…`: the pure extractor on saved pages, one JSON line per page.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadKnowledge } from '../analyse/index.ts';
import { decodeHtml } from '../archive/index.ts';
import { extractPage, type ExtractedPage } from '../extract.ts';
import { loadSource } from '../sources/load.ts';

export interface ExtractJson {
  file: string;
  url: string;
  title: string | null;
  published: string | null;
  author: string | null;
  body: string;
  entities: { kind: string; name: string; surface: string; code: string | null; start: number; end: number }[];
  quotes: { text: string; speaker: string | null; speakerRole: string | null; start: number; end: number }[];
  dates: { surface: string; value: string; rangeStart: string; rangeEnd: string; start: number; end: number; milestone: boolean }[];
  events: {
    service: string;
    region: string;
    regionCode: string | null;
    provider: string | null;
    status: string;
    target: string | null;
    /** When the status took effect (ISO at its precision) and the days it and the target span. */
    effective: string | null;
    effectiveStart: string | null;
    effectiveEnd: string | null;
    targetStart: string | null;
    targetEnd: string | null;
    evidence: string;
    confidence: number;
  }[];
  claims: { text: string; value: number; total: number | null; unit: string; service: string | null; start: number; end: number }[];
}

/**
 * The DESIGN.md `extract --json` shape (plus numeric claims). `dates` holds the mentions that time
 * a rollout milestone, as the labelled sets count dates; `allDates` keeps every mention with its
 * flag, as the `date_mentions` table does.
 */
export function toExtractJson(file: string, url: string, page: ExtractedPage, allDates = false): ExtractJson {
  const { article, findings } = page;
  return {
    file,
    url,
    title: article.title,
    published: article.published,
    author: article.author,
    body: article.body,
    entities: findings.entities.map(({ kind, name, surface, code, start, end }) => ({ kind, name, surface, code, start, end })),
    quotes: findings.quotes.map(({ text, speaker, speakerRole, start, end }) => ({ text, speaker, speakerRole, start, end })),
    dates: findings.dates
      .filter((d) => allDates || d.milestone)
      .map(({ surface, value, rangeStart, rangeEnd, start, end, milestone }) => ({ surface, value, rangeStart, rangeEnd, start, end, milestone: milestone ?? false })),
    events: findings.events.map(({ service, region, regionCode, provider, status, target, evidence, confidence, ...dated }) => ({
      service,
      region,
      regionCode,
      provider,
      status,
      target,
      effective: dated.effective ?? null,
      effectiveStart: dated.effectiveStart ?? null,
      effectiveEnd: dated.effectiveEnd ?? null,
      targetStart: dated.targetStart ?? null,
      targetEnd: dated.targetEnd ?? null,
      evidence,
      confidence,
    })),
    claims: findings.claims.map(({ text, value, total, unit, service, start, end }) => ({ text, value, total, unit, service, start, end })),
  };
}

/**
 * Why these bytes are not a web page to extract, or null when they may be one: an empty file
 * (a failed download) or a binary one (a PDF, an image, a gzipped page) would otherwise come
 * out as a page that says nothing, indistinguishable from a real page with no facts.
 */
export function notAWebPage(bytes: Uint8Array): string | null {
  if (!bytes.some((b) => b > 0x20)) return bytes.length ? 'it holds only white space' : 'it is empty';
  // A page saved as UTF-16 starts with its byte-order mark; other text has no NUL bytes and few control characters.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return null;
  const head = bytes.subarray(0, 4096);
  let control = 0;
  for (const b of head) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) control++;
  if (head.includes(0) || control > head.length / 20) return 'it is a binary file, not HTML';
  return null;
}

export async function extractFiles(
  files: string[],
  opts: { url?: string; json?: boolean; source?: string; allDates?: boolean },
  out: NodeJS.WritableStream & { isTTY?: boolean },
  err: NodeJS.WritableStream,
): Promise<number> {
  const knowledge = loadKnowledge();
  const source = opts.source ? loadSource(opts.source) : undefined;
  const asJson = opts.json || !out.isTTY;
  let failed = 0;
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      err.write(`rollwatch extract: cannot read ${file}: ${(e as Error).message}\n`);
      failed++;
      continue;
    }
    const refusal = notAWebPage(bytes);
    if (refusal) {
      err.write(`rollwatch extract: ${file} is not a web page: ${refusal}; skipped\n`);
      failed++;
      continue;
    }
    const html = decodeHtml(bytes, null);
    const fileUrl = pathToFileURL(resolve(file)).href;
    const page = extractPage(html, opts.url ?? fileUrl, knowledge, {
      selectors: source?.selectors,
      dateOrder: source?.dateOrder,
      defaultRegion: source?.defaultRegion,
    });
    // Without --url, a page is known by its canonical link; a page with none by its file path.
    const url = opts.url ?? (page.article.url === fileUrl ? file : page.article.url);
    const json = toExtractJson(file, url, page, opts.allDates);
    if (asJson) {
      out.write(`${JSON.stringify(json)}\n`);
    } else {
      out.write(`${file}\n  ${json.title ?? '(no title)'} — ${json.published ?? 'no date'} — ${json.url}\n`);
      for (const e of json.events) {
        out.write(`  event: ${e.service} | ${e.region} | ${e.status}${e.provider ? ` | ${e.provider}` : ''}${e.target ? ` | by ${e.target}` : ''}\n`);
      }
      for (const q of json.quotes) out.write(`  quote: ${q.speaker ?? '(unattributed)'}: ${q.text.slice(0, 80)}\n`);
    }
  }
  return failed;
}
