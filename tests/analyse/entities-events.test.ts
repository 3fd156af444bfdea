import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyse, loadKnowledge } from '../../pipeline/analyse/index.ts';
import { article, knowledge } from './helpers.ts';

const run = (paragraphs: string[], published: string | null = '2014-03-10') => analyse(article(paragraphs, published), knowledge());
const regions = (paragraphs: string[], published?: string) =>
  run(paragraphs, published).entities.filter((e) => e.kind === 'region').map((e) => [e.name, e.code]);

describe('organisations normalised to reference data', () => {
  it('variants of a CCG name map to one canonical name and ODS code', () => {
    for (const text of ['NHS Leicester City CCG', 'Leicester City Clinical Commissioning Group', 'Leicester City CCG']) {
      expect(regions([`${text} has approved the plan.`])).toEqual([['Leicester City', '04C']]);
    }
  });

  it('the date decides between a PCT and the CCG that replaced it', () => {
    expect(regions(['Leicester City PCT signed the deal.'], '2012-06-01')).toEqual([['Leicester City', '5PC']]);
    expect(regions(['Leicester City CCG signed the deal.'], '2016-06-01')).toEqual([['Leicester City', '04C']]);
  });

  it('counties and cities are regions with their GSS code', () => {
    expect(regions(['Patients in Cornwall and Leicester will be first.'])).toEqual([['Cornwall', 'E06000052'], ['Leicester', 'E06000016']]);
  });

  it('ambulance trusts are providers with ODS codes, acronyms included', () => {
    const f = run(['SWASFT runs NHS 111 for Devon.', 'East Midlands Ambulance Service NHS Trust took the first calls.']);
    const providers = f.entities.filter((e) => e.kind === 'provider').map((e) => [e.name, e.code]);
    expect(providers).toEqual([['South Western Ambulance Service NHS Foundation Trust', 'RYF'], ['East Midlands Ambulance Service NHS Trust', 'RX9']]);
  });

  it('a trust in a story about no service is an organisation, not a provider', () => {
    const kinds = run(['Salisbury NHS Foundation Trust will raise its car parking charges in April.']).entities.map((e) => [e.kind, e.code]);
    expect(kinds).toContainEqual(['organisation', 'RNZ']);
    expect(kinds.filter(([k]) => k === 'provider')).toEqual([]);
  });

  it('a place named only as where a person works is not a region', () => {
    expect(regions(['Dr Sam Reid, a GP in Leeds, welcomed the plan.'])).toEqual([]);
    expect(regions(['A nurse working at Leeds told the inquiry about the rota.'])).toEqual([]);
  });

  it('a person word that modifies a noun does not make the place a person\'s: the place is the fact\'s', () => {
    expect(regions(['The new patient record system in Norfolk went live on Monday.']).map(([name]) => name)).toEqual(['Norfolk']);
    expect(regions(['GP practices in Kent began offering video consultations through the app.']).map(([name]) => name)).toEqual(['Kent']);
    expect(run(['The launch of the electronic patient record in Suffolk has been delayed.']).events.map((e) => [e.region, e.status]))
      .toEqual([['Suffolk', 'delayed']]);
  });
});

describe('rollout events', () => {
  const events = (paragraphs: string[]) => run(paragraphs).events.map((e) => [e.service, e.region, e.status, e.provider, e.target]);

  it('a local launch with its provider', () => {
    expect(events(['NHS 111 went live in Cornwall on Monday, run by Serco.'])).toEqual([['NHS 111', 'Cornwall', 'live', 'Serco', null]]);
  });

  it('national facts get region England and a target', () => {
    expect(events(['NHS England said the NHS App will be available nationally by December 2014.'])).toEqual([['NHS App', 'England', 'planned', null, '2014-12']]);
  });

  it('background facts count: a contract awarded is provider_appointed', () => {
    expect(events(['The NHS 111 contract for Somerset was awarded to Harmoni last year.'])).toEqual([['NHS 111', 'Somerset', 'provider_appointed', 'Harmoni', null]]);
  });

  it('negations, hedges and questions make no event', () => {
    expect(events(['No CCG has requested an extension to the NHS 111 deadline.'])).toEqual([]);
    expect(events(['The NHS 111 launch in Kent is not expected to be delayed.'])).toEqual([]);
    expect(events(['NHS 111 in Kent could be paused if staffing does not improve.'])).toEqual([]);
    expect(events(['Will the Summary Care Record be scrapped?'])).toEqual([]);
  });

  it('"areas affected include …" spreads the lead event to each listed place', () => {
    const ev = events(['Harmoni is pulling out of its NHS 111 contracts.', 'The provider blamed rising costs.', 'Areas affected include Kent, Surrey and Essex.']);
    expect(ev.filter((e) => e[2] === 'provider_withdrawn').map((e) => e[1])).toEqual(expect.arrayContaining(['Kent', 'Surrey', 'Essex']));
  });

  it('at most one event per service, region and status', () => {
    expect(events(['NHS 111 in Kent was paused in March.', 'Kent commissioners confirmed NHS 111 remains paused.'])).toHaveLength(1);
  });

  it('numeric claims carry value, total and unit', () => {
    const [claim] = run(['Summary Care Records are now live in 40 out of 211 CCGs.']).claims;
    expect(claim).toMatchObject({ value: 40, total: 211, unit: 'CCGs', service: 'Summary Care Record' });
  });
});

describe('lexicons are data a user can edit', () => {
  it('a programme and a status phrase added to the lexicon are picked up without code changes', () => {
    const src = fileURLToPath(new URL('../../sources', import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), 'rollwatch-lexicon-'));
    try {
      cpSync(src, dir, { recursive: true });
      const servicesPath = join(dir, 'lexicon', 'services.json');
      const services = JSON.parse(readFileSync(servicesPath, 'utf8'));
      services.services.push({ name: 'Digital Red Book', aliases: ['eRedbook', 'digital red book'], source: 'written for this test' });
      writeFileSync(servicesPath, JSON.stringify(services));
      const cuesPath = join(dir, 'lexicon', 'status-cues.json');
      const cues = JSON.parse(readFileSync(cuesPath, 'utf8'));
      cues.statuses.paused.push('parked');
      writeFileSync(cuesPath, JSON.stringify(cues));
      const f = analyse(article(['Commissioners in Kent have parked the eRedbook rollout.']), loadKnowledge(dir));
      // Named as the text writes it; the catalogue's name travels in the entity's code.
      expect(f.events.map((e) => [e.service, e.region, e.status])).toEqual([['eRedbook', 'Kent', 'paused']]);
      expect(f.entities.filter((e) => e.kind === 'service').map((e) => [e.name, e.code])).toEqual([['eRedbook', 'Digital Red Book']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
