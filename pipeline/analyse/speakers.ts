// Who a quote is attributed to: a person named in the attribution, the person a pronoun
// points back to, or null for organisations and unnamed spokespeople. A speaker is always
// one of the people found in the text, never a place or a body.
import speech from '../../sources/lexicon/speech.json' with { type: 'json' };
import type { Mention } from './entities.ts';
import { foldName, type PersonMention } from './people.ts';
import { checkWordLists } from './word-lists.ts';

const { titleGenders, beforeVerb, roleOpeners } = checkWordLists('sources/lexicon/speech.json', {
  titleGenders: speech.titleGenders, beforeVerb: speech.beforeVerb, roleOpeners: speech.roleOpeners,
});

const alternation = (words: string[]) =>
  [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|');

const SPEECH = `(?:${alternation(speech.speechVerbs)})`;
const STANCE = `(?:${alternation(speech.stanceVerbs)})`;
/** A word that attributes speech, either way round. */
export const SPEECH_RE = new RegExp(`\\b${SPEECH}\\b`, 'i');
const ANY_ATTRIBUTION = new RegExp(`\\b(?:${SPEECH}|${STANCE})\\b`, 'i');
const INTRO_AT_END = new RegExp(`\\b(?:${SPEECH}|${STANCE})\\b[^.!?“”"‘]{0,60}[:,]\\s*$|:\\s*$`, 'i');

/** "… said:" / "…, he added," : an attribution that introduces the words after it. */
export function endsWithIntro(text: string): boolean {
  // Both readings end in a colon or comma: checked first, since the pattern itself is tried at every offset.
  const last = text.trimEnd().at(-1);
  return (last === ':' || last === ',') && INTRO_AT_END.test(text);
}

const SPEECH_NOUN = new RegExp(`^['’]s?\\s+(?:[\\w-]+\\s+){0,2}(?:${alternation(speech.speechNouns)})\\b`, 'i');
const UNNAMED = speech.unnamedSpeakers.map((u) => ({ re: new RegExp(`\\b${u.word}\\b`, 'gi'), gender: (u as { gender?: string }).gender }));
const UNNAMED_ANY = new RegExp(`\\b(?:${alternation(speech.unnamedSpeakers.map((u) => u.word))})\\b`, 'i');
// The pronoun is who speaks ("he said", "she told MPs", "said he"), not someone spoken about.
const PRONOUN_SPEAKS = new RegExp(`\\b(he|she)\\s+(?:\\w+\\s+)?(?:${SPEECH}|${STANCE})\\b|\\b${SPEECH}\\s+(he|she)\\b`, 'i');
// An aside between commas, then a word before the verb ("has", "later") or "was quoted … as", then the verb.
const SUBJECT_OF_VERB = new RegExp(
  `^(?:\\s*,[^“”"]{1,160},)?\\s+(?:${beforeVerb.fragments.map((w) => `${w}\\s+`).join('|')}`
  + `|was\\s+quoted\\s+[^.]{0,60}?\\s+as\\s+)?(?:${SPEECH}|${STANCE})\\b`, 'i');
const VERB_BEFORE = new RegExp(`\\b(?:${alternation(speech.invertedVerbs)})\\s+(?:the\\s+)?(?:[\\w'’-]+\\s+){0,6}$`, 'i');
const ROLE_WORD = new RegExp(`\\b(?:${alternation(speech.roleWords)})\\b`, 'i');

export interface Speaker {
  name: string | null;
  role: string | null;
}

export interface SpeakerContext {
  body: string;
  people: PersonMention[];
  named: Mention[];
  nameGender: ReadonlyMap<string, 'f' | 'm'>;
  /** Whether an offset lies inside quoted words (names there are talked about, not speaking). */
  insideQuote: (pos: number) => boolean;
}

export function hasAttributionWord(text: string): boolean {
  return ANY_ATTRIBUTION.test(text);
}

const possessive = (body: string, p: PersonMention) => /^['’]s?(?![\p{L}])/u.test(body.slice(p.end, p.end + 2));

/** Whether a speech word in the attribution belongs to this person ("Tom Ross, chief executive, said", "said Tom Ross"). */
function speaksAt(body: string, p: PersonMention, aEnd: number): boolean {
  return SUBJECT_OF_VERB.test(body.slice(p.end, Math.min(aEnd, p.end + 220))) || VERB_BEFORE.test(body.slice(Math.max(0, p.start - 80), p.start));
}

/**
 * The speaker named in an attribution [a, b) for a quote opening at `quoteAt`. Of several people
 * ("Asked about Ann Lee's remarks, Tom Ross said"), the one the speech word belongs to; an owner
 * only with a word for what was said ("Howard's claim that …"). Undefined when the attribution
 * names nobody and has no pronoun, so the caller can say null. A `credit` line under a pull quote
 * ("Jo Bloggs, director of nursing") names its speaker without a verb.
 */
export function speakerIn(ctx: SpeakerContext, a: number, b: number, quoteAt: number, credit = false): Speaker | undefined {
  const { body } = ctx;
  const who = ctx.people.filter((x) => x.start >= a && x.end <= b && !ctx.insideQuote(x.start));
  const text = body.slice(a, b);
  const speaking = who.find((x) => !possessive(body, x) && speaksAt(body, x, b));
  const owner = who.find((x) => possessive(body, x) && SPEECH_NOUN.test(body.slice(x.end, x.end + 40)));
  const plain = credit || ANY_ATTRIBUTION.test(text) ? who.find((x) => !possessive(body, x)) : undefined;
  const p = speaking ?? owner;
  if (p) return { name: p.name, role: roleFor(body, p, a, b) };
  // "He urged Mr Smith to act, saying …": the pronoun speaks; Mr Smith is spoken to.
  const pronoun = text.match(PRONOUN_SPEAKS);
  // The referent is named before the pronoun (and before the quote, when the attribution follows it).
  if (pronoun) {
    const gender = (pronoun[1] ?? pronoun[2]).toLowerCase() === 'she' ? 'f' : 'm';
    return { name: pronounReferent(ctx, gender, Math.min(quoteAt, a + (pronoun.index ?? 0))), role: null };
  }
  if (plain) return { name: plain.name, role: roleFor(body, plain, a, b) };
  return undefined;
}

/**
 * "he said": the last person named before the quote in the story's own words, or null when the
 * last one to speak was unnamed ("a council spokeswoman said … She added"). Not someone named
 * inside quoted words, not an owner ("Smith's team"), and not a man for "she" (or the reverse).
 */
function pronounReferent(ctx: SpeakerContext, gender: 'f' | 'm', before: number): string | null {
  const { body } = ctx;
  const other = gender === 'f' ? 'm' : 'f';
  const person = ctx.people.filter((x) => x.end <= before && !ctx.insideQuote(x.start) && !possessive(body, x) && genderOf(x, ctx.nameGender) !== other).at(-1);
  let unnamedAt = -1;
  for (const u of UNNAMED) {
    if (u.gender === other) continue;
    for (const m of body.slice(0, before).matchAll(u.re)) {
      const at = m.index ?? 0;
      if (!ctx.insideQuote(at) && SUBJECT_OF_VERB.test(body.slice(at + m[0].length, at + m[0].length + 220))) unnamedAt = Math.max(unnamedAt, at);
    }
  }
  if (!person || unnamedAt > person.end) return null;
  return person.name;
}

const GENDER_TITLE = new RegExp(`^(${[...titleGenders.men, ...titleGenders.women].join('|')})\\b`);
const MEN_TITLES = new Set(titleGenders.men);

/** What a person's title or given name says about "he"/"she", when it says anything. */
function genderOf(p: PersonMention, nameGender: ReadonlyMap<string, 'f' | 'm'>): 'f' | 'm' | undefined {
  const title = p.surface.match(GENDER_TITLE)?.[1];
  if (title) return MEN_TITLES.has(title) ? 'm' : 'f';
  return nameGender.get(foldName(p.name.split(/\s+/)[0]));
}

/** Whether the attribution speaks of a body or an unnamed person ("a spokesperson said", "NHS England said"). */
export function unnamedOrBody(ctx: SpeakerContext, a: number, b: number): boolean {
  return UNNAMED_ANY.test(ctx.body.slice(a, b)) || ctx.named.some((x) => x.start >= a && x.end <= b);
}

const FROM_SPEECH_WORD = new RegExp(`\\s*\\b(?:${SPEECH}|${STANCE})\\b.*$`, 'i');
const TO_SPEECH_WORD = new RegExp(`^.*\\b${SPEECH}\\s+`, 'i');
const ROLE_OPENER = new RegExp(`^(?:${roleOpeners.fragments.join('|')})\\s+`, 'i');

/** The role written beside a speaker: "X, role at Y, said", "said X, role", "role X said". */
function roleFor(body: string, p: PersonMention, aStart: number, aEnd: number): string | null {
  const after = body.slice(p.end, aEnd);
  const m = after.match(/^,\s*([^,:;“”"]+(?:,\s*(?!said|says|added)[^,:;“”"]+)?)(?:,|\.|$|\s*:)/);
  if (m) {
    const r = m[1].replace(FROM_SPEECH_WORD, '').trim();
    if (r && ROLE_WORD.test(r) && !/^(?:who|which|that)\b/.test(r)) return r.replace(/[.,]$/, '');
  }
  const before = body.slice(aStart, p.start).replace(/\s+$/, '');
  const b = before.match(/((?:[A-Za-z&’'-]+\s+){0,6}[A-Za-z&’'-]+)$/);
  if (b) {
    let r = b[1].replace(TO_SPEECH_WORD, '').replace(ROLE_OPENER, '').trim();
    r = r.replace(/^(?:the|a|an)\s+/i, '');
    if (r && ROLE_WORD.test(r) && !/[.!?]/.test(r)) return r;
  }
  return null;
}
