// A token trie over normalised names: one left-to-right pass finds the longest known
// name at each position, so matching cost grows with the text, not the reference data.
import { normTokens } from './reference/names.ts';

export interface Token {
  /** Folded form used for matching. */
  norm: string;
  start: number;
  end: number;
  /** Starts with a capital letter or digit as written. */
  capital: boolean;
}

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  values: T[] | null;
}

export interface GazetteerMatch<T> {
  values: T[];
  /** Token index range [first, last). */
  first: number;
  last: number;
}

/** Word tokens with offsets; "&" becomes "and", apostrophes are dropped ("King's" → "kings"). */
export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  const re = /[A-Za-z0-9]+(?:['’][A-Za-z]+)*|&/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const w = m[0];
    out.push({
      norm: w === '&' ? 'and' : w.toLowerCase().replace(/['’]s$/, '').replace(/['’]/g, ''),
      start: offset + m.index,
      end: offset + m.index + w.length,
      capital: /^[A-Z0-9]/.test(w),
    });
  }
  return out;
}

export class Gazetteer<T> {
  private readonly root: TrieNode<T> = { next: new Map(), values: null };

  add(name: string, value: T): void {
    const toks = normTokens(name);
    if (toks.length === 0) return;
    let node = this.root;
    for (const t of toks) {
      let n = node.next.get(t);
      if (!n) { n = { next: new Map(), values: null }; node.next.set(t, n); }
      node = n;
    }
    node.values ??= [];
    if (!node.values.includes(value)) node.values.push(value);
  }

  /** Every match starting at token i, longest first. */
  matchesAt(tokens: Token[], i: number): GazetteerMatch<T>[] {
    let node = this.root;
    const out: GazetteerMatch<T>[] = [];
    for (let j = i; j < tokens.length; j++) {
      const n = node.next.get(tokens[j].norm);
      if (!n) break;
      node = n;
      if (node.values) out.unshift({ values: node.values, first: i, last: j + 1 });
    }
    return out;
  }

  /** Longest match starting at token i, or null. */
  longestAt(tokens: Token[], i: number): GazetteerMatch<T> | null {
    let node = this.root;
    let best: GazetteerMatch<T> | null = null;
    for (let j = i; j < tokens.length; j++) {
      const n = node.next.get(tokens[j].norm);
      if (!n) break;
      node = n;
      if (node.values) best = { values: node.values, first: i, last: j + 1 };
    }
    return best;
  }
}
