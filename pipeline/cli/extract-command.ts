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
  dates: { surface: string; value: string; rangeStart: string; rangeEnd: string; start: number; end: number }[];
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

/** The DESIGN.md `extract --json` shape (plus numeric claims). */
export function toExtractJson(file: string, url: string, page: ExtractedPage): ExtractJson {
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
    dates: findings.dates.map(({ surface, value, rangeStart, rangeEnd, start, end }) => ({ surface, value, rangeStart, rangeEnd, start, end })),
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

export async function extractFiles(
  files: string[],
  opts: { url?: string; json?: boolean; source?: string },
  out: NodeJS.WritableStream & { isTTY?: boolean },
  err: NodeJS.WritableStream,
): Promise<number> {
  const knowledge = loadKnowledge();
  const source = opts.source ? loadSource(opts.source) : undefined;
  const asJson = opts.json || !out.isTTY;
  let failed = 0;
  for (const file of files) {
    let html: string;
    try {
      html = decodeHtml(readFileSync(file), null);
    } catch (e) {
      err.write(`rollwatch extract: cannot read ${file}: ${(e as Error).message}\n`);
      failed++;
      continue;
    }
    const fileUrl = pathToFileURL(resolve(file)).href;
    const page = extractPage(html, opts.url ?? fileUrl, knowledge, {
      selectors: source?.selectors,
      dateOrder: source?.dateOrder,
      defaultRegion: source?.defaultRegion,
    });
    // Without --url, a page is known by its canonical link; a page with none by its file path.
    const url = opts.url ?? (page.article.url === fileUrl ? file : page.article.url);
    const json = toExtractJson(file, url, page);
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
