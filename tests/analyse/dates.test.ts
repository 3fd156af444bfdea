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
