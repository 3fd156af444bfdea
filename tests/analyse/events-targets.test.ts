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
