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
