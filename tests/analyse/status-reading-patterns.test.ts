// Status readings for phrasings of the trade press: passives, succession, overdue starts, what a verb acts on.
// Every sentence is written for the tests.
import { describe, expect, it } from 'vitest';
import { tagClauses } from '../../pipeline/analyse/events/clause.ts';
import { readStatuses } from '../../pipeline/analyse/events/reading.ts';
import { analyse } from '../../pipeline/analyse/index.ts';
import { article, knowledge } from './helpers.ts';

/** The events of a page of these paragraphs, published 1 March 2016, as 'service | region | status'. */
const events = (...paragraphs: string[]) =>
  analyse(article(paragraphs, '2016-03-01'), knowledge()).events.map((e) => `${e.service} | ${e.region} | ${e.status}`);

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

  it('reads the signing of a contract after a place\'s possessive the tagger took for "is"', () => {
    expect(statuses('The board welcomed North Tyneside’s signing of a contract with the supplier.')).toEqual(['provider_appointed']);
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

describe('a start after "before"', () => {
  it('is a plan when the sentence speaks of an aim or a future, else no event', () => {
    expect(statuses('The aim of the pilot is to test the booking line before rolling it out nationally next year.')).toEqual(['planned']);
    expect(stated('The trust tested the booking line before rolling it out.')).toEqual([]);
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

describe('statuses on a page: cues weighed against their sentence', () => {
  it('reads a closure joined to a standby as a pause', () => {
    const got = events('The Riverside walk-in centre in Leeds will be closed to admissions and kept on standby.');
    expect(got).toContain('walk-in centres | Leeds | paused');
    expect(got.some((e) => e.endsWith('cancelled'))).toBe(false);
  });

  it('gives "is set to close down" its closure only, not a plan', () => {
    expect(events('The council is set to shut down both of the walk-in centres in Selby.')).toEqual(['walk-in centres | Selby | cancelled']);
  });

  it('reads no plan in a sum expected or a contract term', () => {
    expect(events('The cost of the NHS 111 pilot in Powys is expected to be £250,000.')).toEqual([]);
    expect(events('The contract for NHS 111 in Dorset will run from 1 April 2026 for five years.')).toEqual([]);
    // A count it is expected to handle is its capacity, not a plan to open.
    expect(events('The urgent treatment centre in Yeovil is expected to see 40,000 patients a year.')).toEqual([]);
    expect(events('Under the new contract, NHS 111 in Dorset will start from 1 April 2026.')).toEqual(['NHS 111 | Dorset | planned']);
  });

  it('reads no delay from a status word inside the service name', () => {
    const got = events('Patients in Kent will get extended hours at GP surgeries, the CCG said.',
      'Kent has set a target date of 1 May for all patients to have extended hours.');
    expect(got.some((e) => e.endsWith('delayed'))).toBe(false);
  });

  it('reads "until now," as the background of a service that has been running', () => {
    expect(events('Until now, callers to NHS 111 in Devon were answered by a call centre in Exeter.')).toEqual(['NHS 111 | Devon | live']);
  });

  it('reads no plan in a sentence that opens on a condition', () => {
    expect(events('If any caller in Kent needs a doctor during the strike they will be able to book one through NHS 111.')).toEqual([]);
  });

  it('reads the date after a closure as its date, not a plan', () => {
    expect(events('The health board confirmed the walk-in centre in Selby will close by March 2015.')).toEqual(['walk-in centres | Selby | cancelled']);
  });

  it('reads joining a pilot, a feature writer\'s look and an age extension as no status', () => {
    expect(events('Forty practices in Wiltshire have signed up to the pilot of the NHS App.')).toEqual([]);
    expect(events('The magazine takes a closer look at how the NHS App was built in Leeds.')).toEqual([]);
    expect(events('The age extension of bowel cancer screening in Kent will help thousands.')).toEqual([]);
    expect(events('Hampshire was granted a six-month extension for its NHS 111 launch.')).toEqual(['NHS 111 | Hampshire | delayed']);
  });
});

describe('idioms of the trade press for a pause, a closure, a restart, a contract or a trial', () => {
  it('reads "put on ice" as a pause', () => {
    expect(statuses('Plans for the new unit in Weymouth have been put on ice.')).toEqual(['paused']);
  });

  it('reads "shut", "pulled the plug on", "abolished", "discontinued" and "phased out" as the end of a service', () => {
    expect(statuses('The minor injuries unit will shut at the end of the month.')).toEqual(['cancelled']);
    expect(statuses('The health board pulled the plug on its telehealth programme.')).toEqual(['cancelled']);
    expect(statuses('Commissioners voted to abolish the walk-in centre.')).toEqual(['cancelled']);
    expect(statuses('The walk-in centre was discontinued in 2019.')).toEqual(['cancelled']);
    expect(statuses('The trust is phasing out its old administration system.')).toEqual(['cancelled']);
  });

  it('reads "restored" as a restart', () => {
    expect(statuses('Screening invitations were restored in June.')).toEqual(['resumed']);
  });

  it('reads a contract "secured", "landed" or "taken on" as a provider appointed, and nothing when it is money that was secured', () => {
    expect(stated('The social enterprise has secured the contract to run the helpline.')).toEqual(['provider_appointed']);
    expect(statuses('The company landed a five-year deal with the two trusts.')).toEqual(['provider_appointed']);
    expect(statuses('The GP co-operative took on the out-of-hours contract in 2015.')).toEqual(['provider_appointed']);
    expect(stated('The trust secured funding for a second scanner.')).toEqual([]);
  });

  it('reads practices "trying out" a service as live there', () => {
    expect(statuses('Practices in Sefton are trying out the new app.')).toEqual(['live']);
  });
});

describe('a plan the text says was given up', () => {
  it('reads no closure when plans to close a service are dropped, abandoned or reversed', () => {
    expect(events('Plans to close the walk-in centre in Hexham have been dropped after a petition.')).toEqual([]);
    expect(events('Proposals to shut the minor injuries unit in Alnwick were abandoned.')).toEqual([]);
    expect(events('The board reversed its decision to close the walk-in centre in Morpeth.')).toEqual([]);
  });

  it('reads a plan to start a service that is dropped as its cancellation, not as a plan', () => {
    expect(events('Plans to launch the NHS App in Berwick were dropped last month.')).toEqual(['NHS App | Berwick | cancelled']);
  });

  it('leaves a plan that is approved, or one the same sentence does not give up, as it was', () => {
    expect(events('Plans to close the walk-in centre in Hexham were approved.')).toEqual(['walk-in centres | Hexham | cancelled']);
    expect(events('The trust plans to launch the NHS App in Berwick in May.')).toEqual(['NHS App | Berwick | planned']);
  });
});
