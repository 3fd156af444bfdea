import { describe, expect, it } from 'vitest';
import { analyse } from '../../pipeline/analyse/index.ts';
import { article, knowledge } from './helpers.ts';

const run = (...paragraphs: string[]) => analyse(article(paragraphs), knowledge());
const people = (...paragraphs: string[]) => run(...paragraphs).entities.filter((e) => e.kind === 'person').map((e) => [e.name, e.surface]);
const speakers = (...paragraphs: string[]) => run(...paragraphs).quotes.map((q) => q.speaker);

describe('people named more than once', () => {
  it('stacked titles come off the name, and the surname alone later is the same person', () => {
    expect(people('The unit was opened by Professor Sir Colin Vane, who chairs the review.', 'Professor Sir Vane said: “It is exactly what the town needed for years.”')).toEqual([
      ['Colin Vane', 'Professor Sir Colin Vane'],
      ['Colin Vane', 'Professor Sir Vane'],
    ]);
  });

  it('a possessive mark after a surname is not part of the name', () => {
    expect(people('The letter from regional director Hilary Jones arrived on Monday.', 'Ms Jones’ letter set out the new timetable.').map(([n]) => n)).toEqual(['Hilary Jones', 'Hilary Jones']);
  });

  it('a peer named in full earlier keeps the full name when called Lord later', () => {
    expect(people('Former minister Peter Alder backed the plan.', 'Lord Alder said it was overdue.').map(([n]) => n)).toEqual(['Peter Alder', 'Peter Alder']);
  });

  it('"Mr ap Hywel" after a full name the rules did not know as a name still finds the full name', () => {
    const found = people('Local member Gruffydd ap Hywel asked for a date.', 'Mr ap Hywel added: “People here have waited long enough for this service.”');
    expect(found.at(-1)).toEqual(['Gruffydd ap Hywel', 'Mr ap Hywel']);
    expect(speakers('Local member Gruffydd ap Hywel asked for a date.', 'Mr ap Hywel added: “People here have waited long enough for this service.”')).toEqual(['Gruffydd ap Hywel']);
  });
});

describe('who a quoted fragment belongs to', () => {
  it('"he urged Mr X …, saying “…”": the one urging speaks, not the one urged', () => {
    expect(speakers('Farm leader Dan Hobbs met ministers.', 'He urged Mr Pike to settle soon, saying “time is running out for the smaller producers”.')).toEqual(['Dan Hobbs']);
  });

  it('"…”, adding that …" leaves the fragment to the subject of the sentence', () => {
    expect(speakers('Nurse lead Amy Roth spoke of the strain of “juggling three record systems on every single shift”, adding that one system would help.')).toEqual(['Amy Roth']);
  });

  it('"Kim said" after "Kim Dale" is Kim Dale; with two people called Kim it is nobody', () => {
    expect(speakers('Practice manager Kim Dale runs the clinic.', '“We are ready to open the doors to patients next week,” Kim said.')).toEqual(['Kim Dale']);
    expect(speakers('Kim Dale and Kim Oakes run the clinic.', '“We are ready to open the doors to patients next week,” Kim said.')).toEqual([null]);
  });
});

describe('a given name alone beside a speech verb', () => {
  it('"Sam, who leads the pharmacy team, said" and "said Sam" are the Sam named in full before', () => {
    const found = people('Pharmacist Sam Whitlock opened the new hub.', 'Sam, who leads the pharmacy team, said the hub was busy.', 'The queue was long, said Sam.');
    expect(found).toEqual([['Sam Whitlock', 'Sam Whitlock'], ['Sam Whitlock', 'Sam'], ['Sam Whitlock', 'Sam']]);
  });

  it('a given name after another capitalised word is not an attribution of its own', () => {
    expect(people('Pharmacist Sam Whitlock opened the new hub.', 'Uncle Sam said nothing about it.').map(([n, s]) => `${n}/${s}`)).not.toContain('Sam Whitlock/Sam');
  });

  it('a surname seen in full earlier is the same person wherever it stands alone, but not inside a longer word', () => {
    expect(people('Director Helen Ranganathan set the date.', 'Ranganathan confirmed it; the Ranganathanesque plan stood.').map(([, s]) => s)).toEqual(['Helen Ranganathan', 'Ranganathan']);
  });
});

describe('organisations named like people', () => {
  it('a place followed by a plural of carers ("Doctors", "Nurses") or a clinic word is a body, not a person', () => {
    expect(people('Wessex Doctors will run the evening clinics from May.')).toEqual([]);
    expect(people('Later, Fenland Nurses said the rota was full.')).toEqual([]);
    expect(people('Harbour Clinic confirmed the change.')).toEqual([]);
  });
});
