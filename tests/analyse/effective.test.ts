// When a fact took effect: the date its own sentence ties to the status, else the day it was
// reported; and the days a target spans. Sentences written for these tests.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isoSpan, loadEventDateCues, resolveEffective, targetDays } from '../../pipeline/analyse/effective.ts';
import type { DateMention, RolloutEvent, RolloutStatus } from '../../pipeline/types.ts';

const cues = loadEventDateCues(fileURLToPath(new URL('../../sources/lexicon/event-dates.json', import.meta.url)));

/** An event on `sentence` (placed at offset 100 of a body) and its date mentions, found by surface. */
function fact(sentence: string, status: RolloutStatus, region: string, mentions: Array<[surface: string, value: string, start: string, end: string]>, target: string | null = null) {
  const offset = 100;
  const event: RolloutEvent = {
    service: 'NHS 111', region, regionCode: null, provider: null, status, target,
    evidence: sentence, evidenceStart: offset, evidenceEnd: offset + sentence.length, confidence: 0.8,
  };
  const dates: DateMention[] = mentions.map(([surface, value, rangeStart, rangeEnd]) => {
    const at = sentence.indexOf(surface);
    if (at < 0) throw new Error(`"${surface}" is not in the sentence`);
    return { surface, value, rangeStart, rangeEnd, start: offset + at, end: offset + at + surface.length };
  });
  return { event, dates };
}

const effectiveOf = (f: ReturnType<typeof fact>, published: string | null) => resolveEffective(f.event, f.dates, published, cues);

describe('when a fact took effect', () => {
  it('a launch the sentence dates in the past takes effect then, not on the day it was reported', () => {
    const f = fact('The summary record went live in Bolton in 2007, well before most areas joined.', 'live', 'Bolton', [['2007', '2007', '2007-01-01', '2007-12-31']]);
    expect(effectiveOf(f, '2014-03-06')).toEqual({ effective: '2007', effectiveStart: '2007-01-01', effectiveEnd: '2007-12-31' });
  });

  it('a fact whose sentence gives no date took effect on the day it was reported', () => {
    const f = fact('Commissioners in Somerset have halted the launch of the helpline.', 'paused', 'Somerset', []);
    expect(effectiveOf(f, '2013-05-21')).toEqual({ effective: '2013-05-21', effectiveStart: '2013-05-21', effectiveEnd: '2013-05-21' });
  });

  it('with no publication day and no tied date, the effective date is unknown', () => {
    const f = fact('Commissioners in Somerset have halted the launch of the helpline.', 'paused', 'Somerset', []);
    expect(effectiveOf(f, null)).toEqual({ effective: null, effectiveStart: null, effectiveEnd: null });
  });

  it('a deadline in a live sentence is not when it went live', () => {
    const f = fact('The helpline went live in Kent, ahead of the deadline of April 2013.', 'live', 'Kent', [['April 2013', '2013-04', '2013-04-01', '2013-04-30']]);
    expect(effectiveOf(f, '2013-02-01').effective).toBe('2013-02-01');
  });

  it('a date "by" or "until" names a target, never an effective date', () => {
    const f = fact('The helpline has been suspended in Kent until June.', 'paused', 'Kent', [['June', '2013-06', '2013-06-01', '2013-06-30']]);
    expect(effectiveOf(f, '2013-05-10').effective).toBe('2013-05-10');
  });

  it('a change scheduled "from" a later day takes effect on that day', () => {
    const f = fact('The ambulance trust takes over the helpline in Devon from 1 October.', 'provider_appointed', 'Devon', [['1 October', '2013-10-01', '2013-10-01', '2013-10-01']]);
    expect(effectiveOf(f, '2013-09-12').effective).toBe('2013-10-01');
  });

  it('a later date introduced by a plain "in" does not make a past fact future', () => {
    const f = fact('The pause in Kent was lifted, with a launch in November.', 'resumed', 'Kent', [['November', '2013-11', '2013-11-01', '2013-11-30']]);
    expect(effectiveOf(f, '2013-09-26').effective).toBe('2013-09-26');
  });

  it('the date a plan moved from is not when the pause began', () => {
    const f = fact('The data programme is on hold, pushing the first upload from March to the autumn.', 'paused', 'England', [
      ['March', '2014-03', '2014-03-01', '2014-03-31'],
      ['the autumn', '2014-09/2014-11', '2014-09-01', '2014-11-30'],
    ]);
    expect(effectiveOf(f, '2014-02-18').effective).toBe('2014-02-18');
  });

  it('a plan takes effect when it was made only when a past date opens its sentence', () => {
    const opened = fact('In March, the board agreed to delay the launch in Kent until June.', 'delayed', 'Kent', [
      ['March', '2013-03', '2013-03-01', '2013-03-31'],
      ['June', '2013-06', '2013-06-01', '2013-06-30'],
    ], '2013-06');
    expect(effectiveOf(opened, '2013-05-10').effective).toBe('2013-03');
    // The month it was due to launch is the old target, not the day of the delay.
    const oldTarget = fact('The launch in Kent, due in April, has been put back to June.', 'delayed', 'Kent', [
      ['April', '2013-04', '2013-04-01', '2013-04-30'],
      ['June', '2013-06', '2013-06-01', '2013-06-30'],
    ], '2013-06');
    expect(effectiveOf(oldTarget, '2013-05-10').effective).toBe('2013-05-10');
  });

  it('each place takes the date of its own clause', () => {
    const sentence = 'The helpline opened in Derby in August 2010, and in Luton in November 2010.';
    const mentions: Array<[string, string, string, string]> = [
      ['August 2010', '2010-08', '2010-08-01', '2010-08-31'],
      ['November 2010', '2010-11', '2010-11-01', '2010-11-30'],
    ];
    expect(effectiveOf(fact(sentence, 'live', 'Derby', mentions), '2011-08-11').effective).toBe('2010-08');
    expect(effectiveOf(fact(sentence, 'live', 'Luton', mentions), '2011-08-11').effective).toBe('2010-11');
  });

  it('a place named in another clause than every date keeps the report day', () => {
    const f = fact('The helpline opened in Derby in August 2010, with Luton joining later.', 'live', 'Luton', [['August 2010', '2010-08', '2010-08-01', '2010-08-31']]);
    expect(effectiveOf(f, '2011-08-11').effective).toBe('2011-08-11');
  });

  it('a period that runs past the report day ends on the report day', () => {
    const f = fact('Earlier this month the helpline went live in Kent.', 'live', 'Kent', [['this month', '2013-05', '2013-05-01', '2013-05-31']]);
    expect(effectiveOf(f, '2013-05-21')).toEqual({ effective: '2013-05', effectiveStart: '2013-05-01', effectiveEnd: '2013-05-21' });
  });

  it('a date marked as not timing a milestone is passed over', () => {
    const f = fact('The helpline went live in Kent in 2012, the report says.', 'live', 'Kent', [['2012', '2012', '2012-01-01', '2012-12-31']]);
    (f.dates[0] as DateMention & { milestone?: boolean }).milestone = false;
    expect(effectiveOf(f, '2013-05-21').effective).toBe('2013-05-21');
  });
});

describe('target days', () => {
  it('a target takes the range of its date mention', () => {
    const f = fact('The national deadline has moved to the end of the summer.', 'delayed', 'England', [['the end of the summer', '2013-08', '2013-08-01', '2013-08-31']], '2013-08');
    expect(targetDays(f.event, f.dates)).toEqual({ targetStart: '2013-08-01', targetEnd: '2013-08-31' });
  });

  it('a target with no mention to hand is read as the span its ISO value means', () => {
    expect(targetDays(fact('x', 'planned', 'England', [], '2013').event, [])).toEqual({ targetStart: '2013-01-01', targetEnd: '2013-12-31' });
    expect(targetDays(fact('x', 'planned', 'England', []).event, [])).toEqual({ targetStart: null, targetEnd: null });
  });

  it('reads years, months, days and spans of them; anything else is no span', () => {
    expect(isoSpan('2012-02')).toEqual({ start: '2012-02-01', end: '2012-02-29' });
    expect(isoSpan('2014-09/2014-11')).toEqual({ start: '2014-09-01', end: '2014-11-30' });
    expect(isoSpan('2013-04-01')).toEqual({ start: '2013-04-01', end: '2013-04-01' });
    expect(isoSpan('2013-Q3')).toBeNull();
    expect(isoSpan('2013-02-30')).toBeNull();
  });
});
