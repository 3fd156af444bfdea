// Generic main-text extraction: readability-style candidate scoring (text
// length, commas, link density, class/id hints) over a pruned tree, then
// paragraph-level boilerplate filtering inside the chosen container.
import { collapse, isElement, isText, textOf, type AnyNode, type Element } from './dom.ts';

/** Elements that never hold article text. */
const DROP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'canvas', 'button', 'input', 'select',
  'textarea', 'option', 'nav', 'aside', 'footer', 'figcaption', 'object', 'embed', 'video', 'audio',
  'map', 'head', 'link', 'meta', 'dialog', 'menu', 'title', 'math',
]);

/** Elements that start a new paragraph; everything else is inline. */
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li',
  'dl', 'dt', 'dd', 'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'form',
  'fieldset', 'address', 'figure', 'hr', 'br', 'center', 'details', 'summary', 'caption', 'body', 'html',
]);

const HEADING = /^h[1-6]$/;

// Class/id words of page furniture, matched at the start of a word (so
// "related-links" and "relatedStories" hit, "unrelated" does not). Several languages.
const UNLIKELY = new RegExp(
  '(?:^|[^a-z])(?:' +
    [
      'ad-', 'ads?(?:$|[^a-z])', 'adv', 'advert', 'anzeige', 'banner', 'breadcrumb', 'combx', 'comment', 'kommentar',
      'commentaire', 'comentario', 'community', 'cookie', 'consent', 'gdpr', 'disqus', 'footer', 'masthead',
      'menu', 'nav(?:$|[^a-z])', 'navbar', 'navigation', 'related', 'recommend', 'remark', 'replies', 'rss',
      'shoutbox', 'sidebar', 'skyscraper', 'social', 'share', 'sharing', 'sponsor', 'supplemental', 'pagination',
      'pager', 'popup', 'modal', 'newsletter', 'subscri', 'signup', 'promo', 'outbrain', 'taboola', 'tags?(?:$|[^a-z])',
      'tagcloud', 'widget', 'toolbar', 'login', 'teaser', 'more-stories', 'most-popular', 'mostpopular',
      'trending', 'author-bio', 'jump', 'skip', 'print(?:$|[^a-z])', 'hidden', 'offscreen', 'visually-hidden',
      'sr-only', 'screen-reader', 'caption', 'credit', 'byline', 'dateline', 'timestamp', 'meta(?:$|[^a-z])',
      'post-meta', 'entry-meta', 'article-meta', 'rating', 'vote', 'follow', 'donate', 'paywall', 'overlay',
      'alert', 'notification', 'lightbox', 'gallery-nav', 'copyright', 'legal', 'disclaimer', 'header(?:$|[^a-z])',
      'site-header', 'topbar', 'wp-caption-text',
    ].join('|') +
    ')',
  'i',
);
// Furniture words that win over MAYBE ("article-byline", "post-share"), unless the element holds most of the page's text.
const STRONG_UNLIKELY = new RegExp(
  '(?:^|[^a-z])(?:comment|kommentar|share|sharing|social|related|cookie|consent|newsletter|byline|dateline|timestamp|caption|credit|' +
    'promo|sponsor|outbrain|taboola|ad-|ads(?:$|[^a-z])|author|meta(?:$|[^a-z])|tags?(?:$|[^a-z])|recommend|more-|read-more|breadcrumb|' +
    'toolbar|subscri|signup)',
  'i',
);
// Reader comments can outweigh a short post, so no size guard protects them.
const COMMENTS = /(?:^|[^a-z])(?:comment|kommentar|commentaire|comentario|disqus|replies|respond)/i;
const MAYBE = /article|body|content|main|entry|post|story|text|column|shadow|blog/i;
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|artikel|inhalt|contenu|contenido|testo|texto|tekst/i;
const NEGATIVE = new RegExp(
  'hidden|banner|combx|comment|com-|contact|foot|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|' +
    'skyscraper|sponsor|shopping|tags|tool|widget|teaser|social|caption|byline|author|newsletter|cookie',
  'i',
);
const UNLIKELY_ROLES = new Set(['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog', 'banner', 'contentinfo', 'search']);

interface Stats {
  text: number;
  link: number;
  commas: number;
}

interface Ctx {
  removed: Set<Element>;
  stats: Map<Element, Stats>;
  strict: boolean;
  teasers: Map<Element, boolean>;
}

function hint(el: Element): string {
  const a = el.attribs;
  // camelCase names ("newsCaption", "NewsletterModule") split so word-start patterns see their parts.
  return `${a.class ?? ''} ${a.id ?? ''}`.replace(/([a-z])([A-Z])/g, '$1 $2');
}

function isHidden(el: Element): boolean {
  const a = el.attribs;
  if ('hidden' in a) return true;
  if (a['aria-hidden'] === 'true' && el.name !== 'html' && el.name !== 'body') return true;
  const style = a.style;
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Marks the subtrees to skip; strict mode also drops elements whose class/id says furniture. */
function prune(root: Element, strict: boolean, whole: Map<Element, Stats>): Set<Element> {
  const removed = new Set<Element>();
  const pageText = whole.get(root)?.text ?? 0;
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (!isElement(node)) continue;
    const name = node.name;
    let drop =
      DROP_TAGS.has(name) ||
      isHidden(node) ||
      (name !== 'body' && name !== 'html' && COMMENTS.test(hint(node)) && !/comment-?s?-?(?:body|content|text)/i.test(hint(node)));
    if (!drop && strict && name !== 'body' && name !== 'html' && name !== 'a' && name !== 'article' && name !== 'main') {
      const h = hint(node);
      if (h.length > 1 && UNLIKELY.test(h)) {
        if (!MAYBE.test(h)) drop = true;
        else if (COMMENTS.test(h)) drop = true;
        else if (STRONG_UNLIKELY.test(h) && (whole.get(node)?.text ?? 0) < pageText * 0.5) drop = true;
      }
      const role = node.attribs.role;
      if (role && UNLIKELY_ROLES.has(role)) drop = true;
    }
    if (drop) {
      removed.add(node);
      continue;
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return removed;
}

const COMMAS = /[,，、،]/g;

/** Text, link-text and comma counts for every kept element, in one post-order pass. */
function measure(root: Element, removed: Set<Element>): Map<Element, Stats> {
  const stats = new Map<Element, Stats>();
  const order: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    order.push(el);
    for (const c of el.children) if (isElement(c) && !removed.has(c)) stack.push(c);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i];
    const s: Stats = { text: 0, link: 0, commas: 0 };
    for (const c of el.children) {
      if (isText(c)) {
        const t = c.data.trim();
        if (t) {
          s.text += t.length;
          s.commas += t.match(COMMAS)?.length ?? 0;
        }
      } else if (isElement(c)) {
        const cs = stats.get(c);
        if (!cs) continue;
        s.text += cs.text;
        s.commas += cs.commas;
        s.link += c.name === 'a' ? cs.text : cs.link;
      }
    }
    stats.set(el, s);
  }
  return stats;
}

function linkDensity(ctx: Ctx, el: Element): number {
  const s = ctx.stats.get(el);
  return !s || s.text === 0 ? 0 : s.link / s.text;
}

function classWeight(el: Element): number {
  const h = hint(el);
  if (h.length < 2) return 0;
  let w = 0;
  if (NEGATIVE.test(h)) w -= 25;
  if (POSITIVE.test(h)) w += 25;
  return w;
}

function baseScore(el: Element): number {
  switch (el.name) {
    case 'div':
    case 'article':
    case 'main':
    case 'section':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3;
    case 'th':
      return -5;
    default:
      return HEADING.test(el.name) ? -5 : 0;
  }
}

function hasBlockChild(el: Element, removed: Set<Element>): boolean {
  for (const c of el.children) if (isElement(c) && !removed.has(c) && BLOCK_TAGS.has(c.name) && c.name !== 'br') return true;
  return false;
}

/** Picks the element most likely to hold the article and the siblings that continue it. */
function pickContent(root: Element, ctx: Ctx): Element[] {
  const { scores, candidates } = scoreCandidates(root, ctx);
  const best = bestCandidate(candidates, scores, ctx);
  if (!best || best.top.name === 'body' || best.top.name === 'html') return [root];
  const top = enclosingWrapper(sharedAncestor(best.top, best.topScore, candidates, scores), scores, ctx);
  return withContinuingSiblings(top, scores, ctx);
}

/**
 * Readability's paragraph scoring: every paragraph-like unit of 25+ characters credits its
 * parent and up to four more ancestors (less the further up). The candidates are the credited
 * elements, in the order first credited.
 */
function scoreCandidates(root: Element, ctx: Ctx): { scores: Map<Element, number>; candidates: Element[] } {
  const scores = new Map<Element, number>();
  const candidates: Element[] = [];
  const init = (el: Element) => {
    if (!scores.has(el)) {
      scores.set(el, baseScore(el) + (ctx.strict ? classWeight(el) : 0));
      candidates.push(el);
    }
  };
  const credit = (from: Element | null, s: Stats): void => {
    const score = 1 + s.commas + Math.min(Math.floor(s.text / 100), 3);
    let anc = from;
    for (let level = 0; anc && isElement(anc) && level < 5; level++) {
      init(anc);
      const div = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(anc, (scores.get(anc) ?? 0) + score / div);
      anc = anc.parent as Element | null;
    }
  };
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    const name = el.name;
    const isUnit =
      name === 'p' || name === 'pre' || name === 'td' || name === 'blockquote' ||
      ((name === 'div' || name === 'section' || name === 'article') && !hasBlockChild(el, ctx.removed));
    if (isUnit) {
      const s = ctx.stats.get(el);
      if (s && s.text >= 25) credit(el.parent as Element | null, s);
      if (name !== 'div' && name !== 'section' && name !== 'article') continue;
    } else if (name !== 'body' && name !== 'html') {
      // Text written straight into a wrapper (between <br>s or empty divs) is a paragraph too.
      if (name === 'div' || name === 'section' || name === 'article' || name === 'td' || name === 'center' || name === 'font' || name === 'span') {
        const loose = looseText(el, ctx);
        if (loose.text >= 25 && loose.link < loose.text / 2) credit(el, loose);
      }
    }
    for (const c of el.children) if (isElement(c) && !ctx.removed.has(c)) stack.push(c);
  }
  return { scores, candidates };
}

/** Scores scaled by how little of each candidate is link text (written back into `scores`), and the highest. */
function bestCandidate(candidates: Element[], scores: Map<Element, number>, ctx: Ctx): { top: Element; topScore: number } | null {
  let top: Element | null = null;
  let topScore = -Infinity;
  for (const el of candidates) {
    const final = (scores.get(el) ?? 0) * (1 - linkDensity(ctx, el));
    scores.set(el, final);
    if (final > topScore) {
      topScore = final;
      top = el;
    }
  }
  return top ? { top, topScore } : null;
}

/** Readability's observation: when several strong candidates share an ancestor, the article is that ancestor. */
function sharedAncestor(top: Element, topScore: number, candidates: Element[], scores: Map<Element, number>): Element {
  const ranked = candidates
    .filter((c) => c !== top)
    .sort((a, b) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0))
    .slice(0, 5)
    .filter((c) => (scores.get(c) ?? 0) / topScore >= 0.75);
  if (ranked.length < 3) return top;
  let parent = top.parent as Element | null;
  while (parent && isElement(parent) && parent.name !== 'body') {
    const holds = ranked.filter((c) => contains(parent as Element, c)).length;
    if (holds >= 3) return parent;
    parent = parent.parent as Element | null;
  }
  return top;
}

/** The outermost wrapper of the text: parents that score comparably, then parents with no other child. */
function enclosingWrapper(top: Element, scores: Map<Element, number>, ctx: Ctx): Element {
  // Climb while the parent scores comparably (the text is split over nested wrappers).
  let last = scores.get(top) ?? 0;
  let parent = top.parent as Element | null;
  while (parent && isElement(parent) && parent.name !== 'body' && parent.name !== 'html') {
    const ps = scores.get(parent);
    if (ps === undefined) {
      parent = parent.parent as Element | null;
      continue;
    }
    if (ps < last / 3) break;
    if (ps > last) {
      top = parent;
      break;
    }
    last = ps;
    parent = parent.parent as Element | null;
  }
  while (top.parent && isElement(top.parent) && top.parent.name !== 'body' && elementChildren(top.parent, ctx.removed).length === 1) {
    top = top.parent;
  }
  return top;
}

/** The chosen element and those of its siblings that continue the article (scored close to it, or plain prose paragraphs). */
function withContinuingSiblings(top: Element, scores: Map<Element, number>, ctx: Ctx): Element[] {
  const picked: Element[] = [];
  const finalTop = scores.get(top) ?? 0;
  const threshold = Math.max(10, finalTop * 0.2);
  const parentEl = top.parent;
  if (!parentEl || !isElement(parentEl)) return [top];
  for (const sib of elementChildren(parentEl, ctx.removed)) {
    if (sib === top) {
      picked.push(sib);
      continue;
    }
    let bonus = 0;
    if (sib.attribs.class && sib.attribs.class === top.attribs.class) bonus = finalTop * 0.2;
    const ss = scores.get(sib);
    if (ss !== undefined && ss + bonus >= threshold) picked.push(sib);
    else if (sib.name === 'p') {
      const s = ctx.stats.get(sib);
      const ld = linkDensity(ctx, sib);
      if (s && ((s.text > 80 && ld < 0.25) || (s.text > 0 && s.text <= 80 && ld === 0 && /[.!?。]\s*$/.test(textOf(sib))))) picked.push(sib);
    }
  }
  return picked;
}

/** Text and inline elements directly inside a block, as one pseudo-paragraph. */
function looseText(el: Element, ctx: Ctx): Stats {
  const s: Stats = { text: 0, link: 0, commas: 0 };
  for (const c of el.children) {
    if (isText(c)) {
      const t = c.data.trim();
      s.text += t.length;
      s.commas += t.match(COMMAS)?.length ?? 0;
    } else if (isElement(c) && !ctx.removed.has(c) && !BLOCK_TAGS.has(c.name)) {
      const cs = ctx.stats.get(c);
      if (cs) {
        s.text += cs.text;
        s.commas += cs.commas;
        s.link += c.name === 'a' ? cs.text : cs.link;
      }
    }
  }
  return s;
}

function elementChildren(el: Element, removed: Set<Element>): Element[] {
  return el.children.filter((c): c is Element => isElement(c) && !removed.has(c));
}

function contains(ancestor: Element, node: Element): boolean {
  for (let n: AnyNode | null = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}


/** A paragraph that is almost all link text is a pointer to another page. */
const P_LINK_MAX = 0.8;
/** Whether a container inside the article is furniture (link lists, teasers, share bars). */
function isBoilerplateBlock(el: Element, ctx: Ctx): boolean {
  const s = ctx.stats.get(el);
  if (!s || s.text === 0) return false;
  const ld = s.link / s.text;
  const name = el.name;
  if (name === 'p' || HEADING.test(name)) return ld > P_LINK_MAX && s.text < 200;
  if (name === 'li') return false; // judged with its list
  if (s.commas >= 10 && ld < 0.5) return false;
  const weight = ctx.strict ? classWeight(el) : 0;
  if (name === 'ul' || name === 'ol') return ld > 0.5 || (weight < 0 && ld > 0.2);
  if (name === 'div' || name === 'section' || name === 'table' || name === 'form' || name === 'dl' || name === 'header') {
    if (weight < 0 && ld > 0.2) return true;
    if (ld > 0.5 && s.text < 1000) return true;
  }
  return false;
}

/** A card linking to another story: a short block whose heading is a link. */
function isTeaser(el: Element, ctx: Ctx): boolean {
  let known = ctx.teasers.get(el);
  if (known === undefined) {
    known = looksLikeTeaser(el, ctx);
    ctx.teasers.set(el, known);
  }
  return known;
}

function looksLikeTeaser(el: Element, ctx: Ctx): boolean {
  const s = ctx.stats.get(el);
  if (!s || s.text > 400) return false;
  const stack: AnyNode[] = [...el.children];
  // A card is small: give up after a few hundred nodes rather than walk a deep subtree for every block.
  for (let visited = 0; stack.length > 0 && visited < 300; visited++) {
    const n = stack.pop() as AnyNode;
    if (!isElement(n) || ctx.removed.has(n)) continue;
    if (HEADING.test(n.name)) {
      const hs = ctx.stats.get(n);
      if (hs && hs.text > 0 && (hs.link / hs.text > 0.8 || n.parent && isElement(n.parent) && n.parent.name === 'a')) return true;
    } else if (n.name === 'a') {
      for (const c of n.children) if (isElement(c) && HEADING.test(c.name)) return true;
    }
    stack.push(...n.children);
  }
  return false;
}

/** Cards come in runs; a lone linked heading is more often the article's own title. */
function hasTeaserSibling(el: Element, ctx: Ctx): boolean {
  const parent = el.parent;
  if (!parent || !isElement(parent)) return false;
  for (const sib of parent.children) if (sib !== el && isElement(sib) && !ctx.removed.has(sib) && BLOCK_TAGS.has(sib.name) && isTeaser(sib, ctx)) return true;
  return false;
}

/** Emits the text of the chosen nodes as paragraphs in reading order. */
function paragraphsOf(nodes: Element[], ctx: Ctx): string[] {
  const roots = new Set(nodes);
  const out: string[] = [];
  let buf: string[] = [];
  const flush = () => {
    const t = collapse(buf.join(''));
    buf = [];
    if (t) out.push(t);
  };
  // Iterative walk: malformed pages can nest tens of thousands of levels deep.
  type Step = { node: AnyNode; close?: Element };
  const stack: Step[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push({ node: nodes[i] });
  while (stack.length > 0) {
    const step = stack.pop() as Step;
    if (step.close) {
      if (BLOCK_TAGS.has(step.close.name)) flush();
      else buf.push(' ');
      continue;
    }
    const node = step.node;
    if (isText(node)) {
      buf.push(node.data);
      continue;
    }
    if (!isElement(node) || ctx.removed.has(node)) continue;
    const name = node.name;
    if (name === 'br' || name === 'hr') {
      flush();
      continue;
    }
    const block = BLOCK_TAGS.has(name);
    if (block && isBoilerplateBlock(node, ctx)) continue;
    if (name === 'img' || name === 'picture' || name === 'h1') continue;
    if (block && name !== 'p' && !roots.has(node) && isTeaser(node, ctx) && hasTeaserSibling(node, ctx)) continue;
    if (block) flush();
    else buf.push(' ');
    stack.push({ node, close: node });
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i] });
  }
  flush();
  return out;
}

/** Short lines that are page furniture in any article (share prompts, ad labels). */
const FURNITURE_LINE = new RegExp(
  String.raw`^(advertisement|anzeige|publicité|publicidad|pubblicità|advertentie|sponsored|share( this( article| story)?)?|tweet|email|print|` +
    String.raw`read more|continue reading|related( articles| stories)?|weiterlesen|lire la suite|leer más|click here|skip to (main )?content|` +
    String.raw`photo|image|getty images|loading\.*|comments?|\d+ comments?)[.:!…]*$`,
  'i',
);

/** A line that is only a date or time, as bylines and datelines print them. */
const DATE_ONLY = new RegExp(
  // An optional label and weekday, then the date (numeric, or month name first), then an optional time and zone.
  String.raw`^(?:(?:published|updated|posted|on|am|le|el|il|op)\b[:\s]*)?(?:[\p{L}.]+,?\s+)?` +
    String.raw`(?:\d{1,4}[./\-\s]+(?:\d{1,2}|\p{L}+\.?)[./\-\s,]+\d{2,4}|\p{L}+\.?\s+\d{1,2},?\s+\d{4})` +
    String.raw`(?:[\s,|at-]+\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?$`,
  'iu',
);
/** "Author:", "Publish date:": field labels whose value sits in the next element. */
const FIELD_LABEL = /^[\p{L} ]{2,24}:$/u;
/** "Jo Bloggs said:": a short line that introduces the quote in the next paragraph is story text, not a label. */
const SPEECH_INTRO = /\b(?:said|says|added|adds|explained|commented|continued|wrote|writes|stated|states|told|tweeted)\s*:$/i;

function tidy(paragraphs: string[]): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    if (FURNITURE_LINE.test(p) || DATE_ONLY.test(p) || (FIELD_LABEL.test(p) && !SPEECH_INTRO.test(p))) continue;
    if (out.length > 0 && out[out.length - 1] === p) continue;
    out.push(p);
  }
  return out;
}

const textLength = (ps: string[]) => ps.reduce((n, p) => n + p.length, 0);

/** Paragraphs of containers a site's selector chose: furniture pruned, no candidate search. */
export function extractContainerParagraphs(containers: Element[], root: Element): string[] {
  const whole = measure(root, new Set());
  const removed = prune(root, true, whole);
  // The chosen containers themselves stay even if their class looks like furniture.
  for (const c of containers) removed.delete(c);
  const ctx: Ctx = { removed, stats: measure(root, removed), strict: true, teasers: new Map() };
  return tidy(paragraphsOf(containers, ctx));
}

/** The article's paragraphs, from a body (or any) element. */
export function extractBodyParagraphs(root: Element): string[] {
  let best: string[] = [];
  const whole = measure(root, new Set());
  for (const strict of [true, false]) {
    const removed = prune(root, strict, whole);
    const ctx: Ctx = { removed, stats: measure(root, removed), strict, teasers: new Map() };
    const content = pickContent(root, ctx);
    const paragraphs = tidy(paragraphsOf(content, ctx));
    // Without class hints sidebars and link lists compete too, so the lenient pass must find far more to win.
    if (best.length === 0 || textLength(paragraphs) > textLength(best) * 2) best = paragraphs;
    // A strict result of this length is trusted; only thin results retry without class hints.
    if (textLength(best) >= 500) break;
  }
  return best;
}
