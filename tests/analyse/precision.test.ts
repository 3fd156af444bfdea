// Precision on ordinary news text: what real pages that are not about NHS rollouts taught us
// (`npm run eval:noise`). Every sentence here is written for the test.
import { describe, expect, it } from 'vitest';
import { analyse } from '../../pipeline/analyse/index.ts';
import { article, knowledge } from './helpers.ts';

const run = (...paragraphs: string[]) => analyse(article(paragraphs), knowledge());
const names = (kind: string, ...paragraphs: string[]) => run(...paragraphs).entities.filter((e) => e.kind === kind).map((e) => e.name);

describe('services need an NHS setting', () => {
  it('an American agency called the CDC is not a community diagnostic centre', () => {
    expect(names('service', 'Flu season started early this year, according to the CDC, which tracks hospital admissions in every state.')).toEqual([]);
  });

  it('an acronym the page spells out as something else is not the service', () => {
    const found = names('service', 'NHS staff were briefed by the Centre for Data Collection (CDC), a research unit at the university.', 'The CDC said its survey would close in May.');
    expect(found).toEqual([]);
  });

  it('a numbered list item "111." on a page about something else is not NHS 111', () => {
    expect(names('service', 'Our favourite jokes, counted down.', '110. Why did the chicken cross the road?', '111. What do you call a sleepy bull?')).toEqual([]);
  });

  it('still finds the acronyms in an NHS story, including one spelled out as the service', () => {
    const found = names('service', 'NHS Kent opened its first community diagnostic centre (CDC) in Ashford. A second CDC will follow in Dover, and callers to 111 will be told about both.');
    expect(found).toEqual(expect.arrayContaining(['community diagnostic centres', 'NHS 111']));
    expect(found.filter((n) => n === 'community diagnostic centres').length).toBeGreaterThanOrEqual(3);
  });
});

describe('only English text is analysed', () => {
  it('a German news page gives no people, places or quotes', () => {
    const german = 'Die Regierung hat am Montag in Berlin neue Regeln für den Verkehr vorgestellt. Der Minister Peter Wagner sagte, die Maßnahmen seien dringend nötig und würden schon im Sommer in Kraft treten. Kritiker aus der Opposition halten die Pläne für zu teuer und fordern eine Prüfung durch den Bundestag, bevor das Gesetz beschlossen wird.';
    const f = run(german, '„Wir müssen jetzt handeln“, sagte Wagner.');
    expect(f.entities).toEqual([]);
    expect(f.quotes).toEqual([]);
  });
});

describe('places inside other names are not regions', () => {
  it('"New York", a football club and a university named after a town are not places of the story', () => {
    const found = names('region', 'NHS trusts in Yorkshire have copied a scheme first tried in New York.', 'The manager left Manchester United last year.', 'Researchers at the University of Leicester led the work, with Oxford University.');
    expect(found).toEqual(['Yorkshire and the Humber']);
  });

  it('a hyphenated town is not the town its name starts with', () => {
    expect(names('region', 'Practices in Leeds gave the Oxford-AstraZeneca jab at the NHS centre.')).toEqual(['Leeds']);
  });

  it('keeps a place at the start of a sentence and a local health body named after its area', () => {
    expect(names('region', 'The NHS 111 contract in Essex was re-tendered. Neighbouring Suffolk will not follow.')).toContain('Suffolk');
    expect(names('region', 'The Harrow Patients’ Forum wrote to the CCG about NHS 111.')).toContain('Harrow');
  });

  it('"New York" at the start of a sentence, a town name used as a verb, and an author in a citation are not places', () => {
    expect(names('region', 'New York hospitals copied the NHS 111 model.')).toEqual([]);
    expect(names('region', 'Reading the NHS report took an hour.')).toEqual([]);
    expect(names('region', 'Sources: Patel R, Cumberland P, Okafor T. A study of NHS 111 calls. BMJ 2019.')).toEqual([]);
  });

  it('a dateline agency in brackets does not become an acronym for the city', () => {
    const f = run('LONDON (AP) — Officials said NHS waiting lists grew again.', 'AP reporters were told the figures on Tuesday.');
    expect(f.entities.filter((e) => e.kind === 'region' && e.surface === 'AP')).toEqual([]);
  });

  it('an ordinary word that is also a company name does not open a sentence as a place', () => {
    const f = run('NHS England published the figures. Here is what they show for GP practices.');
    expect(f.entities.filter((e) => e.surface === 'Here')).toEqual([]);
  });

  it('an unknown word after "in" is a town only in an NHS story', () => {
    expect(names('region', 'The library was written in Python and released in Berlin last year.')).toEqual([]);
    expect(names('region', 'The NHS walk-in centre opened in Northallerton yesterday.')).toContain('Northallerton');
  });
});

describe('people are names, not headings, clubs or titles', () => {
  it('a heading above a paragraph does not join the name that opens it', () => {
    const found = run('Details', 'Penny said the NHS 111 line was busy all weekend.').entities.filter((e) => e.kind === 'person');
    expect(found.filter((p) => p.surface.includes('\n'))).toEqual([]);
  });

  it('a club or a place before a speech verb is not a person', () => {
    expect(names('person', 'Manchester United said the striker would miss the match.', 'If Davies says yes, the NHS trust will sign.')).not.toEqual(expect.arrayContaining(['Manchester United']));
    expect(names('person', 'If Davies says yes, the trust will sign.')).toEqual([]);
  });

  it('an office written before a name leaves the person, not the office', () => {
    expect(names('person', 'North Carolina Governor Helen Brandt opened a new NHS-style helpline.')).toEqual(['Helen Brandt']);
  });

  it('a company or a team after a given name is not part of the name', () => {
    const found = names('person', 'The song was written by Luke Combs Music staff and sung by Tom Kerr.');
    expect(found).not.toContain('Luke Combs Music');
  });
});

const quotesOf = (...paragraphs: string[]) => run(...paragraphs).quotes.map((q) => ({ speaker: q.speaker, text: q.text }));

describe('"he said" and "she said" go to the right person', () => {
  it('"she said" is not given to the man named last', () => {
    const q = quotesOf('Karen Hill, the programme lead, briefed the board after Peter Hughes stepped down.', '“We will not rush the NHS 111 launch,” she said.');
    expect(q).toEqual([{ speaker: 'Karen Hill', text: 'We will not rush the NHS 111 launch,' }]);
  });

  it('a person named inside earlier quoted words is not the one speaking now', () => {
    const q = quotesOf('Paul Reid chairs the CCG. “Credit goes to Simon Hale for the pilot,” he said.', '“The pilot went well and NHS 111 will stay,” he added.');
    expect(q.map((x) => x.speaker)).toEqual(['Paul Reid', 'Paul Reid']);
  });

  it('an owner named in passing ("Hale’s work") is not the speaker', () => {
    const q = quotesOf('Paul Reid said the trust had learned a great deal from Simon Hale’s work.', '“It was the right call for patients,” he said.');
    expect(q[0].speaker).toBe('Paul Reid');
  });
});

describe('of several people in an attribution, the one the speech verb belongs to speaks', () => {
  it('"Asked about Ann Lee’s remarks, Tom Ross said" is Tom Ross', () => {
    expect(quotesOf('Asked about Ann Lee’s remarks on NHS 111, Tom Ross said: “We stand by the figures.”')).toEqual([{ speaker: 'Tom Ross', text: 'We stand by the figures.' }]);
  });
});

describe('a pronoun that is not the speaker', () => {
  it('"asked what he thought, Walters said" does not hand the quote to the last man named', () => {
    const q = quotesOf('Paul Reid chairs the CCG board.', 'Asked what he thought of the NHS 111 figures, Walters said: “They are better than last winter.”');
    expect(q).toEqual([{ speaker: null, text: 'They are better than last winter.' }]);
  });
});

describe('titles in quote marks are not speech', () => {
  it('a report title inside a sentence is not a quote', () => {
    expect(quotesOf('Dr Ruth Ellis, who wrote the report “A Better Front Door For Urgent Care”, said the NHS 111 service was ready.')).toEqual([]);
  });

  it('a show named mid-sentence is not a quote, but words after "said" still are', () => {
    expect(quotesOf('Ruth Ellis told viewers about NHS 111 in an episode of “Ward Watch.”')).toEqual([]);
    expect(quotesOf('Ruth Ellis said “We are ready to go live next week.”')).toEqual([{ speaker: 'Ruth Ellis', text: 'We are ready to go live next week.' }]);
  });
});

const eventsOf = (...paragraphs: string[]) => analyse(article(paragraphs, '2023-01-10'), knowledge()).events.map((e) => `${e.service} | ${e.region} | ${e.status}`);

describe('a service mentioned in passing is no rollout event', () => {
  it('advice to call NHS 111 is not a launch', () => {
    expect(eventsOf('People with a minor illness can call NHS 111 or see a pharmacist.')).toEqual([]);
  });

  it('a service named as a landmark is not what opened', () => {
    expect(eventsOf('The trust opened a new car park next to its urgent treatment centre in Leeds.')).toEqual([]);
    expect(eventsOf('The trust opened its urgent treatment centre in Leeds on Monday.')).toContain('urgent treatment centres | Leeds | live');
  });

  it('"by December" in a sentence about the past is no plan', () => {
    expect(eventsOf('Doctors said NHS 111 had been swamped by calls about flu by December.')).toEqual([]);
    expect(eventsOf('NHS 111 will be live across Kent by December.')).toContain('NHS 111 | Kent | planned');
  });

  it('another process’s delays are not a delay of the service', () => {
    expect(eventsOf('Ambulance handover delays put extra pressure on NHS 111 in Devon.')).toEqual([]);
    expect(eventsOf('The NHS 111 launch in Devon faces further delays.')).toContain('NHS 111 | Devon | delayed');
  });

  it('a person introduced to a service is not its launch', () => {
    expect(eventsOf('She was introduced to social prescribing by her GP.')).toEqual([]);
    expect(eventsOf('Social prescribing was introduced to patients in Hull last year.')).toContain('social prescribing | Kingston upon Hull | live');
  });

  it('a verb whose object is something else is not about the service', () => {
    expect(eventsOf('Ministers delayed the publication of the report into NHS 111 until after the election.')).toEqual([]);
    expect(eventsOf('The minister launched an attack on GPs, saying the NHS App showed what was possible.')).toEqual([]);
    expect(eventsOf('Ministers delayed the NHS 111 launch in Essex until June.')).toContain('NHS 111 | Essex | delayed');
  });

  it('staff suspended at a service are not a suspended service', () => {
    expect(eventsOf('The union said staff at the NHS 111 centre in Dudley had been suspended after a complaint.')).toEqual([]);
    expect(eventsOf('The NHS 111 service in Dudley has been suspended after a complaint.')).toContain('NHS 111 | Dudley | paused');
  });

  it('switching off the old system is not cancelling the new one', () => {
    expect(eventsOf('The trust said the EPR would be switched on in April, and the old system switched off.').filter((e) => e.endsWith('cancelled'))).toEqual([]);
  });

  it('a service that only bears the consequence of something else is not paused', () => {
    expect(eventsOf('Out-of-hours GP cover was suspended in Cornwall, leaving NHS 111 to take more calls.')).toEqual([]);
  });

  it('a service that only sources a fact is not what the fact is about', () => {
    expect(eventsOf('Data from the NHS App shows that flu jab bookings opened in September.')).toEqual([]);
  });

  it('a deadline that has passed is no plan, and "stopped taking calls" is no launch', () => {
    expect(eventsOf('The deadline for practices to offer online access through the NHS App passed in October.')).toEqual([]);
    expect(eventsOf('She said she would switch to the NHS App when her surgery stopped taking calls.')).toEqual([]);
  });

  it('a cue whose clause is about patients says nothing about the service in the next clause', () => {
    expect(eventsOf('Patients in Leeds are expected to wait longer this winter, although NHS 111 online remains open.')).toEqual([]);
  });
});

describe('credits are not people of the story', () => {
  it('reporters, editors and photographers named in credit lines are left out', () => {
    const found = names('person', 'Dr Asha Patel said the NHS 111 pilot in Leeds had gone well.', '(Reporting by Tom Reeve and Lucy Marr; editing by Dan Hoyle)', 'Photo: Kate Lomas');
    expect(found).toEqual(['Asha Patel']);
  });

  it('an author of a report is still a person', () => {
    expect(names('person', 'The review, written by Professor Ian Dowd, found NHS 111 was safe.')).toEqual(['Ian Dowd']);
  });
});

describe('names with accents', () => {
  it('"Siân" and "Zoë" are whole given names, and an accented surname is not cut short', () => {
    expect(names('person', 'Siân Griffiths runs the NHS 111 service, and Zoë Hart manages the Pharmacy First rollout with Tomáš Novák.')).toEqual(['Siân Griffiths', 'Zoë Hart', 'Tomáš Novák']);
  });
});
