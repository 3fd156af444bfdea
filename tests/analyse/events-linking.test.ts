// Rollout events whose place, status or subject is spread over the text, and facts on a
// local body's own site (the source declares the area it covers). Sentences written for the tests.
import { describe, expect, it } from 'vitest';
import { analyse } from '../../pipeline/analyse/index.ts';
import { article, knowledge } from './helpers.ts';

const LLR = 'Leicester, Leicestershire and Rutland';
const events = (paragraphs: string[], defaultRegion?: string, published = '2013-05-21') =>
  analyse(article(paragraphs, published), knowledge(), { defaultRegion }).events.map((e) => `${e.service} | ${e.region} | ${e.status}`);

describe('a local body\'s site: facts that name no place are its area', () => {
  const restart = ['The three CCGs have agreed to restart preparations for NHS 111 with their provider, after checks over the summer.'];

  it('an unplaced fact defaults to the declared area, not England', () => {
    expect(events(restart, LLR)).toContain(`NHS 111 | ${LLR} | resumed`);
    expect(events(restart, LLR).some((e) => e.includes('England'))).toBe(false);
  });

  it('without a declared area the same text stays national', () => {
    expect(events(restart)).not.toContain(`NHS 111 | ${LLR} | resumed`);
  });

  it('a place inside the declared area stands for it when the fact itself names none', () => {
    const text = [
      'The CCGs for Leicester City, Leicestershire and Rutland met last week.',
      'They have agreed with their provider that the launch of NHS 111 will be put on hold.',
    ];
    expect(events(text, LLR)).toContain(`NHS 111 | ${LLR} | paused`);
  });

  it('a fact about the national programme stays England on a local site', () => {
    const text = ['NHS England has pushed back the national deadline for NHS 111 to the end of the summer.'];
    expect(events(text, LLR)).toContain('NHS 111 | England | delayed');
    expect(events(text, LLR).some((e) => e.includes(LLR))).toBe(false);
  });
});

describe('status cues', () => {
  it('a national body ordering an urgent look at the service puts it under review, beside the delay', () => {
    const got = events(['Last week NHS England moved its national deadline for NHS 111 back from June to the end of the summer and ordered an urgent look at the service.']);
    expect(got).toContain('NHS 111 | England | delayed');
    expect(got).toContain('NHS 111 | England | under_review');
  });

  it('shelved plans for a launch are a pause, not a cancellation', () => {
    const got = events(['Commissioners in Leicester, Leicestershire and Rutland said they had shelved their plans to launch NHS 111 until it was safe.']);
    expect(got).toContain(`NHS 111 | ${LLR} | paused`);
    expect(got.some((e) => e.endsWith('cancelled'))).toBe(false);
  });

  it('a cue written with a trailing space ("abandoned the ") is found', () => {
    expect(events(['Commissioners in Somerset have abandoned the rollout of NHS 111 after the provider failed its tests.'])).toContain('NHS 111 | Somerset | cancelled');
  });
});

describe('a sentence that names no service', () => {
  it('"the scheme" is the story\'s lead service, not a system named in passing just before', () => {
    const got = events([
      'Ministers have halted the creation of Summary Care Records while they review the scheme.',
      'No new records will be sent to the NHS Spine until then. The scheme was first tested in Bolton in 2007.',
    ]);
    expect(got).toContain('Summary Care Record | Bolton | live');
    expect(got.some((e) => e.startsWith('NHS Spine'))).toBe(false);
  });
});

describe('a status placed in a sentence of its own', () => {
  it('in a story about one service, "commissioners in X have sought more time" is a delay of that service in X', () => {
    const got = events([
      'NHS England has given commissioners until March to open their urgent treatment centres.',
      'Commissioners in Hampshire are among those to have sought more time, board papers show.',
    ]);
    expect(got).toContain('urgent treatment centres | Hampshire | delayed');
  });

  it('with two services in the story, a sentence naming neither is not guessed', () => {
    const got = events([
      'The NHS e-Referral Service will replace Choose and Book in June.',
      'Practices in Cumbria are among those to have sought more time.',
    ]);
    expect(got.some((e) => e.endsWith('delayed'))).toBe(false);
  });
});

describe('one service replacing another', () => {
  it('"X will replace Y" is a plan for X only', () => {
    const got = events(['The NHS e-Referral Service will replace Choose and Book on Monday 15 June, officials confirmed.'], undefined, '2015-05-14');
    expect(got).toContain('NHS e-Referral Service | England | planned');
    expect(got.some((e) => e.startsWith('Choose and Book'))).toBe(false);
  });
});

describe('places and negations spread over a paragraph', () => {
  it('an unplaced fact takes a place named earlier in its paragraph, never one named after it', () => {
    const got = events([
      'Ministers have scrapped care.data, the national programme to extract data from GP records.',
      'The programme had been paused in 2014 after complaints from GPs. Work in pilot areas such as Leeds had stopped by then.',
    ], undefined, '2016-07-07');
    expect(got).toContain('care.data | England | paused');
    expect(got).not.toContain('care.data | Leeds | paused');
  });

  it('a plan whose own verb is negated later in the clause ("never got under way") makes no event', () => {
    const got = events(['Plans to restart care.data in pathfinder areas, including Leeds and Somerset, never got under way.'], undefined, '2016-07-07');
    expect(got.filter((e) => e.endsWith('planned') || e.endsWith('resumed'))).toEqual([]);
  });

  it('"its contracts include A, B and C" spreads the lead event to each place', () => {
    const got = events([
      'NHS Direct is to withdraw from all of the NHS 111 contracts it won.',
      'Its contracts include the West Midlands, Somerset and Cornwall.',
    ], undefined, '2013-07-25');
    for (const place of ['West Midlands', 'Somerset', 'Cornwall']) expect(got).toContain(`NHS 111 | ${place} | provider_withdrawn`);
  });
});

describe('local subjects and takeovers', () => {
  it('"the pilot" in a story that also speaks of England is local to the story\'s area', () => {
    const got = events([
      'Patients in County Durham and Darlington can now ring NHS 111, one of the first areas in England to test the number.',
      'The pilot went live yesterday and is run by the ambulance trust.',
      'The Department of Health wants the number available across the whole country by 2013.',
    ], undefined, '2010-08-24');
    expect(got).not.toContain('NHS 111 | England | live');
  });

  it('an ambulance trust that "has taken over the running" of a service is appointed to it', () => {
    const got = events(['London Ambulance Service has taken over the running of NHS 111 in south-east London.'], undefined, '2013-11-01');
    expect(got).toContain('NHS 111 | south-east London | provider_appointed');
  });
});

describe('a local story told against a national backdrop', () => {
  it('the unplaced lead fact is the story\'s area when the area is named before any national fact', () => {
    const got = events([
      'Plans for an urgent treatment centre at the hospital have been put on hold while managers rethink the staffing.',
      'NHS Airedale, Wharfedale and Craven CCG had wanted the centre open by the end of the year.',
      'Nationally, every area is expected to have urgent treatment centres by December, and NHS England says all areas must comply.',
    ], undefined, '2019-03-01');
    expect(got).toContain('urgent treatment centres | Airedale, Wharfedale and Craven | paused');
    expect(got).not.toContain('urgent treatment centres | England | paused');
  });
});

describe('reviews, appointments to come, and calls for action', () => {
  it('"a review has been launched into" the service puts it under review, and is no launch of the service', () => {
    const got = events(['A review has been launched into the NHS 111 service in Bedfordshire and Luton after long waits at Easter.']);
    expect(got).toContain('NHS 111 | Bedfordshire | under_review');
    expect(got).toContain('NHS 111 | Luton | under_review');
    expect(got.some((e) => e.endsWith('| live'))).toBe(false);
  });

  it('a story that leads with two places applies its unplaced facts to both', () => {
    const got = events([
      'A review has been launched into the NHS 111 service in Bedfordshire and Luton after long waits at Easter.',
      'The service has been run by a private provider since it went live in the area in March.',
    ]);
    expect(got).toContain('NHS 111 | Bedfordshire | live');
    expect(got).toContain('NHS 111 | Luton | live');
  });

  it('a finished review gives no under_review', () => {
    const got = events(['The creation of Summary Care Records will restart after ministers completed their review of the scheme.'], undefined, '2010-10-19');
    expect(got.some((e) => e.endsWith('under_review'))).toBe(false);
  });

  it('a preferred bidder still to be named is no appointment', () => {
    const got = events(['Commissioners in North Essex expect to name a preferred bidder for NHS 111 in the autumn.'], undefined, '2014-02-01');
    expect(got.some((e) => e.endsWith('provider_appointed'))).toBe(false);
  });

  it('a call for the contract to be suspended is no suspension', () => {
    const got = events(['Local GPs in Luton have called for the NHS 111 contract to be suspended.']);
    expect(got.some((e) => e.endsWith('paused'))).toBe(false);
  });
});

describe('superseded plans and listed places', () => {
  it('an original deadline is a superseded plan, not a plan', () => {
    const got = events(['The original deadline for all areas to launch NHS 111 was June.'], undefined, '2013-05-02');
    expect(got.some((e) => e.endsWith('planned'))).toBe(false);
  });

  // The labels keep the date a delay moved from as the superseded plan, beside the delay (realset LABELS.md).
  it('"N areas of England … including X" is X\'s delay, and the date moved from is its superseded plan', () => {
    const got = events(['Three areas of England have accepted the offer to put back their launch of NHS 111 from April 2013 until June 2013, including Leicester, Leicestershire and Rutland.'], undefined, '2012-07-19');
    expect(got).toContain(`NHS 111 | ${LLR} | delayed`);
    expect(got.filter((e) => e.endsWith('planned'))).toEqual([`NHS 111 | ${LLR} | planned`]);
  });

  it('an ambulance trust that will "take on the service" somewhere is appointed there', () => {
    const got = events(['The ambulance trust will also take on the NHS 111 service in Cornwall and the Isles of Scilly this autumn.'], undefined, '2013-10-08');
    expect(got).toContain('NHS 111 | Cornwall and the Isles of Scilly | provider_appointed');
  });
});

describe('the story\'s service', () => {
  it('a service named twice as often as any other is the story\'s, for sentences that place a status without naming one', () => {
    const got = events([
      'NHS England has given commissioners more time to open urgent treatment centres, which should offer appointments booked through NHS 111.',
      'About 112 urgent treatment centres had opened by September, against a target of 150 urgent treatment centres.',
      'Commissioners in Hampshire are among those to have sought more time.',
    ], undefined, '2019-11-01');
    expect(got).toContain('urgent treatment centres | Hampshire | delayed');
    expect(got.some((e) => e.startsWith('NHS 111 | Hampshire'))).toBe(false);
  });
});

describe('new bodies and sources of the news', () => {
  it('a board that "came into being" is a body, not a service: no event, least of all in the areas of the bodies it replaced', () => {
    const got = events(['NHS Cheshire and Merseyside, the new integrated care board, formally came into being on Friday, taking over the work of the CCGs that previously covered Halton, Knowsley and Wirral.'], undefined, '2022-07-04');
    expect(got.some((e) => e.startsWith('integrated care boards'))).toBe(false);
    expect(got.some((e) => /Halton|Knowsley|Wirral/.test(e))).toBe(false);
  });

  it('a body named as the source of the news ("X has confirmed") is not where the fact happens', () => {
    const got = events(['The opening of a community diagnostic centre in Folkestone has been pushed back to 2024/25, NHS Kent and Medway has confirmed.'], undefined, '2023-06-01');
    expect(got).toContain('community diagnostic centres | Folkestone | delayed');
    expect(got.some((e) => e.includes('Kent and Medway'))).toBe(false);
  });

  it('centres "already providing tests" are live', () => {
    const got = events(['Forty community diagnostic centres are planned across England; some are already providing tests.'], undefined, '2021-10-01');
    expect(got).toContain('community diagnostic centres | England | live');
  });
});

describe('"the city" on a local body\'s site', () => {
  it('is the city the story names, not the publisher\'s wider area', () => {
    const got = events([
      'Every household in Leicester will get a letter about the Summary Care Record this month.',
      'GP practices in the city will start creating records after 12 weeks, so the first uploads are planned for January 2013.',
    ], LLR, '2012-10-08');
    expect(got).toContain('Summary Care Record | Leicester | planned');
    expect(got).not.toContain(`Summary Care Record | ${LLR} | planned`);
  });
});

describe('changed dates reported by a national body', () => {
  it('"the Board confirmed that parts of London … would now switch over by June" is London\'s delay, with no separate plan', () => {
    const got = events(['The NHS Commissioning Board confirmed that parts of London had been allowed to keep their old arrangements for NHS 111 and would now switch over by June.'], undefined, '2013-03-22');
    expect(got).toContain('NHS 111 | London | delayed');
    expect(got.some((e) => e.endsWith('planned'))).toBe(false);
    expect(got.some((e) => e.startsWith('NHS 111 | England'))).toBe(false);
  });
});

describe('national pauses, first extractions and dated starts', () => {
  it('"while the national pause continues" in a story about one service is a national pause', () => {
    const got = events(['You may have seen reports about care.data.', 'No data has left our practice, and none will while the national pause continues.'], undefined, '2014-03-10');
    expect(got).toContain('care.data | England | paused');
  });

  it('"the first extractions are due to begin" points back to the service', () => {
    const got = events(['Every household in England will get a leaflet about care.data this month.', 'The first extractions are due to begin in March.'], undefined, '2014-01-06');
    expect(got).toContain('care.data | England | planned');
  });

  it('a pause "to allow more time" is a pause, not also a delay', () => {
    const got = events(['NHS England is to pause care.data for six months, to allow more time to explain the scheme to patients.'], undefined, '2014-02-18');
    expect(got).toContain('care.data | England | paused');
    expect(got.some((e) => e.endsWith('delayed'))).toBe(false);
  });

  it('a start on a named day ("from 1 October 2018") and "will be able to" are plans', () => {
    expect(events(['Hospitals will only be paid for referrals made through the NHS e-Referral Service from 1 October 2018, NHS England said.'], undefined, '2017-09-01'))
      .toContain('NHS e-Referral Service | England | planned');
    expect(events(['Patients in England will be able to add more detail to their Summary Care Record next spring.'], undefined, '2014-10-01'))
      .toContain('Summary Care Record | England | planned');
  });
});

describe('a status noun whose verb is negated', () => {
  it('"the delay does not affect the other centre in X" is no delay in X', () => {
    const got = events([
      'The opening of a community diagnostic centre in Folkestone has been pushed back to 2024/25.',
      'The delay does not affect the other Kent and Medway community diagnostic centre.',
    ], undefined, '2023-06-01');
    expect(got).toContain('community diagnostic centres | Folkestone | delayed');
    expect(got).not.toContain('community diagnostic centres | Kent and Medway | delayed');
  });
});

describe('plans overtaken by the news, and loose cues', () => {
  it('"postponed, days before it was due to go live" gives the pause only', () => {
    const got = events(['The launch of NHS 111 in Cornwall and the Isles of Scilly has been postponed indefinitely, days before it was due to go live on Monday.'], undefined, '2013-03-21');
    expect(got).toContain('NHS 111 | Cornwall and the Isles of Scilly | paused');
    expect(got.some((e) => e.endsWith('planned'))).toBe(false);
  });

  it('"patients have had a rocky few months with 111" is no launch', () => {
    const got = events(['Commissioners in Somerset said patients have had a rocky few months with NHS 111.'], undefined, '2013-09-20');
    expect(got.some((e) => e.endsWith('live'))).toBe(false);
  });

  it('"an online version of NHS 111" is NHS 111 online', () => {
    const got = events(['Patients in Leeds can now use an online version of NHS 111.'], undefined, '2017-01-10');
    expect(got).toContain('NHS 111 online | Leeds | live');
    expect(got.some((e) => e.startsWith('NHS 111 |'))).toBe(false);
  });
});

describe('a cue inside a trailing relative clause', () => {
  it('speaks of the service just before the comma', () => {
    const got = events(['NHS 111 online will also be one of the services in the new NHS App, which practices across England will start offering next month.'], undefined, '2018-11-01');
    expect(got).toContain('NHS App | England | planned');
    expect(got).not.toContain('NHS 111 online | England | planned');
  });
});

describe('a wider area that only ranks the place', () => {
  it('"making Sunderland one of the first areas in the North East" is Sunderland\'s fact', () => {
    const got = events(['The CCG said the last of its practices joined the NHS App last week, making Sunderland one of the first areas in the North East where every practice is connected to the app.'], undefined, '2019-05-01');
    expect(got).not.toContain('NHS App | North East | live');
  });
});

describe('the handover', () => {
  it('"the original handover date could not be met" is a delay of the story\'s service', () => {
    const got = events([
      'NHS 111 in Buckinghamshire will move to a new provider.',
      'The original handover date of 1 October could not be met, and the handover is now scheduled for December.',
    ], undefined, '2013-09-01');
    expect(got).toContain('NHS 111 | Buckinghamshire | delayed');
  });
});

describe('requests, procurement timetables and expected awards', () => {
  it('asking commissioners to commission a review is no review', () => {
    const got = events(['We ask you to commission an independent review of the NHS 111 service in Harrow before the contract is renewed.'], undefined, '2013-07-01');
    expect(got.some((e) => e.endsWith('under_review'))).toBe(false);
  });

  it('the timetable of a procurement is not a plan for the service', () => {
    const got = events(['Somerset CCG expects to start the full procurement of NHS 111 in the new year, with a new contract in place by 2014/15.'], undefined, '2013-09-20');
    expect(got.some((e) => e.endsWith('planned'))).toBe(false);
  });

  it('"expects to award a contract" is no appointment yet', () => {
    const got = events(['In Cambridgeshire and Peterborough, the CCG restarted its NHS 111 procurement this month and expects to award a contract in the spring.'], undefined, '2016-02-10');
    expect(got.some((e) => e.endsWith('provider_appointed'))).toBe(false);
  });
});

describe('the service being replaced', () => {
  it('its past launch is background; its switch-off is news', () => {
    const got = events([
      'The NHS e-Referral Service went live across England today.',
      'Choose and Book, which the new service replaces, was introduced in 2004.',
      'Choose and Book was switched off at 9pm on Friday.',
    ], undefined, '2015-06-15');
    expect(got).toContain('NHS e-Referral Service | England | live');
    expect(got).toContain('Choose and Book | England | cancelled');
    expect(got).not.toContain('Choose and Book | England | live');
  });
});

describe('more live and plan cues', () => {
  it('a record "now used across all areas" of a hospital is live there', () => {
    const got = events(['The electronic patient record is now used across all inpatient areas of the hospitals in Cambridge.'], undefined, '2015-01-20');
    expect(got).toContain('electronic patient record | Cambridge | live');
  });

  it('"ready for the extra work" is no plan', () => {
    const got = events(['West Midlands Ambulance Service said it was ready for the extra work of running NHS 111 in the West Midlands.'], undefined, '2013-09-01');
    expect(got.some((e) => e.endsWith('planned'))).toBe(false);
  });
});

describe('record creation, contracts signed, and services since they began', () => {
  it('"Records for everyone else will be created from June" is a plan for the story\'s record service and place', () => {
    const got = events(['Every adult in Portsmouth will get a letter about the Summary Care Record this month.', 'Records for everyone else will be created from June.'], undefined, '2011-03-01');
    expect(got).toContain('Summary Care Record | Portsmouth | planned');
  });

  it('"signed its contract with" a supplier is an appointment', () => {
    const got = events(['Hospitals in Norfolk switched on their electronic patient record at the weekend.', 'The trust signed its contract with Epic in 2013.'], undefined, '2014-10-28');
    expect(got).toContain('electronic patient record | Norfolk | provider_appointed');
  });

  it('"since it began" is live', () => {
    const got = events(['Pharmacies in Cornwall have treated hundreds of patients under Pharmacy First since it began on 31 January.'], undefined, '2024-02-20');
    expect(got).toContain('Pharmacy First | Cornwall | live');
  });
});

describe('completed uploads', () => {
  it('"most practices in England have now uploaded records" is live nationally', () => {
    const got = events(['The target for the Summary Care Record has slipped to the end of 2014.', 'Most practices in England have now uploaded records.'], undefined, '2014-03-01');
    expect(got).toContain('Summary Care Record | England | live');
  });
});

describe('the fate of a body', () => {
  it('"expected to close as an organisation" is neither a plan nor a cancellation of the service', () => {
    const got = events(['NHS Direct has now handed over most of its NHS 111 contracts in south-east London, and is expected to close as an organisation by the end of March next year.'], undefined, '2013-11-01');
    expect(got.some((e) => e.endsWith('cancelled') || e.endsWith('planned'))).toBe(false);
  });
});

describe('a service name that describes organisations', () => {
  it('"tested by 111 providers in X" is a test of the sentence\'s subject service, not of NHS 111', () => {
    const got = events(['GP Connect is already live in many practices, and is being tested by 111 providers in the North East and in Devon.'], undefined, '2019-02-01');
    expect(got).toContain('GP Connect | North East | live');
    expect(got.some((e) => e.startsWith('NHS 111'))).toBe(false);
  });
});

describe('unnamed places', () => {
  it('"what went wrong where 111 is already running" is no launch in the story\'s area', () => {
    const got = events([
      'Commissioners in Leicester, Leicestershire and Rutland have put the launch of NHS 111 on hold.',
      'We have looked hard at what went wrong where 111 is already running.',
    ]);
    expect(got).toContain(`NHS 111 | ${LLR} | paused`);
    expect(got.some((e) => e.endsWith('live'))).toBe(false);
  });
});
