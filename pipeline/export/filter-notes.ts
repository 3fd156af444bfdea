// What a person's filters matched, in words: which areas a --region brought in (the area,
// areas inside it, areas containing it), and for a service, region or provider that matches no
// fact, the nearest names that do. Printed on stderr by the commands, shown by the browse page.
import type { Database } from '../load/db.ts';
import { FACTS_SQL, boundAreaMatch } from '../load/views.ts';
import type { FactFilters } from './filters.ts';

const fold = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, ' ').trim();

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The names nearest to `value`, best first: names that contain it as whole words ("111" →
 * "NHS 111"), names it contains, then names a few typing slips away (at most a third of the
 * longer name changed).
 */
export function nearestNames(value: string, names: readonly string[], limit = 3): string[] {
  const v = fold(value);
  if (!v) return [];
  const scored: { name: string; score: number }[] = [];
  for (const name of new Set(names)) {
    const n = fold(name);
    if (!n || n === v) continue;
    let score: number;
    if (` ${n} `.includes(` ${v} `)) score = 0;
    else if (` ${v} `.includes(` ${n} `)) score = 1;
    else if (n.includes(v) && v.length >= 3) score = 1.5;
    else {
      const ratio = editDistance(v, n) / Math.max(v.length, n.length);
      if (ratio > 1 / 3) continue;
      score = 2 + ratio;
    }
    scored.push({ name, score });
  }
  return scored.sort((a, b) => a.score - b.score || a.name.length - b.name.length || a.name.localeCompare(b.name)).slice(0, limit).map((s) => s.name);
}

function values(v: string | string[] | undefined): string[] {
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((s) => s.trim()).filter(Boolean);
}

const RELATION_WORDS: Record<string, string> = { '1 named': 'itself', '2 inside': 'inside it', '3 contains': 'containing it' };

async function regionNote(db: Database, value: string, regions: string[]): Promise<string> {
  const match = boundAreaMatch(value);
  const matched = await db.query<{ region: string; relation: string }>(
    `SELECT DISTINCT f.region, m.relation FROM (${match.sql}) m
       JOIN (SELECT DISTINCT region FROM (${FACTS_SQL})) f ON lower(f.region) = lower(m.region)
      ORDER BY m.relation, f.region`,
    match.params,
  );
  if (!matched.length) return noMatch('region', value, regions);
  const groups = new Map<string, string[]>();
  for (const m of matched) groups.set(m.relation, [...(groups.get(m.relation) ?? []), m.region]);
  const said = [...groups].map(([relation, names]) => `${RELATION_WORDS[relation] ?? relation}: ${names.join(', ')}`);
  return `--region ${value} matches facts filed under ${said.join('; ')}`;
}

function noMatch(flag: string, value: string, names: string[]): string {
  const near = nearestNames(value, names);
  return `--${flag} ${value} matches no fact${near.length ? `; nearest: ${near.join(', ')}` : ''}`;
}

/** One line per service, region and provider filter value: what it matched, or the names nearest to it. */
export async function describeFilters(db: Database, filters: FactFilters): Promise<string[]> {
  const wanted = { service: values(filters.service), region: values(filters.region), provider: values(filters.provider) };
  if (!wanted.service.length && !wanted.region.length && !wanted.provider.length) return [];
  const distinct = async (column: string) =>
    (await db.query<{ v: string }>(`SELECT DISTINCT ${column} AS v FROM (${FACTS_SQL}) WHERE ${column} IS NOT NULL`)).map((r) => r.v);
  const lines: string[] = [];
  for (const flag of ['service', 'provider'] as const) {
    if (!wanted[flag].length) continue;
    const names = await distinct(flag);
    const known = new Set(names.map((n) => n.toLowerCase()));
    for (const v of wanted[flag]) if (!known.has(v.toLowerCase())) lines.push(noMatch(flag, v, names));
  }
  if (wanted.region.length) {
    const regions = await distinct('region');
    for (const v of wanted.region) lines.push(await regionNote(db, v, regions));
  }
  return lines;
}
