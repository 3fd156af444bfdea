// Providers by what they do in the text. Every sentence here is written for the test.
import { describe, expect, it } from 'vitest';
import { analyse } from '../../pipeline/analyse/index.ts';
import { providerRole } from '../../pipeline/analyse/providers.ts';
import { article, knowledge } from './helpers.ts';

const run = (published: string, ...paragraphs: string[]) => analyse(article(paragraphs, published), knowledge());
const kinds = (published: string, ...paragraphs: string[]) => {
  const out: Record<string, string> = {};
  for (const e of run(published, ...paragraphs).entities) if (e.kind === 'provider' || e.kind === 'organisation') out[e.name] = e.kind;
  return out;
};
const roleIn = (sentence: string, name: string) => {
  const at = sentence.indexOf(name);
  return providerRole(sentence, { start: 0, end: sentence.length }, { start: at, end: at + name.length }, knowledge());
};

describe('the role a name plays in its sentence', () => {
  it('reads the cue before a name, also across the rest of a list', () => {
    expect(roleIn('The NHS 111 service is run by Meadowbank Doctors Co-operative.', 'Meadowbank Doctors Co-operative')).toBe('delivery');
    expect(roleIn('The bid was backed by consultancies Alpha and Beta, as well as Gamma, a data firm, and Delta.', 'Delta')).toBe(null);
    expect(roleIn('The winning bid was supported by consultancies Alpha and Beta, as well as Gamma, a data firm, and Delta.', 'Delta')).toBe('delivery');
    expect(roleIn('The board awarded a five-year contract for the new booking system to Northgate Data.', 'Northgate Data')).toBe('delivery');
  });

  it('reads the verb after a name, past its acronym, an apposition and auxiliaries', () => {
    expect(roleIn('Oakfield Health (OH) has won the contract.', 'Oakfield Health')).toBe('delivery');
    expect(roleIn('Connecting Care, the agency leading the programme, said the date would slip.', 'Connecting Care')).toBe('delivery');
    expect(roleIn('Oakfield Health said it was disappointed.', 'Oakfield Health')).toBe('reports');
  });

  it('an owner, a buyer, a critic or a "non-" brand is not the provider', () => {
    expect(roleIn('Harbour Care, which was bought by Oakfield Group last month, won two contracts.', 'Oakfield Group')).toBe('other');
    expect(roleIn('Calls cost more from a non-BT landline.', 'BT')).toBe('other');
  });
});

describe('providers as the story uses them', () => {
  it('a company named only as the buyer of a provider is an organisation', () => {
    const found = kinds('2012-10-01', 'Harmoni, which was bought by Care UK earlier this month, won eleven NHS 111 contracts.');
    expect(found).toMatchObject({ Harmoni: 'provider', 'Care UK': 'organisation' });
  });

  it('a consultancy that reviews a rollout is not its provider; one in the winning bid is', () => {
    expect(kinds('2012-07-01', 'PwC was asked to examine the introduction of the electronic patient record at the trust.')).toMatchObject({ PwC: 'organisation' });
    expect(kinds('2023-11-22', 'The winning bid for the Federated Data Platform was supported by Accenture and PwC.')).toMatchObject({ Accenture: 'provider', PwC: 'provider' });
  });

  it('a national agency is the provider when it runs or announces its own service, not when it reports figures', () => {
    expect(kinds('2016-09-01', 'Community pharmacies will be able to see Summary Care Records by March, NHS Digital announced today.')).toMatchObject({ 'NHS Digital': 'provider' });
    expect(kinds('2018-06-11', 'More than half of trusts now take GP referrals only through the NHS e-Referral Service, NHS Digital has said.')).toMatchObject({ 'NHS Digital': 'organisation' });
    expect(kinds('2020-05-07', 'Developed by NHSX, the NHS COVID-19 app is being tested on the island.')).toMatchObject({ NHSX: 'provider' });
  });

  it('an organisation no list knows is a provider when the text gives it the service to run', () => {
    const found = kinds('2012-10-01', 'In the west of the county the NHS 111 service will be run by the Riverside Urgent Care Partnership from April.');
    expect(found).toMatchObject({ 'Riverside Urgent Care Partnership': 'provider' });
  });

  it('a provider-shaped name no list knows is a provider; a newspaper cued the same way is not', () => {
    expect(kinds('2024-06-01', 'Westshire and Dale University Hospitals Group said its electronic patient record would go live next spring.')).toMatchObject({ 'Westshire and Dale University Hospitals Group': 'provider' });
    expect(kinds('2004-06-01', 'Further evidence of the Choose and Book launch date is provided by the Weekly Health Journal this week.')).not.toHaveProperty('Weekly Health Journal');
  });

  it('an acronym the story never spells out is named by the list, with its code', () => {
    const e = run('2023-11-22', 'The winning bid for the Federated Data Platform was supported by NECS.').entities.find((x) => x.surface === 'NECS');
    expect(e).toMatchObject({ kind: 'provider', name: 'North of England Commissioning Support Unit (NECS)', code: '0AR' });
  });
});

describe('events carry the provider\'s ODS code', () => {
  it('an event whose provider is a trust the reference data knows has its code; one with no provider has null', () => {
    const f = run('2013-09-01', 'South Central Ambulance Service has been chosen to take over the NHS 111 service in Buckinghamshire.');
    expect(f.events.find((e) => e.region === 'Buckinghamshire')).toMatchObject({ provider: 'South Central Ambulance Service', providerCode: 'RYE' });
    const none = run('2013-09-01', 'NHS 111 went live in Cornwall last week.').events.find((e) => e.region === 'Cornwall');
    expect(none).toMatchObject({ provider: null, providerCode: null });
  });
});

describe('names of their time and place', () => {
  it('a closed trust\'s short name years after it closed is not that trust', () => {
    expect(kinds('2025-06-19', 'St Mary’s birth centre will pause births for half a year.')).not.toHaveProperty("The St Mary's NHS Trust");
    expect(Object.keys(kinds('2025-06-19', 'St Mary’s birth centre will pause births for half a year.'))).toEqual([]);
  });

  it('NHS Direct in a story about Wales is NHS Direct Wales, not the English provider', () => {
    const found = kinds('2019-07-01', 'People in Gwent who need urgent advice from NHS Direct will be able to call 111 from next month, the health board said.', 'The service is already live in the Hywel Dda health board area.');
    expect(found).not.toMatchObject({ 'NHS Direct': 'provider' });
    expect(kinds('2013-09-01', 'NHS Direct will hand back its NHS 111 contract in Somerset.')).toMatchObject({ 'NHS Direct': 'provider' });
  });

  it('a trust\'s short name is the trust "at" it and the area "in" it', () => {
    const at = run('2008-10-29', 'The first installation of the Lorenzo patient record at Morecambe Bay was repeatedly delayed.').entities;
    expect(at.find((e) => e.kind === 'provider')).toMatchObject({ code: 'RTX' });
    const inside = run('2023-06-22', 'Virtual wards are now live across University Hospitals of Morecambe Bay NHS Foundation Trust in Morecambe Bay.').entities;
    expect(inside.filter((e) => e.kind === 'region').map((e) => e.name)).toContain('Morecambe Bay');
  });

  it('"Ambulance Service" in the singular still names a trust called "… Ambulance Services"', () => {
    const e = run('2020-10-27', 'The 111 service will be run by the Welsh Ambulance Service from next year.').entities.find((x) => x.kind === 'provider');
    expect(e).toMatchObject({ code: 'RT4' });
  });
});
