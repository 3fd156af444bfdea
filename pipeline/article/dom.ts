// The parsed page as a plain htmlparser2 tree (3x faster than parse5), with
// the few node helpers every part of the article stage needs.
import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element, Text } from 'domhandler';

export type { AnyNode, Element, Text };

export function parseHtml(html: string): CheerioAPI {
  return cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } }, true);
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
