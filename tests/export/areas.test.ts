// Areas inside areas (sources/reference/areas.json, compiled from the ODS/ONS lookups): the
// reference data places councils, CCG and ICB footprints and NHS regions inside each other, and
// --region X answers with facts about X, the areas inside it and the areas that contain it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAreaWithin } from '../../pipeline/load/areas.ts';
import { installAnalystLayer } from '../../pipeline/load/views.ts';
import { exportRows } from '../../pipeline/export/export.ts';
import { describeFilters, nearestNames } from '../../pipeline/export/filter-notes.ts';
import type { FactFilters } from '../../pipeline/export/filters.ts';
import { queryFacts } from '../../pipeline/export/facts.ts';
import { createTestDb, type TestDb } from './test-db.ts';
import { insertDocument, insertEvent, seedRollouts } from './fixture.ts';

const LLR = 'Leicester, Leicestershire and Rutland';
const DEVON = 'South Western Ambulance Service has taken over NHS 111 in Devon.';
const DARLINGTON = 'Callers in County Durham and Darlington have used NHS 111 since the pilot opened.';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedRollouts(t.db);
  await t.db.transaction(async () => {
    await insertDocument(t.db, { doc_id: 'd-devon', url: 'https://www.example-health-news.org/2013/10/devon-111', source_id: 'health-news', title: 'Devon', published_at: '2013-10-08', paragraphs: [DEVON, DARLINGTON] });
    await insertEvent(t.db, { event_id: 'x-devon', doc_id: 'd-devon', service: 'NHS 111', region: 'Devon', provider: 'South Western Ambulance Service', status: 'provider_appointed', evidence: DEVON });
  });
  await installAnalystLayer(t.db);
});
afterAll(() => t.cleanup());

const within = readAreaWithin();
const outersOf = (name: string) => new Set(within.filter((r) => r.innerName === name).map((r) => `${r.outerName} (${r.outerKind})`));
const regionsFor = async (filters: FactFilters) => [...new Set((await queryFacts(t.db, filters)).map((f) => f.region))].sort();

describe('areas inside areas, from the reference data', () => {
  it('a county lies in its NHS footprint and regions, with the names those bodies had at the time', () => {
    const leics = outersOf('Leicestershire');
    expect(leics).toContain(`${LLR} (stp)`);
    expect(leics).toContain('East Midlands (region)');
    expect(leics).toContain('Leicestershire and Lincolnshire (area_team)'); // the 2013 area team
    expect(leics).toContain('Midlands and East of England (nhse_region)'); // the 2013 region
    expect(leics).toContain('Midlands (nhse_region)'); // from 2019
    expect(leics).toContain('England (nation)');
  });

  it('a district lies in its county, and a CCG in the council area that holds nearly all of it', () => {
    expect(outersOf('Charnwood')).toContain('Leicestershire (local_authority)');
    expect(outersOf('West Leicestershire')).toContain('Leicestershire (local_authority)');
    expect(outersOf('Leicestershire')).not.toContain('West Leicestershire (ccg)'); // the county is bigger than the CCG
  });

  it('the South West holds Devon and Cornwall', () => {
    expect(outersOf('Devon')).toContain('South West (region)');
    expect(outersOf('Cornwall')).toContain('South West (region)');
    expect(outersOf('Cornwall and the Isles of Scilly')).toContain('South West (nhse_region)');
  });
});

describe('--region', () => {
  it('matches facts about the area, the areas inside it and the areas that contain it', async () => {
    // The founding example's area answers for Leicestershire: LLR contains it.
    expect(await regionsFor({ region: 'Leicestershire' })).toEqual([LLR]);
    expect(await regionsFor({ region: 'South West' })).toEqual(['Devon', 'Somerset']);
    expect(await regionsFor({ region: 'Darlington' })).toEqual(['County Durham and Darlington']);
    // A nation is not brought in by the areas it contains: England's own facts are national ones.
    expect(await regionsFor({ region: 'Somerset' })).toEqual(['Somerset']);
    expect(await regionsFor({ region: 'leicester, leicestershire and rutland' })).toEqual([LLR]);
  });

  it('says which areas it matched, and how they relate', async () => {
    expect(await describeFilters(t.db, { region: 'Leicestershire' })).toEqual([
      `--region Leicestershire matches facts filed under containing it: ${LLR}`,
    ]);
    expect(await describeFilters(t.db, { region: 'South West' })).toEqual(['--region South West matches facts filed under inside it: Devon, Somerset']);
  });

  it('a value that matches nothing gets the nearest names that do', async () => {
    expect(await describeFilters(t.db, { service: '111' })).toEqual(['--service 111 matches no fact; nearest: NHS 111']);
    expect(await describeFilters(t.db, { provider: 'Derbyshire Health Untied' })).toEqual([
      '--provider Derbyshire Health Untied matches no fact; nearest: Derbyshire Health United',
    ]);
    expect(await describeFilters(t.db, { region: 'Somerst' })).toEqual(['--region Somerst matches no fact; nearest: Somerset']);
    expect(await describeFilters(t.db, { service: 'Pharmacy First' })).toEqual(['--service Pharmacy First matches no fact']);
    expect(await describeFilters(t.db, { service: 'NHS 111' })).toEqual([]);
  });

  it('export applies the same match', async () => {
    const chunks: string[] = [];
    const sink = { write: (c: string) => (chunks.push(c), true) } as unknown as NodeJS.WritableStream;
    const { rows } = await exportRows(t.db, { region: 'Leicestershire' }, { format: 'json', output: sink });
    expect(rows).toBe(5);
  });
});

describe('nearest names', () => {
  it('prefers names holding the value as words, then names it holds, then small slips', () => {
    expect(nearestNames('111', ['NHS 111', 'NHS App', 'Summary Care Record'])).toEqual(['NHS 111']);
    expect(nearestNames('Leicestershire County', ['Leicestershire', 'Leicester', 'Lincolnshire'])[0]).toBe('Leicestershire');
    expect(nearestNames('Summary Care Recrod', ['Summary Care Record', 'NHS App'])).toEqual(['Summary Care Record']);
    expect(nearestNames('xyz', ['NHS 111'])).toEqual([]);
  });
});
