// Date mentions, resolved against the publication day. Each sentence is read with every pattern
// (date-patterns.ts, date-relative.ts); of overlapping matches the longest wins, so a compound
// expression is one mention; "today (October 3)" joins its bracketed date. Each mention says
// whether it times a rollout milestone (milestones.ts).
import type { DateMention } from '../types.ts';
import { monthNo, type Resolved, type Ym } from './date-values.ts';
import { CALENDAR_PATTERNS, type DatePattern } from './date-patterns.ts';
import { RELATIVE_PATTERNS } from './date-relative.ts';
import type { DateContext } from './date-year.ts';
import { timesMilestone } from './milestones.ts';
import { tenseAt, type Tense } from './tense.ts';
import type { Sentence } from './text.ts';

const PATTERNS: DatePattern[] = [...CALENDAR_PATTERNS, ...RELATIVE_PATTERNS];
const EXPLICIT_YEAR = /(?:(January|February|March|April|May|June|July|August|September|October|November|December)\s+)?\b((?:19|20)\d\d)\b/g;
// A leading preposition is not part of the mention as written ("by June" → "June"); "after"
// changes what is meant ("after Easter" is not Easter), so it stays.
const LEAD = /^(?:by|from|until|till|in|on|since|before)\s+(?=\S)/i;

interface Candidate extends Resolved { start: number; end: number; priority: number }

export function findDates(body: string, sentences: Sentence[], published: string | null): DateMention[] {
  const pub: Ym | null = published ? { y: Number(published.slice(0, 4)), m: Number(published.slice(5, 7)) } : null;
  const out: DateMention[] = [];
  let earlierYear: number | null = null;
  let listIntro: string | undefined;
  for (const s of sentences) {
    const years = [...s.text.matchAll(EXPLICIT_YEAR)].map((m) => ({ at: m.index ?? 0, ym: { y: Number(m[2]), m: m[1] ? monthNo(m[1]) : 1 } }));
    const ctxAt = (at: number, end: number): DateContext => {
      let anchorYear: Ym | null = null;
      for (const e of years) if (e.at < at) anchorYear = e.ym;
      let tense: Tense | undefined;
      const before = s.text.slice(Math.max(0, at - 40), at);
      const after = s.text.slice(end, end + 20);
      return { pub, pubDay: published, sentence: s.text, before, after, anchorYear, earlierYear, tense: () => (tense ??= tenseAt(s.text, at, end)) };
    };
    const found: Candidate[] = [];
    for (const p of PATTERNS) {
      for (const m of s.text.matchAll(p.re)) {
        const at = m.index ?? 0;
        const r = p.resolve(m, ctxAt(at, at + m[0].length));
        if (r) found.push({ ...r, start: at, end: at + m[0].length, priority: p.priority });
      }
    }
    // A short line under one that ends in a colon is a list item: it is timed by that line.
    if (/:\s*$/.test(s.text)) listIntro = s.text;
    else if (s.text.split(/\s+/).length > 8) listIntro = undefined;
    const intro = listIntro !== s.text ? listIntro : undefined;
    for (const c of joinBracketed(s.text, longestFirst(found))) {
      let start = c.start;
      const lead = s.text.slice(c.start, c.end).match(LEAD);
      if (lead) start += lead[0].length;
      const mention = {
        surface: s.text.slice(start, c.end), value: c.value, rangeStart: c.rangeStart, rangeEnd: c.rangeEnd, start: s.start + start, end: s.start + c.end,
      };
      out.push({ ...mention, milestone: timesMilestone(s.text, start, c.end, intro) });
    }
    if (years.length) earlierYear = years[years.length - 1].ym.y;
  }
  return out;
}

/** The longest, then highest-priority, non-overlapping candidates, in text order. */
function longestFirst(found: Candidate[]): Candidate[] {
  found.sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start) || b.priority - a.priority);
  const kept: Candidate[] = [];
  let lastEnd = -1;
  for (const c of found) {
    if (c.start < lastEnd) continue;
    // A longer overlapping candidate that starts later still wins over a shorter earlier one.
    if (found.some((o) => o !== c && o.start > c.start && o.start < c.end && o.end - o.start > c.end - c.start)) continue;
    lastEnd = c.end;
    kept.push(c);
  }
  return kept;
}

const BRACKETED_WEEKDAY = /^\s*\((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\)/;

/** "today (October 3)", "last year (2021/22)", "this afternoon (Thursday)": one mention, valued by the bracketed date. */
function joinBracketed(text: string, kept: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of kept) {
    const prev = out.at(-1);
    if (prev && /^\s*\($/.test(text.slice(prev.end, c.start)) && /^\s*\)/.test(text.slice(c.end))) {
      const close = c.end + text.slice(c.end).indexOf(')') + 1;
      out[out.length - 1] = { ...c, start: prev.start, end: close, priority: prev.priority };
      continue;
    }
    const weekday = text.slice(c.end).match(BRACKETED_WEEKDAY);
    out.push(weekday ? { ...c, end: c.end + weekday[0].length } : c);
  }
  return out;
}
