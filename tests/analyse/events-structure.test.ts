// Document structure and placement: lists after a sentence fan a fact out to every place, with no cap.
import { describe, expect, it } from 'vitest';
import { analyse } from '../../pipeline/analyse/index.ts';
import { article, knowledge } from './helpers.ts';

const events = (paragraphs: string[]) =>
  analyse(article(paragraphs, '2022-11-10'), knowledge()).events.map((e) => `${e.service}|${e.region}|${e.status}`).sort();

describe('lists after a sentence', () => {
  it('gives the fact of the sentence before "… are:" to every place listed, across paragraphs', () => {
    const found = events([
      'Because of the ambulance strike on Friday, the trust is temporarily closing its minor injuries units.',
      'The units affected are:',
      'Wellington minor injuries unit, 8am to 8pm',
      'Bridgwater minor injuries unit, 9am to 5pm',
      'Minehead minor injuries unit, 8am to 4pm',
    ]);
    expect(found).toEqual(expect.arrayContaining(['minor injuries units|Wellington|paused', 'minor injuries units|Bridgwater|paused', 'minor injuries units|Minehead|paused']));
  });

  it('fans a sentence that lists many areas out to all of them', () => {
    const found = events(['NHS 111 went live in Barnsley, Doncaster, Rotherham, Sheffield, Wakefield, Kirklees and Calderdale on Tuesday.']);
    expect(found.filter((e) => e.endsWith('|live'))).toHaveLength(7);
  });
});

describe('placement', () => {
  it('files no fact under England when a named trust runs a centre and no place is given', () => {
    expect(events(['The diagnostic centre, to be run by Royal Cornwall Hospitals NHS Trust, was due to open in the summer.'])).not.toContain(expect.stringContaining('|England|'));
  });

  it('reads "the centres" as the story\'s service and places it in each town named', () => {
    const found = events(['The trust is closing its two walk-in centres.', 'The centres in Kendal and Carlisle will close on Friday.']);
    expect(found).toEqual(['walk-in centres|Carlisle|cancelled', 'walk-in centres|Kendal|cancelled']);
  });
});
