// Which service a status speaks of: a replaced service is being switched off (its own `cancelled` event), and a
// supplier's product is more specific than the kind of record it is.
// Sentences written for the tests.
import { describe, expect, it } from 'vitest';
import { analyse } from '../../pipeline/analyse/index.ts';
import { article, knowledge } from './helpers.ts';

const events = (paragraphs: string[]) =>
  analyse(article(paragraphs), knowledge()).events.map((e) => `${e.service} | ${e.region} | ${e.status}`);

describe('a replaced service', () => {
  it('is cancelled where the text says the new one replaces it', () => {
    expect(events(['In Wales, the new Pharmacy First scheme replaces the Minor Ailment Service from this week.']))
      .toContain('Minor Ailment Service | Wales | cancelled');
    expect(events(['In Scotland, the new Pharmacy First service is due to replace its Minor Ailment Service.']))
      .toContain('Minor Ailment Service | Scotland | cancelled');
  });

  it('is cancelled where it is the object of a relative clause or a passive', () => {
    expect(events(['In Wales, the Minor Ailment Service, which the new Pharmacy First scheme replaces, closed its books.']))
      .toContain('Minor Ailment Service | Wales | cancelled');
  });

  it('is not cancelled by a hope or a future plan, nor is the service that does the replacing', () => {
    expect(events(['In Wales, Pharmacy First could replace the Minor Ailment Service one day.']))
      .not.toContain('Minor Ailment Service | Wales | cancelled');
    expect(events(['In Wales, Pharmacy First will replace the Minor Ailment Service on 3 June.']))
      .not.toContain('Minor Ailment Service | Wales | cancelled');
    expect(events(['In Wales, Pharmacy First, which is to replace the Minor Ailment Service, opened on Monday.']))
      .not.toContain('Pharmacy First | Wales | cancelled');
  });
});

describe('a supplier\'s product beside the kind of record it is', () => {
  it('the sentence speaks of the product, not of the record as another service', () => {
    const got = events(['Having switched on Lorenzo in March, the trust in Barnsley now runs a single electronic patient record across its sites.']);
    expect(got.some((e) => e.startsWith('Lorenzo |'))).toBe(true);
    expect(got.some((e) => e.startsWith('electronic patient record |'))).toBe(false);
  });

  it('a named record beside a product stays a service of its own', () => {
    const got = events(['GP practices in Barnsley using SystmOne went live with the Summary Care Record in March.']);
    expect(got.some((e) => e.startsWith('Summary Care Record |'))).toBe(true);
  });
});

describe('two services in the clause of a status verb', () => {
  it('the one just after the verb is what it acts on', () => {
    const got = events(['Staff shortages hitting the maternity service mean the trust is suspending births at Whitby Birth Centre from Friday.']);
    expect(got).toContain('birth centres | Whitby | paused');
    expect(got.some((e) => e.startsWith('maternity service'))).toBe(false);
  });
});
