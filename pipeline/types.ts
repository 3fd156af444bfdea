// The typed records that flow one way through the stages:
// Capture (crawl) → Article (article) → Findings (analyse) → rows (load).
// Extraction stages are pure functions of these records plus reference data.

/** The DESIGN.md status vocabulary for `rollout_events.status`. */
export const ROLLOUT_STATUSES = [
  'planned',
  'live',
  'delayed',
  'paused',
  'resumed',
  'cancelled',
  'under_review',
  'provider_appointed',
  'provider_withdrawn',
] as const;
export type RolloutStatus = (typeof ROLLOUT_STATUSES)[number];

export const ENTITY_KINDS = ['region', 'provider', 'organisation', 'person', 'service'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** One HTTP response as the crawler saw it; kept raw in the archive. */
export interface Capture {
  /** The URL that was requested (after redirects: the final URL). */
  url: string;
  sourceId: string;
  /** ISO timestamp, taken by the crawler (the clock lives at the edge). */
  fetchedAt: string;
  status: number;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  /** Decoded HTML (charset from header, BOM or <meta>). */
  html: string;
  /** sha256 hex of the raw body bytes (of the rendered DOM, for a page rendered in a browser). */
  contentHash: string;
  /** The sitemap's `<lastmod>` for the page when it was fetched, if it gave one: the next run compares against it. */
  sitemapLastmod?: string | null;
  /**
   * Where the capture came from when it was not fetched live: the memento URL it was read from
   * in a web archive, or `FILE#record-id` of an imported WARC file. `fetchedAt` is then the
   * time the archive (or the tool that wrote the file) captured the page.
   */
  origin?: string | null;
}

/** Where the publication date came from, most trusted first. */
export type DateSource =
  | 'json-ld'
  | 'meta'
  | 'time'
  | 'microdata'
  | 'url'
  | 'text'
  | 'none';

/** HTML → article: the pure output of the article stage. */
export interface Article {
  /** Canonical URL (rel=canonical, else og:url, else the fetched URL). */
  url: string;
  title: string | null;
  /** Publication day, ISO `YYYY-MM-DD`, or null when the page gives none. */
  published: string | null;
  /** The date text as the page wrote it, before parsing. */
  publishedRaw: string | null;
  publishedSource: DateSource;
  /** Last-modified day when the page gives one separately, ISO `YYYY-MM-DD`. */
  updated: string | null;
  author: string | null;
  /** Body paragraphs in reading order (headings and list items included). */
  paragraphs: string[];
  /** `paragraphs.join('\n\n')`: character offsets of findings index into this. */
  body: string;
}

export interface Entity {
  kind: EntityKind;
  /** Canonical name (reference data where known). */
  name: string;
  /** As written in the text. */
  surface: string;
  /** ODS (or other) code, when the reference data knows one. */
  code: string | null;
  start: number;
  end: number;
}

export interface Quote {
  text: string;
  speaker: string | null;
  speakerRole: string | null;
  start: number;
  end: number;
}

export interface DateMention {
  surface: string;
  /** ISO at its own precision: `2013`, `2013-08`, `2013-08-31` (or `2013-Q3`, `2013/14` style ranges use rangeStart/End). */
  value: string;
  rangeStart: string;
  rangeEnd: string;
  start: number;
  end: number;
}

/** A counted fact such as "23 of 44 areas are not yet fully live". */
export interface NumericClaim {
  text: string;
  value: number;
  total: number | null;
  /** What is counted ("areas", "CCGs", "trusts"). */
  unit: string;
  service: string | null;
  start: number;
  end: number;
}

/**
 * When an event took effect and the days its target spans: filled by the analysis stage
 * (analyse/effective.ts) after events are found, so event finders need not know of them.
 */
export interface EventDates {
  /** When the status took effect, ISO at its precision: the date its sentence ties to it, else the report day. */
  effective: string | null;
  effectiveStart: string | null;
  effectiveEnd: string | null;
  /** First and last day `target` can mean (ISO days), so targets sort as dates. */
  targetStart: string | null;
  targetEnd: string | null;
}

export interface RolloutEvent extends Partial<EventDates> {
  service: string;
  /** Canonical region name; `England` for the national programme. */
  region: string;
  regionCode: string | null;
  provider: string | null;
  /** The provider's ODS code, when the reference data knows one (null when there is no provider or no code). */
  providerCode?: string | null;
  status: RolloutStatus;
  /** Target date, ISO at its precision, when one is given. */
  target: string | null;
  /** The sentence that states the event. */
  evidence: string;
  evidenceStart: number;
  evidenceEnd: number;
  confidence: number;
}

export interface Findings {
  entities: Entity[];
  quotes: Quote[];
  dates: DateMention[];
  claims: NumericClaim[];
  events: RolloutEvent[];
}

/** Per-source extraction settings (from the source declaration). */
export interface ArticleSelectors {
  title?: string;
  body?: string;
  published?: string;
  author?: string;
  /** Elements to drop before extraction (banners, teasers, related boxes). */
  remove?: string[];
}
