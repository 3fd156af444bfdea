// Areas inside areas, as the database holds them (area_within): the links compiled into
// sources/reference/areas.json, named as the gazetteer names them (reference/organisations.json,
// lexicon/places.json), closed over so each row pairs an area with one that contains it at any
// distance. Read at the edge (installing the analyst layer); facts and filters only query it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './db.ts';

const SOURCES_DIR = fileURLToPath(new URL('../../sources', import.meta.url));

export interface AreaWithin {
  innerName: string;
  innerCode: string | null;
  innerKind: string;
  outerName: string;
  outerCode: string | null;
  outerKind: string;
  levels: number;
}

interface Area {
  name: string;
  code: string | null;
  kind: string;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** The gazetteer's areas by their key in areas.json (`kind:code`, `place:name`). */
function areasByKey(dir: string): Map<string, Area> {
  const out = new Map<string, Area>();
  for (const o of readJson<{ kind: string; code: string; name: string }[]>(join(dir, 'reference', 'organisations.json'))) {
    out.set(`${o.kind}:${o.code}`, { name: o.name, code: o.code, kind: o.kind });
  }
  for (const p of readJson<{ places: { name: string; code: string | null }[] }>(join(dir, 'lexicon', 'places.json')).places) {
    const kind = p.code && /^[EWSN]92/.test(p.code) ? 'nation' : p.code && /^E12/.test(p.code) ? 'region' : 'place';
    out.set(`place:${p.name}`, { name: p.name, code: p.code, kind });
  }
  return out;
}

/** Every (inner, outer) pair at any distance, with the fewest steps between them. */
export function readAreaWithin(dir: string = SOURCES_DIR): AreaWithin[] {
  const areas = areasByKey(dir);
  const { links } = readJson<{ links: [string, string, number][] }>(join(dir, 'reference', 'areas.json'));
  const parents = new Map<string, string[]>();
  for (const [inner, outer] of links) {
    if (!areas.has(inner) || !areas.has(outer)) continue; // an area the gazetteer no longer lists
    parents.set(inner, [...(parents.get(inner) ?? []), outer]);
  }
  const rows: AreaWithin[] = [];
  const seenPairs = new Set<string>();
  for (const start of parents.keys()) {
    const inner = areas.get(start)!;
    const seen = new Set<string>([start]);
    let frontier = [start];
    for (let levels = 1; frontier.length; levels++) {
      const next: string[] = [];
      for (const key of frontier) {
        for (const p of parents.get(key) ?? []) {
          if (seen.has(p)) continue;
          seen.add(p);
          next.push(p);
          const outer = areas.get(p)!;
          // Areas of the same name and footprint under two kinds (an STP and its ICB) are one place to a reader.
          const pair = `${inner.name}\u0000${inner.kind}\u0000${outer.name}\u0000${outer.kind}`;
          if (outer.name === inner.name || seenPairs.has(pair)) continue;
          seenPairs.add(pair);
          rows.push({ innerName: inner.name, innerCode: inner.code, innerKind: inner.kind, outerName: outer.name, outerCode: outer.code, outerKind: outer.kind, levels });
        }
      }
      frontier = next;
    }
  }
  return rows;
}

let cached: AreaWithin[] | null = null;

/** Replaces the area_within rows with the reference data's (inside the caller's transaction). */
export async function refillAreaWithin(db: Database, rows: AreaWithin[] = (cached ??= readAreaWithin())): Promise<void> {
  await db.run('DELETE FROM area_within');
  const a = await db.connection.createAppender('area_within');
  for (const r of rows) {
    a.appendVarchar(r.innerName);
    if (r.innerCode) a.appendVarchar(r.innerCode);
    else a.appendNull();
    a.appendVarchar(r.innerKind);
    a.appendVarchar(r.outerName);
    if (r.outerCode) a.appendVarchar(r.outerCode);
    else a.appendNull();
    a.appendVarchar(r.outerKind);
    a.appendInteger(r.levels);
    a.endRow();
  }
  a.closeSync();
}
