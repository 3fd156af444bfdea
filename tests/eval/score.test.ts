import { describe, expect, it } from 'vitest';
import type { Findings } from '../../pipeline/types.ts';
import { parseGold, GoldFileError } from './gold.ts';
import {
  comparableFromFindings,
  foldName,
  matchOneToOne,
  pool,
  prf,
  scoreItem,
  surfacesOverlap,
  type Comparable,
} from './score.ts';

const empty: Comparable = { services: [], regions: [], providers: [], people: [], quotes: [], dates: [], events: [] };
const item = (over: Partial<Comparable>): Comparable => ({ ...empty, ...over });

describe('name folding', () => {
  it('folds case, punctuation, diacritics, titles, "the", & and NHS/CCG decoration', () => {
    expect(foldName('Dr Clare Gerada')).toBe(foldName('clare gerada'));
    expect(foldName('The Rt Hon Jeremy Hunt MP')).toBe('jeremy hunt mp');
    expect(foldName('Professor Sir Bruce Keogh')).toBe('bruce keogh');
    expect(foldName('Earl Howe')).toBe(foldName('Howe'));
    expect(foldName('Renée Müller')).toBe('renee muller');
    expect(foldName('NHS Leicester City CCG')).toBe('leicester city');
    expect(foldName('Leicester City Clinical Commissioning Group')).toBe('leicester city');
    expect(foldName('Bath & North East Somerset')).toBe(foldName('Bath and North-East Somerset'));
    expect(foldName('care.data')).toBe(foldName('Care Data'));
  });

  it('does not fold different names together', () => {
    expect(foldName('West Leicestershire')).not.toBe(foldName('Leicestershire'));
    expect(foldName('NHS 111')).not.toBe(foldName('NHS 111 online'));
  });
});

describe('entity fields', () => {
  it('matches regions by code even when the names differ', () => {
    const r = scoreItem(
      item({ regions: [{ name: 'Leicester City', code: '04C' }] }),
      item({ regions: [{ name: 'NHS Leicester City Clinical Commissioning Group', code: '04c' }] }),
    );
    expect(r.regions.matched).toBe(1);
    const byCode = scoreItem(
      item({ providers: [{ name: 'East Midlands Ambulance Service', code: 'RX9' }] }),
      item({ providers: [{ name: 'EMAS', code: 'RX9' }] }),
    );
    expect(byCode.providers.matched).toBe(1);
  });

  it('does not match on differing names when a code is missing on one side', () => {
    const r = scoreItem(
      item({ providers: [{ name: 'East Midlands Ambulance Service', code: 'RX9' }] }),
      item({ providers: [{ name: 'EMAS', code: null }] }),
    );
    expect(r.providers.matched).toBe(0);
    expect(r.providers.missed).toEqual(['East Midlands Ambulance Service [RX9]']);
    expect(r.providers.spurious).toEqual(['EMAS']);
  });

  it('matches each gold item at most once', () => {
    const r = scoreItem(item({ people: ['Jeremy Hunt'] }), item({ people: ['Jeremy Hunt', 'Mr Jeremy Hunt'] }));
    expect(r.people).toMatchObject({ gold: 1, predicted: 2, matched: 1 });
    expect(r.people.spurious).toHaveLength(1);
  });
});

describe('quotes', () => {
  const gold = item({ quotes: [{ speaker: 'Avi Prasad', opening: 'Any delay in implementing a' }] });

  it('match on folded speaker and the first five words, ignoring the rest', () => {
    const r = scoreItem(gold, item({ quotes: [{ speaker: 'Dr Avi Prasad', opening: '"Any delay, in implementing a new service' }] }));
    expect(r.quotes.matched).toBe(1);
  });

  it('need the same speaker, and null only matches null', () => {
    expect(scoreItem(gold, item({ quotes: [{ speaker: 'Earl Howe', opening: 'Any delay in implementing a' }] })).quotes.matched).toBe(0);
    expect(scoreItem(gold, item({ quotes: [{ speaker: null, opening: 'Any delay in implementing a' }] })).quotes.matched).toBe(0);
    const unnamed = item({ quotes: [{ speaker: null, opening: 'We apologise to patients for' }] });
    expect(scoreItem(unnamed, item({ quotes: [{ speaker: null, opening: 'We apologise to patients for any' }] })).quotes.matched).toBe(1);
  });

  it('do not match when the opening differs within five words', () => {
    expect(scoreItem(gold, item({ quotes: [{ speaker: 'Avi Prasad', opening: 'Any delay in rolling out' }] })).quotes.matched).toBe(0);
  });
});

describe('dates', () => {
  it('overlap when one folded surface contains the other or they share most characters', () => {
    expect(surfacesOverlap('the end of this summer', 'end of this summer')).toBe(true);
    expect(surfacesOverlap('1 April 2013', 'April 2013')).toBe(true);
    expect(surfacesOverlap('June 2013', 'end of June')).toBe(true);
    expect(surfacesOverlap('next week', 'April 2013')).toBe(false);
  });

  it('need an equal value at the gold precision', () => {
    const gold = item({ dates: [{ surface: 'June', value: '2013-06' }] });
    expect(scoreItem(gold, item({ dates: [{ surface: 'June', value: '2013-06-01' }] })).dates.matched).toBe(1);
    expect(scoreItem(gold, item({ dates: [{ surface: 'June', value: '2014-06' }] })).dates.matched).toBe(0);
    // A coarser prediction is not the same date.
    expect(scoreItem(gold, item({ dates: [{ surface: 'June', value: '2013' }] })).dates.matched).toBe(0);
  });

  it('accept an interval given as value or as its day range', () => {
    const gold = item({ dates: [{ surface: '2013/14', value: '2013-04/2014-03' }] });
    expect(scoreItem(gold, item({ dates: [{ surface: '2013/14', value: '2013-04/2014-03' }] })).dates.matched).toBe(1);
    expect(
      scoreItem(gold, item({ dates: [{ surface: '2013/14', value: '2013/14', rangeStart: '2013-04-01', rangeEnd: '2014-03-31' }] })).dates
        .matched,
    ).toBe(1);
    expect(
      scoreItem(gold, item({ dates: [{ surface: '2013/14', value: '2013', rangeStart: '2013-01-01', rangeEnd: '2013-12-31' }] })).dates
        .matched,
    ).toBe(0);
  });

  it('do not match the same value on an unrelated surface', () => {
    const gold = item({ dates: [{ surface: 'next month', value: '2013-06' }] });
    expect(scoreItem(gold, item({ dates: [{ surface: 'June', value: '2013-06' }] })).dates.matched).toBe(0);
  });

  it('let one prediction serve only one of two gold dates', () => {
    const gold = item({
      dates: [
        { surface: 'April 2013', value: '2013-04' },
        { surface: '1 April 2013', value: '2013-04-01' },
      ],
    });
    const r = scoreItem(gold, item({ dates: [{ surface: '1 April 2013', value: '2013-04-01' }] }));
    expect(r.dates).toMatchObject({ gold: 2, predicted: 1, matched: 1 });
  });
});

describe('events', () => {
  const gold = item({
    events: [{ service: 'NHS 111', region: 'Leicester, Leicestershire and Rutland', regionCode: null, status: 'paused' }],
  });

  it('match on folded service, region and exact status', () => {
    const pred = item({ events: [{ service: 'nhs 111', region: 'leicester leicestershire & rutland', regionCode: null, status: 'paused' }] });
    expect(scoreItem(gold, pred).events.matched).toBe(1);
    const wrongStatus = item({ events: [{ ...pred.events[0], status: 'delayed' }] });
    expect(scoreItem(gold, wrongStatus).events.matched).toBe(0);
  });

  it('match the region by code', () => {
    const g = item({ events: [{ service: 'NHS 111', region: 'Leicester City', regionCode: '04C', status: 'live' }] });
    const p = item({ events: [{ service: 'NHS 111', region: 'Leicester', regionCode: '04C', status: 'live' }] });
    expect(scoreItem(g, p).events.matched).toBe(1);
  });
});

describe('arithmetic', () => {
  it('computes precision, recall and F1 from pooled counts', () => {
    expect(prf(4, 2, 2)).toEqual({ precision: 1, recall: 0.5, f1: 2 / 3 });
    const a = scoreItem(item({ people: ['A B', 'C D'] }), item({ people: ['A B'] }));
    const b = scoreItem(item({ people: ['E F', 'G H'] }), item({ people: ['E F', 'X Y', 'Z W'] }));
    const t = pool([a, b]).people;
    expect(t).toMatchObject({ gold: 4, predicted: 4, matched: 2 });
    expect(t.precision).toBe(0.5);
    expect(t.recall).toBe(0.5);
    expect(t.f1).toBe(0.5);
  });

  it('scores an empty prediction set as zero, and empty against empty as perfect', () => {
    const r = scoreItem(item({ services: ['NHS 111'] }), empty);
    expect(pool([r]).services).toMatchObject({ gold: 1, predicted: 0, matched: 0, precision: 0, recall: 0, f1: 0 });
    expect(pool([scoreItem(empty, empty)]).events).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });

  it('finds the maximum matching, not a greedy one', () => {
    // gold 0 could take either prediction; gold 1 only prediction 0.
    const mates = matchOneToOne([0, 1], ['a', 'b'], (g, p) => (g === 0 ? true : p === 'a'));
    expect(mates).toEqual([1, 0]);
  });
});

describe('findings mapping', () => {
  it('takes services from entities and events, counts repeats once and keeps the first five quote words', () => {
    const findings: Findings = {
      entities: [
        { kind: 'service', name: 'NHS 111', surface: '111', code: null, start: 0, end: 3 },
        { kind: 'service', name: 'NHS 111', surface: 'NHS 111', code: null, start: 10, end: 17 },
        { kind: 'person', name: 'Earl Howe', surface: 'Earl Howe', code: null, start: 20, end: 29 },
        { kind: 'region', name: 'Leicester City', surface: 'Leicester', code: '04C', start: 30, end: 39 },
      ],
      quotes: [{ text: 'We will not launch until it is safe.', speaker: 'Earl Howe', speakerRole: null, start: 0, end: 1 }],
      dates: [
        { surface: 'June', value: '2013-06', rangeStart: '2013-06-01', rangeEnd: '2013-06-30', start: 0, end: 4 },
        { surface: 'June', value: '2013-06', rangeStart: '2013-06-01', rangeEnd: '2013-06-30', start: 50, end: 54 },
      ],
      claims: [],
      events: [
        { service: 'Summary Care Record', region: 'England', regionCode: null, provider: null, status: 'live', target: null, evidence: '', evidenceStart: 0, evidenceEnd: 0, confidence: 1 },
      ],
    };
    const c = comparableFromFindings(findings);
    expect(c.services).toEqual(['NHS 111', 'Summary Care Record']);
    expect(c.people).toEqual(['Earl Howe']);
    expect(c.regions).toEqual([{ name: 'Leicester City', code: '04C' }]);
    expect(c.quotes).toEqual([{ speaker: 'Earl Howe', opening: 'we will not launch until' }]);
    expect(c.dates).toHaveLength(1);
    expect(c.events).toEqual([{ service: 'Summary Care Record', region: 'England', regionCode: null, status: 'live' }]);
  });
});

describe('gold validation', () => {
  const valid = {
    url: 'https://trade.example/news/a',
    published: '2013-05-21',
    genre: 'trade-press',
    services: ['NHS 111'],
    regions: [],
    providers: [],
    people: [],
    quotes: [],
    dates: [{ surface: 'summer 2013', value: '2013-06/2013-08' }],
    events: [],
  };

  it('accepts a well-formed item', () => {
    expect(parseGold('x.gold.json', JSON.stringify(valid)).dates[0].value).toBe('2013-06/2013-08');
  });

  it('names the file and the field of a labelling mistake', () => {
    const bad = { ...valid, events: [{ service: 'NHS 111', region: 'England', status: 'on hold', provider: null, target: null }] };
    expect(() => parseGold('x.gold.json', JSON.stringify(bad))).toThrow(/x\.gold\.json \(field events\.0\.status\)/);
    const badDate = { ...valid, dates: [{ surface: 'June', value: 'June 2013' }] };
    expect(() => parseGold('y.gold.json', JSON.stringify(badDate))).toThrow(GoldFileError);
    expect(() => parseGold('z.gold.json', '{ not json')).toThrow(/z\.gold\.json: not valid JSON/);
  });
});
