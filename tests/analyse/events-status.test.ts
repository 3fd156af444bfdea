// Statuses read from whole articles: the verb dictionary and its tense, negation and modality
// as the event finder applies them to a page. Sentences written for the tests.
import { describe, expect, it } from 'vitest';
import { analyse } from '../../pipeline/analyse/index.ts';
import { article, knowledge } from './helpers.ts';

const events = (paragraphs: string[], published = '2013-01-15') =>
  analyse(article(paragraphs, published), knowledge()).events.map((e) => `${e.service} | ${e.region} | ${e.status}`);

describe('statuses read on a page', () => {
  it('times a present progressive by a date many words after its verb', () => {
    const got = events(['Wales is launching a new advice line called NHS 111 from October this year.']);
    expect(got).toContain('NHS 111 | Wales | planned');
    expect(got.some((e) => e.endsWith('| live'))).toBe(false);
  });
});

describe('what a status verb acts on', () => {
  it('keeps the service live when the same sentence switches off paper letters', () => {
    const got = events(['Forty practices have now fully started using the NHS App, and others expect to switch off paper letters in May.']);
    expect(got).toContain('NHS App | England | live');
    expect(got.some((e) => e.endsWith('| cancelled'))).toBe(false);
  });
});

describe('a status said of the trial or its date, after the service is named', () => {
  it('reads "the trial" as the named scheme', () => {
    const got = events(['The Choose Pharmacy scheme began in six pharmacies in Powys in May.',
      'The trial will now continue until March rather than December.']);
    expect(got).toContain('Choose Pharmacy | Powys | delayed');
  });
});
