// Regions a rollout fact is about: sites, trusts standing for their own hospitals, Welsh health
// boards, and places named in passing. Every sentence here is written for the test.
import { describe, expect, it } from 'vitest';
import { analyse } from '../../pipeline/analyse/index.ts';
import { findNamedEntities } from '../../pipeline/analyse/entities.ts';
import { tokenize } from '../../pipeline/analyse/gazetteer.ts';
import { factSentences, statesNationalFact } from '../../pipeline/analyse/regions.ts';
import { findServices } from '../../pipeline/analyse/services.ts';
import { paragraphSpans, sentenceSpans } from '../../pipeline/analyse/text.ts';
import { article, knowledge } from './helpers.ts';

const run = (published: string, ...paragraphs: string[]) => analyse(article(paragraphs, published), knowledge());
const regions = (published: string, ...paragraphs: string[]) => [...new Set(run(published, ...paragraphs).entities.filter((e) => e.kind === 'region').map((e) => e.name))];
const providers = (published: string, ...paragraphs: string[]) => [...new Set(run(published, ...paragraphs).entities.filter((e) => e.kind === 'provider').map((e) => e.name))];

describe('hospital and centre sites', () => {
  it('a centre whose name has a possessive descriptor is named by its place words', () => {
    const found = regions('2021-03-01', 'The Ashfield Children’s Walk In Centre will close for two days next week because of staff shortages.');
    expect(found).toContain('Ashfield');
    expect(found).not.toContain('Ashfield Children');
  });

  it('a hospital where a service is suspended is a region, named with its head word', () => {
    expect(regions('2021-03-01', 'Breast screening has been suspended at Cromer Hospital for a fortnight because of staff sickness.')).toContain('Cromer Hospital');
  });

  it('coordinated names before a shared lower-case head are two sites', () => {
    const found = regions('2021-03-01', 'Screening appointments were cancelled at the Holt and Aylsham mobile units this week.');
    expect(found).toEqual(expect.arrayContaining(['Holt', 'Aylsham']));
  });

  it('the names after "centres at" are sites, one each', () => {
    const found = regions('2022-12-01', 'The Walk In Centres at Kirkby, Prescot and Speke will stay closed over the holiday.');
    expect(found).toEqual(expect.arrayContaining(['Kirkby', 'Prescot', 'Speke']));
  });

  it('list items after "Those affected are:" carry the closure of the paragraph before', () => {
    const found = regions('2022-12-01', 'Because of the strike we are closing two walk-in centres early today. Those affected are:', 'Kirkby Walk In Centre, 8am to 4pm', 'Speke Walk In Centre, 9am to 1pm');
    expect(found).toEqual(expect.arrayContaining(['Kirkby', 'Speke']));
  });

  it('a hospital named only as a landmark, or in a sentence with no rollout fact, is not a region', () => {
    expect(regions('2022-08-01', 'A new surgical hub is being built on land opposite the Treetops Hospital.')).not.toContain('Treetops Hospital');
    expect(regions('2022-08-01', 'Car parking charges at Treetops Hospital went up by ten pence.')).not.toContain('Treetops Hospital');
  });

  it('a centre the text places in a town is filed under that town, every time it is named', () => {
    const found = regions('2021-03-01', 'The Riverside vaccination centre in Exeter will pause between 1 and 11 April.', 'Riverside vaccination centre will reopen after Easter.');
    expect(found).toContain('Exeter');
    expect(found).not.toContain('Riverside');
  });

  it('"a Norfolk hospital" describes an unnamed hospital: Norfolk is not a region', () => {
    expect(regions('2020-03-26', 'More than 1,000 women are being contacted after a Norfolk hospital suspended its breast screening.')).not.toContain('Norfolk');
  });

  it('a capitalised "In" inside a centre\'s name does not make the next word a town', () => {
    expect(regions('2022-12-01', 'NHS walk-in services: the Walk In Centres closed at 6pm because of the strike.')).not.toContain('Centres');
  });
});

describe('a trust is the region of its own hospital system', () => {
  it('a trust that goes live with a new record is a region and a provider', () => {
    const text = ['The new electronic patient record went live at University Hospitals of Morecambe Bay NHS Foundation Trust last week.'];
    expect(regions('2023-06-01', ...text)).toContain('University Hospitals of Morecambe Bay NHS Foundation Trust');
    expect(providers('2023-06-01', ...text)).toContain('University Hospitals of Morecambe Bay NHS Foundation Trust');
  });

  it('an ambulance trust serves areas: it is a provider, never a region', () => {
    const text = ['South Central Ambulance Service will take over the NHS 111 contract from April.'];
    expect(regions('2013-06-01', ...text)).not.toContain('South Central Ambulance Service');
  });

  it('a trust that only comments, or runs a centre in a named town, is not a region', () => {
    const said = ['The minor injuries unit in Minehead will close at night, Somerset NHS Foundation Trust said.'];
    expect(regions('2022-06-01', ...said)).not.toContain('Somerset NHS Foundation Trust');
    const runs = ['The diagnostic centre, to be run by East Kent Hospitals University NHS Foundation Trust, was due to open in the summer.'];
    expect(regions('2023-05-01', ...runs)).not.toContain('East Kent Hospitals University NHS Foundation Trust');
  });

  // A local centre whose place the text never names gets no region (LABELS.md), not England.
  it('a local centre with no named place has no region, not England', () => {
    const runs = ['The diagnostic centre, to be run by East Kent Hospitals University NHS Foundation Trust, was due to open in the summer.'];
    expect(regions('2023-05-01', ...runs)).toEqual([]);
  });

  it('when the text says where the trust\'s hospitals are, the town is the region', () => {
    const text = ['Liverpool University Hospitals NHS Foundation Trust has postponed the go-live of its electronic patient record.', 'The trust runs three hospitals in Liverpool.'];
    const found = regions('2023-09-20', ...text);
    expect(found).not.toContain('Liverpool University Hospitals NHS Foundation Trust');
  });

  it('"Hospital" written in the singular still names a trust called "… Hospitals"', () => {
    const text = ['The Norfolk and Norwich University Hospital introduced a virtual ward in 2021.'];
    expect(providers('2022-03-01', ...text)).toEqual(['Norfolk and Norwich University Hospital']);
  });
});

describe('Welsh health boards and bodies of their time', () => {
  it('a Welsh health board is a region with its ODS code, under the name of its era', () => {
    const early = run('2017-07-01', 'Abertawe Bro Morgannwg University Health Board has extended its NHS 111 pilot.').entities.find((e) => e.kind === 'region');
    expect(early).toMatchObject({ name: 'Abertawe Bro Morgannwg', code: '7A3' });
    const later = run('2020-10-01', 'The 111 service went live in the Swansea Bay University Health Board area.').entities.find((e) => e.kind === 'region');
    expect(later).toMatchObject({ name: 'Swansea Bay', code: '7A3' });
  });

  it('an area named before the NHS body of that name existed is the area as written, without the body\'s code', () => {
    const r = run('2010-06-01', 'The Summary Care Record went live for patients in the Vale of York last month.').entities.find((e) => e.kind === 'region' && e.name !== 'England');
    expect(r).toMatchObject({ name: 'Vale of York', code: null });
    const later = run('2016-06-01', 'The Summary Care Record went live for patients in the Vale of York last month.').entities.find((e) => e.kind === 'region' && e.name !== 'England');
    expect(later).toMatchObject({ name: 'Vale of York', code: '03Q' });
  });
});

describe('suppliers by the name of their time', () => {
  it('after the 2022 takeover, Oracle, Oracle Health and Cerner in one story are one supplier; before it, Oracle and Cerner are two', () => {
    const text = ['The trust chose Oracle Health for its electronic patient record.', 'Oracle said the Cerner system would go live in March.'];
    expect(providers('2023-10-01', ...text)).toEqual(['Oracle Health']);
    expect(providers('2012-07-01', ...text).sort()).toEqual(['Cerner', 'Oracle', 'Oracle Health']);
  });
});

describe('places written as lists', () => {
  it('a list of places that names one commissioning area is that area, written in full', () => {
    const found = regions('2012-10-01', 'In north-east London, the Hackney, Tower Hamlets and Newham cluster chose a GP co-operative to run its NHS 111 service.');
    expect(found).toContain('Hackney, Tower Hamlets and Newham');
    expect(found).not.toContain('Newham');
  });

  it('a list followed by a possessive is one area ("… and Medway\'s patients")', () => {
    const found = regions('2012-10-01', 'The NHS 111 contract covers Surrey, Sussex and Kent and Medway’s five million patients.');
    expect(found).toEqual(['Surrey, Sussex and Kent and Medway']);
  });

  it('where the last item follows ", and", an "and" without a comma pairs two places', () => {
    const found = regions('2015-08-01', 'The co-operative runs NHS 111 across Cumbria, Lancashire and Blackpool, and Merseyside.');
    expect(found).toEqual(expect.arrayContaining(['Lancashire and Blackpool', 'Cumbria', 'Merseyside']));
    expect(found).not.toContain('Blackpool');
  });

  it('the parts of an area the sentence already names are not regions of their own', () => {
    const found = regions('2013-03-01', 'The South of Tyne region (which covers Gateshead and Sunderland) sent the first screening letters to people aged 55.');
    expect(found).toContain('South of Tyne and Wear');
    expect(found).not.toContain('Gateshead');
    const boroughs = regions('2023-06-01', 'The ambulance trust will run NHS 111 from November, covering four London boroughs – Camden, Islington, Barnet and Enfield.');
    expect(boroughs).not.toContain('Camden');
    expect(boroughs).not.toContain('London');
  });

  it('named commissioners in an "including" list stay regions', () => {
    const found = regions('2015-05-01', 'The CCGs of the East Midlands, including Leicester City CCG and Nottingham City CCG, chose a new NHS 111 provider.');
    expect(found).toEqual(expect.arrayContaining(['Leicester City', 'Nottingham City']));
  });

  it('places where the service was never introduced are not regions', () => {
    expect(regions('2021-01-01', 'Bowel scope screening started in England in 2013 but was never introduced in Scotland or Wales.')).not.toContain('Wales');
  });
});

describe('places named in passing', () => {
  it('the town where someone spoke is a venue, not a region', () => {
    expect(regions('2023-11-20', 'Speaking at the annual health technology conference in Harrogate, the chief executive said most trusts now had an electronic patient record.')).not.toContain('Harrogate');
  });

  it('a place that only locates another is not a region', () => {
    expect(regions('2018-09-01', 'Extended GP hours are best in Rushcliffe in Nottinghamshire, where every patient can book evening appointments.')).toEqual(['Rushcliffe']);
  });

  it('"a CCG in the North East" only locates the CCG the story goes on to name', () => {
    const found = regions('2017-01-01', 'A CCG in the North East is to close its two walk-in centres.', 'NHS South Tees CCG said the centres would close in March.');
    expect(found).toContain('South Tees');
    expect(found).not.toContain('North East');
  });

  it('a commissioner that is only the source of the news, beside a named place, is not a region', () => {
    const found = regions('2015-08-01', 'Care UK runs the NHS 111 service in Lincolnshire, a Nottingham City CCG spokeswoman said.');
    expect(found).toEqual(['Lincolnshire']);
  });
});

describe('framing, asides and comparisons', () => {
  it('a place that frames a sentence about named hospitals is not a region; the hospitals are', () => {
    const found = regions('2008-10-29', 'In London, attempts to install the new patient record system at the Royal Free hospital caused weeks of disruption.');
    expect(found).not.toContain('London');
    expect(found).toContain('Royal Free hospital');
  });

  it('a hospital named after a centre\'s place is that place, once', () => {
    const found = regions('2022-06-01', 'The Minehead MIU will close overnight for good.', 'Minehead Community Hospital had closed the unit at night since last July.');
    expect(found).toEqual(['Minehead']);
  });

  it('an aside naming part of an area ("– including Bridgend –") is not a region of its own', () => {
    const found = regions('2020-10-27', 'So far only the Swansea Bay – including Bridgend – and Powys health board areas have the full 111 service.');
    expect(found).not.toContain('Bridgend');
  });

  it('a list ending ", and most of X" still pairs two places joined by a bare "and"', () => {
    const found = regions('2015-08-01', 'The social enterprise runs NHS 111 across Leicestershire and Rutland, Lincolnshire, and most of Nottinghamshire.');
    expect(found).toContain('Leicestershire and Rutland');
    expect(found).not.toContain('Rutland');
  });

  it('the area that other bodies, or an unnamed few, belong to is not a region', () => {
    expect(regions('2012-07-01', 'Other trusts that went live with the same electronic patient record in the South of England had no such problems.')).not.toContain('the South of England');
    expect(regions('2019-07-01', 'The 111 service is already running in three health board areas in Wales.')).not.toContain('Wales');
  });
});

describe('England for national facts', () => {
  // The rule that puts England among a story's regions (events placed at England add it too).
  const national = (published: string, ...paragraphs: string[]) => {
    const body = paragraphs.join('\n\n');
    const sentences = sentenceSpans(body, paragraphSpans(body));
    const tokens = tokenize(body);
    const services = findServices(body, tokens, knowledge());
    const named = findNamedEntities(body, tokens, published, knowledge(), services.length > 0);
    return statesNationalFact(body, sentences, named, services, factSentences(sentences, services, knowledge()), knowledge())?.text ?? null;
  };

  it('a national cue in a story about a service states a national fact, even where England is not named', () => {
    expect(national('2019-11-28', 'Phase 4 of the Electronic Prescription Service is going to national deployment with the first practices this month.')).not.toBeNull();
    expect(national('2019-11-28', 'Phase 4 of the Electronic Prescription Service started in the first practices in Leeds this month.')).toBeNull();
  });

  it('England as the whole of trusts the story names is not a national fact; of unnamed ones it is', () => {
    const named = ['The Electronic Prescription Service is now used by six hospital trusts across England.', 'In July University Hospitals of Morecambe Bay NHS Foundation Trust went live with it.'];
    expect(national('2023-08-01', ...named)).toBeNull();
    expect(national('2013-03-21', 'Six centres in England will start offering bowel scope screening this year.')).not.toBeNull();
  });

  it('in a story about Wales that never names England, "nationally" is Wales', () => {
    expect(national('2013-10-03', 'The Choose Pharmacy common ailments service will be rolled out nationally across Wales after the trial.')).toBeNull();
  });
});
