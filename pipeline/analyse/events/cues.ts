// The cue tables the event finder weighs around a status word, read from
// sources/lexicon/event-cues.json and compiled into regular expressions once, with the Knowledge.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { compileServiceGuards, compileStatusGuards, type ServiceGuards, type StatusGuards } from './guards.ts';

export interface EventCues {
  /** A national fact somewhere in the text ("nationally", "across England"). */
  national: RegExp;
  /** The same, global, for counting every mention. */
  nationalAll: RegExp;
  /** Right after a status word: an object that is not the service ("delayed the vote"). */
  otherObject: RegExp;
  /** Right after a launch or plan word: a process, not the service ("launched a review"). */
  notGoLive: RegExp;
  /** Just before a service's name: it is only a landmark ("next to the centre"). */
  landmarkBefore: RegExp;
  /** Just before a service's name: it only sources figures ("data from the app"). */
  sourceBefore: RegExp;
  /** ", leaving …": what follows bears the consequence of the status. */
  consequence: RegExp;
  /** Words that point back to a service already named ("the pilot", "the new helpline"). */
  anaphora: RegExp;
  /** Subjects that make an unplaced sentence local ("the trust", "commissioners"). */
  localSubject: RegExp;
  /** "in the city": the story's own named place. */
  placeAnaphor: RegExp;
  /** A sentence that lists further places of the lead fact ("areas affected include"). */
  listOfAreas: RegExp;
  /** Words that put a sentence in the future or a plan. */
  future: RegExp;
  /** After a name: it reports the news ("has confirmed"). */
  reportsAfter: RegExp;
  /** Before "by <provider>": the provider runs the service ("run by"). */
  runByBefore: RegExp;
  /** Just before a bare "delay(s)": a word that is not one of these makes it another process's delay ("handover delays"). */
  otherDelayBefore: RegExp;
  /** Numbers written as words, and their values. */
  numberWords: ReadonlyMap<string, number>;
  /** A sentence whose subject is a few unnamed bodies ("Six hospital trusts", "Other CCGs"), not a share of all or many. */
  unnamedBodies: RegExp;
  /** A count of some of a provider's contracts or areas ("11 of the 46 contracts", "contracts for three services"). */
  countedUnits: RegExp[];
  /** The devolved nations, for national facts in a story about one of them. */
  devolvedNations: ReadonlySet<string>;
  /** Right after a plan cue: what is expected is a sum or a count ("is expected to be £2m"). */
  amountAfter: RegExp;
  /** Before a bare date of a plan cue: the date is a contract's term ("the contract will run from"). */
  contractTermBefore: RegExp;
  /** Words around a status cue that cancel it or mark an overtaken plan (statusGuards). */
  guards: StatusGuards;
  /** Words that tell which service or place a status speaks of (aboutWhich). */
  aboutWhich: ServiceGuards;
}

type Raw = Record<string, unknown>;

/** Reads and compiles event-cues.json; a malformed field fails with the file and field named. */
export function loadEventCues(path: string): EventCues {
  const file = basename(path);
  let raw: Raw;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8')) as Raw;
  } catch (e) {
    throw new Error(`${file}: not readable JSON (${(e as Error).message})`);
  }
  const list = (field: string, key: string): string => {
    const group = raw[field] as Raw | undefined;
    const xs = group && typeof group === 'object' ? group[key] : undefined;
    if (!Array.isArray(xs) || !xs.length || !xs.every((x) => typeof x === 'string' && x.length > 0)) {
      throw new Error(`${file}: ${field}.${key} must be a non-empty list of strings`);
    }
    return xs.join('|');
  };
  const compile = (field: string, source: string, flags = 'i'): RegExp => {
    try {
      return new RegExp(source, flags);
    } catch (e) {
      throw new Error(`${file}: ${field} is not a valid regular expression (${(e as Error).message})`);
    }
  };
  const national = `\\b(?:${list('national', 'alternatives')})`;
  const dets = (field: string) => list(field, 'determiners').split('|').map((d) => `${d}\\s+`).join('|');
  const object = (field: string) => `^\\s+(?:${dets(field)})?(?:\\w+\\s+){0,2}(?:${list(field, 'nouns')})\\b`;
  const det = list('anaphora', 'determiners');
  const pointBack = `(?:${det})\\s+(?:[\\w-]+\\s+)?(?:${list('anaphora', 'nouns')})`;
  const changeBack = `(?:${det})\\s+(?:[\\w'’-]+\\s+){0,2}(?:${list('anaphora', 'changeNouns')})`;
  const anaphora = `\\b(?:${pointBack}|${changeBack}|${list('anaphora', 'patterns')})\\b`;
  const landmarkDets = dets('landmarkBefore');
  const words = numberWords(file, raw.numberWords);
  // A few is under 20: a larger count ("some 79 trusts") is a national coverage figure.
  const small = [...words].filter(([, n]) => n < 20).map(([w]) => w);
  const few = String.raw`(?:${list('unnamedSubset', 'few')}|(?<![\d,])1?\d(?![\d,])|${small.join('|')})`;
  const unnamedBodies = String.raw`^\W*(?:[\w:]+\s+){0,3}?${few}\s+(?:[\w-]+\s+){0,2}?(?:${list('unnamedSubset', 'bodies')})\b(?!\s+(?:out\s+)?of\b)`;
  const n = String.raw`(?<!\ball\s+)\b(?:\d[\d,]*|${[...words.keys()].join('|')})`;
  const countedUnits = [
    String.raw`${n}\s+(?:out\s+)?of\s+(?:the|its|their|all)\s+(?:[\w,-]+\s+){0,3}(?:${list('unnamedSubset', 'ofUnits')})\b`,
    String.raw`${n}\s+(?:[\w-]+\s+){0,3}(?:${list('unnamedSubset', 'units')})\b`,
  ];
  return {
    national: compile('national', national),
    nationalAll: compile('national', national, 'gi'),
    otherObject: compile('otherObject', object('otherObject')),
    notGoLive: compile('notGoLive', object('notGoLive')),
    landmarkBefore: compile('landmarkBefore', `\\b(?:${list('landmarkBefore', 'phrases')})\\s+(?:${landmarkDets})?(?:[\\w'’-]+\\s+){0,2}$`),
    sourceBefore: compile('sourceBefore', `\\b(?:${list('sourceBefore', 'nouns')})\\s+(?:${list('sourceBefore', 'links')})\\s+(?:the\\s+)?$`),
    consequence: compile('consequence', `,\\s+(?:${list('consequence', 'words')})\\b`),
    anaphora: compile('anaphora', anaphora),
    localSubject: compile('localSubject', `\\b(?:${list('localSubject', 'words')})\\b`),
    placeAnaphor: compile('placeAnaphor', `\\b(?:${list('placeAnaphor', 'prepositions')}) the (?:${list('placeAnaphor', 'places')})\\b`),
    listOfAreas: compile('listOfAreas', `\\b(?:${list('listOfAreas', 'alternatives')})\\b`),
    future: compile('future', `\\b(?:${list('future', 'words')})\\b`),
    reportsAfter: compile('reportsAfter', `^\\s+(?:has |have |had )?(?:${list('reportsAfter', 'words')})\\b`),
    runByBefore: compile('runByBefore', `\\b(?:${list('runByBefore', 'words')})\\s+by\\s+(?:the\\s+)?$`),
    // Case-sensitive on purpose: a capitalised word before "delays" is a name, not a process.
    otherDelayBefore: compile('ownDelayBefore', `\\b(?!(?:${list('ownDelayBefore', 'words')})\\b)[a-z]+\\s+$`, ''),
    numberWords: words,
    unnamedBodies: compile('unnamedSubset', unnamedBodies),
    countedUnits: countedUnits.map((r) => compile('unnamedSubset', r)),
    devolvedNations: new Set(list('nations', 'devolved').split('|')),
    amountAfter: compile('notAPlan', `^\\s*(?:${list('notAPlan', 'amountVerbs')})\\s+(?:(?:${list('notAPlan', 'amountQualifiers')})\\s+)?(?:[£$€]|\\d)`),
    contractTermBefore: compile('notAPlan', `\\b(?:${list('notAPlan', 'termNouns')})\\s+(?:[\\w'’-]+\\s+){0,6}(?:${list('notAPlan', 'termVerbs')})\\s+$`),
    guards: compileStatusGuards((key) => list('statusGuards', key), (source) => compile('statusGuards', source)),
    aboutWhich: compileServiceGuards((key) => list('aboutWhich', key), (source, flags) => compile('aboutWhich', source, flags)),
  };
}

function numberWords(file: string, group: unknown): Map<string, number> {
  const values = group && typeof group === 'object' ? (group as Raw).values : undefined;
  if (!values || typeof values !== 'object' || Array.isArray(values)) throw new Error(`${file}: numberWords.values must be an object of word: number`);
  const out = new Map<string, number>();
  for (const [word, n] of Object.entries(values as Raw)) {
    if (!/^[a-z]+$/.test(word) || typeof n !== 'number' || !Number.isFinite(n)) {
      throw new Error(`${file}: numberWords.values.${word} must map a lower-case word to a number`);
    }
    out.set(word, n);
  }
  if (!out.size) throw new Error(`${file}: numberWords.values must not be empty`);
  return out;
}
