// The year of a date written without one ("in March", "15 June", "this winter"): an explicit
// year earlier in the sentence wins; else the tense of the verb that governs the date decides
// which side of the publication day it falls on; else the occurrence nearest publication.
import { addMonths, SEASON_START, type Ym } from './date-values.ts';
import { isTarget, mainTense, type Tense } from './tense.ts';

export const PAST = new RegExp(String.raw`\b(?:was|were|had|did|ago|last|previously|earlier|since|launched|went|began|started|announced|agreed|`
  + String.raw`decided|saw|took|came|rose|fell|reached|opened|closed)\b`, 'i');

/** What a mention's year may depend on, beyond its own words. */
export interface DateContext {
  pub: Ym | null;
  pubDay: string | null;
  sentence: string;
  /** Up to 40 characters of the sentence before the mention, and up to 20 after it. */
  before: string;
  after: string;
  /** The last explicit month-year or year written earlier in the sentence. */
  anchorYear: Ym | null;
  /** The last explicit year of an earlier sentence ("… in 2010. Later that year …"). */
  earlierYear: number | null;
  /** The tense of the verb governing the mention (worked out on first use). */
  tense: () => Tense;
}

/** Year for a month named without one ("next"/"last" given as `rel`). */
export function inferYear(m: number, ctx: DateContext, rel?: string): number | null {
  const target = isTarget(ctx.before, ctx.after);
  if (rel) {
    if (!ctx.pub) return null;
    const r = rel.toLowerCase();
    if (r === 'next') return m > ctx.pub.m ? ctx.pub.y : ctx.pub.y + 1;
    if (r === 'last') return m < ctx.pub.m ? ctx.pub.y : ctx.pub.y - 1;
    return ctx.pub.y;
  }
  if (ctx.anchorYear) {
    const a = ctx.anchorYear;
    return target && m < a.m ? a.y + 1 : a.y;
  }
  if (!ctx.pub) return null;
  const { y, m: pm } = ctx.pub;
  const diff = m - pm; // -11..11
  const tense = ctx.tense();
  // "closed in March": the last March; "will close in March": the next one. A deadline ("by
  // March") lies ahead, unless a past verb set it ("had set a target of … by December").
  if (tense === 'future') return diff >= 0 ? y : y + 1;
  // A deadline reported in the past tense ("the letter stated that … should be available by 31 October") is the nearest one.
  if (target && tense === null && mainTense(ctx.sentence) !== 'past') return diff >= -1 ? y : y + 1;
  if (tense === 'past' && !target) return diff <= 0 ? y : y - 1;
  // No tense to go by: the occurrence nearest publication (news speaks of the recent past and near future).
  if (diff > 6) return y - 1;
  if (diff < -6) return y + 1;
  // Half a year either way: ahead, unless the sentence speaks of the past.
  const ahead = target || !PAST.test(ctx.sentence);
  if (Math.abs(diff) === 6) return y + (ahead ? (diff < 0 ? 1 : 0) : (diff > 0 ? -1 : 0));
  return y;
}

/** The period of a season: winter runs December to February and is named by the year it starts in. */
export function seasonOf(season: string, ctx: DateContext, rel: string | undefined, year: string | undefined): [Ym, Ym] | null {
  const s = SEASON_START[season.toLowerCase()];
  let y: number;
  if (year) {
    const fy = year.match(/^(\d{4})[\/-](\d{2})$/);
    y = Number(fy ? fy[1] : year);
  } else {
    if (!ctx.pub) return null;
    const p = ctx.pub;
    const r = (rel ?? '').toLowerCase().trim();
    // Which occurrence the text means: the current one if we are in it, else the coming one,
    // "last" the one before.
    const startOf = (yy: number): number => yy * 12 + s - 1;
    const now = p.y * 12 + p.m - 1;
    let cur = p.y;
    if (s === 12 && p.m <= 2) cur = p.y - 1;
    const inIt = now >= startOf(cur) && now <= startOf(cur) + 2;
    if (r === 'last' || r === 'past') y = inIt || now < startOf(cur) ? cur - 1 : cur;
    else if (r === 'next' || r === 'the coming' || r === 'coming') y = now < startOf(cur) ? cur : cur + 1;
    else {
      // The current or coming occurrence ("winter" in May is the next one), unless the
      // date's own verb is past, then the latest one that has begun; a deadline ("pushed back
      // to the end of the summer") still lies ahead.
      y = inIt || now < startOf(cur) ? cur : cur + 1;
      if (ctx.tense() === 'past' && !isTarget(ctx.before, ctx.after) && startOf(y) > now) y -= 1;
      if (ctx.anchorYear) y = ctx.anchorYear.y;
    }
    if (r === 'this') y = cur;
  }
  const a: Ym = { y, m: s };
  return [a, addMonths(a, 2)];
}
