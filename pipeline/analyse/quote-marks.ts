// Spans of quoted words inside one paragraph. Every span opened by a quote mark is found,
// closed or not: trade-press paragraphs that continue a quote leave the mark open at the end.
import speech from '../../sources/lexicon/speech.json' with { type: 'json' };
import type { Paragraph } from './text.ts';
import { checkWordLists } from './word-lists.ts';

export interface QuotedSpan {
  /** Offsets in the body: the opening mark, just after the closing mark (or the paragraph end). */
  open: number;
  close: number;
  /** The words between the marks. */
  innerStart: number;
  innerEnd: number;
  paragraph: number;
  closed: boolean;
}

const DOUBLE_CLOSERS = '”"“';
const SINGLE_CLOSERS = '’\'‘';
// A mark opens a quote after a space, a bracket, a dash or a colon, or at the start of the paragraph.
const BEFORE_OPENER = /[\s(\[—–:-]/;

function openerKind(t: string, i: number): 'double' | 'single' | 'guillemet' | null {
  const c = t[i];
  if (i > 0 && !BEFORE_OPENER.test(t[i - 1])) return null;
  if (!/\S/.test(t[i + 1] ?? '')) return null;
  // A closing mark written where an opening one belongs (”The process is…) still opens a quote.
  if (c === '“' || c === '"' || c === '”') return 'double';
  if (c === '‘' || c === "'") return 'single';
  if (c === '«') return 'guillemet';
  return null;
}

/** A single closing mark: not an apostrophe inside a word ("don’t"), nor after a space. */
function singleCloser(t: string, from: number): number {
  let weak = -1;
  for (let j = from; j < t.length; j++) {
    if (!SINGLE_CLOSERS.includes(t[j]) || t[j] === '‘') continue;
    const before = t[j - 1];
    const after = t[j + 1] ?? '';
    if (/\s/.test(before)) continue;
    if (/[\p{L}\p{N}]/u.test(after)) continue;
    // Next to punctuation, or before the end / a stop, the mark closes. A bare one (’ + space) may
    // be a plural possessive ("the patients’ records"): accept it only for a short phrase.
    if (/[.,!?;:…—–-]/.test(before) || after === '' || /[.,;:!?)\]—–]/.test(after)) return j;
    if (weak < 0) weak = j;
    if (t.slice(from, j).split(/\s+/).length <= 6) return j;
  }
  return weak;
}

function closerOf(t: string, i: number, kind: 'double' | 'single' | 'guillemet'): number {
  if (kind === 'guillemet') return t.indexOf('»', i + 1);
  if (kind === 'single') return singleCloser(t, i + 1);
  for (let j = i + 1; j < t.length; j++) {
    if (t[j] === '“' && /\s/.test(t[j - 1])) return -(j + 1); // a new quote opens before this one closed
    if (DOUBLE_CLOSERS.includes(t[j]) && t[j] !== '“') return j;
  }
  return -1;
}

/** Quoted spans of one paragraph, in order; an unclosed mark runs to the end of the paragraph. */
export function quotedSpans(p: Paragraph): QuotedSpan[] {
  const t = p.text;
  const out: QuotedSpan[] = [];
  let i = 0;
  while (i < t.length) {
    const kind = openerKind(t, i);
    if (!kind) { i++; continue; }
    const close = closerOf(t, i, kind);
    const closed = close >= 0;
    // Unclosed: to the end of the paragraph, or to the next opening mark (encoded as -(index + 1)).
    const end = closed ? close : close < -1 ? -close - 1 : t.length;
    out.push({
      open: p.start + i, close: p.start + end + (closed ? 1 : 0), innerStart: p.start + i + 1, innerEnd: p.start + end,
      paragraph: p.index, closed,
    });
    i = closed ? end + 1 : end;
  }
  return out;
}

export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)?.length ?? 0;
}

// Small words a title leaves in lower case (speech.json titleSmallWords) do not count either way.
const SMALL_WORDS = new Set(checkWordLists('sources/lexicon/speech.json', { titleSmallWords: speech.titleSmallWords }).titleSmallWords.words);

/** Most words capitalised, as in the name of a report, a campaign or a show. */
export function titleCased(inner: string): boolean {
  const words = inner.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  const content = words.filter((w) => !SMALL_WORDS.has(w));
  return content.length > 0 && content.filter((w) => /^\p{Lu}/u.test(w)).length / content.length >= 0.7;
}
