// The service catalogue is data with provenance: every entry says which public list it comes from,
// and an alias that names a body (NHS Digital, Connecting for Health) is refused when it loads.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../pipeline/analyse/service-catalogue.ts';
import { knowledge } from './helpers.ts';

const catalogue = JSON.parse(readFileSync(new URL('../../sources/lexicon/services.json', import.meta.url), 'utf8')) as {
  services: Array<{ name: string; type?: string; aliases: string[]; source: string }>;
};

describe('the service catalogue', () => {
  it('says for every entry which public list it was compiled from', () => {
    expect(catalogue.services.filter((s) => !s.source?.trim()).map((s) => s.name)).toEqual([]);
  });

  it('refuses an alias that names a body, naming the file and the entry', () => {
    const entries = [{ name: 'Spine Directory', aliases: ['SDS', 'Connecting for Health'], source: 'written for this test' }];
    expect(() => buildGazetteer(entries, knowledge().servicePatterns))
      .toThrow(/services\.json: service "Spine Directory": alias "Connecting for Health" names a body/);
  });

  it('refuses an entry without a source or with a type it does not know', () => {
    const p = knowledge().servicePatterns;
    expect(() => buildGazetteer([{ name: 'Red Book', aliases: [], source: '' }], p)).toThrow(/needs "source"/);
    expect(() => buildGazetteer([{ name: 'Red Book', aliases: [], source: 'x', type: 'spaceship' }], p)).toThrow(/unknown type "spaceship"/);
  });

  it('lets an entry say a name is both a body and a service', () => {
    const entries = [{ name: 'NHS Digital', aliases: [], source: 'written for this test', body_too: true }];
    expect(() => buildGazetteer(entries, knowledge().servicePatterns)).not.toThrow();
  });

  it('refuses a "part_of" that names no entry of the catalogue', () => {
    const entries = [{ name: 'retinal photo check', aliases: [], source: 'written for this test', part_of: 'eye screening' }];
    expect(() => buildGazetteer(entries, knowledge().servicePatterns)).toThrow(/"part_of" names "eye screening"/);
  });
});
