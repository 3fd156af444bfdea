// Publication date, htmldate-style: structured markup first (JSON-LD, meta,
// microdata, <time>), then the URL, then visible bylines and text. The original
// publication day wins over any "updated" or "modified" date, which is kept apart.
import type { CheerioAPI } from 'cheerio';
import type { DateSource } from '../types.ts';
import { findDates, parseDate, type DateOrder } from './date-parse.ts';
import { collapse, elements, isElement, textOf, type AnyNode, type Element } from './dom.ts';

export interface PublicationDate {
  published: string | null;
  publishedRaw: string | null;
  publishedSource: DateSource;
  updated: string | null;
}

interface Found {
  iso: string;
  raw: string;
  source: DateSource;
}

const PUBLISHED_META = [
  'article:published_time', 'og:published_time', 'og:article:published_time', 'article:published', 'published_time',
  'datepublished', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'publication_date', 'publication-date',
  'publicationdate', 'date.published', 'dc.date.issued', 'dcterms.issued', 'dc.date.created', 'dcterms.created',
  'dc.date', 'dcterms.date', 'citation_publication_date', 'citation_date', 'citation_online_date', 'sailthru.date',
  'parsely-pub-date', 'article.published', 'originalpublicationdate', 'original-publish-date', 'article_date_original',
  'cxenseparse:recs:publishtime', 'pub_date', 'date_published', 'published-date', 'release_date', 'og:pubdate',
  'article.created', 'created', 'creation_date', 'dc.created', 'date', 'datecreated', 'displaydate', 'sort_date',
  'twitter:data1:date', 'bt:pubdate', 'tncms-access-version', 'last_updated_date_original',
];
const UPDATED_META = [
  'article:modified_time', 'og:updated_time', 'og:modified_time', 'datemodified', 'dc.date.modified', 'dcterms.modified',
  'lastmod', 'last-modified', 'last_modified', 'modified', 'article.updated', 'updated_time', 'revised', 'lastmodified',
];
/** Keys from here on are generic (Dublin Core, citation, tracker and CMS names) rather than article:published_time and kin. */
const GENERIC_META_FROM = PUBLISHED_META.indexOf('dc.date.issued');
const PUBLISHED_RANK = new Map(PUBLISHED_META.map((k, i) => [k, i]));
const UPDATED_SET = new Set(UPDATED_META);

/** Words that mark a nearby date as a revision, in the supported languages. */
const UPDATE_WORDS = new RegExp(
  String.raw`(updated?|modified|last\s+changed|revised|edited|aktualisiert|geändert|zuletzt|mis à jour|modifié|actualizado|actualización|` +
    String.raw`modificado|aggiornat|bijgewerkt|gewijzigd|atualizado)\W{0,20}$`,
  'i',
);
// Class/id words of elements that print the date, strongest first (htmldate's order of XPath hints).
const DATE_HINTS = [
  /publi|pubdate|posted|erschienen|veröffentlicht|created|dateline/i,
  /date|datum|fecha|data(?!-)|time|zeit|heure/i,
  /byline|meta|info|author|autor|submitted|header/i,
];
const PUBLISH_LABEL = new RegExp(
  String.raw`(published|posted|date|dated|datum|vom|veröffentlicht|erschienen|publié|publicado|publicada|pubblicato|gepubliceerd|geplaatst|` +
    String.raw`fecha|data)\W{0,3}(on|am|le|el|il|op|em|:)?\W{0,3}$`,
  'i',
);
const COPYRIGHT = /(?:©|\(c\)|copyright)\W{0,12}$/i;

function attr(el: Element, name: string): string | undefined {
  return el.attribs[name];
}

function fromJsonLd($: CheerioAPI, order: DateOrder): { published: Found | null; updated: string | null } {
  let published: Found | null = null;
  let publishedRank = Infinity;
  let updated: string | null = null;
  const visit = (node: unknown, depth: number) => {
    if (depth > 8 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n, depth + 1);
      return;
    }
    const obj = node as Record<string, unknown>;
    const type = String(obj['@type'] ?? '');
    // Articles first; a WebPage or Organization date is weaker evidence of the story's day.
    const rank = /Article|Posting|Report|Review|Blog|Story/i.test(type) ? 0 : /WebPage|CreativeWork|Event|VideoObject|Recipe/i.test(type) ? 1 : 2;
    for (const key of ['datePublished', 'dateCreated', 'uploadDate']) {
      const v = obj[key];
      if (typeof v === 'string') {
        const p = parseDate(v, order);
        const r = rank * 3 + (key === 'datePublished' ? 0 : 1);
        if (p && r < publishedRank) {
          published = { iso: p.iso, raw: v, source: 'json-ld' };
          publishedRank = r;
        }
      }
    }
    if (typeof obj.dateModified === 'string' && updated === null) updated = parseDate(obj.dateModified, order)?.iso ?? null;
    for (const [k, v] of Object.entries(obj)) if (k !== '@context' && typeof v === 'object') visit(v, depth + 1);
  };
  $('script[type="application/ld+json"]').each((_, el) => {
    const raw = $(el).text().trim();
    try {
      visit(JSON.parse(raw), 0);
    } catch {
      // Broken JSON-LD is common (trailing commas, comments): read the keys with a pattern instead.
      const m = /"datePublished"\s*:\s*"([^"]+)"/.exec(raw);
      const p = m ? parseDate(m[1], order) : null;
      if (p && publishedRank > 6) {
        published = { iso: p.iso, raw: m![1], source: 'json-ld' };
        publishedRank = 6;
      }
      const u = /"dateModified"\s*:\s*"([^"]+)"/.exec(raw);
      if (u && updated === null) updated = parseDate(u[1], order)?.iso ?? null;
    }
  });
  return { published, updated };
}

function fromMeta(metas: Element[], order: DateOrder): { published: Found | null; updated: string | null; key: string | null } {
  let published: Found | null = null;
  let bestKey: string | null = null;
  let best = Infinity;
  let updated: string | null = null;
  for (const el of metas) {
    const key = (attr(el, 'property') ?? attr(el, 'name') ?? attr(el, 'itemprop') ?? attr(el, 'http-equiv') ?? '').toLowerCase().trim();
    const content = attr(el, 'content');
    if (!key || !content) continue;
    const rank = PUBLISHED_RANK.get(key);
    if (rank !== undefined && rank < best) {
      const p = parseDate(content, order);
      if (p) {
        published = { iso: p.iso, raw: content, source: 'meta' };
        best = rank;
        bestKey = key;
      }
    } else if (UPDATED_SET.has(key) || /modif|updat|revis/.test(key)) {
      updated ??= parseDate(content, order)?.iso ?? null;
    } else if (best === Infinity && /publi|pub_?date|creat|upload|release|(?:^|[^a-z])date(?:$|[^a-z])/.test(key) && !/expir|valid|end|start|birth/.test(key)) {
      // A site's own name for the publication date ("xyz:created_at"), weaker than any known key.
      const p = parseDate(content, order);
      if (p && !published) published = { iso: p.iso, raw: content, source: 'meta' };
    }
  }
  return { published, updated, key: bestKey };
}

/** An element's date value: machine-readable attribute first, else its text. */
function elementDate(el: Element, order: DateOrder): Found | null {
  for (const a of ['datetime', 'content', 'title', 'data-date', 'data-datetime']) {
    const v = attr(el, a);
    if (v) {
      const p = parseDate(v, order);
      if (p) return { iso: p.iso, raw: v, source: 'time' };
    }
  }
  const text = textOf(el);
  if (text.length > 200) return null;
  const p = parseDate(text, order);
  return p ? { iso: p.iso, raw: p.raw, source: 'time' } : null;
}

function hint(el: Element): string {
  return `${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''} ${attr(el, 'itemprop') ?? ''}`;
}

/** The text just before an element, to see whether it is labelled "Updated" or "©". */
function labelBefore(el: Element): string {
  const prev = el.prev;
  if (prev && prev.type === 'text') return collapse((prev as unknown as { data: string }).data).slice(-40);
  return '';
}

const URL_DATE = /\/((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)/;

function fromUrl(url: string): Found | null {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // Not a URL (a file path, say): search the string as given.
  }
  const m = URL_DATE.exec(path);
  if (!m) return null;
  return { iso: `${m[1]}-${m[2]}-${m[3]}`, raw: m[0].replace(/^\/|\/$/g, ''), source: 'url' };
}

/**
 * @param html the page source, searched last for full dates in links and
 *   attributes (an image path such as /files/2016/05/04/ often dates the page).
 */
export function extractPublicationDate($: CheerioAPI, url: string, order: DateOrder, html = ''): PublicationDate {
  const root = $.root()[0];
  const page = dateElements(root);
  const ld = fromJsonLd($, order);
  const meta = fromMeta(page.metas, order);
  let updated = ld.updated ?? meta.updated;

  const printed = shownDay(page.shown, order);
  let found: Found | null = pickStructured(ld.published, meta.published, printed);
  found ??= fromMicrodata(page.microdata, order);
  if (!found) {
    const time = fromTimeElements(page.times, order);
    updated ??= time.revised;
    found = time.published;
  }
  if (found && found.source !== 'time') found = preferPrintedDay(found, printed, ld.published, meta);
  found ??= fromUrl(url);
  found ??= fromDescription(page.metas, order);
  if (!found) found = fromVisibleText(page.hinted, root as unknown as Element, order);
  if (!found) found = fromSource(html);

  return {
    published: found?.iso ?? null,
    publishedRaw: found?.raw ?? null,
    publishedSource: found?.source ?? 'none',
    updated: updated && updated !== found?.iso ? updated : null,
  };
}

/** The elements a date can be read from, sorted in one walk of the page. */
interface DateElements {
  metas: Element[];
  microdata: Element[];
  times: Element[];
  /** <time> and microdata date elements in page order, for the date readers were shown. */
  shown: Element[];
  /** Elements whose class/id hints at a printed date, by DATE_HINTS tier. */
  hinted: Element[][];
}

function dateElements(root: AnyNode): DateElements {
  const page: DateElements = { metas: [], microdata: [], times: [], shown: [], hinted: DATE_HINTS.map(() => []) };
  for (const el of elements(root)) {
    const name = el.name;
    if (name === 'script' || name === 'style') continue;
    if (name === 'meta') {
      page.metas.push(el);
      continue;
    }
    const prop = attr(el, 'itemprop');
    if (prop && /^date(published|created)$/i.test(prop)) {
      page.microdata.push(el);
      page.shown.push(el);
    } else if (name === 'time' || name === 'abbr') {
      page.times.push(el);
      page.shown.push(el);
    }
    else if (el.children.length > 0 && el.children.length < 20) {
      const h = hint(el);
      if (h.length > 2) {
        const tier = DATE_HINTS.findIndex((re) => re.test(h));
        if (tier >= 0) page.hinted[tier].push(el);
      }
    }
  }
  return page;
}

/** The first itemprop datePublished/dateCreated element that holds a date. */
function fromMicrodata(microdata: Element[], order: DateOrder): Found | null {
  for (const el of microdata) {
    const d = elementDate(el, order);
    if (d) return { ...d, source: 'microdata' };
  }
  return null;
}

/**
 * <time>: an explicit publication marker first, else the first outside furniture; revision
 * stamps seen on the way are not publication dates (the first is `revised`).
 */
function fromTimeElements(times: Element[], order: DateOrder): { published: Found | null; revised: string | null } {
  let first: Found | null = null;
  let revised: string | null = null;
  for (const el of times) {
    const h = hint(el);
    const d = elementDate(el, order);
    if (!d || inFurniture(el)) continue; // a sidebar's or comment's <time> dates another text
    if (/updat|modif|revis|aktualis/i.test(h) || UPDATE_WORDS.test(labelBefore(el))) {
      revised ??= d.iso;
      continue;
    }
    if ('pubdate' in el.attribs || /publish|pubdate|posted|entry-date|created/i.test(h)) return { published: d, revised };
    first ??= d;
  }
  return { published: first, revised };
}

/** A structured (non-<time>) date overruled by the day the page prints, where the structured one is known to drift. */
function preferPrintedDay(found: Found, printed: Found | null, ldPublished: Found | null, meta: ReturnType<typeof fromMeta>): Found {
  if (!printed) return found;
  // A timestamp's day depends on the zone it is written in (UTC stamps near midnight fall on the
  // next or previous day), and CMSs often cut a bare day from such a stamp; the day printed on
  // the page is the local publication day readers saw.
  if (daysApart(printed.iso, found.iso) === 1) return printed;
  // Dublin Core and generic "date" metas often carry a filing or indexing day; the page's printed day wins.
  if (found === meta.published && !ldPublished && (PUBLISHED_RANK.get(meta.key ?? '') ?? Infinity) >= GENERIC_META_FROM) return printed;
  return found;
}

/** JSON-LD and head meta disagreeing: the day the page prints settles it, else the head meta. */
function pickStructured(ld: Found | null, meta: Found | null, shown: Found | null): Found | null {
  if (!ld || !meta || ld.iso === meta.iso) return ld ?? meta;
  if (shown?.iso === ld.iso) return ld;
  if (shown?.iso === meta.iso) return meta;
  // Head meta is the page's own declaration; JSON-LD is often a plugin's copy, converted or stale.
  return meta;
}

function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

/** The first publication day printed as text in a <time> or microdata element outside furniture. */
function shownDay(shown: Element[], order: DateOrder): Found | null {
  for (const el of shown) {
    if (inFurniture(el) || /updat|modif|revis|aktualis/i.test(hint(el)) || UPDATE_WORDS.test(labelBefore(el))) continue;
    const text = textOf(el);
    if (text.length === 0 || text.length > 200) continue;
    const p = parseDate(text, order);
    if (p) return { iso: p.iso, raw: p.raw, source: 'time' };
  }
  return null;
}

// "Meldung vom 18.10.2021", "Notizia del 14 gennaio 2020", "published on 3 May 2019".
const DESCRIPTION_LABEL = /(published|posted|dated|vom|veröffentlicht|erschienen|publié|publicado|pubblicato|del|du)\W{0,3}(on|am|le|el|il|:)?\W{0,3}$/i;

/** A labelled date in the page's own summary (description meta): sites that print no byline often state it there. */
function fromDescription(metas: Element[], order: DateOrder): Found | null {
  for (const el of metas) {
    const key = (attr(el, 'name') ?? attr(el, 'property') ?? '').toLowerCase();
    if (key !== 'description' && key !== 'og:description') continue;
    const text = attr(el, 'content') ?? '';
    for (const d of findDates(text, order, 5)) {
      if (DESCRIPTION_LABEL.test(text.slice(Math.max(0, d.index - 30), d.index))) return { iso: d.iso, raw: d.raw, source: 'meta' };
    }
  }
  return null;
}

const SOURCE_DATE = /(?<![\d.])((?:19|20)\d{2})([-/_]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?![\d])/g;

/** Last resort: the most frequent full date written anywhere in the source (links, attributes, scripts). */
function fromSource(html: string): Found | null {
  const counts = new Map<string, { n: number; raw: string }>();
  let scanned = 0;
  for (const m of html.matchAll(SOURCE_DATE)) {
    // Compact 8-digit runs are often ids or phone numbers; only trust them inside a path.
    if (m[2] === '' && html[(m.index ?? 0) - 1] !== '/') continue;
    const iso = `${m[1]}-${m[3]}-${m[4]}`;
    const c = counts.get(iso);
    if (c) c.n++;
    else counts.set(iso, { n: 1, raw: m[0] });
    if (++scanned > 2000) break;
  }
  let best: Found | null = null;
  let bestN = 0;
  for (const [iso, { n, raw }] of counts) {
    if (n > bestN) {
      best = { iso, raw, source: 'text' };
      bestN = n;
    }
  }
  return best;
}

/** Bylines and date lines: dates in date-ish elements first, then anywhere in the page text. */
function fromVisibleText(hinted: Element[][], root: Element, order: DateOrder): Found | null {
  // A date labelled "updated"/"Stand" is kept as a last resort: better than a random date from the body.
  let revision: Found | null = null;
  for (const tier of hinted) {
    for (const el of tier) {
      if (/updat|modif|aktualis|join|birth|expir|deadline/i.test(hint(el)) || inFurniture(el)) continue;
      const text = textOf(el);
      if (text.length === 0 || text.length > 250) continue;
      const { found, revision: updated } = firstUnlabelledDate(text, findDates(text, order, 5));
      if (found) return found;
      revision ??= updated;
      const title = attr(el, 'title');
      const p = title ? parseDate(title, order) : null;
      if (p) return { iso: p.iso, raw: title as string, source: 'text' };
    }
  }
  if (revision) return revision;
  // Story text first; the whole page (footers, sidebars) only when the story has no date at all.
  const page = bodyText(root, false);
  return datesInText(bodyText(root, true), order) ?? datesInText(page, order) ?? stampedCopyright(page, order);
}

/** "© 19.12.2019 - 12:14": a copyright line with a full day is the page's own time stamp, a last resort. */
function stampedCopyright(text: string, order: DateOrder): Found | null {
  for (const d of findDates(text, order, 30)) {
    if (COPYRIGHT.test(text.slice(Math.max(0, d.index - 40), d.index))) return { iso: d.iso, raw: d.raw, source: 'text' };
  }
  return null;
}

function datesInText(text: string, order: DateOrder): Found | null {
  const dates = findDates(text, order, 30);
  // A date with a publication label in front of it wins over the first date on the page.
  for (const d of dates) {
    const label = text.slice(Math.max(0, d.index - 30), d.index);
    // "Updated:" ends in "dated:", so the revision check comes first.
    if (PUBLISH_LABEL.test(label) && !UPDATE_WORDS.test(label)) return { iso: d.iso, raw: d.raw, source: 'text' };
  }
  const { found, revision } = firstUnlabelledDate(text, dates);
  return found ?? revision;
}

/**
 * The first date not in a copyright line nor labelled as an update; the first
 * "updated" date is kept aside as a last resort.
 */
function firstUnlabelledDate(text: string, dates: ReturnType<typeof findDates>): { found: Found | null; revision: Found | null } {
  let revision: Found | null = null;
  for (const d of dates) {
    const before = text.slice(Math.max(0, d.index - 40), d.index);
    if (COPYRIGHT.test(before)) continue;
    if (UPDATE_WORDS.test(before)) {
      revision ??= { iso: d.iso, raw: d.raw, source: 'text' };
      continue;
    }
    return { found: { iso: d.iso, raw: d.raw, source: 'text' }, revision };
  }
  return { found: null, revision };
}

// Dates in comment threads, teasers, sidebars and archives belong to other stories.
const FURNITURE = /comment|teaser|related|recommend|popular|trending|kommentar|repl(?:y|ies)|sidebar|widget/i;
const FURNITURE_TAGS = new Set(['aside', 'nav', 'footer', 'select', 'option']);
const COMMENT_HINT = /comment|kommentar|repl(?:y|ies)/i;
/** Page-level wrappers often carry layout classes ("has-sidebar"); they are never furniture. */
const WRAPPERS = new Set(['html', 'body', 'main', 'article']);

function isFurniture(el: Element): boolean {
  return FURNITURE_TAGS.has(el.name) || (!WRAPPERS.has(el.name) && FURNITURE.test(hint(el)));
}

function inFurniture(el: Element): boolean {
  for (let n = el.parent; n && isElement(n); n = n.parent) if (isFurniture(n)) return true;
  return false;
}

/** Elements whose text is not the page's: the head, scripts and styles, comment threads, and furniture when asked. */
function isOutsideText(el: Element, skipFurniture: boolean): boolean {
  const name = el.name;
  return (
    name === 'head' ||
    name === 'script' ||
    name === 'style' ||
    (!WRAPPERS.has(name) && COMMENT_HINT.test(hint(el))) ||
    (skipFurniture && FURNITURE_TAGS.has(name))
  );
}

/** Page text, optionally without furniture (asides, footers, comment threads). */
function bodyText(root: Element, skipFurniture: boolean): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [root];
  let length = 0;
  // A publication date sits near the top of the page: the first 50,000 characters are plenty.
  while (stack.length > 0 && length < 50_000) {
    const n = stack.pop() as AnyNode;
    if (n.type === 'text') {
      const data = (n as unknown as { data: string }).data;
      parts.push(data);
      // Count what a reader sees: indentation can make up most of a template's source text.
      length += collapse(data).length;
    }
    else if (isElement(n) || n.type === 'root') {
      if (isElement(n) && isOutsideText(n, skipFurniture)) continue;
      const children = (n as Element).children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  return collapse(parts.join(' '));
}
