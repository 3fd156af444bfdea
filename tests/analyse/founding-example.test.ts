// The DESIGN.md founding example, retold in our own words.
import { describe, expect, it } from 'vitest';
import { analyse } from '../../pipeline/analyse/index.ts';
import { article, knowledge } from './helpers.ts';

const story = article([
  'Commissioners have put the launch of their NHS 111 service on hold indefinitely, the first area to do so since the national problems began.',
  'At the start of the month NHS England said the deadline to launch NHS 111 would move from June until the end of this summer for all areas.',
  'In Leicester, Leicestershire and Rutland (LLR) the service, run by Derbyshire Health United, will not go live until commissioners are content.',
  'Dr Avi Prasad, programme lead for NHS 111 in LLR, said: ‘Nobody wants a delay, but we’ve seen what happened elsewhere and patient safety has to come before any deadline.’',
  '‘We will launch when the system is ready and not a day before.’',
  'In 23 of the 44 areas NHS 111 is still not fully live.',
  'Health minister Earl Howe told peers that the service had to be ready for next winter.',
]);

describe('founding example', () => {
  const f = analyse(story, knowledge());

  it('records a paused NHS 111 event for LLR with its provider', () => {
    const paused = f.events.find((e) => e.status === 'paused');
    expect(paused).toMatchObject({ service: 'NHS 111', region: 'Leicester, Leicestershire and Rutland', provider: 'Derbyshire Health United' });
  });

  it('records the national delay with the end of summer as its target', () => {
    const delayed = f.events.find((e) => e.status === 'delayed' && e.region === 'England');
    expect(delayed?.target).toBe('2013-08');
  });

  it('makes no event from the negated "not fully live"', () => {
    expect(f.events.filter((e) => e.status === 'live')).toEqual([]);
  });

  it('extracts the count claim', () => {
    expect(f.claims).toContainEqual(expect.objectContaining({ value: 23, total: 44, unit: 'areas', service: 'NHS 111' }));
  });

  it('attributes both paragraphs of quotes to Avi Prasad, with his role', () => {
    expect(f.quotes.map((q) => [q.speaker, q.speakerRole, q.text.split(' ').slice(0, 3).join(' ')])).toEqual([
      ['Avi Prasad', 'programme lead for NHS 111 in LLR', 'Nobody wants a'],
      ['Avi Prasad', 'programme lead for NHS 111 in LLR', 'We will launch'],
    ]);
  });

  it('resolves every date against 21 May 2013', () => {
    const byText = Object.fromEntries(f.dates.map((d) => [d.surface, d.value]));
    expect(byText).toMatchObject({
      'the start of the month': '2013-05',
      June: '2013-06',
      'the end of this summer': '2013-08',
      'next winter': '2013-12/2014-02',
    });
  });

  it('maps LLR, its acronym and the provider to one entity each', () => {
    const regions = f.entities.filter((e) => e.kind === 'region').map((e) => e.name);
    expect(new Set(regions)).toContain('Leicester, Leicestershire and Rutland');
    expect(f.entities.filter((e) => e.surface === 'LLR').every((e) => e.name === 'Leicester, Leicestershire and Rutland')).toBe(true);
    expect(f.entities.find((e) => e.kind === 'provider')?.name).toBe('Derbyshire Health United');
    // Derbyshire inside the provider's name is not a region.
    expect(regions).not.toContain('Derbyshire');
  });

  it('finds the people without their titles, peerage names whole', () => {
    const people = new Set(f.entities.filter((e) => e.kind === 'person').map((e) => e.name));
    expect(people).toEqual(new Set(['Avi Prasad', 'Earl Howe']));
  });
});
