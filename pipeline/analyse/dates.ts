// Rule-based date mentions, resolved against the publication day (the anchor). Regexes
// cover explicit dates, NHS financial years and quarters, seasons and relative phrases;
// ambiguous years are inferred from an explicit year earlier in the sentence, then tense.
import type { DateMention } from '../types.ts';
import type { Sentence } from './text.ts';

interface Ym { y: number; m: number }

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};
// Case-sensitive on purpose: "may" and "march" are also words.
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)';
const WORD_NUM: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, eighteen: 18, 'twenty-four': 24, few: 3 };
const NUM = '(\\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four)';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const SEASON_START: Record<string, number> = { spring: 3, summer: 6, autumn: 9, fall: 9, winter: 12 };

const monthNo = (w: string): number => MONTHS[w.toLowerCase().replace('.', '')];
const pad = (n: number) => String(n).padStart(2, '0');
const ym = (y: number, m: number) => `${y}-${pad(m)}`;
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const norm = (a: Ym): Ym => { const t = a.y * 12 + (a.m - 1); return { y: Math.floor(t / 12), m: (t % 12) + 1 }; };
const addMonths = (a: Ym, k: number): Ym => norm({ y: a.y, m: a.m + k });

function parseDay(iso: string): Date { return new Date(`${iso}T00:00:00Z`); }
function isoOf(d: Date): string { return d.toISOString().slice(0, 10); }
function addDays(iso: string, k: number): string { const d = parseDay(iso); d.setUTCDate(d.getUTCDate() + k); return isoOf(d); }
function addMonthsDay(iso: string, k: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const t = norm({ y, m: m + k });
  return ymd(t.y, t.m, Math.min(d, lastDay(t.y, t.m)));
}

interface Resolved { value: string; rangeStart: string; rangeEnd: string }

const monthValue = (a: Ym): Resolved => ({ value: ym(a.y, a.m), rangeStart: ymd(a.y, a.m, 1), rangeEnd: ymd(a.y, a.m, lastDay(a.y, a.m)) });
const yearValue = (y: number): Resolved => ({ value: String(y), rangeStart: `${y}-01-01`, rangeEnd: `${y}-12-31` });
const dayValue = (y: number, m: number, d: number): Resolved | null =>
  d >= 1 && m >= 1 && m <= 12 && d <= lastDay(y, m) ? { value: ymd(y, m, d), rangeStart: ymd(y, m, d), rangeEnd: ymd(y, m, d) } : null;
const monthSpan = (a: Ym, b: Ym): Resolved => ({ value: `${ym(a.y, a.m)}/${ym(b.y, b.m)}`, rangeStart: ymd(a.y, a.m, 1), rangeEnd: ymd(b.y, b.m, lastDay(b.y, b.m)) });
const daySpan = (a: string, b: string): Resolved => ({ value: `${a}/${b}`, rangeStart: a, rangeEnd: b });

/** A part of a period picked by "the start/end/middle of", "early/late". */
function partOf(a: Ym, b: Ym, part: string | undefined): Resolved {
  if (!part) return a.y === b.y && a.m === b.m ? monthValue(a) : monthSpan(a, b);
  const p = part.toLowerCase();
  // "early 2015" / "late next year": a third of a year; "the end of 2013" stays its last month.
  const months = (b.y - a.y) * 12 + (b.m - a.m) + 1;
  if (months === 12 && (p === 'early' || p === 'late' || p === 'mid')) {
    const from = addMonths(a, p === 'early' ? 0 : p === 'mid' ? 4 : 8);
    return monthSpan(from, addMonths(from, 3));
  }
  if (p === 'end' || p === 'close' || p === 'late' || p === 'turn') return monthValue(b);
  if (p === 'start' || p === 'beginning' || p === 'early') return monthValue(a);
  const span = (b.y - a.y) * 12 + (b.m - a.m);
  return monthValue(addMonths(a, Math.floor(span / 2)));
}

const PAST = /\b(?:was|were|had|did|ago|last|previously|earlier|since|launched|went|began|started|announced|agreed|decided|saw|took|came|rose|fell|reached|opened|closed)\b/i;
const FUTURE = /\b(?:will|by|until|till|due|expected|expects?|plans?|planned|aims?|set to|intends?|next|from|scheduled|deadline|ahead|upcoming|coming)\b/i;

interface Context { pub: Ym | null; pubDay: string | null; sentence: string; before: string; anchorYear: Ym | null }

/** Year for a month named without one: an explicit year earlier in the sentence wins, then the publication year adjusted by tense. */
function inferYear(m: number, ctx: Context, rel?: string): number | null {
  const forward = /\b(?:until|till|to|by|before)\s+(?:the\s+\w+\s+of\s+)?$/i.test(ctx.before);
  if (rel) {
    if (!ctx.pub) return null;
    const r = rel.toLowerCase();
    if (r === 'next') return m > ctx.pub.m ? ctx.pub.y : ctx.pub.y + 1;
    if (r === 'last') return m < ctx.pub.m ? ctx.pub.y : ctx.pub.y - 1;
    return ctx.pub.y;
  }
  if (ctx.anchorYear) {
    const a = ctx.anchorYear;
    return forward && m < a.m ? a.y + 1 : a.y;
  }
  if (!ctx.pub) return null;
  // A bare month is the occurrence nearest the publication date (news speaks of the recent
  // past and near future); tense right before the mention can push it to the other side.
  const diff = m - ctx.pub.m; // -11..11
  let y = ctx.pub.y;
  if (diff > 6) y -= 1;
  else if (diff < -6) y += 1;
  else if (Math.abs(diff) === 6) y += FUTURE.test(ctx.sentence) && !PAST.test(ctx.sentence) ? (diff < 0 ? 1 : 0) : (diff > 0 ? -1 : 0);
  const near = ctx.before.slice(-30);
  const ahead = (y - ctx.pub.y) * 12 + diff;
  if (ahead > 0 && /\b(?:since|ago|last|earlier|was|were|had|did)\b/i.test(near) && !FUTURE.test(near)) y -= 1;
  else if (ahead < -1 && /\b(?:will|by|until|till|from|due|expected|next|deadline)\b/i.test(near) && !PAST.test(near)) y += 1;
  return y;
}

/** The period of a season: winter runs December to February. */
function seasonOf(season: string, ctx: Context, rel: string | undefined, year: string | undefined): [Ym, Ym] | null {
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
    // "last" the one before. Winter is named by the year it starts in.
    const startOf = (yy: number): number => yy * 12 + s - 1;
    const now = p.y * 12 + p.m - 1;
    let cur = p.y;
    if (s === 12 && p.m <= 2) cur = p.y - 1;
    const inIt = now >= startOf(cur) && now <= startOf(cur) + 2;
    if (r === 'last' || r === 'past') y = inIt || now < startOf(cur) ? cur - 1 : cur;
    else if (r === 'next' || r === 'the coming' || r === 'coming') y = now < startOf(cur) ? cur : cur + 1;
    else {
      // The current or coming occurrence ("winter" in May is the next one), unless the
      // sentence speaks of the past, then the latest one that has begun.
      const near = ctx.before.slice(-40);
      const past = (PAST.test(near) && !FUTURE.test(near)) || (PAST.test(ctx.sentence) && !FUTURE.test(ctx.sentence));
      y = inIt || now < startOf(cur) ? cur : cur + 1;
      if (past && startOf(y) > now) y -= 1;
      if (ctx.anchorYear) y = ctx.anchorYear.y;
    }
    if (r === 'this') y = cur;
  }
  const a: Ym = { y, m: s };
  return [a, addMonths(a, 2)];
}

interface Candidate extends Resolved { start: number; end: number; priority: number }

// Patterns built once from the MONTH/NUM pieces above.
const RE_0 = new RegExp(`(?:${MONTH}\\s+)?\\b((?:19|20)\\d\\d)\\b`, 'g');
const RE_1 = new RegExp(`\\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+((?:19|20)\\d\\d))?\\b`, 'g');
const RE_2 = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s+((?:19|20)\\d\\d))?\\b`, 'g');
const RE_3 = new RegExp(`\\b(?:(?:the\\s+)?(start|beginning|end|middle|close) of\\s+)?(?:(early|late|mid)[- ])?(?:(next|last|this)\\s+)?${MONTH}(?:,?\\s+((?:19|20)\\d\\d))?(?![\\w/])`, 'g');
const RE_4 = new RegExp(`\\b(within|in|over the next|in the next|ago)?\\s*(?:the\\s+next\\s+)?${NUM}\\s+(days?|weeks?|months?|years?)(?:['’]?\\s+time)?(\\s+ago)?\\b`, 'gi');

export function findDates(body: string, sentences: Sentence[], published: string | null): DateMention[] {
  const pub: Ym | null = published ? { y: Number(published.slice(0, 4)), m: Number(published.slice(5, 7)) } : null;
  const out: DateMention[] = [];
  for (const s of sentences) {
    const found: Candidate[] = [];
    const text = s.text;
    const explicitYears: Array<{ at: number; ym: Ym }> = [];
    for (const m of text.matchAll(RE_0)) {
      explicitYears.push({ at: m.index ?? 0, ym: { y: Number(m[2]), m: m[1] ? monthNo(m[1]) : 1 } });
    }
    const ctxAt = (at: number): Context => {
      let anchorYear: Ym | null = null;
      for (const e of explicitYears) if (e.at < at) anchorYear = e.ym;
      return { pub, pubDay: published, sentence: text, before: text.slice(Math.max(0, at - 40), at), anchorYear };
    };
    const add = (m: RegExpMatchArray, r: Resolved | null, priority = 0, lead = 0) => {
      if (!r) return;
      const start = (m.index ?? 0) + lead;
      found.push({ ...r, start, end: (m.index ?? 0) + m[0].length, priority });
    };
    const scan = (re: RegExp, fn: (m: RegExpMatchArray, ctx: Context) => Resolved | null, priority = 0) => {
      for (const m of text.matchAll(re)) add(m, fn(m, ctxAt(m.index ?? 0)), priority);
    };

    // NHS financial years: "2013/14", "2013-14", "financial year 2013-2014".
    scan(/\b(?:(?:the\s+)?(?:financial|fiscal)\s+year\s+)?((?:19|20)\d\d)[\/–-]((?:19|20)?\d\d)\b(?![\/–-]\d)/g, (m) => {
      const a = Number(m[1]);
      const b = Number(m[2]);
      if ((b < 100 ? a % 100 + 1 : a + 1) % (b < 100 ? 100 : 100000) !== b) return null;
      return monthSpan({ y: a, m: 4 }, { y: a + 1, m: 3 });
    }, 3);
    // Quarters: calendar unless the sentence says financial.
    scan(/\b(?:(?:the\s+)?(start|beginning|end|middle|close) of\s+)?(?:(?:the\s+)?(first|second|third|fourth|final|last)\s+quarter|Q([1-4]))(?:\s+(?:of\s+)?(?:the\s+)?(?:(?:financial|fiscal)\s+year\s+)?((?:19|20)\d\d(?:[\/–-]\d\d)?))?/g, (m, ctx) => {
      const q = m[3] ? Number(m[3]) : ({ first: 1, second: 2, third: 3, fourth: 4, final: 4, last: 4 } as Record<string, number>)[m[2].toLowerCase()];
      const financial = /financial|fiscal/i.test(ctx.sentence) || (m[4] ?? '').length > 4;
      let y: number;
      if (m[4]) y = Number(m[4].slice(0, 4));
      else if (ctx.pub) y = financial && ctx.pub.m < 4 ? ctx.pub.y - 1 : ctx.pub.y;
      else return null;
      const a: Ym = financial ? addMonths({ y, m: 4 }, (q - 1) * 3) : { y, m: (q - 1) * 3 + 1 };
      return partOf(a, addMonths(a, 2), m[1]);
    }, 2);
    // Day month [year]: "1 April", "Tuesday 21 May 2013", "1st of April".
    scan(RE_1, (m, ctx) => {
      const mo = monthNo(m[2]);
      const y = m[3] ? Number(m[3]) : inferYear(mo, ctx);
      return y === null ? null : dayValue(y, mo, Number(m[1]));
    }, 4);
    // Month day[, year]: "April 1, 2013".
    scan(RE_2, (m, ctx) => {
      const mo = monthNo(m[1]);
      const y = m[3] ? Number(m[3]) : inferYear(mo, ctx);
      return y === null ? null : dayValue(y, mo, Number(m[2]));
    }, 3);
    // UK numerals, day first: 01/04/2013.
    scan(/\b(\d{1,2})[\/.](\d{1,2})[\/.]((?:19|20)?\d\d)\b/g, (m) => {
      const y = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
      return dayValue(y, Number(m[2]), Number(m[1]));
    }, 4);
    // [the start/end of] [early/late] [next/last] Month [year].
    scan(RE_3, (m, ctx) => {
      const mo = monthNo(m[4]);
      if (m[4] === 'May' && !m[5] && !m[3] && !m[1] && /^\s+(?:be|have|not|also|well|need|want|take|face|well|result|lead|see|affect)\b/.test(text.slice((m.index ?? 0) + m[0].length))) return null;
      const y = m[5] ? Number(m[5]) : inferYear(mo, ctx, m[3]);
      return y === null ? null : monthValue({ y, m: mo });
    }, 1);
    // Seasons: "summer", "the end of this summer", "next winter", "autumn 2013", "winter 2013/14".
    scan(/\b(?:(?:the\s+)?(start|beginning|end|middle|turn|close) of\s+)?(?:(early|late|mid)[- ])?(?:(this|next|last|the coming|coming|past|the)\s+)?(spring|summer|autumn|winter)\b(?:\s+(?:of\s+)?((?:19|20)\d\d(?:[\/–-]\d\d)?))?/gi, (m, ctx) => {
      const span = seasonOf(m[4], ctx, m[3], m[5]);
      if (!span) return null;
      return partOf(span[0], span[1], m[1] ?? m[2]);
    }, 2);
    // Years: "in 2012", "the end of 2013"; not money, not counts.
    scan(/\b(?:(?:the\s+)?(start|beginning|end|middle|close) of\s+)?(?:(early|late|mid)[- ])?((?:19[89]|20[0-4])\d)\b(?![\/–-]\d|,\d|\.\d|\s*%)/g, (m) => {
      const before = text.slice(Math.max(0, (m.index ?? 0) - 2), m.index ?? 0);
      if (/[£$€]\s?$/.test(before)) return null;
      // "2014 patients": a count, unless a preposition makes it a time ("in 2014 patients …").
      const after = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 20);
      if (/^\s+(?:patients|people|staff|practices|GPs|beds|calls|cases|nurses|doctors|jobs|posts|appointments|referrals|records|users|homes|pharmacies|households|residents)\b/.test(after) && !/\b(?:in|by|from|since|until|of|during)\s+$/i.test(text.slice(Math.max(0, (m.index ?? 0) - 8), m.index ?? 0))) return null;
      const y = Number(m[3]);
      const part = m[1] ?? m[2];
      if (!part) return yearValue(y);
      return partOf({ y, m: 1 }, { y, m: 12 }, part);
    }, 0);
    // "the end of the (financial) year", "this/next/last week|month|year", "earlier this year".
    scan(/\b(?:(?:the\s+)?(start|beginning|end|middle|close) of\s+|(early|late|mid)[- ])?(?:(earlier|later)\s+)?(this|next|last|the|the current|the next|the last|the coming|the previous|the following)\s+(financial year|year|month|week)\b/gi, (m, ctx) => {
      if (!ctx.pub || !ctx.pubDay) return null;
      const rel = m[4].toLowerCase().replace(/^the\s+/, '');
      const unit = m[5].toLowerCase();
      const part = m[1] ?? m[2];
      if (rel === 'the' && !part) return null; // "the year" alone is not a date
      if (rel === 'following' || rel === 'previous' && !part) return null;
      const k = rel === 'next' || rel === 'coming' ? 1 : rel === 'last' || rel === 'previous' ? -1 : 0;
      if (unit === 'year') return part ? partOf({ y: ctx.pub.y + k, m: 1 }, { y: ctx.pub.y + k, m: 12 }, part) : yearValue(ctx.pub.y + k);
      if (unit === 'financial year') {
        const fy = (ctx.pub.m >= 4 ? ctx.pub.y : ctx.pub.y - 1) + k;
        return partOf({ y: fy, m: 4 }, { y: fy + 1, m: 3 }, part);
      }
      if (unit === 'month') return monthValue(addMonths(ctx.pub, k));
      // Weeks run Monday to Sunday.
      const d = parseDay(ctx.pubDay);
      const monday = addDays(ctx.pubDay, -((d.getUTCDay() + 6) % 7) + 7 * k);
      if (part && /end|close/i.test(part)) { const e = addDays(monday, 6); return { value: e, rangeStart: e, rangeEnd: e }; }
      return daySpan(monday, addDays(monday, 6));
    }, 2);
    // "the past month", "the last fortnight", "the past three weeks": the period up to publication.
    scan(new RegExp(`\\b(?:the\\s+)?(?:past|last|previous)\\s+(?:${NUM}\\s+)?(days?|weeks?|fortnight|months?|years?)\\b`, 'gi'), (m, ctx) => {
      if (!ctx.pubDay) return null;
      if (!/^the\s/i.test(m[0]) && !m[1] && !/fortnight/i.test(m[2])) return null; // "last month" is handled as a calendar unit
      const n = m[1] ? (/^\d+$/.test(m[1]) ? Number(m[1]) : WORD_NUM[m[1].toLowerCase()]) : 1;
      const unit = m[2].toLowerCase().replace(/s$/, '');
      const from = unit === 'day' ? addDays(ctx.pubDay, -n) : unit === 'week' ? addDays(ctx.pubDay, -7 * n) : unit === 'fortnight' ? addDays(ctx.pubDay, -14 * n) : unit === 'month' ? addMonthsDay(ctx.pubDay, -n) : addMonthsDay(ctx.pubDay, -12 * n);
      return daySpan(from, ctx.pubDay);
    }, 3);
    // "the weekend", "last weekend", "this weekend": Saturday and Sunday around publication.
    scan(/\b(?:the|this|last|next|over the|at the)\s+weekend\b/gi, (m, ctx) => {
      if (!ctx.pubDay) return null;
      const dow = parseDay(ctx.pubDay).getUTCDay();
      const future = /next|this/i.test(m[0]) && /\bwill\b/.test(ctx.sentence) || /^next/i.test(m[0]);
      let sat = addDays(ctx.pubDay, -((dow + 1) % 7));
      if (future && sat < ctx.pubDay) sat = addDays(sat, 7);
      return daySpan(sat, addDays(sat, 1));
    }, 1);
    scan(/\bChristmas(?: Day)?\b/g, (_m, ctx) => {
      if (!ctx.pub) return null;
      return dayValue(ctx.pub.m <= 6 && !PAST.test(ctx.sentence) ? ctx.pub.y : ctx.pub.m <= 6 ? ctx.pub.y - 1 : ctx.pub.y, 12, 25);
    }, 0);
    // yesterday / today / tomorrow.
    scan(/\b(yesterday|today|tomorrow)\b/gi, (m, ctx) => {
      if (!ctx.pubDay) return null;
      const k = { yesterday: -1, today: 0, tomorrow: 1 }[m[1].toLowerCase()] ?? 0;
      const d = addDays(ctx.pubDay, k);
      return { value: d, rangeStart: d, rangeEnd: d };
    }, 1);
    // Weekdays: "on Monday" (the latest one up to publication), "next Tuesday".
    scan(/\b(?:(on|last|next|this|from|by|until|of|since|before)\s+)(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!,?\s+\d)/g, (m, ctx) => {
      if (!ctx.pubDay) return null;
      const target = WEEKDAYS.indexOf(m[2].toLowerCase());
      const today = parseDay(ctx.pubDay).getUTCDay();
      const rel = m[1].toLowerCase();
      let k: number;
      const future = /\b(?:will|due|is to|are to|expected|set to|from)\b/.test(ctx.sentence) && !/\b(?:was|were|had|went|began|started|took)\b/.test(ctx.sentence);
      if (rel === 'next' || (rel !== 'last' && rel !== 'since' && future)) k = ((target - today + 7) % 7) || 7;
      else k = -((today - target + 7) % 7);
      const d = addDays(ctx.pubDay, k);
      return { value: d, rangeStart: d, rangeEnd: d };
    }, 1);
    // "within six months", "in three weeks' time", "two years ago", "over the next 18 months".
    scan(RE_4, (m, ctx) => {
      if (!ctx.pubDay) return null;
      const lead = (m[1] ?? '').toLowerCase();
      const n = /^\d+$/.test(m[2]) ? Number(m[2]) : WORD_NUM[m[2].toLowerCase()];
      const unit = m[3].toLowerCase().replace(/s$/, '');
      const ago = Boolean(m[4]);
      const shift = (k: number) => unit === 'day' ? addDays(ctx.pubDay!, k * n) : unit === 'week' ? addDays(ctx.pubDay!, 7 * k * n) : unit === 'month' ? addMonthsDay(ctx.pubDay!, k * n) : addMonthsDay(ctx.pubDay!, 12 * k * n);
      if (ago) {
        const d = shift(-1);
        if (unit === 'year') return yearValue(Number(d.slice(0, 4)));
        if (unit === 'month') return monthValue({ y: Number(d.slice(0, 4)), m: Number(d.slice(5, 7)) });
        return { value: d, rangeStart: d, rangeEnd: d };
      }
      if (lead === 'within' || lead.startsWith('over') || lead === 'in the next') return daySpan(ctx.pubDay, shift(1));
      if (lead === 'in' && /time/.test(m[0])) { const d = shift(1); return { value: d, rangeStart: d, rangeEnd: d }; }
      return null; // unanchored durations ("for three years") are not dates
    }, 1);

    // Keep the longest, then highest-priority, non-overlapping candidates.
    found.sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start) || b.priority - a.priority);
    let lastEnd = -1;
    for (const c of found) {
      if (c.start < lastEnd) continue;
      // Longer overlapping candidates that start later can still win over a shorter earlier one.
      const rival = found.find((o) => o !== c && o.start > c.start && o.start < c.end && o.end - o.start > c.end - c.start);
      if (rival) continue;
      lastEnd = c.end;
      let surface = text.slice(c.start, c.end);
      let start = c.start;
      const lead = surface.match(/^(?:by|from|until|till|in|on|since|before|after|during|within|over)\s+(?=\S)/i);
      if (lead && !/^within|^over/i.test(lead[0])) { start += lead[0].length; surface = surface.slice(lead[0].length); }
      out.push({ surface, value: c.value, rangeStart: c.rangeStart, rangeEnd: c.rangeEnd, start: s.start + start, end: s.start + c.end });
    }
  }
  return out;
}
