import { describe, expect, it } from 'vitest';
import { minhashSignature, NearDuplicateIndex, signatureFromBytes, signatureToBytes } from '../../pipeline/load/near-duplicates.ts';

const STORY =
  'The ambulance trust has taken over the urgent care phone line for the whole county after the previous ' +
  'provider gave notice, and managers say callers should see no change. Call handlers moved across on ' +
  'Monday, and the clinical advice team will grow over the summer as new nurses finish their training. ' +
  'Commissioners will publish figures on waiting times each month so the public can judge the service.';
const OTHER =
  'A new renal unit opened at the community hospital this week, bringing dialysis closer to home for ' +
  'patients who used to travel an hour each way three times a week. The unit has twelve stations, a ' +
  'training room for people who want to dialyse at home, and parking reserved for patients and carers.';

describe('NearDuplicateIndex', () => {
  it('pairs a reworded copy with its story, not with a different story, and forgets removed documents', () => {
    const index = new NearDuplicateIndex();
    const copy = STORY.replace('on Monday', 'last Monday').replace('each month', 'every month');
    index.add('orig', '2013-05-01', minhashSignature(STORY));
    index.add('copy', '2013-05-03', minhashSignature(copy));
    index.add('other', '2013-05-02', minhashSignature(OTHER));
    expect(index.neighbours('copy')).toEqual(['orig']);
    expect(index.neighbours('other')).toEqual([]);
    expect(index.originalOf('copy')).toBe('orig');
    expect(index.originalOf('orig')).toBeNull();

    index.remove('orig');
    expect(index.neighbours('copy')).toEqual([]);
    // Re-adding under a later date makes the copy the earlier publication.
    index.add('orig', '2013-06-01', minhashSignature(STORY));
    expect(index.originalOf('orig')).toBe('copy');
  });

  it('many documents in one bucket are all found, and a stored signature reads back unchanged', () => {
    const index = new NearDuplicateIndex();
    const sig = minhashSignature(STORY)!;
    for (let i = 0; i < 5; i++) index.add(`d${i}`, `2013-05-0${i + 1}`, sig);
    expect(index.neighbours('d4').sort()).toEqual(['d0', 'd1', 'd2', 'd3']);
    index.remove('d2');
    expect(index.neighbours('d4').sort()).toEqual(['d0', 'd1', 'd3']);
    expect([...signatureFromBytes(signatureToBytes(sig))!]).toEqual([...sig]);
    expect(signatureFromBytes(new Uint8Array(10))).toBeNull();
  });

  it('a body too short to judge has no signature', () => {
    expect(minhashSignature('NHS 111 goes live today.')).toBeNull();
  });
});
