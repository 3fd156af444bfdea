import { describe, expect, it } from 'vitest';
import { analyse } from '../../pipeline/analyse/index.ts';
import { article, knowledge } from './helpers.ts';

const datesOf = (text: string, published: string | null = '2013-05-21') =>
  Object.fromEntries(analyse(article([text], published), knowledge()).dates.map((d) => [d.surface, d.value]));

describe('dates resolved against the publication day (Tuesday 21 May 2013)', () => {
  it('explicit days and months, day-first numerals, year from the publication date', () => {
    expect(datesOf('The contract started on 1 April and the review reports by 02/09/2013.')).toEqual({ '1 April': '2013-04-01', '02/09/2013': '2013-09-02' });
    expect(datesOf('The trust expects to switch over by April 2014.')).toEqual({ 'April 2014': '2014-04' });
  });

  it('relative weeks and months use Monday-Sunday weeks and calendar months', () => {
    expect(datesOf('Calls will be diverted next week; the figures came out last month.')).toEqual({ 'next week': '2013-05-27/2013-06-02', 'last month': '2013-04' });
    expect(datesOf('The board met yesterday.')).toEqual({ yesterday: '2013-05-20' });
  });

  it('seasons: winter runs December to February; the end of a season is its last month', () => {
    expect(datesOf('Managers worry about winter.')).toEqual({ winter: '2013-12/2014-02' });
    expect(datesOf('It will be fixed by the end of this summer.')).toEqual({ 'the end of this summer': '2013-08' });
    expect(datesOf('The pilot ran in summer 2012.')).toEqual({ 'summer 2012': '2012-06/2012-08' });
  });

  it('NHS financial years run April to March; quarters are calendar unless financial', () => {
    expect(datesOf('Funding is fixed for 2013/14.')).toEqual({ '2013/14': '2013-04/2014-03' });
    expect(datesOf('Go-live is planned for Q3 2014.')).toEqual({ 'Q3 2014': '2014-07/2014-09' });
    expect(datesOf('The financial plan puts it in Q1.')).toEqual({ Q1: '2013-04/2013-06' });
  });

  it('"within six months" is the period from publication; unanchored durations are not dates', () => {
    expect(datesOf('Every practice must connect within six months.')).toEqual({ 'within six months': '2013-05-21/2013-11-21' });
    expect(datesOf('The contract runs for three years.')).toEqual({});
  });

  it('a month after an explicit month-year in the sentence takes its year, moving forward after "until"', () => {
    expect(datesOf('In July 2012 the area was allowed to wait until June.')).toEqual({ 'July 2012': '2012-07', June: '2013-06' });
  });

  it('without a publication date only absolute dates are resolved', () => {
    expect(datesOf('It launched in March 2012 and will expand next month.', null)).toEqual({ 'March 2012': '2012-03' });
  });

  it('money and counts are not years', () => {
    expect(datesOf('The scheme cost £2013 per practice and 2014 patients opted out.')).toEqual({});
  });
});

const mentions = (published: string, ...paragraphs: string[]) =>
  analyse(article(paragraphs, published), knowledge()).dates.map((d) => ({ surface: d.surface, value: d.value, milestone: d.milestone }));
const valuesOf = (published: string, text: string) => Object.fromEntries(mentions(published, text).map((d) => [d.surface, d.value]));

describe('compound date expressions are one mention', () => {
  it('a weekday before a month and day, and a day with its weekday but no month', () => {
    expect(valuesOf('2024-07-20', 'The hub opens on Thursday, August 1, with a second one on Monday 29.')).toEqual({ 'Thursday, August 1': '2024-08-01', 'Monday 29': '2024-07-29' });
  });

  it('"today (March 19)" and "this afternoon (Thursday)" are one mention each', () => {
    expect(valuesOf('2015-03-19', 'The scheme went live today (March 19) in three towns.')).toEqual({ 'today (March 19)': '2015-03-19' });
    expect(valuesOf('2025-06-19', 'The unit confirmed this afternoon (Thursday) that births will stop.')).toEqual({ 'this afternoon (Thursday)': '2025-06-19' });
  });

  it('a month or season with "last year" / "next year" takes that year', () => {
    expect(valuesOf('2023-11-22', 'The tender began in April last year and ends in spring next year.')).toEqual({ 'April last year': '2022-04', 'spring next year': '2024-03/2024-05' });
  });

  it('Easter and the bank holidays are the days England keeps them', () => {
    expect(valuesOf('2014-02-10', 'The new rota starts after Easter and is reviewed after the August bank holiday.')).toEqual({ 'after Easter': '2014-04-20', 'after the August bank holiday': '2014-08-25' });
  });

  it('"the end of 2021-22" is the end of that financial year; "Quarter 1, 2022" is that quarter', () => {
    expect(valuesOf('2021-10-07', 'Two areas will finish by the end of 2021-22 and the rest by Quarter 1, 2022.')).toEqual({ 'the end of 2021-22': '2022-03', 'Quarter 1, 2022': '2022-01/2022-03' });
  });

  it('"the end of the month" after a named month is that month', () => {
    expect(valuesOf('2018-01-22', 'Opening will be cut to weekends through February, with the unit closed by the end of the month.')).toEqual({ February: '2018-02', 'the end of the month': '2018-02' });
  });
});

describe('the year of a yearless date follows the tense of its sentence (published 4 October 2023)', () => {
  it('past verbs put the date in the last such month, future ones in the next', () => {
    expect(valuesOf('2023-10-04', 'In March, the switch-over was postponed for safety reasons.')).toEqual({ March: '2023-03' });
    expect(valuesOf('2023-10-04', 'The new system will go live in March.')).toEqual({ March: '2024-03' });
    expect(valuesOf('2023-10-04', 'The unit closed in November and reopened in September.')).toEqual({ November: '2022-11', September: '2023-09' });
  });

  it('each date goes by its own clause: a past report of a future plan', () => {
    expect(valuesOf('2023-10-04', 'The board announced in May that the hub will open in February.')).toEqual({ May: '2023-05', February: '2024-02' });
  });

  it('a deadline set in the past is the nearest one; a present perfect gives no side', () => {
    expect(valuesOf('2023-12-04', 'This year the contract stipulated that every practice must offer the service by 31 October.')['31 October']).toBe('2023-10-31');
    expect(valuesOf('2023-10-04', 'The council has proposed shorter hours through November.')).toEqual({ November: '2023-11' });
  });

  it('a date moved "back from June to the end of the summer" by a past verb is the superseded date and its new deadline', () => {
    expect(valuesOf('2013-05-21', 'Last week the programme board moved its deadline back from June to the end of the summer.')).toMatchObject({ June: '2013-06', 'the end of the summer': '2013-08' });
  });

  it('a milestone verb in the present tense is a timetable: its date lies ahead, even in reported speech', () => {
    expect(valuesOf('2023-02-06', 'Managers said the lease ends in October.')).toEqual({ October: '2023-10' });
    expect(valuesOf('2023-02-06', 'Bosses said they would hire more staff before the new unit opens in November.')).toEqual({ November: '2023-11' });
  });

  it('an infinitive has no tense of its own ("agreed to close in January")', () => {
    expect(valuesOf('2023-10-04', 'The trust agreed last week to close the ward in January.')).toMatchObject({ January: '2024-01' });
  });
});

describe('whether a date times a rollout milestone', () => {
  const flags = (published: string, text: string) => Object.fromEntries(mentions(published, text).map((d) => [d.surface, d.milestone]));

  it('go-lives, deadlines, closures and contract dates are milestones', () => {
    expect(flags('2024-04-10', 'The clinic will open on 1 June and the contract ends in March 2027.')).toEqual({ '1 June': true, 'March 2027': true });
    expect(flags('2024-04-10', 'By 1 December, the service will be available in every district.')).toEqual({ '1 December': true });
  });

  it('the time of a speech, a statistic’s period or an unrelated event is not', () => {
    expect(flags('2024-04-10', 'Speaking on 16 March, the minister praised the nurses.')).toEqual({ '16 March': false });
    expect(flags('2024-04-10', 'Between January and March the old clinic saw 4,000 patients.')).toEqual({ January: false, March: false });
    expect(flags('2024-04-10', 'The company completed its takeover of a rival last year.')).toEqual({ 'last year': false });
  });

  it('an announcement of a milestone is timed by the date it was announced', () => {
    expect(flags('2013-10-03', 'The government told reporters in April that the service would launch across the country by 2016.')).toEqual({ April: true, 2016: true });
  });

  it('a list item is timed by the line that introduces the list', () => {
    const m = mentions('2022-05-24', 'Invitations will reach younger people in stages:', 'Stage one (2021/22): people aged 56', 'Stage two (2022/23): people aged 58');
    expect(m.map((d) => [d.surface, d.milestone])).toEqual([['2021/22', true], ['2022/23', true]]);
  });
});

