// Status readings for phrasings of the trade press: passives, succession, overdue starts, what a verb acts on.
// Every sentence is written for the tests.
import { describe, expect, it } from 'vitest';
import { tagClauses } from '../../pipeline/analyse/events/clause.ts';
import { readStatuses } from '../../pipeline/analyse/events/reading.ts';
import { knowledge } from './helpers.ts';

function statuses(sentence: string): Array<string | null> {
  const [terms] = tagClauses([{ text: sentence, offset: 0 }]);
  return readStatuses(terms, knowledge().statusVerbs).flatMap((r) => (r.also ? [r.status, r.also] : [r.status]));
}
const stated = (sentence: string) => statuses(sentence).filter(Boolean);

describe('who runs it: passives with "by"', () => {
  it('reads "is run by" as running now and "will be run by" as a provider chosen', () => {
    expect(statuses('The advice line is run by a GP co-operative.')).toEqual(['live']);
    expect(statuses('The new helpline will be run by a GP co-operative.')).toEqual(['provider_appointed']);
    expect(statuses('The service in Leeds will be operated by a social enterprise.')).toEqual(['provider_appointed']);
  });

  it('reads nothing when what is provided is not a service, or when the infinitive only says what is intended', () => {
    expect(stated('Further detail is provided by the annual report.')).toEqual([]);
    expect(stated('The new hub, to be run by the county trust, has planning permission.')).toEqual([]);
  });
});

describe('a provider taking over from another', () => {
  it('gives the newcomer an appointment and the old provider a withdrawal', () => {
    expect(statuses('The ambulance trust will take over from the co-operative in Devon.')).toEqual(['provider_appointed', 'provider_withdrawn']);
    expect(statuses('The county has named a preferred bidder to take over from the old provider.'))
      .toEqual(['provider_appointed', 'provider_withdrawn']);
  });
});

describe('contracts and appointments', () => {
  it('reads a contract whose length is given as a hyphenated count', () => {
    expect(statuses('The supplier signed 12-year contracts with the two trusts.')).toEqual(['provider_appointed']);
  });

  it('does not read a person appointed to a post, or a patient choosing where to give birth, as a provider appointed', () => {
    expect(stated('The health board appointed a new chief executive.')).toEqual([]);
    expect(stated('Mothers who have chosen to give birth at the unit were told.')).toEqual([]);
  });

  it('reads a supplier sacked by name as an ended contract', () => {
    expect(statuses('The agency sacked Acme Systems last year.')).toEqual(['cancelled']);
  });
});

describe('starts that did not happen on time', () => {
  it('keeps the overtaken plan beside the delay of "as originally planned"', () => {
    expect(statuses('The Kendal centre will not open in May as originally planned.')).toEqual(['delayed', 'planned']);
  });

  it('reads "still not" offered or open as overdue', () => {
    expect(statuses('Four years on, the screening test is still not offered to everyone.')).toEqual(['delayed']);
  });

  it('reads practices that have not complied with a deadline as a delay', () => {
    expect(statuses('A third of practices have not complied with the deadline.')).toEqual(['delayed']);
  });

  it('reads "was meant to" as a plan', () => {
    expect(statuses('The trust was meant to switch on the record in June.')).toEqual(['planned']);
  });
});

describe('what the verb acts on, and in what frame', () => {
  it('reads a verb after a modal that the tagger took for an adjective', () => {
    expect(statuses('The clinics will temporarily close next week.')).toEqual(['paused']);
  });

  it('reads closing bookings as no closure of the service', () => {
    expect(stated('Hubs were asked to close unfilled appointment bookings.')).toEqual([]);
  });

  it('reads a review of whether the programme should go on', () => {
    expect(statuses('The minister is reviewing whether the programme should continue.')).toEqual(['under_review']);
  });

  it('reads a closure something was saved from, a debate on restarting, and the age at which checks start as nothing', () => {
    expect(stated('A late grant saved the helpline from closure.')).toEqual([]);
    expect(stated('Councillors held a debate on resuming the service.')).toEqual([]);
    expect(stated('The age at which the checks start is to be lowered.')).toEqual([]);
  });
});
