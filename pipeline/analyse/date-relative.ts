// Date expressions that need the publication day or an earlier date in the text to mean
// anything: "next week", "the end of the month", "last night", "after Easter", "that year".
import {
  addDays, addMonths, addMonthsDay, dayValue, daySpan, MONTH, monthNo, monthValue, NUM, parseDay, partOf, WEEKDAYS, WORD_NUM, yearValue,
  ymd, type Resolved,
} from './date-values.ts';
import { day, type DatePattern } from './date-patterns.ts';
import { inferYear, PAST, type DateContext } from './date-year.ts';

const MONTH_BEFORE = new RegExp(`\\b${MONTH}\\b(?!.*\\b${MONTH}\\b)`);

const calendarUnit: DatePattern = {
  // "the end of the (financial) year", "this/next/last week|month|year", "earlier this year", "the end of the month".
  re: new RegExp(String.raw`\b(?:(?:the\s+)?(start|beginning|end|middle|close) of\s+|(early|late|mid)[- ])?(?:(earlier|later)\s+)?`
    + String.raw`(this|next|last|the|the current|the next|the last|the coming|the previous|the following)\s+(financial year|year|month|week)\b`, 'gi'),
  priority: 2,
  resolve: (m, ctx) => {
    if (!ctx.pub || !ctx.pubDay) return null;
    const rel = m[4].toLowerCase().replace(/^the\s+/, '');
    const unit = m[5].toLowerCase();
    const part = m[1] ?? m[2];
    if (rel === 'the' && !part) return null; // "the year" alone is not a date
    if (rel === 'following' || (rel === 'previous' && !part)) return null;
    if (rel === 'the' && unit === 'month') {
      // "… through February, closing by the end of the month": the month named just before.
      const named = ctx.sentence.slice(0, m.index ?? 0).match(MONTH_BEFORE);
      if (named) { const mo = monthNo(named[1]); const y = inferYear(mo, ctx); return y === null ? null : monthValue({ y, m: mo }); }
    }
    const k = rel === 'next' || rel === 'coming' ? 1 : rel === 'last' || rel === 'previous' ? -1 : 0;
    if (unit === 'year') return part ? partOf({ y: ctx.pub.y + k, m: 1 }, { y: ctx.pub.y + k, m: 12 }, part) : yearValue(ctx.pub.y + k);
    if (unit === 'financial year') {
      const fy = (ctx.pub.m >= 4 ? ctx.pub.y : ctx.pub.y - 1) + k;
      return partOf({ y: fy, m: 4 }, { y: fy + 1, m: 3 }, part);
    }
    if (unit === 'month') return monthValue(addMonths(ctx.pub, k));
    // Weeks run Monday to Sunday.
    const monday = addDays(ctx.pubDay, -((parseDay(ctx.pubDay).getUTCDay() + 6) % 7) + 7 * k);
    if (part && /end|close/i.test(part)) return day(addDays(monday, 6));
    return daySpan(monday, addDays(monday, 6));
  },
};

const thatYear: DatePattern = {
  // "later that year", "that same year": the year the text named last.
  re: /\b(?:(?:earlier|later)\s+that|that\s+same|the\s+same)\s+year\b/gi,
  priority: 2,
  resolve: (_m, ctx) => {
    const y = ctx.anchorYear?.y ?? ctx.earlierYear;
    return y ? yearValue(y) : null;
  },
};

const pastPeriod: DatePattern = {
  // "the past month", "the last fortnight", "the past three weeks": the period up to publication.
  re: new RegExp(`\\b(?:the\\s+)?(?:past|last|previous)\\s+(?:${NUM}\\s+)?(days?|weeks?|fortnight|months?|years?)\\b`, 'gi'),
  priority: 3,
  resolve: (m, ctx) => {
    if (!ctx.pubDay) return null;
    // "last month" is a calendar unit; "would last seven years" is a verb.
    if (!/^the\s/i.test(m[0]) && !(/^past/i.test(m[0]) && m[1]) && !/fortnight/i.test(m[2])) return null;
    const n = m[1] ? (/^\d+$/.test(m[1]) ? Number(m[1]) : WORD_NUM[m[1].toLowerCase()]) : 1;
    const unit = m[2].toLowerCase().replace(/s$/, '');
    const back = { day: -n, week: -7 * n, fortnight: -14 * n } as Record<string, number>;
    const from = unit in back ? addDays(ctx.pubDay, back[unit]) : addMonthsDay(ctx.pubDay, unit === 'month' ? -n : -12 * n);
    return daySpan(from, ctx.pubDay);
  },
};

const weekend: DatePattern = {
  // "the weekend", "last weekend", "this weekend": Saturday and Sunday around publication.
  re: /\b(?:the|this|last|next|over the|at the)\s+weekend\b/gi,
  priority: 1,
  resolve: (m, ctx) => {
    if (!ctx.pubDay) return null;
    const dow = parseDay(ctx.pubDay).getUTCDay();
    const future = (/next|this/i.test(m[0]) && /\bwill\b/.test(ctx.sentence)) || /^next/i.test(m[0]);
    let sat = addDays(ctx.pubDay, -((dow + 1) % 7));
    if (future && sat < ctx.pubDay) sat = addDays(sat, 7);
    return daySpan(sat, addDays(sat, 1));
  },
};

/** Easter Sunday of a year (the Gregorian computus). */
function easter(y: number): [number, number] {
  const a = y % 19; const b = Math.floor(y / 100); const c = y % 100;
  const d = Math.floor(b / 4); const e = b % 4; const f = Math.floor((b + 8) / 25); const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30; const i = Math.floor(c / 4); const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7; const m = Math.floor((a + 11 * h + 22 * l) / 451);
  return [Math.floor((h + l - 7 * m + 114) / 31), ((h + l - 7 * m + 114) % 31) + 1];
}

/** The first (n = 1) or last (n = -1) Monday of a month. */
function monday(y: number, m: number, n: 1 | -1): string {
  const base = n === 1 ? parseDay(ymd(y, m, 1)) : new Date(Date.UTC(y, m, 0));
  const shift = n === 1 ? (8 - base.getUTCDay()) % 7 : -((base.getUTCDay() + 6) % 7);
  return addDays(base.toISOString().slice(0, 10), shift);
}

const holiday: DatePattern = {
  // Public holidays as England keeps them: Christmas, Boxing Day, Easter, the May and August bank holidays
  // ("after Easter" is one mention: what comes after is not the holiday itself).
  re: new RegExp(String.raw`\b(?:after\s+)?(?:(?:the\s+)?(early\s+May|late\s+May|May|spring|summer|August)\s+bank\s+holiday(?:\s+weekend)?`
    + String.raw`|(Good\s+Friday|Easter(?:\s+(?:Sunday|Monday|weekend|holidays?))?)`
    + String.raw`|(Christmas(?:\s+(?:Day|Eve))?|Boxing\s+Day|New\s+Year['’]s\s+Day))\b`, 'g'),
  priority: 1,
  resolve: (m, ctx) => {
    if (!ctx.pub) return null;
    const bank = m[1]?.toLowerCase().replace(/\s+/g, ' ');
    if (bank) {
      const mo = bank === 'summer' || bank === 'august' ? 8 : 5;
      const y = inferYear(mo, ctx);
      return y === null ? null : day(monday(y, mo, bank === 'may' || bank === 'early may' ? 1 : -1));
    }
    if (m[2]) {
      const y = inferYear(4, ctx);
      if (y === null) return null;
      const [mo, d] = easter(y);
      const sunday = ymd(y, mo, d);
      // The Easter weekend runs from Good Friday to Easter Monday.
      if (/weekend|holiday/i.test(m[2])) return daySpan(addDays(sunday, -2), addDays(sunday, 1));
      return day(addDays(sunday, /good/i.test(m[2]) ? -2 : /monday/i.test(m[2]) ? 1 : 0));
    }
    const name = m[3].toLowerCase();
    if (name.startsWith('new')) { const y = inferYear(1, ctx); return y === null ? null : dayValue(y, 1, 1); }
    const y = ctx.pub.m <= 6 && !PAST.test(ctx.sentence) ? ctx.pub.y : ctx.pub.m <= 6 ? ctx.pub.y - 1 : ctx.pub.y;
    return dayValue(y, 12, /boxing/.test(name) ? 26 : /eve/.test(name) ? 24 : 25);
  },
};

const dayWord: DatePattern = {
  // yesterday / today / tomorrow, and parts of them: "this morning", "last night", "tonight".
  re: /\b(yesterday|today|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening))(?:\s+(?:morning|afternoon|evening))?\b/gi,
  priority: 1,
  resolve: (m, ctx) => {
    if (!ctx.pubDay) return null;
    const w = m[1].toLowerCase();
    const k = w === 'yesterday' || w.startsWith('last') ? -1 : w === 'tomorrow' ? 1 : 0;
    return day(addDays(ctx.pubDay, k));
  },
};

const weekday: DatePattern = {
  // Weekdays: "on Monday" (the latest one up to publication), "next Tuesday", "from Monday" (the coming one).
  // "on Saturday, Sunday or weekdays" names days of every week, not a date.
  re: new RegExp(String.raw`\b(?:(on|last|next|this|from|by|until|of|since|before)\s+)(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`
    + String.raw`(?!,?\s+\d)(?!,?\s+(?:and\s+|or\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)`, 'g'),
  priority: 1,
  resolve: (m, ctx) => {
    if (!ctx.pubDay) return null;
    const target = WEEKDAYS.indexOf(m[2].toLowerCase());
    const today = parseDay(ctx.pubDay).getUTCDay();
    const rel = m[1].toLowerCase();
    const future = /\b(?:will|due|is to|are to|expected|set to|from)\b/.test(ctx.sentence)
      && !/\b(?:was|were|had|went|began|started|took)\b/.test(ctx.sentence);
    const k = rel === 'next' || (rel !== 'last' && rel !== 'since' && future) ? ((target - today + 7) % 7) || 7 : -((today - target + 7) % 7);
    return day(addDays(ctx.pubDay, k));
  },
};

const duration: DatePattern = {
  // "within six months", "in three weeks' time", "two years ago", "over the next 18 months".
  re: new RegExp(`\\b(within|in|over the next|in the next|ago)?\\s*(?:the\\s+next\\s+)?${NUM}\\s+(days?|weeks?|months?|years?)`
    + `(?:['’]?\\s+time)?(\\s+ago)?\\b`, 'gi'),
  priority: 1,
  resolve: (m, ctx) => {
    const pubDay = ctx.pubDay;
    if (!pubDay) return null;
    const lead = (m[1] ?? '').toLowerCase();
    const n = /^\d+$/.test(m[2]) ? Number(m[2]) : WORD_NUM[m[2].toLowerCase()];
    const unit = m[3].toLowerCase().replace(/s$/, '');
    const shift = (k: number) => unit === 'day' ? addDays(pubDay, k * n)
      : unit === 'week' ? addDays(pubDay, 7 * k * n)
      : addMonthsDay(pubDay, (unit === 'month' ? 1 : 12) * k * n);
    if (m[4]) {
      const d = shift(-1);
      if (unit === 'year') return yearValue(Number(d.slice(0, 4)));
      if (unit === 'month') return monthValue({ y: Number(d.slice(0, 4)), m: Number(d.slice(5, 7)) });
      return day(d);
    }
    if (lead === 'within' || lead.startsWith('over') || lead === 'in the next') return daySpan(pubDay, shift(1));
    if (lead === 'in' && /time/.test(m[0])) return day(shift(1));
    return null; // unanchored durations ("for three years") are not dates
  },
};

export const RELATIVE_PATTERNS: DatePattern[] = [calendarUnit, thatYear, pastPeriod, weekend, holiday, dayWord, weekday, duration];

export type { Resolved };
