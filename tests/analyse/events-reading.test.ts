// The status dictionary read with tense, negation and modality: one mechanism for every phrasing.
import { describe, expect, it } from 'vitest';
import { tagClauses } from '../../pipeline/analyse/events/clause.ts';
import { inflect } from '../../pipeline/analyse/events/lexicon.ts';
import { readStatuses } from '../../pipeline/analyse/events/reading.ts';
import { knowledge } from './helpers.ts';

function statuses(sentence: string): Array<string | null> {
  const [terms] = tagClauses([{ text: sentence, offset: 0 }]);
  return readStatuses(terms, knowledge().statusVerbs).flatMap((r) => (r.also ? [r.status, r.also] : [r.status]));
}

describe('status verbs read by tense, negation and modality', () => {
  it.each([
    ['The Dorset helpline went live on Monday.', 'live'],
    ['The new booking line will go live in the spring.', 'planned'],
    ['The app has not yet gone live in Cumbria.', null],
    ['Somerset Doctors Urgent Care runs the service in Taunton.', 'live'],
    ['The ambulance trust said it would stop providing the out-of-hours service.', 'provider_withdrawn'],
    ['The company handed back its contracts for the line in March.', 'provider_withdrawn'],
    ['The ambulance trust was successful in its bid for the contract.', 'provider_appointed'],
    ['After the outage the booking system is back up and running.', 'resumed'],
    ['The minor injuries unit could be scrapped next year.', null],
    ['Commissioners put the switchover on hold.', 'paused'],
    ['The go-live was pushed back to September.', 'delayed'],
    ['The record will not go live until 2027.', 'delayed'],
    ['The county plans to close its walk-in centre.', 'cancelled'],
    ['The board ordered a review of the programme.', 'under_review'],
    ['The contract was awarded to a social enterprise.', 'provider_appointed'],
    ['The rollout has been postponed indefinitely.', 'paused'],
  ])('%s → %s', (sentence, status) => {
    expect(statuses(sentence)[0] ?? null).toBe(status);
  });

  it('reads nothing from a status word used in another sense', () => {
    expect(statuses('People who live in Kendal can now ring the line.')).toEqual([]);
    expect(statuses('Staff were suspended after the incident.').filter(Boolean)).toEqual([]);
    expect(statuses('The trust is unable to confirm the go-live of the record.').filter(Boolean)).toEqual([]);
  });

  it('puts the launch of a review under review, not live', () => {
    expect(statuses('Ministers launched an inquiry into the scheme.')).toEqual(['under_review']);
  });

  it('reads a condition or a call for action as no event', () => {
    expect(statuses('Whether the app will be launched this year is unclear.')).toEqual([null]);
    expect(statuses('Local GPs have called for the contract to be suspended.')).toEqual([null]);
  });

  it.each([
    ['The pharmacy scheme is starting in Powys and Ceredigion.', 'live'],
    ['Deployment began across the county in 2015.', 'live'],
    ['Both trusts hope to start at the end of the summer.', 'planned'],
    ['The booking pilot got under way in Bury last autumn.', 'live'],
    ['From March the clinic will relocate to the new health campus.', 'planned'],
  ])('reads a service starting with no object: %s → %s', (sentence, status) => {
    expect(statuses(sentence)[0] ?? null).toBe(status);
  });

  it('does not read building work starting as a service going live', () => {
    expect(statuses('Construction work began in March on the extension.').filter(Boolean)).toEqual([]);
  });

  it('reads "no longer offered" as an end, and leaves "no longer need to" alone', () => {
    expect(statuses('From next year the blood test will no longer be offered to over-70s.')).toEqual(['cancelled']);
    expect(statuses('The old paper form is no longer available.')).toEqual(['cancelled']);
    expect(statuses('Parents will no longer need to queue at the surgery.')).toEqual([]);
  });

  it('reads a state that carries on as a fact even under "will"', () => {
    expect(statuses('The daytime clinic will remain open on weekdays.')).toEqual(['live']);
    expect(statuses('The ambulance trust will continue to run the helpline until May.')).toEqual(['live']);
  });

  it('reads a present progressive with a time ahead as a plan, and without one as a fact', () => {
    expect(statuses('Surrey is introducing the text service from June.')).toEqual(['planned']);
    expect(statuses('The new line is being launched next month.')).toEqual(['planned']);
    expect(statuses('The new line is being rolled out from today.')).toEqual(['live']);
    expect(statuses('The trust is introducing the text service to every practice.')).toEqual(['live']);
  });

  it('reads the award or signing of a contract named a few words on', () => {
    expect(statuses("The board's award of a five-year, £3 million out-of-hours contract to the co-operative.")).toEqual(['provider_appointed']);
    expect(statuses("The two hospitals' signing of a contract with the supplier was welcomed.")).toEqual(['provider_appointed']);
  });

  it('reads a deadline that is not met as a delay, and one that is met as nothing', () => {
    expect(statuses('Not one of the clinics is likely to meet the spring target.')).toEqual(['delayed']);
    expect(statuses('The county failed to meet its deadline for the switchover.')[0]).toBe('delayed');
    expect(statuses('The county met its deadline.').filter(Boolean)).toEqual([]);
  });

  it('reads a progressive as a plan when the time ahead comes after a long object', () => {
    expect(statuses('Wales is introducing a new free advice number for urgent care from October.')).toEqual(['planned']);
  });

  it('reads "under way" by what is under way: a rollout has started, an inquiry is a review, a tender is neither', () => {
    expect(statuses('The screening pilot is now under way in Salford.')).toEqual(['live']);
    expect(statuses('An inquiry is under way into the failed switchover.')[0]).toBe('under_review');
    expect(statuses('No area will lose its helpline while the tenders are under way.')).toEqual([]);
  });

  it('reads "began amid" as a start, but not a contract described as starting later', () => {
    expect(statuses('The text reminder trial began amid a row over funding.')).toEqual(['live']);
    expect(statuses('The board expects to name a bidder for a contract starting on 1 May.').filter((x) => x === 'live')).toEqual([]);
  });

  it('gives a window tagged before the same terms, at the offsets of its new place', () => {
    const text = 'The Kent helpline went live in May.';
    const [first] = tagClauses([{ text, offset: 0 }]);
    const [again, other] = tagClauses([{ text, offset: 40 }, { text: 'The Essex line closed.', offset: 0 }]);
    expect(again.map((t) => t.norm)).toEqual(first.map((t) => t.norm));
    expect(again[0].start).toBe(first[0].start + 40);
    expect(other.map((t) => t.norm)).toEqual(['the', 'essex', 'line', 'closed']);
  });

  it('generates the inflections of a verb', () => {
    expect(inflect('scrap')).toEqual(['scrap', 'scraps', 'scrapped', 'scrapped', 'scrapping']);
    expect(inflect('close')).toEqual(['close', 'closes', 'closed', 'closed', 'closing']);
    expect(inflect('delay')).toEqual(['delay', 'delays', 'delayed', 'delayed', 'delaying']);
    expect(inflect('open')).toEqual(['open', 'opens', 'opened', 'opened', 'opening']);
  });
});

describe('status verbs: clause scope and split particles', () => {
  it('reads a particle that follows an object with an "of" phrase of its own', () => {
    expect(statuses('The board has pushed the launch of its new patient record back to May.')).toEqual(['delayed']);
    expect(statuses('Commissioners put the opening of the second hub on hold.')).toEqual(['paused']);
  });

  it('makes a closure a pause only by words of its own clause', () => {
    expect(statuses('The old booking line closes on Friday, and its successor opens over the weekend.')).toEqual(['cancelled', 'live']);
    expect(statuses('Because of the nurses\' strike on Tuesday, the trust is closing both of its walk-in centres.')).toEqual(['paused']);
    expect(statuses('The two clinics will remain closed.')).toEqual(['paused']);
  });

  it('reads an infinitive that only says what a noun is for as no event', () => {
    expect(statuses('The company gave up two of its contracts to provide the service last year.')).toEqual([null]);
    expect(statuses('The group became the first trust in the region to go live with the record.')).toEqual(['live']);
    expect(statuses('Practices missed the deadline to switch on online access.')).toContain('planned');
    expect(statuses('The decision by Care UK to withdraw from the contract surprised the board.')).toEqual(['provider_withdrawn']);
  });

  it('reads a restart still to come as a plan, not yet a resumption (realset NOTES: a future restart is planned)', () => {
    expect(statuses('The text reminder scheme is to restart next month.')).toEqual(['planned']);
    expect(statuses('The text reminder scheme restarted on Monday.')).toEqual(['resumed']);
  });

  it('reads a review carried out, supported or opened as under review, in any tense', () => {
    expect(statuses('The watchdog conducted an inquiry into the switchover last spring.')).toEqual(['under_review']);
    expect(statuses('Two councils are supporting an investigation into the failed handover.')).toEqual(['under_review']);
    expect(statuses('The regulator has opened a review of the helpline contract.')).toEqual(['under_review']);
  });

  it('reads "first … to go live" after a place name as a fact', () => {
    expect(statuses('It was the first hospital in Wales to implement the new record.')).toEqual(['live']);
  });

  it('reads a verb whose object is paperwork, not a service, as no status, whatever cue shares its words', () => {
    expect(statuses('Most hospitals have switched off paper referrals.')).toEqual([null]);
  });

  it('reads beginning a rollout, setting a service up and establishing one as a start', () => {
    expect(statuses('The department will shortly begin a national rollout of the new leaflets.')).toEqual(['planned']);
    expect(statuses('The personal record service was set up in 2009 for patients in Bolton.')).toEqual(['live']);
    expect(statuses('The advice line will not be fully established in the valleys until 2026.')).toEqual(['delayed']);
    expect(statuses('Commissioners set up a working group last month.')).toEqual([]);
  });

  it('reads a start given a new date ("will now open", "the plan now is to open") as a delay', () => {
    expect(statuses('The clinic will now open at the end of March.')).toEqual(['delayed']);
    expect(statuses('The plan now is to launch the line in Powys in August.')).toEqual(['delayed']);
  });

  it('reads a gerund after "of" or "for" and a noun by that noun', () => {
    expect(statuses('The cost of running the pilot is put at two million pounds.')).toEqual([null]);
    expect(statuses('The board agreed a target date for opening the new hub.')).toEqual(['planned']);
  });

  it('reads an event that only times something else, or happens to something else, as no status', () => {
    expect(statuses('Staff will move across on the day it is set up.')).toEqual([null]);
    expect(statuses('Monthly submissions will restart in the spring.')).toEqual([null]);
  });

  it('reads a scrapped date or timetable, with no new one, as a pause', () => {
    expect(statuses('The minister said the new start date had also been dropped.')).toEqual(['paused']);
  });

  it('reads having a service in place as a start, in any tense', () => {
    expect(statuses('Most boroughs now have a shared record in place.')).toEqual(['live']);
    expect(statuses('Every practice will have the new booking tool in place by March.')).toEqual(['planned']);
    expect(statuses('The trust has plans in place for the winter.')).toEqual([]);
  });

  it('reads an incumbent or current provider as running the service now', () => {
    expect(statuses('The deal went back to the incumbent provider, the local ambulance trust.')).toContain('live');
  });

  it('reads a go-live date that cannot be set, or an indirect question, as no status', () => {
    expect(statuses('A new go-live date cannot be set before the summer.')).toEqual([null]);
    expect(statuses('Nobody knows how quickly the clinics will reopen.')).toEqual([null]);
  });

  it('reads "the latest to go live" as a fact', () => {
    expect(statuses('Two more hospitals have become the latest to go live with the record.')).toEqual(['live']);
  });
});
