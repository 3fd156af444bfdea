// A delay's target is the date it moved to, whichever order the text gives the old and new dates.
import { describe, expect, it } from 'vitest';
import { analyse } from '../../pipeline/analyse/index.ts';
import { article, knowledge } from './helpers.ts';

const delays = (text: string) =>
  analyse(article([text], '2014-01-10'), knowledge()).events.filter((e) => e.status === 'delayed').map((e) => `${e.service} | ${e.target}`);

describe('the target of a delay', () => {
  it('takes the new date when it comes after the old one', () => {
    expect(delays('Dorset has delayed the launch of NHS 111 from March 2014 to September 2014.')).toContain('NHS 111 | 2014-09');
  });

  it('takes the new date when the old one is named last', () => {
    expect(delays('Dorset has put back the launch of NHS 111 to September 2014, from March 2014.')).toContain('NHS 111 | 2014-09');
  });
});

// The labels keep a plan the text says was overtaken as `planned` beside its `delayed` (realset LABELS.md);
// without a delay of the same service and place it is not news and is dropped.
describe('a superseded plan', () => {
  const facts = (text: string) =>
    analyse(article([text], '2014-01-10'), knowledge()).events.map((e) => `${e.service} | ${e.region} | ${e.status} | ${e.target}`);

  it('stands beside the delay that overtook it', () => {
    const got = facts('NHS 111 in Dorset had been due to go live in March 2014, but the launch has been put back to September 2014.');
    expect(got).toContain('NHS 111 | Dorset | delayed | 2014-09');
    expect(got).toContain('NHS 111 | Dorset | planned | 2014-03');
  });

  it('is dropped when nothing on the page delays it', () => {
    const got = facts('NHS 111 in Dorset had been due to go live in March 2014, and it was paused for a safety review.');
    expect(got.filter((f) => f.includes('planned'))).toEqual([]);
  });
});
