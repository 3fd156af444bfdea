// Region by scope: the place a fact is filed under follows the clause that names it, lists of places
// stay whole, and a place the text only ranks is not where the fact happened.
import { describe, expect, it } from 'vitest';
import { analyse } from '../../pipeline/analyse/index.ts';
import { findNamedEntities } from '../../pipeline/analyse/entities.ts';
import { tokenize } from '../../pipeline/analyse/gazetteer.ts';
import { article, knowledge } from './helpers.ts';

const events = (paragraphs: string[]) =>
  analyse(article(paragraphs, '2021-03-10'), knowledge()).events.map((e) => `${e.service}|${e.region}|${e.status}`).sort();

describe('lists of places inside a sentence', () => {
  it('keeps a list with an Oxford comma whole, so its last place gets the fact too', () => {
    const found = events(['Pharmacy First went live on Monday in Ipswich, Colchester, and Chelmsford.']);
    expect(found).toEqual(expect.arrayContaining(['Pharmacy First|Ipswich|live', 'Pharmacy First|Colchester|live', 'Pharmacy First|Chelmsford|live']));
  });

  it('keeps a place the list names only in part ("and most of X")', () => {
    const found = events(['Local Care Direct runs NHS 111 across Bradford, Calderdale, Kirklees, and most of Wakefield.']);
    expect(found).toEqual(expect.arrayContaining(['NHS 111|Kirklees|live', 'NHS 111|Wakefield|live']));
  });

  it('does not pull a place of a following clause into the fact of the first', () => {
    const found = events(['Pharmacy First went live in Ipswich on Monday, and Colchester will follow in the summer.']);
    expect(found).toContain('Pharmacy First|Ipswich|live');
    expect(found).not.toContain('Pharmacy First|Colchester|live');
  });
});

describe('places the text only ranks', () => {
  it('files "only available in" places under themselves, beside the wider area of the clause', () => {
    const found = events(['NHS 111 can now be used in Wales for vaccine questions, though the full service is only available in Powys and Swansea Bay.']);
    expect(found).toEqual(expect.arrayContaining(['NHS 111|Powys|live', 'NHS 111|Swansea Bay|live']));
  });
});

describe('a place that names its people', () => {
  it('files a fact for "X residents" under X, while "a X resident" stays a person\'s detail', () => {
    expect(events(['Shropshire residents can now book GP appointments through the NHS App, which went live in the county on Monday.']))
      .toContain('NHS App|Shropshire|live');
    expect(events(['A Shropshire resident said the NHS App went live nationally last year.'])).not.toContain(expect.stringContaining('|Shropshire|'));
  });
});

describe('relative clauses', () => {
  it('keeps the places of ", which …," for the fact of that clause, and the main fact for the places outside it', () => {
    const found = events(['Yorkshire Ambulance Service, which already runs NHS 111 in Sheffield and Leeds, has been chosen as the preferred provider '
      + 'to take over the service in Hull.']);
    expect(found).toContain('NHS 111|Hull|provider_appointed');
    expect(found).not.toContain('NHS 111|Sheffield|provider_appointed');
    expect(found).not.toContain('NHS 111|Leeds|provider_appointed');
  });
});

describe('a relative clause that ends the sentence', () => {
  it('files the fact it states under its own place, and the main clause\'s fact under the main clause\'s place', () => {
    const found = events(['Bristol became the first city to try the NHS App last week, which will be open to every patient in England by the autumn.']);
    expect(found).toContain('NHS App|England|planned');
    expect(found).not.toContain('NHS App|Bristol|planned');
  });
});

describe('a clause of reported reasons', () => {
  it('keeps the service named after ", saying" out of the status of the main clause', () => {
    const found = events(['Health chiefs decided to close the walk-in centre in Penrith, saying the urgent treatment centre in Carlisle could see its patients.']);
    expect(found).toContain('walk-in centres|Penrith|cancelled');
    expect(found.filter((e) => e.startsWith('urgent treatment centres|'))).toEqual([]);
  });
});

describe('relative clauses holding a list', () => {
  it('leaves the list of a relative clause to that clause, and places the main fact from the context', () => {
    const found = events(['Commissioners in Sussex have been looking for a new NHS 111 provider since the spring.',
      'The ambulance trust, which already runs NHS 111 in Kent, Surrey and Medway, has been named preferred provider for the service.']);
    expect(found).toContain('NHS 111|Kent|live');
    expect(found).not.toContain('NHS 111|Kent|provider_appointed');
    expect(found).not.toContain('NHS 111|Medway|provider_appointed');
  });
});

describe('national facts and unnamed subsets', () => {
  it('files a national fact of a story about Wales that never names England under Wales', () => {
    const found = events(['NHS 111 went live in Powys last May, and Wales is now adding more health boards.',
      'Ministers said the national rollout of NHS 111 would be finished by next spring.']);
    expect(found).toContain('NHS 111|Wales|planned');
    expect(found).not.toContain(expect.stringContaining('|England|'));
  });

  it('gives no England event to a provider leaving some of its contracts, but England for all of them', () => {
    expect(events(['Across the country, Care UK has handed back four of its 20 NHS 111 contracts because of rising costs.']))
      .not.toContain('NHS 111|England|provider_withdrawn');
    expect(events(['Across the country, Care UK is handing back all 20 of its NHS 111 contracts because of rising costs.']))
      .toContain('NHS 111|England|provider_withdrawn');
  });

  it('gives no England event to a few unnamed trusts going live, but keeps a share of all of them as England\'s', () => {
    expect(events(['Four hospital trusts across England have started using the Electronic Prescription Service this year.']))
      .not.toContain('Electronic Prescription Service|England|live');
    expect(events(['Forty of the 42 integrated care boards across England have started using the Electronic Prescription Service this year.']))
      .toContain('Electronic Prescription Service|England|live');
    expect(events(['Some 85 trusts across England have started using the Electronic Prescription Service this year.']))
      .toContain('Electronic Prescription Service|England|live');
  });

  it('counts contracts "for four services", but not the number in a service\'s own name', () => {
    expect(events(['Across the country, Harmoni has won contracts for four NHS 111 services so far.'])).not.toContain('NHS 111|England|provider_appointed');
    expect(events(['Across the country, NHS Direct won more 111 contracts than any other bidder last year.'])).toContain('NHS 111|England|provider_appointed');
  });
});

describe('a place in a centre\'s name', () => {
  it('reads the town in "the Lincoln Walk-In-Centre" or "the Bolton Minor Injuries Unit" as a place, not as part of another name', () => {
    const texts = ['Health bosses want the Lincoln Walk-In-Centre on Mill Lane shut for good.', 'The Bolton Minor Injuries Unit shuts at 8pm from Monday.'];
    for (const text of texts) {
      const named = findNamedEntities(text, tokenize(text), '2021-03-10', knowledge(), true);
      expect(named.filter((n) => n.kind === 'region').map((n) => n.surface)).toHaveLength(1);
    }
  });
});

describe('places that nest', () => {
  it('keeps a fact placed in London under London, though the page also names "east London" (a part, not a larger area)', () => {
    const found = events(['A new community diagnostic centre opened in east London on Monday.',
      'London already has four community diagnostic centres, and NHS England said more would open in London next year.']);
    expect(found).toContain('community diagnostic centres|east London|live');
    expect(found).toContain('community diagnostic centres|London|planned');
    expect(found).not.toContain('community diagnostic centres|east London|planned');
  });

  it('does not file a fact under the wider area that only says where a place is ("X in north Wales", "X, south Wales")', () => {
    const found = events(['Pharmacy First went live in the Powys Teaching Health Board in mid Wales on Monday.',
      'The minister opened a pilot of the Pharmacy First service at a chemist in Aberdare, south Wales.']);
    expect(found).toContain('Pharmacy First|Powys|live');
    expect(found).not.toContain('Pharmacy First|Wales|live');
  });
});

describe('a place named only in a relative clause', () => {
  it('is not the story\'s area, nor the place of the next sentence\'s fact', () => {
    const found = events(['The launch of NHS 111 online has been pushed back to July, ministers said.',
      'The service will start without its symptom checker, which is still being piloted in Cumbria.',
      'Ministers said NHS 111 online would go live by the autumn.']);
    expect(found).toContain('NHS 111 online|England|delayed');
    expect(found).not.toContain('NHS 111 online|Cumbria|delayed');
  });
});

describe('towns named apart from their council area', () => {
  it('knows Melton Mowbray as a place of its own', () => {
    expect(events(['The midwife-led unit in Melton Mowbray closed for good in March, the trust said.'])).toContain('midwife-led units|Melton Mowbray|cancelled');
  });
});

describe('facts in unnamed areas', () => {
  it('gives no event for a clause that places the fact in a few unnamed areas, though another clause names a place', () => {
    const found = events(['NHS 111 is already running in four health board areas, and Powys is expected to follow in the spring.']);
    expect(found).not.toContain('NHS 111|Powys|live');
  });
});

describe('the whole country', () => {
  it('files a placeless fact after "throughout the country" under the nation the story names', () => {
    const found = events(['Pharmacy First began in Powys and in Cwm Taf this week.',
      'Ministers said in spring that the service could reach pharmacies throughout the country by 2016. However, they now say the trial will run until 2015.']);
    expect(found).not.toContain('Pharmacy First|Powys|delayed');
  });
});
