// Name normalisation shared by the compiler and the matcher, so both sides fold alike.
import type { OrgKind } from './types.ts';

const SMALL = new Set(['and', 'of', 'the', 'upon', 'on', 'in', 'with', 'for', 'at', 'by']);
const KEEP_UPPER = new Set(['NHS', 'CCG', 'ICB', 'PCT', 'UK', 'GP', 'II', 'III', 'STP', 'ICS']);

/** "NHS LEICESTER CITY CCG" → "NHS Leicester City CCG". */
export function titleCase(upper: string): string {
  return upper
    .split(/(\s+|-|\(|\))/)
    .map((w, i) => {
      if (KEEP_UPPER.has(w)) return w;
      const lower = w.toLowerCase();
      if (i > 0 && SMALL.has(lower)) return lower;
      return lower.replace(/^([a-z])/, (c) => c.toUpperCase()).replace(/'([a-z])/g, (m) => m);
    })
    .join('');
}

/** Suffixes that say what kind of body a name is; the order matters (longest first). */
export const ORG_SUFFIXES: ReadonlyArray<readonly [string, OrgKind | 'trust' | 'council']> = [
  ['clinical commissioning group', 'ccg'],
  ['ccg', 'ccg'],
  ['primary care trust', 'pct'],
  ['pct', 'pct'],
  ['strategic health authority', 'sha'],
  ['sha', 'sha'],
  ['area team', 'area_team'],
  ['commissioning region', 'nhse_region'],
  ['integrated care board', 'icb'],
  ['icb', 'icb'],
  ['integrated care system', 'stp'],
  ['ics', 'stp'],
  ['health and care partnership', 'stp'],
  ['health and social care partnership', 'stp'],
  ['sustainability and transformation partnership', 'stp'],
  ['stp', 'stp'],
  ['university local health board', 'health_board'],
  ['teaching local health board', 'health_board'],
  ['university health board', 'health_board'],
  ['teaching health board', 'health_board'],
  ['local health board', 'health_board'],
  ['health board', 'health_board'],
  ['county council', 'council'],
  ['city council', 'council'],
  ['borough council', 'council'],
  ['district council', 'council'],
  ['metropolitan borough council', 'council'],
  ['council', 'council'],
];

/** Display name for a region-like body: no "NHS" prefix, no type suffix. Trusts keep theirs. */
export function stripOrgDecoration(name: string, kind: OrgKind): string {
  if (kind === 'trust' || kind === 'independent_provider' || kind === 'local_authority') return name.trim();
  let n = name.trim().replace(/^NHS\s+/i, '').replace(/\s*\([^)]*\)\s*$/, '');
  n = n.replace(/\s+-\s+\w+$/, ''); // "… ICB - 02P"
  for (const [suffix] of ORG_SUFFIXES) {
    const re = new RegExp(`\\s+${suffix.replace(/ /g, '\\s+')}$`, 'i');
    if (re.test(n)) { n = n.replace(re, ''); break; }
  }
  return n.trim();
}

/** Folded tokens for matching: lower case, "&" → "and", apostrophes dropped, other punctuation splits. */
export function normTokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’‘]s\b/g, '')
    .replace(/['’‘]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}
