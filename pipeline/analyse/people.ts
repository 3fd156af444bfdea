// Person names by rule: a title or a known given name followed by capitalised words,
// plus names next to a speech verb. Later mentions ("Dr Prasad", "Howe") map to the full name.
import nameWordsFile from '../../sources/lexicon/name-words.json' with { type: 'json' };
import type { Entity } from '../types.ts';
import { checkWordLists } from './word-lists.ts';

const nameWords = checkWordLists('sources/lexicon/name-words.json', nameWordsFile);

// Word lists (titles, organisations, offices, calendar words) are data: sources/lexicon/name-words.json.
const alt = (words: readonly string[]) => words.join('|');
const HONORIFICS = alt(nameWords.honorifics.words);
const PEER_TITLES = alt(nameWords.peerTitles.words);
const HONORIFIC = new RegExp(`^(?:${HONORIFICS})\\.?$`);
const PEERAGE = new RegExp(`^(?:${PEER_TITLES}|${alt(nameWords.otherPeerages.words)})$`);
const NOT_NAME = new Set(Object.values(nameWords.notName).flat());
// Offices that stand before a name, so a run may go on to the person ("… Governor Nikki Haley").
const TITLE_WORD = new Set(nameWords.titlesBeforeName);
const MONTHS = new Set(nameWords.calendar);
// Letters of any alphabet: "Siân", "Zoë", "Seán" and "Babiš" are whole names, not cut at the accent.
const NAME_WORD = "\\p{Lu}[\\p{L}'’\\-]*\\p{Ll}[\\p{L}'’\\-]*";
// \b only knows ASCII letters, so a name's edges are checked against letters of any alphabet.
const START = '(?<![\\p{L}\\p{N}])';
const END = '(?![\\p{L}\\p{N}])';
// Words of a name are separated by spaces, never by a line break: a heading or byline above a
// paragraph ("Details" over "Penny Smith …") is not part of the name.
// "Rt Hon" only stacks before another title and is written without a dot.
const TITLE = `(?:(?:${HONORIFICS})\\.?|Rt Hon|${PEER_TITLES})`;
const PARTICLE = `(?:${alt(nameWords.particles.words)})`;
// Titles may stack ("Professor Sir Mike Richards"); a surname may open with a particle after a title ("Mr ap Iorwerth").
const NAME_WORDS = `(?:${PARTICLE}[ \\t]+(?=\\p{Lu}))?${NAME_WORD}(?:[ \\t]+(?:${PARTICLE}[ \\t]+)?(?:${NAME_WORD}|[A-Z]\\.))*`;
const RUN = new RegExp(`${START}((?:${TITLE}[ \\t]+)+)?(${NAME_WORDS})`, 'gu');
const SPEECH = `(?:${alt(nameWords.speechVerbsBesideName.words)})`;

// Names beside a speech verb even without a known given name: "said Jo Bloggs", "Jo Bloggs, chief executive, said".
const TWO_NAME_WORDS = `(${NAME_WORD}[ \\t]+${NAME_WORD})`;
const NEAR_VERB = new RegExp(
  `(?:${SPEECH}[ \\t]+${TWO_NAME_WORDS}${END})`
  + `|(?:${START}${TWO_NAME_WORDS},\\s[^.;:"“”‘]{0,150}?,\\s*${SPEECH}\\b)`
  + `|(?:${START}${TWO_NAME_WORDS}\\s+${SPEECH}\\b)`,
  'gu',
);

const NOT_FIRST_WORD = new Set(nameWords.notFirstWord);

/** A given name as the lists hold it: lower case, accents dropped ("Siân" → "sian"). */
export function foldName(word: string): string {
  // Most words are plain ASCII: skip Unicode normalisation, which dominated name finding.
  if (/^[\x00-\x7f]*$/.test(word)) return word.toLowerCase();
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export interface PersonMention extends Entity {
  /** Surname or peerage name used to find later mentions. */
  key: string;
}

function clean(words: string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    // "Ms Edwards' e-mail": a possessive mark is not part of the name.
    const w = word.replace(/(?<=s)['’]$/, '');
    if (NOT_NAME.has(w.replace(/[’']s$/, '')) || MONTHS.has(w)) break;
    out.push(w);
    if (w !== word) break;
  }
  return out.slice(0, 4);
}

const PARTICLE_RE = new RegExp(`^${PARTICLE}$`);

/**
 * "Mr ap Iorwerth" or "Ms Edwards" with no earlier full name the rules knew: the story may still
 * have written it whole before ("… MS Rhun ap Iorwerth sought …"), as a capitalised word before the surname.
 */
function fullNameBefore(body: string, before: number, surname: string): string | null {
  const re = new RegExp(`${START}(${NAME_WORD})[ \\t]+${surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${END}`, 'gu');
  let found: string | null = null;
  for (const m of body.slice(0, before).matchAll(re)) {
    const first = m[1];
    if (NOT_NAME.has(first) || TITLE_WORD.has(first) || MONTHS.has(first) || NOT_FIRST_WORD.has(first)) continue;
    if (HONORIFIC.test(first) || PEERAGE.test(first)) continue;
    found = `${first} ${surname}`;
  }
  return found;
}

/** The people found so far on a page, and the keys by which later mentions find them. */
class Roster {
  readonly found: PersonMention[] = [];
  /** Surname (or peerage name) → full name. */
  readonly byKey = new Map<string, string>();
  /** "Dame Fiona", "Sir Bruce": knights and dames are often named by given name after the first mention. */
  readonly byFirst = new Map<string, string>();
  private readonly taken: Array<[number, number]> = [];

  constructor(private readonly body: string) {}

  overlaps(a: number, b: number): boolean {
    return this.taken.some(([s, e]) => a < e && b > s);
  }

  add(name: string, key: string, start: number, end: number): void {
    if (this.overlaps(start, end)) return;
    if (/['’]s$/.test(name)) { name = name.slice(0, -2); end -= 2; key = key.replace(/['’]s$/, ''); }
    this.taken.push([start, end]);
    this.found.push({ kind: 'person', name, surface: this.body.slice(start, end), code: null, start, end, key });
    // An initial ("Joshua Y.") is no surname to find again.
    if (!this.byKey.has(key) && !/^\p{Lu}\.?$/u.test(key)) this.byKey.set(key, name);
  }
}

/** Finds people; `isKnownName(start,end)` says a span is already an organisation/place name. */
export function findPeople(
  body: string,
  firstNames: ReadonlySet<string>,
  isKnownName: (start: number, end: number) => boolean,
  /** Whether a known place or body starts at `start` (and ends at or after `end`). */
  startsKnownName: (start: number, end: number) => boolean = () => false,
): PersonMention[] {
  const roster = new Roster(body);
  for (const m of body.matchAll(RUN)) {
    // Of stacked titles ("Professor Sir", "Rt Hon Lord") the last one says what kind of name follows.
    const title = (m[1] ?? '').trim().replace(/\.$/, '').split(/\s+/).at(-1)!.replace(/\.$/, '');
    const run: NameRun = { at: m.index ?? 0, words: m[2].split(/\s+/), wordsAt: (m.index ?? 0) + (m[1]?.length ?? 0) };
    if (PEERAGE.test(title)) readPeer(run, title, roster);
    else if (HONORIFIC.test(title)) readTitled(body, run, roster);
    else readGivenName(body, run, roster, firstNames, isKnownName);
  }

  // Names beside a speech verb even without a known given name: "said Jo Bloggs", "Jo Bloggs, chief executive, said".
  for (const m of body.matchAll(NEAR_VERB)) {
    const name = (m[1] ?? m[2] ?? m[3]).replace(/['’]s$/, '');
    const words = name.split(/\s+/);
    if (clean(words).length !== words.length) continue;
    const start = (m.index ?? 0) + m[0].indexOf(name);
    const end = start + name.length;
    // "Manchester United said", "If Smith says": a name does not start with a known place or body, or a function word.
    if (isKnownName(start, end) || startsKnownName(start, start + words[0].length) || NOT_FIRST_WORD.has(words[0])) continue;
    roster.add(name, words[words.length - 1], start, end);
  }

  // Later mentions by surname alone.
  const peers = peerNames(roster.byKey);
  for (const h of surnameMentions(body, [...roster.byKey.keys()])) {
    const name = roster.byKey.get(h.word) ?? peers.get(h.word);
    if (!name || roster.overlaps(h.index, h.end)) continue;
    roster.add(name, h.word, h.index, h.end);
  }
  for (const g of givenNameSpeakers(body, roster.found)) roster.add(g.name, g.key, g.start, g.end);
  // "(Reporting by Jo Bloggs and Sam Roe; editing by …)", "By Jo Bloggs", "Photo: Jo Bloggs": credits name
  // the reporter or photographer, who is neither in the story nor the one quoted in it.
  return roster.found.filter((p) => !CREDIT_BEFORE.test(body.slice(Math.max(0, p.start - 120), p.start))).sort((a, b) => a.start - b.start);
}

/** A run of name words after its titles: where the run starts, its words, and where the words start. */
interface NameRun { at: number; words: string[]; wordsAt: number }

/** "Lord Darzi of Denham": the title is part of the name, unless the story named the person in full ("Andrew Lansley" … "Lord Lansley"). */
function readPeer(run: NameRun, title: string, roster: Roster): void {
  const w = clean(run.words).slice(0, 2);
  if (!w.length) return;
  const name = `${title} ${w[0]}`;
  roster.add(roster.byKey.get(w[0]) ?? name, name, run.at, run.wordsAt + w[0].length);
}

/** "Dr Jo Bloggs" is a person in full; "Dr Bloggs" someone named in full earlier, else a surname-only person. */
function readTitled(body: string, run: NameRun, roster: Roster): void {
  const w = clean(run.words);
  if (!w.length || (w.length === 1 && PARTICLE_RE.test(w[0]))) return;
  const full = w.join(' ');
  const last = w[w.length - 1];
  const end = run.wordsAt + body.slice(run.wordsAt).indexOf(last) + last.length;
  const surname = w[0].match(PARTICLE_RE) ? full : w[0];
  if (w.length === 1 || surname === full) {
    const known = roster.byKey.get(surname) ?? roster.byFirst.get(surname) ?? fullNameBefore(body, run.at, surname);
    roster.add(known ?? full, surname, run.at, end);
    return;
  }
  roster.add(full, last, run.at, end);
  if (!roster.byFirst.has(w[0])) roster.byFirst.set(w[0], full);
}

/** No title: a known given name followed by at least one more name word. */
function readGivenName(body: string, run: NameRun, roster: Roster, firstNames: ReadonlySet<string>,
  isKnownName: (start: number, end: number) => boolean): void {
  const { words, wordsAt } = run;
  for (let i = 0; i + 1 < words.length; i++) {
    if (!firstNames.has(foldName(words[i]))) continue;
    const rest = clean(words.slice(i));
    const stop = words[i + rest.length];
    // "Florence Nightingale Hospital" is a place, not a person.
    if (rest.length >= 2 && stop !== undefined && NOT_NAME.has(stop.replace(/[’']s$/, '')) && !TITLE_WORD.has(stop)) return;
    // "South Carolina Governor Nikki Haley": a given name cut short by a title is not the person; look further along.
    if (rest.length < 2) continue;
    const start = wordsAt + body.slice(wordsAt).indexOf(words[i]);
    const endWord = rest[rest.length - 1];
    const end = wordsAt + body.slice(wordsAt).indexOf(endWord, start - wordsAt) + endWord.length;
    if (!isKnownName(start, end)) roster.add(rest.join(' '), endWord, start, end);
    return;
  }
}

/**
 * "Kim said", "said Kim": a given name alone beside a speech verb is the one person named in
 * full with it ("Kim Dale"), when only one was. Elsewhere a bare given name is left alone.
 */
function givenNameSpeakers(body: string, found: PersonMention[]): Array<{ name: string; key: string; start: number; end: number }> {
  const byGiven = new Map<string, string | null>();
  for (const p of found) {
    const parts = p.name.split(' ');
    if (parts.length < 2 || PEERAGE.test(parts[0])) continue;
    byGiven.set(parts[0], byGiven.has(parts[0]) && byGiven.get(parts[0]) !== p.name ? null : p.name);
  }
  const given = [...byGiven].filter(([, n]) => n !== null).map(([g]) => g);
  if (!given.length) return [];
  const out: Array<{ name: string; key: string; start: number; end: number }> = [];
  const hits = scanLiterals(body, [...SPEECH_WORDS, ...given], (c) => speechThenGiven(body, c, given) ?? givenThenSpeech(body, c, given));
  for (const h of hits) {
    const word = h.word;
    const start = h.index + body.slice(h.index, h.end).indexOf(word);
    if (found.some((p) => start < p.end && start + word.length > p.start)) continue;
    out.push({ name: byGiven.get(word)!, key: word, start, end: start + word.length });
  }
  return out;
}

// The scans below stand for a regex of the article's own names ("(?:Kim|Sam) said"), match for
// match: built per article, such a regex was compiled per article, and compiling its \p{…}
// classes cost more than all the rest of finding people. Each fixed piece is compiled once.
const SPEECH_WORDS = nameWords.speechVerbsBesideName.words;
const sticky = (source: string) => new RegExp(source, 'uy');
const NAME_START = sticky(START);
const NAME_END = sticky(`(?![ \\t]+\\p{Lu})${END}`);
const WORD_END = sticky(END);
// Not right after a capitalised word ("Dr Kim said" is not Kim's own attribution).
const SPEAKER_START = sticky(`(?<![\\p{Lu}][\\p{L}]*[ \\t]+)${START}`);
const SPEECH_AFTER = sticky(`(?![ \\t]+\\p{Lu})${END}(?:,[^.;:"“”‘]{0,150}?,)?\\s+${SPEECH}\\b`);

function stickyAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

interface LiteralHit { index: number; end: number; word: string }

/**
 * Non-overlapping hits left to right, as a global regex's matchAll finds them, where a hit can only
 * start where one of `literals` does; `hitAt(c)` is the regex tried at offset c.
 */
function scanLiterals(text: string, literals: readonly string[], hitAt: (c: number) => LiteralHit | null): LiteralHit[] {
  const starts = new Set<number>();
  for (const w of literals) {
    if (!w) for (let i = 0; i <= text.length; i++) starts.add(i);
    else for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) starts.add(i);
  }
  const out: LiteralHit[] = [];
  let from = 0;
  for (const c of [...starts].sort((a, b) => a - b)) {
    if (c < from) continue;
    const hit = hitAt(c);
    if (hit) { out.push(hit); from = hit.end; }
  }
  return out;
}

/** The first of `words` (in order) at offset c followed by what `after` asks; its end. */
function wordAt(text: string, c: number, words: readonly string[], after: RegExp): { word: string; end: number } | null {
  for (const w of words) {
    if (!text.startsWith(w, c)) continue;
    const m = stickyAt(after, text, c + w.length);
    if (m) return { word: w, end: c + w.length + m[0].length };
  }
  return null;
}

/** "said Kim": a speech verb, spaces, then a given name not followed by another capitalised word. */
function speechThenGiven(body: string, c: number, given: readonly string[]): LiteralHit | null {
  for (const verb of SPEECH_WORDS) {
    if (!body.startsWith(verb, c)) continue;
    let spaces = 0;
    while (body[c + verb.length + spaces] === ' ' || body[c + verb.length + spaces] === '\t') spaces++;
    // As the regex backtracks: the longest run of spaces first.
    for (let k = spaces; k >= 1; k--) {
      const g = wordAt(body, c + verb.length + k, given, NAME_END);
      if (g) return { index: c, end: g.end, word: g.word };
    }
  }
  return null;
}

/** "Kim said", "Kim, the practice manager, said". */
function givenThenSpeech(body: string, c: number, given: readonly string[]): LiteralHit | null {
  if (!stickyAt(SPEAKER_START, body, c)) return null;
  const g = wordAt(body, c, given, SPEECH_AFTER);
  return g && { index: c, end: g.end, word: g.word };
}

const PEER_TITLE = new RegExp(`^(?:${PEER_TITLES}) `);

/** Peers' names by the name after the title ("Darzi" for "Lord Darzi"). */
function peerNames(byKey: ReadonlyMap<string, string>): Map<string, string> {
  const peer = new Map<string, string>();
  for (const [key, name] of byKey) if (PEER_TITLE.test(key)) peer.set(key.split(' ').slice(1).join(' '), name);
  return peer;
}

/** Whole-word mentions of the keys (a peer's without the title), the first key listed winning where several start. */
function surnameMentions(body: string, keys: readonly string[]): LiteralHit[] {
  const words = keys.map((k) => k.replace(PEER_TITLE, ''));
  if (!words.length) return [];
  return scanLiterals(body, words, (c) => {
    if (!stickyAt(NAME_START, body, c)) return null;
    const w = wordAt(body, c, words, WORD_END);
    return w && { index: c, end: w.end, word: w.word };
  });
}

// A credit word may open its line, so its first letter may be a capital ("Reporting by", "photo:").
const CREDIT_WORD = String.raw`\b(?:${nameWords.creditWords.fragments.map((w) => w.replace(/^[a-z]/, (c) => `[${c.toUpperCase()}${c}]`)).join('|')})`;
const CREDIT_OPENER = String.raw`(?:${CREDIT_WORD}(?:\s+[Ss]ource)?(?:\s+by\b|\s*:)|(?:^|\n)\s*(?:By|BY)\b|\b(?:[Cc]redit|[Ss]ource)\s*:)`;
// Other names of the same credit line before this one ("Reporting by Jo Bloggs and …").
const CREDIT_BEFORE = new RegExp(String.raw`${CREDIT_OPENER}\s*(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*(?:,|\band\b|&)\s*)*$`);
