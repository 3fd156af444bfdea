// Reads the hand-written sample articles (sources/sample/<site>/articles/*.txt).
// One plain-text format for all the sites, so writing an article never means writing
// markup; each site's template turns the same record into its own kind of HTML.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the article is about; `none` marks pages that must yield no rollout event. */
export type SampleTopic = 'nhs-111' | 'summary-care-record' | 'care-data' | 'e-referral' | 'none';

export interface SampleComment {
  author: string;
  /** ISO day. */
  date: string;
  text: string;
}

/** A body block: paragraph, sub-heading or bulleted list item. */
export type SampleBlock =
  | { kind: 'p'; text: string }
  | { kind: 'h2'; text: string }
  | { kind: 'li'; text: string };

export interface SampleArticle {
  /** File name without `.txt`; the template builds the URL from it. */
  slug: string;
  title: string;
  /** ISO day of publication. */
  date: string;
  /** `HH:MM`, UK local time as the site shows it. @default '09:00' */
  time: string;
  /** ISO day of the last edit, when the page shows one. */
  updated: string | null;
  author: string | null;
  /** Press-office contact line printed under a release (not a byline). */
  contact: string | null;
  /** Site section, e.g. `news`, `press-release`, `jobs`. */
  section: string;
  topic: SampleTopic;
  /** Short summary used in listings, feeds and meta description. */
  summary: string;
  /** Trade-press registration wall: number of blocks shown before "Register to read the rest". */
  teaser: number | null;
  /** Numeric id for sites whose URLs carry one. */
  id: number | null;
  tags: string[];
  /** Slugs of other articles on the same site shown in the related box. */
  related: string[];
  /** `site/slug` of the original when this page is a syndicated copy. */
  syndicatedFrom: string | null;
  /** `site/slug` of a press release this page reprints with light edits (a near-duplicate). */
  basedOn: string | null;
  blocks: SampleBlock[];
  comments: SampleComment[];
}

const TOPICS: readonly SampleTopic[] = ['nhs-111', 'summary-care-record', 'care-data', 'e-referral', 'none'];

export class SampleContentError extends Error {
  override name = 'SampleContentError';
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Parses one article file: `key: value` header lines, a `---` line, blocks separated by
 * blank lines (`## ` heading, `- ` list item, else paragraph), then optionally
 * `=== comments` with one `Name | YYYY-MM-DD | text` per line.
 */
export function parseSampleArticle(slug: string, text: string, file = slug): SampleArticle {
  const sep = text.indexOf('\n---\n');
  if (sep < 0) throw new SampleContentError(`${file}: missing the '---' line after the header`);
  const header = new Map<string, string>();
  for (const line of text.slice(0, sep).split('\n')) {
    if (!line.trim()) continue;
    const m = /^([a-z-]+):\s*(.*)$/.exec(line);
    if (!m) throw new SampleContentError(`${file}: bad header line "${line}"`);
    header.set(m[1], m[2].trim());
  }
  const rest = text.slice(sep + 5);
  const [bodyText, commentText = ''] = rest.split(/\n=== comments\n/);

  const blocks: SampleBlock[] = [];
  for (const raw of bodyText.split(/\n\s*\n/)) {
    const chunk = raw.replace(/\s*\n\s*/g, ' ').trim();
    if (!chunk) continue;
    if (chunk.startsWith('## ')) blocks.push({ kind: 'h2', text: chunk.slice(3) });
    else if (raw.trim().startsWith('- ')) {
      // A run of list items may sit in one chunk, one item per line.
      for (const item of raw.trim().split(/\n\s*- /)) blocks.push({ kind: 'li', text: item.replace(/^- /, '').replace(/\s*\n\s*/g, ' ').trim() });
    } else blocks.push({ kind: 'p', text: chunk });
  }

  const comments: SampleComment[] = commentText
    .split('\n')
    .filter((l) => l.trim())
    .map((line) => {
      const [author, date, ...words] = line.split(' | ');
      if (!author || !/^\d{4}-\d{2}-\d{2}$/.test(date ?? '') || !words.length) {
        throw new SampleContentError(`${file}: bad comment line "${line}"`);
      }
      return { author: author.trim(), date, text: words.join(' | ').trim() };
    });

  const need = (key: string): string => {
    const v = header.get(key);
    if (!v) throw new SampleContentError(`${file}: header "${key}" is required`);
    return v;
  };
  const date = need('date');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new SampleContentError(`${file}: date must be YYYY-MM-DD`);
  const topic = need('topic') as SampleTopic;
  if (!TOPICS.includes(topic)) throw new SampleContentError(`${file}: topic must be one of ${TOPICS.join(', ')}`);
  if (!blocks.length) throw new SampleContentError(`${file}: no body text`);

  return {
    slug,
    title: need('title'),
    date,
    time: header.get('time') ?? '09:00',
    updated: header.get('updated') ?? null,
    author: header.get('author') ?? null,
    contact: header.get('contact') ?? null,
    section: header.get('section') ?? 'news',
    topic,
    summary: header.get('summary') ?? blocks.find((b) => b.kind === 'p')!.text,
    teaser: header.has('teaser') ? Number(header.get('teaser')) : null,
    id: header.has('id') ? Number(header.get('id')) : null,
    tags: list(header.get('tags')),
    related: list(header.get('related')),
    syndicatedFrom: header.get('syndicated-from') ?? null,
    basedOn: header.get('based-on') ?? null,
    blocks,
    comments,
  };
}

/** All articles of one site, newest first (ties broken by slug so the order is stable). */
export function loadSampleArticles(siteDir: string): SampleArticle[] {
  const dir = join(siteDir, 'articles');
  const articles = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => parseSampleArticle(f.slice(0, -4), readFileSync(join(dir, f), 'utf8'), join(dir, f)));
  return articles.sort((a, b) => (b.date + b.time).localeCompare(a.date + a.time) || a.slug.localeCompare(b.slug));
}
