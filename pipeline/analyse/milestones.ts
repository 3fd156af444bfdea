// Whether a date times a rollout milestone (a go-live, deadline, target, pause, contract,
// review, closure…) or something else (when a speech was made, a statistic's period, an
// unrelated event). The words that say so are data in sources/lexicon/date-cues.json.
import cues from '../../sources/lexicon/date-cues.json' with { type: 'json' };
import { SPEECH_RE } from './speakers.ts';
import { clauseAround, isTarget } from './tense.ts';

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const MILESTONE = new RegExp(`(?<![\\p{L}-])(?:${[...cues.milestone].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}-])`, 'iu');
const NOT_BEFORE = cues.notMilestoneBefore.map((r) => new RegExp(r, 'i'));
const NOT_AFTER = cues.notMilestoneAfter.map((r) => new RegExp(r, 'i'));
const STARTS = new RegExp(`\\b(?:${cues.startBefore.map(escape).join('|')})\\s+$`, 'i');
const RELATIVE = /^\W*(?:which|who|that|where|when)\b/i;
/** A clause this short besides the date ("By 1 December, …") takes its meaning from the sentence. */
const SHORT_CLAUSE_WORDS = 3;

const wordCount = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

/**
 * Whether the date at [a, b) of `sentence` times a milestone. `intro` is the line a list item
 * hangs from ("… will be phased in over three years:"), when the sentence is such an item.
 */
export function timesMilestone(sentence: string, a: number, b: number, intro?: string): boolean {
  const [cs, ce] = clauseAround(sentence, a, b);
  const before = sentence.slice(cs, a);
  const after = sentence.slice(b, ce);
  if (NOT_BEFORE.some((r) => r.test(before)) || NOT_AFTER.some((r) => r.test(sentence.slice(b)))) return false;
  if (MILESTONE.test(before) || MILESTONE.test(after) || MILESTONE.test(sentence.slice(a, b))) return true;
  // "… follows a pilot, which took place in June": a relative clause times what it hangs from.
  if (RELATIVE.test(before) && cs > 0 && MILESTONE.test(sentence.slice(clauseAround(sentence, cs - 1, cs - 1)[0], cs))) return true;
  // "by 2016", "until 8am on Wednesday", "from April", "since 2006": a deadline, an end or a start is a milestone of whatever it times.
  if (isTarget(sentence.slice(0, a)) || STARTS.test(sentence.slice(0, a))) return true;
  // "By 1 December, this will …", "said in May that the scheme …": the date's clause is
  // only a frame, or the time of an announcement; the sentence says what it times.
  const frame = wordCount(before) + wordCount(after) <= SHORT_CLAUSE_WORDS || SPEECH_RE.test(before) || SPEECH_RE.test(after);
  if (frame && MILESTONE.test(sentence)) return true;
  return frame && intro !== undefined && wordCount(sentence) <= 8 && MILESTONE.test(intro);
}
