// Calendar arithmetic for date mentions: months, days, periods and the ISO values at the
// precision the text gives (`2013`, `2013-08`, `2013-08-31`, `2013-06/2013-08`).
export interface Ym { y: number; m: number }

export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};
// Case-sensitive on purpose: "may" and "march" are also words.
export const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December'
  + '|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)';
export const WORD_NUM: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  eighteen: 18, 'twenty-four': 24, few: 3,
};
export const NUM = '(\\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four)';
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
export const SEASON_START: Record<string, number> = { spring: 3, summer: 6, autumn: 9, fall: 9, winter: 12 };

export const monthNo = (w: string): number => MONTHS[w.toLowerCase().replace('.', '')];
export const pad = (n: number) => String(n).padStart(2, '0');
export const ym = (y: number, m: number) => `${y}-${pad(m)}`;
export const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
export const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
export const norm = (a: Ym): Ym => { const t = a.y * 12 + (a.m - 1); return { y: Math.floor(t / 12), m: (t % 12) + 1 }; };
export const addMonths = (a: Ym, k: number): Ym => norm({ y: a.y, m: a.m + k });

export function parseDay(iso: string): Date { return new Date(`${iso}T00:00:00Z`); }
export function isoOf(d: Date): string { return d.toISOString().slice(0, 10); }
export function addDays(iso: string, k: number): string { const d = parseDay(iso); d.setUTCDate(d.getUTCDate() + k); return isoOf(d); }
export function addMonthsDay(iso: string, k: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const t = norm({ y, m: m + k });
  return ymd(t.y, t.m, Math.min(d, lastDay(t.y, t.m)));
}

export interface Resolved { value: string; rangeStart: string; rangeEnd: string }

export const monthValue = (a: Ym): Resolved => ({ value: ym(a.y, a.m), rangeStart: ymd(a.y, a.m, 1), rangeEnd: ymd(a.y, a.m, lastDay(a.y, a.m)) });
export const yearValue = (y: number): Resolved => ({ value: String(y), rangeStart: `${y}-01-01`, rangeEnd: `${y}-12-31` });
export const dayValue = (y: number, m: number, d: number): Resolved | null =>
  d >= 1 && m >= 1 && m <= 12 && d <= lastDay(y, m) ? { value: ymd(y, m, d), rangeStart: ymd(y, m, d), rangeEnd: ymd(y, m, d) } : null;
export const monthSpan = (a: Ym, b: Ym): Resolved => (
  { value: `${ym(a.y, a.m)}/${ym(b.y, b.m)}`, rangeStart: ymd(a.y, a.m, 1), rangeEnd: ymd(b.y, b.m, lastDay(b.y, b.m)) });
export const daySpan = (a: string, b: string): Resolved => ({ value: `${a}/${b}`, rangeStart: a, rangeEnd: b });

/** A part of a period picked by "the start/end/middle of", "early/late". */
export function partOf(a: Ym, b: Ym, part: string | undefined): Resolved {
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
