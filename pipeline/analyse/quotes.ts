// Direct speech: every quote-mark style, colon-introduced quotes, quotes split by
// "he said", multi-paragraph quotes, and attribution to the nearest speaker.
import type { Quote } from '../types.ts';
import type { Paragraph } from './text.ts';
import type { Mention } from './entities.ts';
import { foldName, type PersonMention } from './people.ts';

const SPEECH = '(?:said|says|say|added|adds|explained|told|tells|stated|commented|warned|insisted|admitted|confirmed|noted|argued|continued|claimed|stressed|urged|acknowledged|revealed|wrote|writes|declared|announced|replied|responded|concluded|emphasised|highlighted|believes|according to)';
const SPEECH_RE = new RegExp(`\\b${SPEECH}\\b`, 'i');
const SPEECH_AT_END = new RegExp(`\\b${SPEECH}\\s*$`, 'i');
// The pronoun is who speaks ("he said", "she told MPs", "said he"), not someone spoken about
// ("Asked what he thought, Walter said").
const PRONOUN_SPEAKS = new RegExp(`\\b(?:he|she)\\s+(?:\\w+\\s+)?${SPEECH}\\b|\\b${SPEECH}\\s+(?:he|she)\\b`, 'i');
const UNNAMED = /\b(?:spokes(?:man|woman|person)|statement|source|official|insider|representative|spokes|sources|team|we)\b/i;
const ROLE_WORD = /\b(?:minister|secretary|director|chief|executive|officer|chair|chairman|chairwoman|chairs?|lead|leader|manager|head|gp|president|consultant|clinician|professor|nurse|doctor|member|partner|deputy|commissioner|councillor|mp|mep|adviser|advisor|founder|spokes\w+|editor|analyst|fellow|dean|principal|coordinator|co-ordinator|governor|treasurer|surgeon|physician|pharmacist|paramedic|programme|project|cabinet|shadow|senior|accountable|medical|clinical|officer)\b/i;

interface RawQuote {
  open: number; close: number; innerStart: number; innerEnd: number; paragraph: number; closed: boolean; colon: boolean;
  /** Where the attribution is when it sits in the paragraph before ("X said:" ending a paragraph). */
  attribution?: [number, number];
}

const OPENERS: Record<string, string> = { '“': '”', '"': '"', '‘': '’', "'": "'", '«': '»' };

/** Quote-mark pairs in one paragraph. Single marks double as apostrophes, so closings need a non-letter after them. */
function pairsIn(p: Paragraph): RawQuote[] {
  const t = p.text;
  const out: RawQuote[] = [];
  let i = 0;
  while (i < t.length) {
    const c = t[i];
    const closer = OPENERS[c];
    const prev = i > 0 ? t[i - 1] : ' ';
    if (!closer || !/[\s(\[—–:-]/.test(prev) && i > 0 || !/\S/.test(t[i + 1] ?? '')) { i++; continue; }
    const single = c === '‘' || c === "'";
    let close = -1;
    if (single) {
      // Prefer a closing mark next to punctuation; a bare one (’ + space) closes only a short phrase or a possessive-free run.
      let weak = -1;
      for (let j = i + 1; j < t.length; j++) {
        if (t[j] !== closer) continue;
        const before = t[j - 1];
        const after = t[j + 1] ?? '';
        if (/\s/.test(before)) continue;
        if (/[A-Za-z0-9]/.test(after)) continue; // an apostrophe inside a word
        if (/[.,!?;:…—–-]/.test(before) || after === '' || /[.,;:!?)\]—–]/.test(after)) { close = j; break; }
        if (weak < 0) weak = j;
        if (t.slice(i + 1, j).split(/\s+/).length <= 6) { close = j; break; }
      }
      if (close < 0) close = weak;
    } else {
      close = t.indexOf(closer, i + 1);
    }
    const closed = close >= 0;
    const end = closed ? close : t.length;
    out.push({ open: p.start + i, close: p.start + end + (closed ? 1 : 0), innerStart: p.start + i + 1, innerEnd: p.start + end, paragraph: p.index, closed, colon: false });
    i = end + 1;
  }
  return out;
}

function trimSpan(body: string, a: number, b: number): [number, number] {
  while (a < b && /\s/.test(body[a])) a++;
  while (b > a && /[\s]/.test(body[b - 1])) b--;
  return [a, b];
}

/** Most words capitalised, as in the name of a book, a show or a report. */
function titleCased(inner: string): boolean {
  const words = inner.match(/[A-Za-z][\w'’-]*/g) ?? [];
  const small = /^(?:a|an|the|of|and|or|in|on|at|to|for|with|by|from)$/;
  const content = words.filter((w) => !small.test(w));
  return content.length > 0 && content.filter((w) => /^[A-Z]/.test(w)).length / content.length >= 0.7;
}

/** A quoted phrase that is a scare quote or a title, not speech. */
function isScare(inner: string, introducedBySpeech: boolean): boolean {
  const words = inner.trim().split(/\s+/).length;
  if (introducedBySpeech) return words < 2;
  return words < 5 && !/[.!?]$/.test(inner.trim());
}

export function findQuotes(body: string, paragraphs: Paragraph[], people: PersonMention[], named: Mention[], nameGender: ReadonlyMap<string, 'f' | 'm'> = new Map()): Quote[] {
  const raw: RawQuote[] = [];
  const introEnd = new RegExp(`\\b${SPEECH}(?:\\s+\\w+){0,3}:\\s*$`);
  for (const p of paragraphs) {
    const pairs = pairsIn(p);
    const prevPara = p.index > 0 ? paragraphs[p.index - 1] : null;
    if (pairs.length === 0 && prevPara && introEnd.test(prevPara.text) && /^[A-Z]/.test(p.text)) {
      // GOV.UK style: "The minister said:" ends one paragraph, the words are the next one, unquoted.
      const sentStart = prevPara.text.lastIndexOf('. ') + 1;
      raw.push({ open: p.start, close: p.end, innerStart: p.start, innerEnd: p.end, paragraph: p.index, closed: true, colon: true, attribution: [prevPara.start + sentStart, prevPara.end] });
      continue;
    }
    if (pairs.length === 0) {
      // "X said: we will…" with no quote marks: the rest of the paragraph is the quote.
      const m = p.text.match(new RegExp(`\\b${SPEECH}(?:\\s+\\w+){0,3}:\\s+(?=[A-Z])`));
      if (m && m.index !== undefined) {
        const s = p.start + m.index + m[0].length;
        raw.push({ open: s, close: p.end, innerStart: s, innerEnd: p.end, paragraph: p.index, closed: true, colon: true });
      }
    }
    raw.push(...pairs);
  }

  // Spans of quoted words: names inside them are talked about, not speaking.
  const quoted = raw.filter((r) => r.closed && !r.colon).map((r) => [r.innerStart, r.innerEnd] as const);
  const insideQuote = (pos: number) => quoted.some(([a, b]) => pos >= a && pos < b);
  const personAt = (a: number, b: number) => people.filter((x) => x.start >= a && x.end <= b);
  const orgAt = (a: number, b: number) => named.filter((x) => x.start >= a && x.end <= b);
  const paraOf = (pos: number) => paragraphs.find((p) => pos >= p.start && pos <= p.end)!;

  interface Built {
    start: number; end: number; paragraph: number; speaker: string | null; role: string | null; attributed: boolean;
    endsParagraph: boolean; startsParagraph: boolean; parts: Array<[number, number]>;
    /** The last quote mark was never closed: the next paragraph's quote continues this passage. */
    unclosed: boolean;
  }
  const built: Built[] = [];

  for (let qi = 0; qi < raw.length; qi++) {
    const q = raw[qi];
    const para = paraOf(q.open);
    const inner = body.slice(q.innerStart, q.innerEnd);
    const lead = body.slice(para.start, q.open);
    const introduced = /[:,]\s*$/.test(lead) && SPEECH_RE.test(lead.slice(-80)) || q.colon;
    if (isScare(inner, introduced)) continue;
    // A fragment woven into reported speech ("said the launch was “a big step”") is not a quote passage.
    if (!introduced && /^\s*[a-z]/.test(inner) && /[a-z,]\s*$/.test(lead)) continue;
    // A title or name set in quote marks mid-sentence ("an episode of “Ward Round.”", "her book ‘Care at
    // Home: A Guide’") is not speech: it follows a word that is not a speech verb, and is short or title-cased.
    if (!introduced && /[A-Za-z]\s*$/.test(lead) && !SPEECH_AT_END.test(lead) && (inner.trim().split(/\s+/).length < 10 || titleCased(inner))) continue;
    // Reported speech in quote marks inside a sentence ("… said it would 'learn the lessons' of …") is not a quote passage.
    const afterText = body.slice(q.close, para.end);
    const startsParagraph = lead.trim() === '';
    let start = q.innerStart;
    let end = q.innerEnd;
    const parts: Array<[number, number]> = [[start, end]];
    let attribution = '';
    let attrStart = q.close;
    // "‘First part,’ he said. ‘Second part.’": one quote split by the attribution.
    let j = qi;
    let tail = afterText;
    while (j + 1 < raw.length && raw[j + 1].paragraph === q.paragraph) {
      const nxt = raw[j + 1];
      const between = body.slice(raw[j].close, nxt.open);
      if (!(SPEECH_RE.test(between) && between.length < 140 && !/["“”]/.test(between))) break;
      attribution ||= between;
      attrStart = raw[j].close;
      end = nxt.innerEnd;
      parts.push([nxt.innerStart, nxt.innerEnd]);
      j++;
      tail = body.slice(nxt.close, para.end);
    }
    qi = j;
    const tailSentence = tail.match(/^[^.!?‘“"']*[.!?]?/)?.[0] ?? '';
    if (!attribution && SPEECH_RE.test(tailSentence)) { attribution = tailSentence; attrStart = end + 1; }
    const leadSentence = lead.slice(Math.max(0, ...[...lead.matchAll(/[.!?]["”’]?\s+/g)].map((x) => (x.index ?? 0) + x[0].length)));
    let attrFrom = attrStart;
    if (q.attribution) { attribution = body.slice(q.attribution[0], q.attribution[1]); attrFrom = q.attribution[0]; }
    if (!attribution && (introduced || SPEECH_RE.test(leadSentence))) { attribution = leadSentence; attrFrom = q.open - leadSentence.length; }

    let speaker: string | null = null;
    let role: string | null = null;
    let attributed = false;
    if (attribution) {
      attributed = true;
      const aStart = attrFrom;
      const aEnd = attrFrom + attribution.length;
      const who = personAt(aStart, aEnd).filter((x) => !insideQuote(x.start));
      const orgs = orgAt(aStart, aEnd);
      if (who.length) {
        // Of several people in the attribution ("Asked about Ann Lee's remarks, Tom Ross said"), the speaker
        // is the one the speech verb belongs to: right before it (or before a role in commas), or right after it.
        const p = who.find((x) => speaksAt(body, x, aEnd)) ?? who.find((x) => !/^['’]s\b/.test(body.slice(x.end, x.end + 3))) ?? who[0];
        speaker = p.name;
        role = roleFor(body, p, aStart, aEnd);
      } else if (PRONOUN_SPEAKS.test(attribution) && !UNNAMED.test(attribution)) {
        // "he said": the last person named before the quote in the story's own words. Not someone
        // named inside quoted speech, not an owner ("Smith's team"), and not a man for "she" (or the reverse).
        const pronoun = /\bshe\b/i.test(attribution) ? 'f' : 'm';
        const before = people.filter((x) => x.end <= q.open && !insideQuote(x.start) && !/^['’]s\b/.test(body.slice(x.end, x.end + 3))
          && genderOf(x, nameGender) !== (pronoun === 'f' ? 'm' : 'f'));
        speaker = before.length ? before[before.length - 1].name : null;
      } else if (orgs.length || UNNAMED.test(attribution)) {
        speaker = null;
      }
    } else if (startsParagraph && built.length && built[built.length - 1].paragraph === q.paragraph - 1 && built[built.length - 1].endsParagraph) {
      const prev = built[built.length - 1];
      if (prev.unclosed) {
        // The previous paragraph left its quote open: the same passage goes on.
        prev.end = end;
        prev.parts.push(...parts);
        prev.paragraph = q.paragraph;
        prev.endsParagraph = endsWithQuote(tail);
        prev.unclosed = !raw[qi].closed;
        continue;
      }
      // A paragraph that opens with a quote mark carries on the previous speaker, as a new passage.
      speaker = prev.speaker;
      role = prev.role;
      attributed = true;
    } else {
      continue; // quoted words with no speech verb anywhere near: a title or a phrase, not a quote
    }
    built.push({ start, end, paragraph: q.paragraph, speaker, role, attributed, endsParagraph: endsWithQuote(tail), startsParagraph, parts, unclosed: !raw[qi].closed });
  }

  return built.map((b) => {
    const [s, e] = trimSpan(body, b.start, b.end);
    return { text: b.parts.map(([a, z]) => body.slice(a, z).trim()).join(' '), speaker: b.speaker, speakerRole: b.role, start: s, end: e };
  });
}

const SUBJECT_OF_VERB = new RegExp(`^(?:\\s*,[^,“”"]{1,160},)?\\s+(?:has\\s+|had\\s+|also\\s+|later\\s+|then\\s+|previously\\s+|today\\s+|yesterday\\s+)?${SPEECH}\\b`, 'i');
const VERB_BEFORE = new RegExp(`\\b${SPEECH}\\s+(?:the\\s+)?(?:[\\w'’-]+\\s+){0,6}$`, 'i');
/** Whether a speech verb in the attribution belongs to this person ("Tom Ross, chief executive, said", "said Tom Ross"). */
function speaksAt(body: string, p: PersonMention, aEnd: number): boolean {
  return SUBJECT_OF_VERB.test(body.slice(p.end, Math.min(aEnd, p.end + 200))) || VERB_BEFORE.test(body.slice(Math.max(0, p.start - 80), p.start));
}

/** What a person's title or given name says about "he"/"she", when it says anything. */
function genderOf(p: PersonMention, nameGender: ReadonlyMap<string, 'f' | 'm'>): 'f' | 'm' | undefined {
  const title = p.surface.match(/^(Mr|Sir|Lord|Baron|Earl|Viscount|Mrs|Ms|Miss|Dame|Lady|Baroness|Countess)\b/)?.[1];
  if (title) return /^(?:Mr|Sir|Lord|Baron|Earl|Viscount)$/.test(title) ? 'm' : 'f';
  return nameGender.get(foldName(p.name.split(/\s+/)[0]));
}

const ATTRIBUTION_ONLY = new RegExp(`^[\\s,]*[^.!?“”"‘]{0,80}\\b${SPEECH}\\b[^.!?“”"‘]{0,80}[.!?]?\\s*$`, 'i');
/** Nothing but an attribution ("…,” he said.) follows the quote in its paragraph. */
function endsWithQuote(tail: string): boolean {
  return tail.trim() === '' || ATTRIBUTION_ONLY.test(tail);
}

/** The role written beside a speaker: "X, role at Y, said", "said X, role", "role X said". */
function roleFor(body: string, p: PersonMention, aStart: number, aEnd: number): string | null {
  const after = body.slice(p.end, aEnd);
  const m = after.match(/^,\s*([^,:;]+(?:,\s*(?!said|says|added)[^,:;]+)?)(?:,|\.|$|\s*:)/);
  if (m) {
    const r = m[1].replace(new RegExp(`\\s*${SPEECH}.*$`, 'i'), '').trim();
    if (r && ROLE_WORD.test(r) && !/^(?:who|which|that)\b/.test(r)) return r.replace(/[.,]$/, '');
  }
  const before = body.slice(aStart, p.start).replace(/\s+$/, '');
  const b = before.match(/((?:[A-Za-z&’'-]+\s+){0,6}[A-Za-z&’'-]+)$/);
  if (b) {
    let r = b[1].replace(new RegExp(`^.*\\b${SPEECH}\\s+`, 'i'), '').replace(/^(?:the|a|an|by|and|but|meanwhile|also|former)\s+/i, '').trim();
    r = r.replace(/^(?:the|a|an)\s+/i, '');
    if (r && ROLE_WORD.test(r) && !/[.!?]/.test(r)) return r;
  }
  return null;
}
