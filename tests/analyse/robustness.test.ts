import { describe, expect, it } from 'vitest';
import { analyse } from '../../pipeline/analyse/index.ts';
import { article, knowledge } from './helpers.ts';

describe('robustness', () => {
  it('an empty article gives empty findings', () => {
    expect(analyse(article([]), knowledge())).toEqual({ entities: [], quotes: [], dates: [], claims: [], events: [] });
  });

  it('unbalanced quote marks and stray apostrophes do not throw and keep offsets inside the body', () => {
    const a = article(['“It’s the patients’ service, he said', "'", '”', 'Dr Jo Reed said: ‘We’re not there yet']);
    const f = analyse(a, knowledge());
    for (const x of [...f.entities, ...f.quotes, ...f.dates]) {
      expect(x.start).toBeGreaterThanOrEqual(0);
      expect(x.end).toBeLessThanOrEqual(a.body.length);
      expect(x.start).toBeLessThanOrEqual(x.end);
    }
  });

  it('entity and date offsets point at their surface in the body', () => {
    const a = article(['NHS 111 went live in Cornwall on 1 April 2013, run by Serco.', 'Dr Ann Lee, a GP, said: “It works.”']);
    const f = analyse(a, knowledge());
    for (const x of [...f.entities, ...f.dates]) expect(a.body.slice(x.start, x.end)).toBe(x.surface);
  });

  it('a long article stays fast (linear in its length)', () => {
    const para = 'NHS 111 went live in Cornwall on 1 April, run by Serco, and Dr Ann Lee said: “We are ready for winter.” Commissioners in Kent have put their launch on hold until June.';
    const a = article(Array.from({ length: 400 }, () => para));
    const t = performance.now();
    analyse(a, knowledge());
    expect(performance.now() - t).toBeLessThan(5000);
  });
});
