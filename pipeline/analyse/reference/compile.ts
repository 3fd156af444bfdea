// Builds sources/reference/organisations.json from the raw ODS/ONS lists in
// ../shared/reference/ so the project ships one small, reviewed file instead of 7.5 MB
// of raw extracts. Run: npx tsx pipeline/analyse/reference/compile.ts [SRC_DIR] [OUT_DIR]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ReferenceOrg, OrgKind } from './types.ts';
import { titleCase, stripOrgDecoration } from './names.ts';

const srcDir = resolve(process.argv[2] ?? '../shared/reference');
const outDir = resolve(process.argv[3] ?? 'sources/reference');

/** Minimal RFC 4180 parser: the ONS files quote names that contain commas. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

function readCsv(rel: string, header: boolean): Record<string, string>[] | string[][] {
  const rows = parseCsv(readFileSync(join(srcDir, rel), 'utf8'));
  if (!header) return rows;
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h.trim(), (r[i] ?? '').trim()])));
}
const table = (rel: string) => readCsv(rel, true) as Record<string, string>[];
const raw = (rel: string) => readCsv(rel, false) as string[][];

const isoDay = (yyyymmdd: string): string | null =>
  /^\d{8}$/.test(yyyymmdd) ? `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}` : null;

const orgs = new Map<string, ReferenceOrg>();

/** Adds an organisation or merges another name/code for it (keyed by kind + code). */
function add(kind: OrgKind, code: string, name: string, extra: Partial<ReferenceOrg> = {}): void {
  if (!code || !name) return;
  const key = `${kind}:${code}`;
  const mixed = /[a-z]/.test(name) ? name : titleCase(name);
  const existing = orgs.get(key);
  if (!existing) {
    orgs.set(key, {
      kind, code, gss: extra.gss ?? null,
      name: extra.name ?? stripOrgDecoration(mixed, kind),
      aliases: [],
      from: extra.from ?? null, to: extra.to ?? null,
      parent: extra.parent ?? null,
    });
  }
  const org = orgs.get(key)!;
  if (!org.gss && extra.gss) org.gss = extra.gss;
  if (!org.parent && extra.parent) org.parent = extra.parent;
  if (extra.from && (!org.from || extra.from < org.from)) org.from = extra.from;
  if (extra.to !== undefined && extra.to !== null && (!org.to || extra.to > org.to)) org.to = extra.to;
  // A mixed-case name beats an upper-case one as the display name.
  if (/[a-z]/.test(name) && !extra.name && org.name === org.name.toUpperCase()) org.name = stripOrgDecoration(name, kind);
  for (const a of [mixed, ...(extra.aliases ?? [])]) if (!org.aliases.includes(a)) org.aliases.push(a);
}

// CCGs (2013-2022): ODS names with open/close dates, ONS names of every vintage.
for (const f of ['ods/eccg_2016-02.csv', 'ods/eccg_2018-11.csv', 'ods/eccg_2024-25.csv']) {
  for (const r of raw(f)) {
    const sub = r[13];
    const name = r[1];
    if (f.includes('2024')) {
      if (!/ CCG$/.test(name)) continue; // sub-ICB rows are not CCG names
    } else if (sub !== 'C') continue;
    add('ccg', r[0], name, { from: isoDay(r[10]), to: isoDay(r[11]) });
  }
}
for (const r of table('ons/2013_CCG_APR_2013.csv')) add('ccg', r.CCG13CDH, r.CCG13NM, { gss: r.CCG13CD, from: '2013-04-01' });
for (const [f, y] of [['ons/2017_CCG17_names_v3.csv', '17'], ['ons/2019_CCG19_names.csv', '19'], ['ons/2020_CCG20_names.csv', '20']] as const)
  for (const r of table(f)) add('ccg', r[`CCG${y}CDH`], r[`CCG${y}NM`], { gss: r[`CCG${y}CD`] });
for (const r of table('ons/2021_CCG21_STP21_NHSER21_EN_LU.csv')) add('ccg', r.CCG21CDH, r.CCG21NM, { gss: r.CCG21CD });
// CCGs are abolished on 2022-06-30; the ODS close dates say so for most, make it uniform.
for (const o of orgs.values()) if (o.kind === 'ccg' && (!o.to || o.to > '2022-06-30')) o.to = '2022-06-30';

// PCTs and SHAs (to 2013-03-31).
for (const r of table('ons/2012_PCO_2012.csv')) add('pct', r.PCO12CDO, r.PCO12NM, { gss: r.PCO12CD, from: '2002-10-01', to: '2013-03-31' });
for (const r of table('ons/2012_SHA_2012.csv')) add('sha', r.SHA12CDO, r.SHA12NM, { gss: r.SHA12CD, from: '2006-07-01', to: '2013-03-31' });

// NHS England area teams (2013-2015) and local offices (2015-2018).
for (const r of table('ons/2013_area_teams_ons_to_ods_at.csv')) {
  add('area_team', r.hscic_code, r.name, { gss: r.ons_code, from: '2013-04-01', to: '2015-03-31' });
}
for (const r of raw('ods/eauth_2018-11_testdata.csv')) {
  if (/^Q\d\d$/.test(r[0])) {
    add('area_team', r[0], r[1].replace(/^NHS ENGLAND /, ''), { from: isoDay(r[10]) ?? '2015-04-01', to: isoDay(r[11]) ?? '2018-03-31', parent: r[2] || null });
  }
  if (/^Y5\d$/.test(r[0])) add('nhse_region', r[0], r[1].replace(/ COMMISSIONING REGION$/, ''), { from: isoDay(r[10]) ?? '2013-04-01', to: '2019-03-31' });
}
for (const r of table('ons/2019_NHSER19_names.csv')) add('nhse_region', r.NHSER19CDH, r.NHSER19NM, { gss: r.NHSER19CD, from: '2019-04-01' });
for (const r of table('ons/2022_LOC22_ICB22_NHSER22_EN_LU.csv')) add('nhse_region', r.NHSER22CDH, r.NHSER22NM, { gss: r.NHSER22CD, from: '2019-04-01' });

// STPs / ICSs (2016-2022) and ICBs (from 2022-07-01).
for (const r of table('ons/2020_STP20_names.csv')) add('stp', r.STP20CDH, r.STP20NM, { gss: r.STP20CD, from: '2016-03-01', to: '2022-06-30' });
for (const r of table('ons/2021_CCG21_STP21_NHSER21_EN_LU.csv')) {
  add('stp', r.STP21CDH, r.STP21NM, { gss: r.STP21CD, from: '2016-03-01', to: '2022-06-30', parent: r.NHSER21CDH });
}
for (const r of table('ons/2024_ICB24_names.csv')) add('icb', r.ICB24CDH, r.ICB24NM, { gss: r.ICB24CD, from: '2022-07-01' });
for (const r of table('ons/2022_LOC22_ICB22_NHSER22_EN_LU.csv')) {
  add('icb', r.ICB22CDH, r.ICB22NM, { gss: r.ICB22CD, from: '2022-07-01', parent: r.NHSER22CDH });
}

// Trusts (open and closed), ambulance trusts included.
for (const r of raw('ods/etr_2024-25.csv')) add('trust', r[0], r[1], { from: isoDay(r[10]), to: isoDay(r[11]) });
type TorchboxRecord = { model: string; fields: { code: string; name: string; organisation_type: string } };
const torchbox = JSON.parse(readFileSync(join(srcDir, 'other/nhsi_organisations_2019_torchbox.json'), 'utf8')) as TorchboxRecord[];
for (const t of torchbox) {
  if (t.model !== 'nhsorganisations.organisation') continue;
  const f = t.fields;
  if (f.organisation_type === 'provider') add('trust', f.code, f.name);
  else if (f.organisation_type === 'independent-provider') add('independent_provider', f.code, f.name);
}

// Welsh local health boards: names from ONS LHB19, ODS codes and earlier names from the
// hand-curated supplement (a renamed board keeps its code, so each name is its own record).
const lhbGss = new Map(table('ons/2019_LHB19_names_Wales.csv').map((r) => [r.LHB19NM, r.LHB19CD]));
const supplement = JSON.parse(readFileSync(join(outDir, 'supplement.json'), 'utf8')) as {
  organisations: Array<ReferenceOrg & { source: string }>;
  aliases: Array<{ kind: OrgKind; code: string; aliases: string[]; source: string }>;
};
for (const s of supplement.organisations) {
  orgs.set(`${s.kind}:${s.code}:${s.from ?? ''}`, {
    kind: s.kind, code: s.code, gss: s.gss ?? lhbGss.get(s.name) ?? null, name: stripOrgDecoration(s.name, s.kind), aliases: [s.name, ...s.aliases],
    from: s.from, to: s.to, parent: s.parent ?? null,
  });
}

// Short names the press uses for a trust ("Barts", "Addenbrooke's"), on the record with that code.
function addSupplementAliases(): void {
  for (const a of supplement.aliases) {
    const org = orgs.get(`${a.kind}:${a.code}`);
    if (!org) throw new Error(`supplement.json: no ${a.kind} with code ${a.code} for aliases ${a.aliases.join(', ')}`);
    for (const alias of a.aliases) if (!org.aliases.includes(alias)) org.aliases.push(alias);
  }
}

// Local authorities (England, Wales, Scotland) and shire counties, keyed by GSS code; mySociety adds aliases.
const laAliases = new Map<string, string[]>();
for (const r of table('other/mysociety_lookup_name_to_registry.csv')) {
  const list = laAliases.get(r['local-authority-code']) ?? [];
  list.push(r['la-name']);
  laAliases.set(r['local-authority-code'], list);
}
for (const r of table('other/mysociety_uk_local_authorities_current.csv')) {
  if (!['England', 'Wales', 'Scotland'].includes(r.nation) || !r['gss-code']) continue;
  const nice = r['nice-name'].replace(/\s+(?:County|Council)$/, '');
  const aliases = [r['official-name'], ...(laAliases.get(r['local-authority-code']) ?? [])];
  add('local_authority', r['gss-code'], r['nice-name'], { gss: r['gss-code'], name: nice, aliases, from: r['start-date'] || null, to: r['end-date'] || null });
}
for (const r of table('ons/2020_LAD20_CTY20_EN_LU.csv')) add('local_authority', r.CTY20CD, r.CTY20NM, { gss: r.CTY20CD, name: r.CTY20NM });
for (const r of table('ons/2019_LTLA19_UTLA19_EW_LU.csv')) {
  if (r.LTLA19CD.startsWith('E')) add('local_authority', r.LTLA19CD, r.LTLA19NM, { gss: r.LTLA19CD, name: r.LTLA19NM });
}

addSupplementAliases();

// Aliases are compared after normalisation anyway: drop case-only duplicates.
const list = [...orgs.values()].map((o) => {
  const seen = new Set<string>();
  o.aliases = o.aliases.filter((a) => { const k = a.toLowerCase(); if (seen.has(k)) return false; seen.add(k); return true; });
  return o;
}).sort((a, b) => a.kind.localeCompare(b.kind) || a.code.localeCompare(b.code));

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'organisations.json'), JSON.stringify(list, null, 0).replace(/\},\{/g, '},\n{') + '\n');
const counts: Record<string, number> = {};
for (const o of list) counts[o.kind] = (counts[o.kind] ?? 0) + 1;
console.log(`wrote ${list.length} organisations to ${join(outDir, 'organisations.json')}`, counts);
