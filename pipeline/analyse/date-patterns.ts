// The date expressions rollwatch reads, one pattern each, with how to resolve a match against
// the publication day. Overlapping matches are settled in dates.ts: the longest wins, so a
// compound ("Thursday, August 1", "April last year") beats its parts.
import cues from '../../sources/lexicon/date-cues.json' with { type: 'json' };
import {
  addMonths, dayValue, daySpan, lastDay, MONTH, monthNo, monthValue, parseDay, partOf, WEEKDAYS, yearValue, ymd, type Resolved, type Ym,
} from './date-values.ts';
import { inferYear, seasonOf, type DateContext } from './date-year.ts';

export interface DatePattern {
  re: RegExp;
  /** Breaks ties between overlapping matches of the same length. */
  priority: number;
  resolve: (m: RegExpMatchArray, ctx: DateContext) => Resolved | null;
}

const YEAR = '((?:19|20)\\d\\d)';
// "it may be delayed", "2014 patients": words after which a date-like word is no date (date-cues.json notADate).
const MAY_AS_VERB = new RegExp(String.raw`^\s+(?:${cues.notADate.verbsAfterMay.join('|')})\b`);
const COUNTED_AFTER_YEAR = new RegExp(String.raw`^\s+(?:${cues.notADate.countedAfterYear.join('|')})\b`);
const WEEKDAY = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';
const PART = '(?:(?:the\\s+)?(start|beginning|end|middle|close) of\\s+)?';
export const day = (v: string): Resolved => ({ value: v, rangeStart: v, rangeEnd: v });
/** "April last year", "spring next year": a year given relative to publication. */
function relYear(ctx: DateContext, rel: string): number | null {
  if (!ctx.pub) return null;
  const r = rel.toLowerCase();
  return ctx.pub.y + (r === 'last' ? -1 : r === 'next' ? 1 : 0);
}

const financialYear: DatePattern = {
  // NHS financial years: "2013/14", "2013-14", "financial year 2013-2014", "the end of 2021-22".
  re: new RegExp(`\\b${PART}(?:(?:the\\s+)?(?:financial|fiscal)\\s+year\\s+)?${YEAR}[\\/–-]((?:19|20)?\\d\\d)\\b(?![\\/–-]\\d)`, 'g'),
  priority: 3,
  resolve: (m) => {
    const a = Number(m[2]);
    const b = Number(m[3]);
    if ((b < 100 ? a % 100 + 1 : a + 1) % (b < 100 ? 100 : 100000) !== b) return null;
    return partOf({ y: a, m: 4 }, { y: a + 1, m: 3 }, m[1]);
  },
};

const QUARTER_OF: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, final: 4, last: 4 };
const quarter: DatePattern = {
  // Quarters: calendar unless the sentence says financial. "Q3 2013", "the first quarter of 2014/15", "Quarter 1, 2022".
  re: new RegExp(`\\b${PART}(?:(?:the\\s+)?(first|second|third|fourth|final|last)\\s+quarter|Q([1-4])|Quarter\\s+([1-4]))`
    + `(?:,?\\s+(?:of\\s+)?(?:the\\s+)?(?:(?:financial|fiscal)\\s+year\\s+)?((?:19|20)\\d\\d(?:[\\/–-]\\d\\d)?))?`, 'g'),
  priority: 2,
  resolve: (m, ctx) => {
    const q = m[3] || m[4] ? Number(m[3] ?? m[4]) : QUARTER_OF[m[2].toLowerCase()];
    const financial = /financial|fiscal/i.test(ctx.sentence) || (m[5] ?? '').length > 4;
    let y: number;
    if (m[5]) y = Number(m[5].slice(0, 4));
    else if (ctx.pub) y = financial && ctx.pub.m < 4 ? ctx.pub.y - 1 : ctx.pub.y;
    else return null;
    const a: Ym = financial ? addMonths({ y, m: 4 }, (q - 1) * 3) : { y, m: (q - 1) * 3 + 1 };
    return partOf(a, addMonths(a, 2), m[1]);
  },
};

const dayMonth: DatePattern = {
  // Day month [year]: "1 April", "Tuesday 21 May 2013", "1st of April".
  re: new RegExp(`\\b(?:${WEEKDAY},?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR})?\\b`, 'g'),
  priority: 4,
  resolve: (m, ctx) => {
    const mo = monthNo(m[2]);
    const y = m[3] ? Number(m[3]) : inferYear(mo, ctx);
    return y === null ? null : dayValue(y, mo, Number(m[1]));
  },
};

const dayRange: DatePattern = {
  // "between 1 and 11 April", "3-7 June 2024": the days of one month.
  re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:and|to|-|–)\\s*(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR})?\\b`, 'g'),
  priority: 4,
  resolve: (m, ctx) => {
    const mo = monthNo(m[3]);
    const y = m[4] ? Number(m[4]) : inferYear(mo, ctx);
    const a = y === null ? null : dayValue(y, mo, Number(m[1]));
    const b = y === null ? null : dayValue(y, mo, Number(m[2]));
    return a && b && a.value < b.value ? daySpan(a.value, b.value) : null;
  },
};

const monthDay: DatePattern = {
  // Month day[, year]: "April 1, 2013", "Thursday, August 1", "Monday, December 19".
  re: new RegExp(`\\b(?:${WEEKDAY},?\\s+)?${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s+${YEAR})?\\b`, 'g'),
  priority: 3,
  resolve: (m, ctx) => {
    const mo = monthNo(m[1]);
    const y = m[3] ? Number(m[3]) : inferYear(mo, ctx);
    return y === null ? null : dayValue(y, mo, Number(m[2]));
  },
};

const weekdayAndDay: DatePattern = {
  // "on Wednesday 21" with the month left out: the day near publication that is that weekday.
  re: new RegExp(`\\b(${WEEKDAY})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*(?:of\\s+)?${MONTH}|[:.]\\d|\\s*(?:am|pm|%))`, 'g'),
  priority: 1,
  resolve: (m, ctx) => {
    if (!ctx.pub) return null;
    const want = WEEKDAYS.indexOf(m[1].toLowerCase());
    for (const k of [0, 1, -1]) {
      const a = addMonths(ctx.pub, k);
      const d = Number(m[2]);
      if (d > lastDay(a.y, a.m)) continue;
      if (parseDay(ymd(a.y, a.m, d)).getUTCDay() === want) return day(ymd(a.y, a.m, d));
    }
    return null;
  },
};

const numericDay: DatePattern = {
  // UK numerals, day first: 01/04/2013.
  re: /\b(\d{1,2})[\/.](\d{1,2})[\/.]((?:19|20)?\d\d)\b/g,
  priority: 4,
  resolve: (m) => dayValue(m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]), Number(m[2]), Number(m[1])),
};

const month: DatePattern = {
  // [the start/end of] [early/late] [next/last] Month [year | last year | next year].
  re: new RegExp(`\\b${PART}(?:(early|late|mid)[- ])?(?:(next|last|this)\\s+)?${MONTH}(?:,?\\s+${YEAR}|\\s+(last|next|this)\\s+year)?(?![\\w/])`, 'g'),
  priority: 1,
  resolve: (m, ctx) => {
    const mo = monthNo(m[4]);
    const after = ctx.sentence.slice((m.index ?? 0) + m[0].length);
    if (m[4] === 'May' && !m[5] && !m[6] && !m[3] && !m[1] && MAY_AS_VERB.test(after)) return null;
    const y = m[5] ? Number(m[5]) : m[6] ? relYear(ctx, m[6]) : inferYear(mo, ctx, m[3]);
    return y === null ? null : monthValue({ y, m: mo });
  },
};

const season: DatePattern = {
  // "summer", "the end of this summer", "next winter", "autumn 2013", "winter 2013/14", "Spring of 2026", "spring last year".
  re: new RegExp(String.raw`\b(?:(?:the\s+)?(start|beginning|end|middle|turn|close) of\s+)?(?:(early|late|mid)[- ])?`
    + String.raw`(?:(this|next|last|the coming|coming|past|the)\s+)?(spring|summer|autumn|winter)\b`
    + String.raw`(?:\s+(?:of\s+)?((?:19|20)\d\d(?:[\/–-]\d\d)?)|\s+(last|next|this)\s+year\b)?`, 'gi'),
  priority: 2,
  resolve: (m, ctx) => {
    const shifted = m[6] ? relYear(ctx, m[6]) : null;
    if (m[6] && shifted === null) return null;
    const span = seasonOf(m[4], ctx, m[3], m[5] ?? (shifted === null ? undefined : String(shifted)));
    return span ? partOf(span[0], span[1], m[1] ?? m[2]) : null;
  },
};

const year: DatePattern = {
  // Years: "in 2012", "the end of 2013"; not money, not counts.
  re: /\b(?:(?:the\s+)?(start|beginning|end|middle|close) of\s+)?(?:(early|late|mid)[- ])?((?:19[89]|20[0-4])\d)\b(?![\/–-]\d|,\d|\.\d|\s*%)/g,
  priority: 0,
  resolve: (m, ctx) => {
    const text = ctx.sentence;
    const at = m.index ?? 0;
    if (/[£$€]\s?$/.test(text.slice(Math.max(0, at - 2), at))) return null;
    // "2014 patients": a count, unless a preposition makes it a time ("in 2014 patients …").
    const after = text.slice(at + m[0].length, at + m[0].length + 20);
    if (COUNTED_AFTER_YEAR.test(after)
      && !/\b(?:in|by|from|since|until|of|during)\s+$/i.test(text.slice(Math.max(0, at - 8), at))) return null;
    const y = Number(m[3]);
    const part = m[1] ?? m[2];
    return part ? partOf({ y, m: 1 }, { y, m: 12 }, part) : yearValue(y);
  },
};

export const CALENDAR_PATTERNS: DatePattern[] = [financialYear, quarter, dayMonth, dayRange, monthDay, weekdayAndDay, numericDay, month, season, year];
