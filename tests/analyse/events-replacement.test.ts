// A service the text says another replaces is being switched off: its own `cancelled` event.
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
    expect(events(['In Scotland, Pharmacy First is due to replace the Minor Ailment Service.']))
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
