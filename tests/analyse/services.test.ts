// Services: the catalogue (sources/lexicon/services.json), the general pattern for programmes nobody
// listed (service-patterns.json), the guards that keep ordinary nouns out, and names as written.
import { describe, expect, it } from 'vitest';
import { analyse } from '../../pipeline/analyse/index.ts';
import { findServices } from '../../pipeline/analyse/services.ts';
import { tokenize } from '../../pipeline/analyse/gazetteer.ts';
import { article, knowledge } from './helpers.ts';

const found = (text: string) => findServices(text, tokenize(text), knowledge());
const names = (text: string) => [...new Set(found(text).map((s) => s.name))];
const NHS = 'The local NHS trust said so. ';

describe('the catalogue of programmes, products and service types', () => {
  it('finds hospital record products by their own names', () => {
    expect(names('The trust in Barnsley switched on its Lorenzo system last weekend.')).toEqual(['Lorenzo']);
    expect(names('Clinicians in Crewe moved onto SystmOne and then onto Meditech Expanse.')).toEqual(['SystmOne', 'Meditech Expanse']);
  });

  it('files integrated urgent care (NHS 111 with its clinical assessment service) under NHS 111', () => {
    expect(found(`${NHS}Two bidders are left for the integrated urgent care contract in Dorset.`).map((s) => s.code)).toEqual(['NHS 111']);
    expect(found(`${NHS}The IUC service in Dorset takes calls all night.`).map((s) => s.code)).toEqual(['NHS 111']);
  });

  it('reads the short form a headline gives the lung health check programme', () => {
    expect(found(`${NHS}Lung checks resume in Wigan next week.`).map((s) => s.code)).toEqual(['lung health checks']);
  });

  it('reads an ambiguous product name only beside its maker or an EPR', () => {
    expect(names('Crowds crossed the Millennium Bridge at dawn.')).toEqual([]);
    expect(names('The hospital went live with Cerner software; Millennium now holds every chart.')).toEqual(['Millennium']);
    expect(names('It was an Epic weekend for the rowing club.')).toEqual([]);
    expect(names('The trust chose Epic as its new EPR supplier.')).toEqual(['Epic', 'EPR']);
  });

  it('knows national programmes and their later forms', () => {
    expect(names(`${NHS}From December people with a minor injury are asked to use NHS 111 First.`)).toEqual(['NHS 111 First']);
    expect(names('Families can now book jabs through the NHS App and sign in with NHS login.')).toEqual(['NHS App', 'NHS login']);
  });

  it('knows kinds of service that open and close site by site', () => {
    expect(names(`${NHS}A minor injury unit in Hexham will close at night, and a surgical hub opens in Carlisle.`))
      .toEqual(['minor injury unit', 'surgical hubs']);
  });

  it('needs an NHS page for a kind of service that any country has', () => {
    expect(names('The prime minister of Chile said a flu vaccination drive starts in May.')).toEqual([]);
    expect(names(`${NHS}The flu vaccination drive starts in May.`)).toEqual(['flu vaccination']);
    // Health words alone ("the health minister") do not make a page about the NHS.
    expect(names('The health minister of Peru said mass vaccination and COVID-19 vaccination would start in May.')).toEqual([]);
  });
});

describe('a product named after its maker', () => {
  it('is the maker where the text deals with the company', () => {
    expect(names('The trust in Exeter signed a contract with Epic last year.')).toEqual([]);
    expect(names('Epic said the work was on time.')).toEqual([]);
  });

  it('is the product where the text installs or runs it', () => {
    expect(names('The trust in Exeter implemented Epic last year.')).toEqual(['Epic']);
    expect(names('The trust in Exeter signed a deal with Epic, and Epic software went live in May.')).toEqual(['Epic']);
  });
});

describe('a product just before the kind of record it is', () => {
  it('only qualifies the record', () => {
    expect(names('The trust in Exeter switched on its Epic electronic patient record on Sunday.')).toEqual(['electronic patient record']);
  });

  it('but "Epic EPR", the product and the acronym, is the product\'s record, named as written', () => {
    const text = 'A London trust went live with its new Epic EPR in May, and other trusts buy EPRs from rivals.';
    expect(found(text).filter((s) => s.surface.startsWith('Epic')).map((s) => s.name)).toEqual(['Epic EPR']);
  });
});

describe('a body is not a service', () => {
  it('does not read a national body as the programme it once ran', () => {
    expect(names('Connecting for Health published its accounts on Tuesday.')).toEqual([]);
    expect(names('NHS Connecting for Health said the Spine upgrade was ready.')).toEqual(['NHS Spine']);
  });

  it('does not take an umbrella programme for the systems it delivered', () => {
    expect(names(`${NHS}Under the National Programme for IT, the trust installed Lorenzo in 2010.`)).toEqual(['Lorenzo']);
  });

  it('does not read a kind of body as a service', () => {
    expect(names(`${NHS}Each primary care network runs a new extended access hub in Hull.`)).not.toContain('primary care network');
  });

  it('does not read "NHS Digital service" as a service', () => {
    expect(names(`${NHS}The NHS Digital service desk was closed.`)).toEqual([]);
  });
});

describe('a programme nobody listed still yields a service', () => {
  it('takes a health phrase headed by service, scheme, hub, unit or app', () => {
    expect(names(`${NHS}Clinics in Conwy will offer a weekend physiotherapy service from June.`)).toEqual(['physiotherapy service']);
    expect(names(`${NHS}The new stroke rehabilitation hub is due to open in spring.`)).toEqual(['stroke rehabilitation hub']);
    expect(names(`${NHS}Ministers launched the NHS smartphone app on Thursday.`)).toEqual(['NHS smartphone app']);
  });

  it('takes a capitalised name ending in Centre, Unit or Service', () => {
    expect(names(`${NHS}Admissions to the Riverside Stroke Unit were paused for a month.`)).toEqual(['Riverside Stroke Unit']);
  });

  it('takes a screening or testing programme from its health word alone', () => {
    expect(names(`${NHS}Men in three areas will be offered prostate screening.`)).toEqual(['prostate screening']);
    expect(names(`${NHS}The supplier begins testing in May.`)).toEqual([]);
  });

  it('knows the fields of care beyond the common ones, and a checking or monitoring word inside the phrase', () => {
    expect(names(`${NHS}Pharmacies in Hull began a hypertension case-finding service in October.`)).toEqual(['hypertension case-finding service']);
    expect(names(`${NHS}The blood pressure checking service at the library will close.`)).toEqual(['blood pressure checking service']);
    expect(names(`${NHS}A new menopause clinic service opens in Derby next month.`)).toEqual(['menopause clinic service']);
    // A checking or monitoring word alone names no field of care.
    expect(names(`${NHS}The monitoring service flagged the outage.`)).toEqual([]);
  });

  it('starts a lower-case phrase at its first health word', () => {
    expect(names(`${NHS}Mothers were told to use standalone midwifery units instead.`)).toEqual(['midwifery units']);
  });
});

describe('ordinary nouns do not become services', () => {
  it('leaves shops, police and helpdesks alone even on an NHS page', () => {
    expect(names(`${NHS}The customer service centre in the shopping centre closed, said the Metropolitan Police Service.`)).toEqual([]);
  });

  it('leaves the health service itself and plural catch-alls alone', () => {
    expect(names(`${NHS}The health service is under strain and dental services are hard to find.`)).toEqual([]);
  });

  it('leaves pensions and bookings alone', () => {
    expect(names(`${NHS}The NHS pension scheme and the hospital car park booking system both changed.`)).toEqual([]);
  });

  it('finds nothing on a page that is not about the NHS', () => {
    expect(names('The city council opened a new maternity unit for the zoo elephants.')).toEqual([]);
  });
});

describe('names as the article writes them, the same throughout', () => {
  it('uses the catalogue name when the text writes it, for every mention', () => {
    const f = found('The Summary Care Record reached Bolton. By May every SCR upload there was done.');
    expect(f.map((s) => [s.surface, s.name])).toEqual([['Summary Care Record', 'Summary Care Record'], ['SCR', 'Summary Care Record']]);
  });

  it('keeps the text\'s own wording when the catalogue name is not written', () => {
    expect(names('The trust said its EPR went live in March. The EPR cost more than planned.')).toEqual(['EPR']);
    expect(names(`${NHS}Practices offered Patient Online to every patient.`)).toEqual(['Patient Online']);
  });

  it('names a numbered stage of a programme as a service of its own', () => {
    expect(names(`${NHS}Pharmacies in Hull went live with EPS Release 2 after EPS Release 1 ended.`)).toEqual(['EPS Release 2', 'EPS Release 1']);
  });

  it('keeps one name when the text writes a plural or "NHS" in one place and not another', () => {
    expect(names(`${NHS}Two urgent treatment centres opened; the urgent treatment centre in Leek opens later.`)).toEqual(['urgent treatment centres']);
  });

  it('carries the catalogue name in the entity code and a type for later references', () => {
    const f = analyse(article(['The trust said its EPR went live in Leeds in March.']), knowledge());
    expect(f.entities.filter((e) => e.kind === 'service').map((e) => [e.name, e.code])).toEqual([['EPR', 'electronic patient record']]);
    expect(found('The NHS App is live.')[0].serviceType).toBe('app');
  });
});

describe('vaccination centres on a Covid page', () => {
  it('are the Covid vaccination programme, named in the page\'s own spelling of the disease', () => {
    const text = 'The NHS said Covid jabs were short. Two mass vaccination centres in Devon will shut for a week, '
      + 'and the Riverside vaccination centre will pause.';
    expect(names(text)).toEqual(['Covid vaccination']);
  });

  it('keep the catalogue name when the page writes it', () => {
    expect(names('The NHS COVID-19 vaccination programme moved on. Vaccination centres in Leeds closed in May.')).toEqual(['COVID-19 vaccination']);
  });

  it('are not a Covid service on a page that never mentions Covid', () => {
    expect(names('The NHS flu vaccination drive began. A vaccination centre opened in York.')).not.toContain('COVID-19 vaccination');
  });
});

describe('a name split by its own acronym', () => {
  it('"Human Papilloma Virus (HPV) vaccine" is the HPV vaccine, named as the article names it elsewhere', () => {
    const text = `${NHS}Boys will get the Human Papilloma Virus (HPV) vaccine from May. The HPV vaccine programme began for girls in 2008.`;
    const got = found(text);
    expect(got.length).toBe(2);
    expect(new Set(got.map((s) => s.name))).toEqual(new Set(['HPV vaccine programme']));
  });
});

describe('a definite description of a service already named', () => {
  it('"the digital booking service" after the NHS e-Referral Service is that service', () => {
    const text = 'The NHS e-Referral Service opened in June. Officials said the digital booking service had been delayed twice.';
    expect(names(text)).toEqual(['NHS e-Referral Service']);
    expect(found(text).length).toBe(2);
  });

  it('but a phrase with its own kind of service stays a service of its own', () => {
    const text = 'The NHS e-Referral Service opened in June. The town also lost the maternity unit.';
    expect(names(text)).toEqual(['NHS e-Referral Service', 'maternity unit']);
  });
});

describe('a service extended to a care setting', () => {
  it('"the EPS for care homes" is a service of its own, named with the article\'s usual word for the service', () => {
    const text = 'The NHS said the Electronic Prescription Service for care homes is ready. Care homes in Leeds began using the EPS for care homes in May. '
      + 'The EPS already serves every GP practice, and the EPS is fast.';
    const got = found(text);
    expect(new Set(got.map((s) => s.name))).toEqual(new Set(['EPS for care homes', 'EPS']));
  });

  it('but "for" and an ordinary word do not make a new service', () => {
    expect(names(`${NHS}The Electronic Prescription Service for years relied on paper tokens.`)).toEqual(['Electronic Prescription Service']);
  });
});

describe('a stage written before its service', () => {
  it('"Release 3 of the EPS" is the stage, and a bare "Release 3" later is that stage again', () => {
    const text = `${NHS}Two pharmacies in York began using Release 3 of the EPS last week, after EPS Release 2. Ministers want Release 3 everywhere.`;
    const got = found(text);
    expect(got.filter((s) => s.name === 'EPS Release 3').map((s) => s.surface)).toEqual(['Release 3 of the EPS', 'Release 3']);
  });

  it('is just the service in an article that names no stage as such', () => {
    expect(names(`${NHS}Release 3 of the EPS is now live in York.`)).toEqual(['EPS']);
  });

  it('but a number of a thing that is not a stage stays out', () => {
    expect(names(`${NHS}Chapter 3 of the EPS guidance was rewritten.`)).toEqual(['EPS']);
  });
});

describe('a kind of NHS body', () => {
  it('is no service even in an article about setting it up (realset LABELS.md: a body is not a service)', () => {
    expect(names('Every integrated care board in England took on its duties in July.')).toEqual([]);
  });

  it('is only the commissioner beside a service it pays for', () => {
    expect(names('The integrated care board for Dorset said the walk-in centre in Weymouth would open in May.')).toEqual(['walk-in centres']);
    expect(names('Three integrated care systems have not yet linked their shared care records.')).toEqual(['Shared Care Record']);
  });
});

describe('a programme and one of its parts', () => {
  it('a sentence naming both speaks of the part', () => {
    expect(names(`${NHS}Clinics in Devon will add bowel scope screening to their bowel cancer screening programme next year.`))
      .toEqual(['bowel scope screening']);
  });

  it('the programme on its own is still a service', () => {
    expect(names(`${NHS}Bowel scope screening began in Devon. In Kent, the bowel cancer screening programme now starts at 50.`))
      .toEqual(['bowel scope screening', 'bowel cancer screening']);
  });
});

describe('an acronym the article defines', () => {
  it('is the service wherever the article writes it again', () => {
    const got = found(`${NHS}Bowel Scope Screening (BSS) starts in Hull. Clinics in York will offer BSS next spring.`);
    expect(got.map((s) => `${s.surface}=${s.name}`)).toEqual(['Bowel Scope Screening=bowel scope screening', 'BSS=bowel scope screening']);
  });
});

describe('a product introduced as the software of a record', () => {
  it('is the record\'s software when the article names it only once', () => {
    expect(names('The trust in Leeds said its new electronic patient record uses software called Expanse from Meditech.'))
      .toEqual(['electronic patient record']);
  });

  it('stays a product where the text installs it, or names it again', () => {
    expect(names('The trust in Leeds already implemented the Meditech Expanse, and its EPR now covers every ward.')).toEqual(['Meditech Expanse', 'EPR']);
    expect(names('The EPR in Leeds uses software called Expanse. Meditech said Expanse went live in May.')).toEqual(['EPR', 'Expanse']);
  });
});

describe('sites named by the activity of a service already named', () => {
  it('are that service', () => {
    expect(names(`${NHS}Mass testing began in Hull on Monday, and four more testing centres open in Leeds next week.`)).toEqual(['mass testing']);
  });

  it('stay a service of their own when no service of that activity is named', () => {
    expect(names(`${NHS}Four testing centres open in Leeds next week.`)).toEqual(['testing centres']);
  });
});

describe('a product before its record, named on its own elsewhere', () => {
  it('is the product throughout', () => {
    expect(names('The trust in Exeter switched on its Epic electronic patient record on Sunday. Epic now holds every chart.')).toEqual(['Epic']);
  });
});

describe('a new system introduced before it is named', () => {
  it('is the product the next lines name', () => {
    expect(names('Staff in Hull struggled after moving to a new patient record system. The trust went live with Cerner Millennium in May.'))
      .toEqual(['Cerner Millennium']);
  });

  it('stays a phrase of its own when no product follows nearby', () => {
    expect(names(`${NHS}Staff in Hull struggled after moving to a new patient record system last spring.`)).toEqual(['patient record system']);
  });
});

