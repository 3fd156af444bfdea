import { describe, expect, it } from 'vitest';
import { analyse } from '../../pipeline/analyse/index.ts';
import { article, knowledge } from './helpers.ts';

const quotesOf = (...paragraphs: string[]) =>
  analyse(article(paragraphs), knowledge()).quotes.map((q) => ({ speaker: q.speaker, role: q.speakerRole, text: q.text }));

describe('quotes and speakers', () => {
  it('handles every quote-mark style', () => {
    for (const [open, close] of [['“', '”'], ['‘', '’'], ['"', '"'], ["'", "'"]]) {
      const q = quotesOf(`Jane Porter said: ${open}We’re ready to switch the new line on next month.${close}`);
      expect(q).toEqual([{ speaker: 'Jane Porter', role: null, text: 'We’re ready to switch the new line on next month.' }]);
    }
  });

  it('"X, role at Y, said:" puts the role in speakerRole', () => {
    const [q] = quotesOf('Tom Ashby, chief executive of the ambulance trust, said: “Our call handlers have been trained for months.”');
    expect(q).toMatchObject({ speaker: 'Tom Ashby', role: 'chief executive of the ambulance trust' });
  });

  it('"…,” said X, role." after the quote', () => {
    const [q] = quotesOf('“We have to get this right before we go live,” said Priya Shah, clinical lead for the programme.');
    expect(q).toMatchObject({ speaker: 'Priya Shah', role: 'clinical lead for the programme' });
  });

  it('a quote split by "he said" is one quote', () => {
    const q = quotesOf('Mark Ellis chairs the local committee.', '“The timetable was always tight,” he said. “Nobody should be surprised that it slipped.”');
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({ speaker: 'Mark Ellis', text: 'The timetable was always tight, Nobody should be surprised that it slipped.' });
  });

  it('a paragraph opening with a quote mark continues the previous speaker', () => {
    const q = quotesOf('Dr Helen Marsh said: “We listened to what patients told us.”', '“That is why the service will stay open at night.”');
    expect(q.map((x) => [x.speaker, x.text])).toEqual([
      ['Helen Marsh', 'We listened to what patients told us.'],
      ['Helen Marsh', 'That is why the service will stay open at night.'],
    ]);
  });

  it('a quote left open at the end of a paragraph continues as one passage', () => {
    const q = quotesOf('Dr Helen Marsh said: “We listened to what patients told us.', '“That is why the service will stay open at night.”');
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({ speaker: 'Helen Marsh' });
    expect(q[0].text).toMatch(/^We listened.*stay open at night\.$/s);
  });

  it('scare quotes and titles are not quotes', () => {
    expect(quotesOf('The service was ‘soft launched’ in three areas, according to the report ‘Urgent care in 2013’.')).toEqual([]);
  });

  it('reported speech is not a quote', () => {
    expect(quotesOf('Amir Khan said the service would launch in the autumn once staff were trained.')).toEqual([]);
  });

  it('an organisation or an unnamed spokesperson gives speaker null', () => {
    expect(quotesOf('A spokesperson for the CCG said: “Patient safety comes first and we will not rush.”')[0].speaker).toBeNull();
    expect(quotesOf('NHS England said: “Every area will have the service by the autumn.”')[0].speaker).toBeNull();
  });

  it('"X said:" ending a paragraph introduces the next, unquoted paragraph', () => {
    const [q] = quotesOf('Health minister Lucy Grant said:', 'This is a milestone for patients across the region.');
    expect(q).toMatchObject({ speaker: 'Lucy Grant', text: 'This is a milestone for patients across the region.' });
  });

  it('a colon-introduced quote without quote marks runs to the end of the paragraph', () => {
    const [q] = quotesOf('Health minister Lucy Grant said: This is a milestone for patients across the region.');
    expect(q).toMatchObject({ speaker: 'Lucy Grant', text: 'This is a milestone for patients across the region.' });
  });
});
