// The parsed page as a plain htmlparser2 tree (3x faster than parse5; parse5 when the markup
// needs the standard's repairs), with the few node helpers every part of the article stage needs.
import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element, Text } from 'domhandler';

export type { AnyNode, CheerioAPI, Element, Text };

export function parseHtml(html: string): CheerioAPI {
  return cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } }, true);
}

/**
 * The tree a browser builds (parse5, cheerio's default: the HTML standard's tree construction,
 * about 3x slower). htmlparser2 ignores an end tag it has no open element for, so a headline
 * opened as <h1> and closed as </h2> swallows the story; the standard closes the h1 there.
 */
export function parseHtmlStandard(html: string): CheerioAPI {
  return cheerio.load(html);
}

/**
 * Blocks a heading does not hold on a sane page: finding one inside a heading means the heading
 * was left open over what follows. (A div inside a heading is common on real pages, and both
 * parsers keep it there, so it is no sign.)
 */
const BLOCKS_IN_HEADING = new Set(['p', 'section', 'article', 'main', 'table', 'ul', 'ol', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** True when some heading level has more start tags than end tags, or fewer (a scan of the raw text). */
function headingTagsUnbalanced(html: string): boolean {
  const open = [0, 0, 0, 0, 0, 0];
  for (const m of html.matchAll(/<(\/?)h([1-6])[\s>/]/gi)) open[Number(m[2]) - 1]! += m[1] ? -1 : 1;
  return open.some((n) => n !== 0);
}

/**
 * True when a heading contains paragraphs or sections because the fast parser left it open
 * over the page. Only pages whose heading tags do not pair up are looked at in the tree: the
 * scan costs a fifth of the tree walk, and 3 % of real pages need the walk.
 */
export function hasOpenHeading(html: string, $: CheerioAPI): boolean {
  if (!headingTagsUnbalanced(html)) return false;
  // Walks each heading's own subtree (a descendant selector would climb every div's ancestors: quadratic on deep pages).
  return $('h1, h2, h3, h4, h5, h6')
    .toArray()
    .some((heading) => {
      for (const el of elements(heading)) if (el !== heading && BLOCKS_IN_HEADING.has(el.name)) return true;
      return false;
    });
}

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function isText(node: AnyNode): node is Text {
  return node.type === 'text';
}

/** All text below a node, whitespace collapsed. */
export function textOf(node: AnyNode): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as AnyNode;
    if (isText(n)) parts.push(n.data);
    else if (isElement(n)) {
      if (n.name === 'script' || n.name === 'style' || n.name === 'noscript' || n.name === 'template') continue;
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
    } else if (n.type === 'root') {
      const children = (n as unknown as { children: AnyNode[] }).children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  return collapse(parts.join(' '));
}

export function collapse(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** Iterates elements in document order without recursion (deep pages must not blow the stack). */
export function* elements(root: AnyNode): Generator<Element> {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (isElement(node)) yield node;
    if ('children' in node) {
      const children = (node as Element).children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
}
