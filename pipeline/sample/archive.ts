// The fixture web archive's holdings: captures of the archived-only sample site (pct-news) taken
// at three times, as sources/sample/pct-news/captures.json says. Between captures one article
// changed, one was removed, one URL was captured as a redirect and one as a server error, so a
// client meets what real archives hold. Deterministic: same files, same bytes, same digests.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSampleArticles, parseSampleArticle, type SampleArticle } from './content.ts';
import { SAMPLE_ROOT } from './catalog.ts';
import { PCT_HTML, pctArticleHtml, pctArticlePath, pctHomeHtml, pctListingHtml } from './sites/pct-news.ts';

/** One capture as an archive holds it. */
export interface Memento {
  /** The original URL (URI-R). */
  original: string;
  /** Capture time, 14 digits (YYYYMMDDhhmmss, UTC), as Wayback URLs write it. */
  timestamp: string;
  status: number;
  contentType: string;
  /** For a redirect capture: where the original answered it had moved. */
  location?: string;
  body: Buffer;
  /** sha1 of the body in base32, as the Wayback CDX server reports it. */
  digest: string;
}

interface CaptureSchedule {
  times: string[];
  removed: Record<string, string>;
  statuses: Record<string, Record<string, number>>;
  redirects: Record<string, Record<string, string>>;
}

export const ARCHIVED_SITE_ID = 'pct-news';
/** The archived site's public origin (its source declaration's `site`): no server answers for it. */
export const ARCHIVED_SITE = 'http://www.cdd-pct.example';
const SITE_DIR = join(SAMPLE_ROOT, ARCHIVED_SITE_ID);

export function timestamp14(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

function base32(bytes: Buffer): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

function memento(original: string, at: string, status: number, body: string, extra: Partial<Memento> = {}): Memento {
  const bytes = Buffer.from(body, 'utf8');
  return { original, timestamp: timestamp14(at), status, contentType: PCT_HTML, body: bytes, digest: base32(createHash('sha1').update(bytes).digest()), ...extra };
}

/** The article as the site showed it at `at`: its earlier text (earlier/<slug>.txt) before its `updated` day. */
function asOf(a: SampleArticle, at: string): SampleArticle {
  const earlierFile = join(SITE_DIR, 'earlier', `${a.slug}.txt`);
  if (!a.updated || at >= `${a.updated}T00:00:00Z` || !existsSync(earlierFile)) return a;
  return parseSampleArticle(a.slug, readFileSync(earlierFile, 'utf8'), earlierFile);
}

/** Every capture the fixture archive holds, in capture order. */
export function buildSampleArchive(): Memento[] {
  const site = ARCHIVED_SITE;
  const schedule = JSON.parse(readFileSync(join(SITE_DIR, 'captures.json'), 'utf8')) as CaptureSchedule;
  const articles = loadSampleArticles(SITE_DIR);
  const out: Memento[] = [];
  for (const at of schedule.times) {
    const live = articles
      .filter((a) => `${a.date}T00:00:00Z` <= at)
      .filter((a) => !schedule.removed[a.slug] || at < schedule.removed[a.slug]!)
      .map((a) => asOf(a, at));
    out.push(memento(`${site}/`, at, 200, pctHomeHtml(site, live)));
    out.push(memento(`${site}/news/`, at, 200, pctListingHtml(site, live)));
    for (const a of live) {
      const url = site + pctArticlePath(a);
      const status = schedule.statuses[a.slug]?.[at];
      const moved = schedule.redirects[a.slug]?.[at];
      if (moved) out.push(memento(url, at, 301, `<html><body>Moved to <a href="${moved}">${moved}</a></body></html>`, { location: moved }));
      else if (status) out.push(memento(url, at, status, '<html><head><title>Service unavailable</title></head><body><h1>Service unavailable</h1></body></html>'));
      else out.push(memento(url, at, 200, pctArticleHtml(site, a)));
    }
  }
  return out;
}

/** The articles of the archived site, with their public URLs (for labels and tests). */
export function archivedArticles(): { article: SampleArticle; url: string }[] {
  const site = ARCHIVED_SITE;
  return loadSampleArticles(SITE_DIR).map((article) => ({ article, url: site + pctArticlePath(article) }));
}
