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

  it('a quote left open at the end of a paragraph and carried on in the next is one quote per paragraph, same speaker', () => {
    const q = quotesOf('Dr Helen Marsh said: “We listened to what patients told us.', '“That is why the service will stay open at night.”');
    expect(q.map((x) => [x.speaker, x.text])).toEqual([
      ['Helen Marsh', 'We listened to what patients told us.'],
      ['Helen Marsh', 'That is why the service will stay open at night.'],
    ]);
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

  it('"X said:" ending a paragraph hands its speaker to the quoted paragraphs after it', () => {
    const q = quotesOf('Health minister Lucy Grant said:', '“This is a milestone for patients across the region.', '“Every practice in the county has now signed up to it.”');
    expect(q.map((x) => x.speaker)).toEqual(['Lucy Grant', 'Lucy Grant']);
  });

  it('words after a colon with no quote marks are not a quote (only spans opened by a quote mark count)', () => {
    expect(quotesOf('Health minister Lucy Grant said:', 'This is a milestone for patients across the region.')).toEqual([]);
    expect(quotesOf('Health minister Lucy Grant said: This is a milestone for patients across the region.')).toEqual([]);
  });

  it('a quoted fragment of six or more words woven into reported speech is a quote of the one reporting it', () => {
    const q = quotesOf('Dr Omar Said, who chairs the county board, said the new hub would “take real pressure off the emergency department” this winter.');
    expect(q).toEqual([{ speaker: 'Omar Said', role: null, text: 'take real pressure off the emergency department' }]);
  });

  it('a fragment of fewer than six words inside a sentence is not a quote', () => {
    expect(quotesOf('Rita Cole said the launch had been “a bumpy ride” for staff.')).toEqual([]);
  });

  it('a fragment attributed to no person, or to a body, has speaker null', () => {
    expect(quotesOf('The plan has been described as “the biggest shake-up of local urgent care in a decade”.')[0].speaker).toBeNull();
    expect(quotesOf('NHS England said the pause would “give every area time to recruit enough call handlers”.')[0].speaker).toBeNull();
  });

  it('"she added" after an unnamed spokeswoman keeps the speaker unnamed', () => {
    const q = quotesOf('Paul Reid chairs the board.', 'The contracts will be extended, a council spokeswoman said.', 'She added: “Nobody will notice any change to the service over the summer.”');
    expect(q.map((x) => x.speaker)).toEqual([null]);
  });

  it('a quoted paragraph after reported speech by a named person is that person’s', () => {
    const q = quotesOf('Kate Moss, head of urgent care, said the move would make it easier to work with the hospital.', '"Patients will find everything they need under one roof from the spring."');
    expect(q.map((x) => x.speaker)).toEqual(['Kate Moss']);
  });

  it('a pull quote credited on the line after it goes to the person credited', () => {
    const q = quotesOf('“Shared records mean a nurse in one town sees what a GP in the next town wrote.” Ian Lowe, records lead at the ICB');
    expect(q.map((x) => x.speaker)).toEqual(['Ian Lowe']);
  });

  it('"‘A.’ She added: ‘B.’" is two quotes, both hers', () => {
    const q = quotesOf('Ms Ann Clarke wrote to the trusts.', '‘We will keep the payment as it is for this year. Changing it now would do more harm.’ She added: ‘We will look at the threshold again next spring.’');
    expect(q.map((x) => [x.speaker, x.text.split(' ').slice(0, 3).join(' ')])).toEqual([['Ann Clarke', 'We will keep'], ['Ann Clarke', 'We will look']]);
  });

  it('a closing mark written where the opening one belongs still opens a quote', () => {
    const q = quotesOf('A spokesman for the provider said: ”The process gives both sides a chance to test the plans in depth.”');
    expect(q.map((x) => [x.speaker, x.text.split(' ')[0]])).toEqual([[null, 'The']]);
  });

  it('"Prof." and "Dr." inside an attribution do not end its sentence', () => {
    expect(quotesOf('“The waiting list has halved since the hub opened,” said Prof. Nadia Brook, who leads the clinic.')[0].speaker).toBe('Nadia Brook');
    expect(quotesOf('Consultant Dr. Leo Varga said: “Every scan is now reported within two days.”')[0].speaker).toBe('Leo Varga');
  });
});
