// Paragraph and sentence spans over article.body, so every finding keeps its offsets.

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  text: string;
  paragraph: number;
}

export interface Paragraph extends Span {
  text: string;
  index: number;
}

/** Paragraphs are joined by "\n\n" in Article.body; recover their spans. */
export function paragraphSpans(body: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    if (m[0].trim()) out.push({ start: m.index, end: m.index + m[0].length, text: m[0], index: out.length });
  }
  return out;
}

// Abbreviations whose full stop does not end a sentence.
const ABBREV = new RegExp(String.raw`(?:\b(?:Dr|Mr|Mrs|Ms|Prof|St|Sr|Jr|Cllr|Rev|Gen|Col|Lt|Sgt|No|Nos|Co|Ltd|Inc|vs|etc|approx|e\.g|i\.e`
  + String.raw`|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z])\.$`);

/** Sentences inside each paragraph: split after . ! ? (and any closing quote/bracket) before a capital, digit or quote. */
export function sentenceSpans(body: string, paragraphs: Paragraph[]): Sentence[] {
  const out: Sentence[] = [];
  for (const p of paragraphs) {
    const text = p.text;
    let start = 0;
    const re = /[.!?]+["'’”)\]]*(?=\s+["'‘“(\[]?[A-Z0-9£])/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const end = m.index + m[0].length;
      if (m[0] === '.' && ABBREV.test(text.slice(Math.max(start, m.index - 8), m.index + 1))) continue;
      push(out, body, p, start, end);
      start = end;
    }
    push(out, body, p, start, text.length);
  }
  return out;
}

function push(out: Sentence[], body: string, p: Paragraph, s: number, e: number): void {
  let a = p.start + s;
  let b = p.start + e;
  while (a < b && /\s/.test(body[a])) a++;
  while (b > a && /\s/.test(body[b - 1])) b--;
  if (b > a) out.push({ start: a, end: b, text: body.slice(a, b), paragraph: p.index });
}

/** Index of the sentence containing offset `pos` (binary search; sentences are sorted). */
export function sentenceAt(sentences: Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end <= pos) lo = mid + 1;
    else if (sentences[mid].start > pos) hi = mid - 1;
    else return mid;
  }
  return Math.min(lo, sentences.length - 1);
}

// The commonest English function words: in English prose they are a quarter or more of all
// words; in German, French or Italian pages only a few per cent (loan words, "in").
const FUNCTION_WORDS = new Set(('the of and to in a is that for on with as was by at it be are from has have this an not or but his her their '
  + 'they he she we which were will been who said would its had').split(' '));

/**
 * Whether a body reads as English. Every rule downstream (names, cues, speech verbs, dates) is
 * English, and on other languages capitalised nouns look like names ("in Kraft" like a town),
 * so such a page gets no findings rather than wrong ones. Short texts are given the benefit of the doubt.
 */
export function looksEnglish(body: string): boolean {
  const words = body.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 40) return true;
  let n = 0;
  for (const w of words) if (FUNCTION_WORDS.has(w)) n++;
  return n / words.length >= 0.12;
}
