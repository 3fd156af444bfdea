// Builds sources/reference/areas.json: which area lies directly inside which, from the public
// ODS/ONS lookups in ../shared/reference/ (see sources/reference/PROVENANCE.md). Areas are named
// by their key in the gazetteer (`kind:code` in organisations.json, `place:name` in
// lexicon/places.json), so a name the gazetteer changes is picked up without recompiling.
// DuckDB reads the CSV files (headers, BOMs, quoting, CR-only line ends, a cp1252 file).
// Run: npx tsx pipeline/analyse/reference/compile-areas.ts [SRC_DIR] [SOURCES_DIR]
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { normTokens } from './names.ts';
import { REGION_KINDS, type ReferenceOrg } from './types.ts';

/** How much of an area's small areas (LSOAs) must lie in another for it to count as inside. */
export const INSIDE_SHARE = 0.9;

interface Node {
  key: string;
  kind: string;
  code: string | null;
  gss: string | null;
  name: string;
}

interface Place {
  name: string;
  code: string | null;
}

class AreaIndex {
  private readonly byKey = new Map<string, Node>();
  private readonly byKindCode = new Map<string, Node>();
  private readonly byKindName = new Map<string, Node[]>();
  readonly links = new Map<string, Map<string, number>>();
  readonly sources: string[] = [];

  add(node: Node): void {
    this.byKey.set(node.key, node);
    for (const c of [node.code, node.gss]) if (c) this.byKindCode.set(`${node.kind}|${c.toUpperCase()}`, node);
    const folded = `${node.kind}|${normTokens(node.name).join(' ')}`;
    this.byKindName.set(folded, [...(this.byKindName.get(folded) ?? []), node]);
  }

  /** The node of `kind` with this ODS or GSS code, else the only one of that kind with this name. */
  find(kind: string, code: string | null | undefined, name?: string | null): Node | null {
    if (code) {
      const hit = this.byKindCode.get(`${kind}|${code.trim().toUpperCase()}`);
      if (hit) return hit;
    }
    if (name) {
      const named = this.byKindName.get(`${kind}|${normTokens(name.replace(/^NHS\s+/i, '')).join(' ')}`) ?? [];
      if (named.length === 1) return named[0]!;
    }
    return null;
  }

  get nodes(): Node[] {
    return [...this.byKey.values()];
  }

  link(inner: Node | null, outer: Node | null, source: string): void {
    if (!inner || !outer || inner.key === outer.key) return;
    let sourceId = this.sources.indexOf(source);
    if (sourceId < 0) sourceId = this.sources.push(source) - 1;
    const parents = this.links.get(inner.key) ?? new Map<string, number>();
    if (!parents.has(outer.key)) parents.set(outer.key, sourceId);
    this.links.set(inner.key, parents);
  }
}

const NATIONS: Record<string, string> = { E: 'England', W: 'Wales', S: 'Scotland', N: 'Northern Ireland' };

function placeKind(p: Place): string {
  if (p.code && /^[EWSN]92/.test(p.code)) return 'nation';
  if (p.code && /^E12/.test(p.code)) return 'region';
  return 'place';
}

async function rows(con: DuckDBConnection, sql: string): Promise<Record<string, string | null>[]> {
  const reader = await con.runAndReadAll(sql);
  return reader.getRowObjectsJson() as Record<string, string | null>[];
}

type Ref = { kind: string; code?: string; name?: string };

/** One lookup file: each row links an inner area to an outer one (columns named per file). */
async function linkRows(index: AreaIndex, con: DuckDBConnection, src: string, file: string, pairs: [Ref, Ref][], options = ''): Promise<void> {
  const data = await rows(con, `SELECT * FROM read_csv('${join(src, file)}', all_varchar = true${options})`);
  for (const row of data) {
    for (const [inner, outer] of pairs) {
      const pick = (r: Ref) => index.find(r.kind, r.code ? row[r.code] : null, r.name ? row[r.name] : null);
      index.link(pick(inner), pick(outer), file);
    }
  }
}

/**
 * Councils inside NHS areas and NHS areas inside councils, from which small areas (LSOAs) each
 * holds: A is inside B when at least INSIDE_SHARE of A's LSOAs are in B.
 */
async function linkByLsoas(
  index: AreaIndex, con: DuckDBConnection, src: string, lsoaFile: string, year: string, ccgToStp: string, ladToCounty: string,
): Promise<void> {
  const columns = async (file: string) =>
    (await rows(con, `SELECT column_name FROM (DESCRIBE SELECT * FROM read_csv('${join(src, file)}', all_varchar = true))`)).map((r) => r.column_name!);
  const pick = (cols: string[], re: RegExp) => cols.find((c) => re.test(c))!;
  const countyCols = await columns(ladToCounty);
  const stpCols = await columns(ccgToStp);
  await con.run(`CREATE OR REPLACE TEMP TABLE lsoa AS
    SELECT l.LSOA11CD AS lsoa, l.LAD${year}CD AS lad, c."${pick(countyCols, /^CTY\d\dCD$/)}" AS cty, l.CCG${year}CDH AS ccg,
      s."${pick(stpCols, /^STP\d\dCD$/)}" AS stp
    FROM read_csv('${join(src, lsoaFile)}', all_varchar = true) l
    LEFT JOIN read_csv('${join(src, ladToCounty)}', all_varchar = true) c ON c."${pick(countyCols, /^LAD\d\dCD$/)}" = l.LAD${year}CD
    LEFT JOIN read_csv('${join(src, ccgToStp)}', all_varchar = true) s ON s."${pick(stpCols, /^CCG\d\dCDH$/)}" = l.CCG${year}CDH`);
  const sources = `${lsoaFile} + ${ladToCounty} + ${ccgToStp}`;
  const councils: [string, string][] = [['lad', 'local_authority'], ['cty', 'local_authority']];
  const nhs: [string, string][] = [['ccg', 'ccg'], ['stp', 'stp']];
  for (const [a, aKind] of councils) {
    for (const [b, bKind] of nhs) {
      const shares = await rows(con, `
        WITH pairs AS (SELECT ${a} AS a, ${b} AS b, count(*) AS n FROM lsoa WHERE ${a} IS NOT NULL AND ${b} IS NOT NULL GROUP BY ALL),
             ta AS (SELECT ${a} AS a, count(*) AS n FROM lsoa WHERE ${a} IS NOT NULL GROUP BY ALL),
             tb AS (SELECT ${b} AS b, count(*) AS n FROM lsoa WHERE ${b} IS NOT NULL GROUP BY ALL)
        SELECT p.a, p.b, CAST(p.n / ta.n AS VARCHAR) AS share_a, CAST(p.n / tb.n AS VARCHAR) AS share_b
        FROM pairs p JOIN ta USING (a) JOIN tb USING (b)
        WHERE p.n >= ${INSIDE_SHARE} * ta.n OR p.n >= ${INSIDE_SHARE} * tb.n`);
      for (const s of shares) {
        const council = index.find(aKind, s.a);
        const body = index.find(bKind, s.b);
        if (Number(s.share_a) >= INSIDE_SHARE) index.link(council, body, sources);
        if (Number(s.share_b) >= INSIDE_SHARE) index.link(body, council, sources);
      }
    }
  }
}

/** Sources whose rows split an area into parts that cover it (a lookup file lists every part). */
const PARTITIONS = /^ons\/\d{4}_(?!LSOA)[A-Z0-9_]+(?:_v\d)?\.csv$/;

/** Every area each area lies in, at any distance. */
export function closure(links: ReadonlyMap<string, ReadonlyMap<string, unknown>>): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const start of links.keys()) {
    const seen = new Map<string, number>();
    let frontier = [start];
    for (let level = 1; frontier.length; level++) {
      const next: string[] = [];
      for (const n of frontier) {
        for (const p of links.get(n)?.keys() ?? []) {
          if (p === start || seen.has(p)) continue;
          seen.set(p, level);
          next.push(p);
        }
      }
      frontier = next;
    }
    out.set(start, seen);
  }
  return out;
}

/**
 * An area whose parts (as a lookup lists them) all lie inside another lies inside it too: the
 * 2019 LLR footprint is made of three CCGs that were all in the 2013 Leicestershire and
 * Lincolnshire area team, so LLR lies in that area team, under the name it had then.
 */
function deriveFromParts(index: AreaIndex): void {
  const derived = 'derived: every part of it (per the lookups) lies inside';
  for (let round = 0; round < 5; round++) {
    const parts = new Map<string, string[]>();
    for (const [inner, parents] of index.links) {
      for (const [outer, source] of parents) {
        if (PARTITIONS.test(index.sources[source] ?? '')) parts.set(outer, [...(parts.get(outer) ?? []), inner]);
      }
    }
    const anc = closure(index.links);
    let added = 0;
    const byKey = new Map(index.nodes.map((n) => [n.key, n]));
    for (const [whole, pieces] of parts) {
      let common: Set<string> | null = null;
      for (const piece of pieces) {
        const up = new Set<string>(anc.get(piece)?.keys() ?? []);
        common = common === null ? up : new Set<string>([...(common as Set<string>)].filter((k) => up.has(k)));
      }
      const mine = anc.get(whole) ?? new Map<string, number>();
      for (const outer of common ?? []) {
        if (outer === whole || mine.has(outer) || pieces.includes(outer)) continue;
        index.link(byKey.get(whole) ?? null, byKey.get(outer) ?? null, derived);
        added++;
      }
    }
    if (!added) return;
  }
}

export async function compileAreas(src: string, sourcesDir: string): Promise<{ sources: string[]; links: [string, string, number][] }> {
  const index = new AreaIndex();
  const orgs = JSON.parse(readFileSync(join(sourcesDir, 'reference', 'organisations.json'), 'utf8')) as ReferenceOrg[];
  for (const o of orgs) if (REGION_KINDS.has(o.kind)) index.add({ key: `${o.kind}:${o.code}`, kind: o.kind, code: o.code, gss: o.gss, name: o.name });
  const places = (JSON.parse(readFileSync(join(sourcesDir, 'lexicon', 'places.json'), 'utf8')) as { places: Place[] }).places;
  for (const p of places) index.add({ key: `place:${p.name}`, kind: placeKind(p), code: p.code, gss: p.code, name: p.name });

  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    await linkRows(index, con, src, 'ons/2013_CCG13_NHSAT13_NHSCR13_EW_LU.csv', [
      [{ kind: 'ccg', code: 'CCG13CD' }, { kind: 'area_team', code: 'NHSAT13CD' }],
      [{ kind: 'area_team', code: 'NHSAT13CD' }, { kind: 'nhse_region', code: 'NHSCR13CD', name: 'NHSCR13NM' }],
    ]);
    const stpLookups = [
      ['ons/2017_CCG17_STP17_EN_LU_v3.csv', '17'], ['ons/2018_CCG18_STP18_EN_LU_v2.csv', '18'], ['ons/2019_CCG19_STP19_EN_LU.csv', '19'],
      ['ons/2020_CCG20_STP20_EN_LU.csv', '20'],
    ];
    for (const [file, y] of stpLookups) {
      await linkRows(index, con, src, file!, [[{ kind: 'ccg', code: `CCG${y}CDH` }, { kind: 'stp', code: `STP${y}CD`, name: `STP${y}NM` }]]);
    }
    await linkRows(index, con, src, 'ons/2021_CCG21_STP21_NHSER21_EN_LU.csv', [
      [{ kind: 'ccg', code: 'CCG21CDH' }, { kind: 'stp', code: 'STP21CDH' }],
      [{ kind: 'stp', code: 'STP21CDH' }, { kind: 'nhse_region', code: 'NHSER21CDH' }],
    ]);
    await linkRows(index, con, src, 'ons/2017_CCG17_NHSRLO17_NHSER17_EN_LU_v3.csv', [
      [{ kind: 'ccg', code: 'CCG17CD' }, { kind: 'nhse_region', code: 'NHSER17CD', name: 'NHSER17NM' }],
    ]);
    await linkRows(index, con, src, 'ons/2018_CCG18_NHSRLO18_NHSER18_EN_LU.csv', [
      [{ kind: 'ccg', code: 'CCG18CDH' }, { kind: 'area_team', code: 'NHSRLO18CDH' }],
      [{ kind: 'ccg', code: 'CCG18CDH' }, { kind: 'nhse_region', code: 'NHSER18CDH' }],
    ]);
    await linkRows(index, con, src, 'ons/2022_LOC22_ICB22_NHSER22_EN_LU.csv', [
      [{ kind: 'ccg', code: 'LOC22CDH' }, { kind: 'icb', code: 'ICB22CDH' }],
      [{ kind: 'icb', code: 'ICB22CDH' }, { kind: 'nhse_region', code: 'NHSER22CDH' }],
    ]);
    await linkRows(index, con, src, 'ons/2023_SICBL23_ICB23_NHSER23_EN_LU.csv', [
      [{ kind: 'ccg', code: 'SICBL23CDH' }, { kind: 'icb', code: 'ICB23CDH' }],
      [{ kind: 'icb', code: 'ICB23CDH' }, { kind: 'nhse_region', code: 'NHSER23CDH' }],
    ]);
    await linkRows(index, con, src, 'ons/2012_PCO12_SHA12_EN_LU.csv', [[{ kind: 'pct', code: 'PCO12CDO' }, { kind: 'sha', code: 'SHA12CDO' }]]);
    const council = (code: string) => ({ kind: 'local_authority', code });
    await linkRows(index, con, src, 'ons/2015_LAD15_CTY15_EN_LU.csv', [[council('LAD15CD'), council('CTY15CD')]]);
    await linkRows(index, con, src, 'ons/2020_LAD20_CTY20_EN_LU.csv', [[council('LAD20CD'), council('CTY20CD')]]);
    await linkRows(index, con, src, 'ons/2019_LTLA19_UTLA19_EW_LU.csv', [[council('LTLA19CD'), council('UTLA19CD')]]);
    await linkByLsoas(index, con, src, 'ons/2015_LSOA11_CCG15_LAD15_EN_LU.csv', '15', 'ons/2017_CCG17_STP17_EN_LU_v3.csv', 'ons/2015_LAD15_CTY15_EN_LU.csv');
    await linkByLsoas(index, con, src, 'ons/2020_LSOA11_CCG20_LAD20_EN_LU.csv', '20', 'ons/2020_CCG20_STP20_EN_LU.csv', 'ons/2020_LAD20_CTY20_EN_LU.csv');
    // Councils in English regions (mySociety's `region` column names the region).
    const councils = 'other/mysociety_uk_local_authorities_current.csv';
    for (const r of await rows(con, `SELECT "gss-code" AS gss, region FROM read_csv('${join(src, councils)}', all_varchar = true) WHERE region IS NOT NULL`)) {
      const region = index.find('region', null, r.region) ?? index.find('nation', null, r.region);
      index.link(index.find('local_authority', r.gss), region, councils);
    }
  } finally {
    con.closeSync();
    instance.closeSync();
  }
  // A parent the gazetteer itself records (local offices and STPs in their NHS England region).
  for (const o of orgs) {
    if (!REGION_KINDS.has(o.kind) || !o.parent) continue;
    const parent = index.find('nhse_region', o.parent) ?? index.find('icb', o.parent);
    index.link(index.find(o.kind, o.code), parent, 'reference/organisations.json (parent)');
  }
  // Every English, Welsh, Scottish or Northern Irish area lies in its nation.
  for (const n of index.nodes) {
    if (n.kind === 'nation') continue;
    const letter = (n.gss ?? n.code ?? '').charAt(0);
    const english = n.kind !== 'local_authority' && n.kind !== 'region' && n.kind !== 'place' ? 'E' : letter;
    const nation = NATIONS[english] ?? (n.kind === 'place' || n.kind === 'region' ? 'England' : undefined);
    if (nation) index.link(n, index.find('nation', null, nation), 'nations (by GSS code letter; NHS bodies and places are English)');
  }
  deriveFromParts(index);
  const links: [string, string, number][] = [];
  for (const [inner, parents] of [...index.links].sort(([a], [b]) => a.localeCompare(b))) {
    for (const [outer, source] of [...parents].sort(([a], [b]) => a.localeCompare(b))) links.push([inner, outer, source]);
  }
  return { sources: index.sources, links };
}

async function main(): Promise<void> {
  const src = resolve(process.argv[2] ?? '../shared/reference');
  const sourcesDir = resolve(process.argv[3] ?? 'sources');
  const { sources, links } = await compileAreas(src, sourcesDir);
  const out = join(sourcesDir, 'reference', 'areas.json');
  const body = links.map((l) => JSON.stringify(l)).join(',\n');
  writeFileSync(
    out,
    '{"_comment": "Generated by pipeline/analyse/reference/compile-areas.ts from ../shared/reference (see PROVENANCE.md); do not edit. '
      + 'Each link is [inner area, outer area, index into sources]; areas are keys of reference/organisations.json (kind:code) '
      + 'and lexicon/places.json (place:name).",\n'
      + `"sources": ${JSON.stringify(sources, null, 1)},\n"links": [\n${body}\n]}\n`,
  );
  process.stderr.write(`${out}: ${links.length} links from ${sources.length} sources\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
