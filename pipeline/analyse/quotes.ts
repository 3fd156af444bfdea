// Quotes as the labelling rules count them: every span opened by a quote mark that quotes
// speech or writing, each quoted paragraph on its own, fragments of six or more words woven into
// reported speech included, titles and scare quotes left out; each with its speaker.
import type { Quote } from '../types.ts';
import type { Mention } from './entities.ts';
import type { PersonMention } from './people.ts';
import { quotedSpans, titleCased, wordCount, type QuotedSpan } from './quote-marks.ts';
import { endsWithIntro, SPEECH_RE, hasAttributionWord, speakerIn, unnamedOrBody, type Speaker, type SpeakerContext } from './speakers.ts';
import { sentenceAt, type Paragraph, type Sentence } from './text.ts';

/** Quoted words that run on in reported speech without an attribution of their own need this many words. */
const MIN_FRAGMENT_WORDS = 6;

/** One quote: one or more quoted spans of a paragraph, split only by an attribution ("“A,” he said. “B.”"). */
interface Passage {
  parts: QuotedSpan[];
  /** The attribution between two parts, when there is one. */
  between: [number, number] | null;
}

interface Built {
  passage: Passage;
  speaker: Speaker | null;
  /** Nothing but an attribution follows it in its paragraph, so the next quoted paragraph continues it. */
  endsParagraph: boolean;
}

interface QuoteContext extends SpeakerContext {
  paragraphs: Paragraph[];
  sentences: Sentence[];
}

export function findQuotes(
  body: string, paragraphs: Paragraph[], sentences: Sentence[], people: PersonMention[], named: Mention[],
  nameGender: ReadonlyMap<string, 'f' | 'm'> = new Map(),
): Quote[] {
  const spans = paragraphs.map((p) => quotedSpans(p));
  const quoted = spans.flat().filter((s) => s.closed).map((s) => [s.innerStart, s.innerEnd] as const);
  const insideQuote = (pos: number) => quoted.some(([a, b]) => pos >= a && pos < b);
  const ctx: QuoteContext = { body, paragraphs, sentences, people, named, nameGender, insideQuote };
  const built: Built[] = [];
  for (const p of paragraphs) {
    for (const passage of passagesIn(body, spans[p.index])) {
      const b = buildQuote(ctx, p, passage, built);
      if (b) built.push(b);
    }
  }
  return built.map(({ passage, speaker }) => {
    const first = passage.parts[0];
    const last = passage.parts[passage.parts.length - 1];
    const [s, e] = trimSpan(body, first.innerStart, last.innerEnd);
    const text = passage.parts.map((x) => body.slice(x.innerStart, x.innerEnd).trim()).join(' ');
    return { text, speaker: speaker?.name ?? null, speakerRole: speaker?.name ? speaker.role : null, start: s, end: e };
  });
}

/** Joins spans split by an attribution that does not introduce the next one ("“A,” she said. “B.”" but not "‘A.’ She added: ‘B.’"). */
function passagesIn(body: string, spans: QuotedSpan[]): Passage[] {
  const out: Passage[] = [];
  for (const s of spans) {
    const prev = out.at(-1);
    const last = prev?.parts.at(-1);
    if (prev && last && last.closed) {
      const between = body.slice(last.close, s.open);
      const plainSpeech = SPEECH_RE.test(between) && !/["“”‘]/.test(between) && !/:\s*$/.test(between);
      if (between.length < 140 && /[.,;—–-]\s+$/.test(between) && endsSpeech(body, last, between) && plainSpeech) {
        prev.parts.push(s);
        prev.between ??= [last.close, s.open];
        continue;
      }
    }
    out.push({ parts: [s], between: null });
  }
  return out;
}

function buildQuote(ctx: QuoteContext, p: Paragraph, passage: Passage, built: Built[]): Built | null {
  const { body } = ctx;
  const first = passage.parts[0];
  const last = passage.parts[passage.parts.length - 1];
  const inner = passage.parts.map((x) => body.slice(x.innerStart, x.innerEnd)).join(' ');
  const lead = leadOf(ctx, first);
  const tail = tailOf(ctx, last, p);
  const startsParagraph = body.slice(p.start, first.open).trim() === '';
  const intro = startsParagraph ? introBefore(ctx, p) : null;
  const leadIntro = endsWithIntro(body.slice(lead[0], lead[1]));
  const introduced = passage.between !== null || leadIntro || tail.speech || intro !== null;
  const words = wordCount(inner);
  if (words < 2 || (!introduced && words < MIN_FRAGMENT_WORDS)) return null;
  // A report's or a show's name in quote marks, even with a speech word after it ("…”, said the …").
  if (titleCased(inner) && !leadIntro && !intro && passage.between === null) return null;
  // An unclosed single mark in mid-paragraph opens a quote only after an attribution: a stray ‘ is often an apostrophe.
  const single = /['‘]/.test(body[first.open]);
  if (single && !last.closed && !startsParagraph && !introduced && !hasAttributionWord(body.slice(lead[0], lead[1]))) return null;

  const speaker = attribute(ctx, passage, lead, tail, intro) ?? carried(ctx, p, first, startsParagraph, built);
  const rest = body.slice(last.close, p.end);
  return { passage, speaker, endsParagraph: rest.trim() === '' || (tail.speech && tail.range[1] >= p.end - 1) };
}

/** The speaker from the quote's own attribution: between its parts, before it in its sentence, after it, or the paragraph before. */
function attribute(ctx: QuoteContext, passage: Passage, lead: [number, number], tail: Tail, intro: [number, number] | null): Speaker | null | undefined {
  const { body } = ctx;
  const open = passage.parts[0].open;
  const leadText = body.slice(lead[0], lead[1]);
  const regions: Array<[number, number]> = [];
  if (passage.between) regions.push(passage.between);
  if (endsWithIntro(leadText)) regions.push(lead);
  if (tail.speech) regions.push(tail.range);
  if (tail.credit) return speakerIn(ctx, tail.range[0], tail.range[1], open, true);
  if (hasAttributionWord(leadText)) regions.push(lead);
  if (intro) regions.push(intro);
  // A region that names a body or an unnamed speaker settles it (null); one with only a verb
  // ("…”, adding that …") leaves the speaker to the next region, the subject of the sentence.
  let attributed = false;
  for (const [a, b] of regions) {
    const s = speakerIn(ctx, a, b, open);
    if (s) return s;
    if (unnamedOrBody(ctx, a, b)) return null;
    attributed ||= hasAttributionWord(body.slice(a, b));
  }
  return attributed ? null : undefined;
}

/**
 * A paragraph that opens with a quote mark and names no one carries on the speaker of the
 * paragraph before: its last quote, or the person whose words it reported ("X said it would …").
 */
function carried(ctx: QuoteContext, p: Paragraph, first: QuotedSpan, startsParagraph: boolean, built: Built[]): Speaker | null {
  const prev = built.at(-1);
  const samePara = prev && prev.passage.parts[0].paragraph === p.index && ctx.body.slice(prev.passage.parts.at(-1)!.close, first.open).trim() === '';
  if (samePara) return prev.speaker;
  if (!startsParagraph || p.index === 0) return null;
  if (prev && prev.passage.parts[0].paragraph === p.index - 1) return prev.endsParagraph ? prev.speaker : null;
  const before = ctx.paragraphs[p.index - 1];
  const last = ctx.sentences.filter((s) => s.paragraph === before.index).at(-1);
  if (!last || !SPEECH_RE.test(last.text)) return null;
  return speakerIn(ctx, last.start, last.end, first.open)?.name ? speakerIn(ctx, last.start, last.end, first.open)! : null;
}

/** From the start of the quote's sentence to its opening mark. */
function leadOf(ctx: QuoteContext, span: QuotedSpan): [number, number] {
  const s = ctx.sentences[sentenceAt(ctx.sentences, span.open)];
  const from = s && s.start <= span.open ? s.start : span.open;
  return [from, span.open];
}

interface Tail {
  range: [number, number];
  /** It holds a speech word ("…,” he said."). */
  speech: boolean;
  /** It is a credit line after a pull quote ("“…” Jo Bloggs, director of nursing"). */
  credit: boolean;
}

/** After the closing mark: the rest of its sentence, or a bare credit line that ends the paragraph. */
function tailOf(ctx: QuoteContext, span: QuotedSpan, p: Paragraph): Tail {
  const { body, sentences } = ctx;
  const none: Tail = { range: [span.close, span.close], speech: false, credit: false };
  if (!span.closed || span.close >= p.end) return none;
  const i = sentenceAt(sentences, span.close - 1);
  const s = sentences[i];
  if (s && s.end > span.close + 1) {
    const nextOpen = body.slice(span.close, s.end).search(/["“‘]/);
    const end = nextOpen >= 0 ? span.close + nextOpen : s.end;
    const text = body.slice(span.close, end);
    const speech = endsSpeech(body, span, text) && ATTRIBUTION_ONLY.test(text) && !/:\s*$/.test(text);
    return { range: [span.close, end], speech, credit: !speech && end >= p.end - 1 && creditLine(ctx, span.close, end) };
  }
  const next = sentences[i + 1];
  if (!next || next.paragraph !== p.index || next.end < p.end - 1 || SPEECH_RE.test(next.text) || next.text.length > 160) return none;
  return creditLine(ctx, next.start, next.end) ? { range: [next.start, next.end], speech: false, credit: true } : none;
}

/** A line that only names someone, after a pull quote: "Jo Bloggs, director of nursing". */
function creditLine(ctx: QuoteContext, a: number, b: number): boolean {
  const text = ctx.body.slice(a, b);
  if (text.length > 160 || SPEECH_RE.test(text)) return false;
  const lead = text.length - text.trimStart().length;
  return ctx.people.some((x) => x.start >= a && x.start <= a + lead + 2);
}

/** Spoken words end at a stop or a comma ("…,” he said"); a phrase running on into the sentence does not. */
function endsSpeech(body: string, span: QuotedSpan, after: string): boolean {
  return /[,.!?…—–-]\s*$/.test(body.slice(span.innerStart, span.innerEnd)) || /^[,—–-]/.test(after);
}

// Nothing but an attribution up to the end of the sentence: "…,” said Jo Bloggs, director of nursing."
const ATTRIBUTION_ONLY = new RegExp(`^[\\s,—–-]*[^.!?“”"‘]{0,100}?${SPEECH_RE.source}[^!?“”"‘]{0,120}$`, 'i');

/** "The minister said:" closing the paragraph before: its last sentence. */
function introBefore(ctx: QuoteContext, p: Paragraph): [number, number] | null {
  if (p.index === 0) return null;
  const last = ctx.sentences.filter((s) => s.paragraph === p.index - 1).at(-1);
  if (!last || !/:\s*$/.test(last.text) || !hasAttributionWord(last.text)) return null;
  return [last.start, last.end];
}

function trimSpan(body: string, a: number, b: number): [number, number] {
  while (a < b && /\s/.test(body[a])) a++;
  while (b > a && /\s/.test(body[b - 1])) b--;
  return [a, b];
}
