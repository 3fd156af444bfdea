// Providers by what they do in the text: the organisation that runs, provides, supplies or won
// the contract for a service. A name the lists know that only owns, buys, criticises or reports
// is not one; a national agency or a consultancy is one only when the text gives it that role;
// and a name no list knows is one when it stands in that role ("run by X", "X has won").
import type { Token } from './gazetteer.ts';
import type { Knowledge, NameEntry } from './knowledge.ts';
import type { Mention } from './entities.ts';
import { devolvedOnly } from './regions.ts';
import { sentenceAt, type Sentence } from './text.ts';

/** `reports`: the name announces something ("X said", "…, X has confirmed"). */
export type ProviderRole = 'delivery' | 'other' | 'reports' | null;

// Between a cue and the name it governs: other names of the same list ("helped by the firms
// Capita and Deloitte, as well as CSU North, a commissioning support unit, and …").
// A name's words, then what may part two names of a list: a space, an aside between commas, a comma, "as well as", an acronym.
const LIST_JOIN = String.raw`(?:\s+|,\s+(?:an?|the)\s+[^,.;]{0,60},\s+(?:and\s+)?|,\s+(?:and\s+)?|\s+as well as\s+|,\s+as well as\s+`
  + String.raw`|\s*\([A-Za-z]{2,8}\)\s*,?\s*)`;
const LIST_BETWEEN = new RegExp(String.raw`^(?:the\s+|its\s+|their\s+)?(?:(?:[A-Z][\w'’&.-]*|of|and|for|the|&)${LIST_JOIN})*(?:the\s+)?$`);

/** The role a mention plays in its sentence: "run by X", "X has won …", "bought by X", or nothing said. */
export function providerRole(body: string, s: { start: number; end: number }, m: { start: number; end: number }, k: Knowledge): ProviderRole {
  const r = k.providerRoles;
  const before = body.slice(Math.max(s.start, m.start - 160), m.start);
  if (r.otherBefore.test(before)) return 'other';
  for (const cue of before.matchAll(r.deliveryBefore)) {
    if (LIST_BETWEEN.test(before.slice((cue.index ?? 0) + cue[0].length))) return 'delivery';
  }
  let after = body.slice(m.end, Math.min(s.end, m.end + 160)).replace(/^\s*\([A-Za-z]{2,8}\)/, '');
  // ", the agency leading the programme," says what the name does.
  const appos = after.match(/^,\s+([^,;.]{3,90}),/);
  if (appos) {
    if (r.appositions.test(appos[1])) return 'delivery';
    after = after.slice(appos[0].length - 1).replace(/^,/, '');
  }
  if (r.reportsAfter.test(after)) return 'reports';
  after = after.replace(r.auxiliaries, '');
  return r.deliveryAfter.test(after) ? 'delivery' : null;
}

const sentenceOf = (sentences: Sentence[], m: { start: number }) => sentences[sentenceAt(sentences, m.start)];

/**
 * Provider mentions as the text uses them: an entry marked `needsRole` (a national agency, a
 * consultancy) stays a provider only where some mention of it has a delivery role, and any provider
 * whose every mention is in another role (an owner, a buyer, "non-BT") becomes an organisation.
 */
export function providersInRole(
  body: string, sentences: Sentence[], named: Mention[], services: Array<{ start: number; end: number }>, k: Knowledge,
): Mention[] {
  const roles = new Map<string, ProviderRole[]>();
  for (const m of named) {
    if (m.kind !== 'provider' || !m.entry) continue;
    const s = sentenceOf(sentences, m);
    let role = s ? providerRole(body, s, m, k) : null;
    // A national agency announcing a change to a service ("…, NHS Digital said today") runs it,
    // unless it is giving figures about others ("more than half of trusts …, NHS Digital said").
    if (role === 'reports' && s && k.needsRole.get(m.entry.name) === 'agency') {
      const aboutRollout = k.regionContext.change.test(s.text) || services.some((x) => x.start >= s.start && x.end <= s.end);
      if (aboutRollout && !k.providerRoles.statistics.test(s.text)) role = 'delivery';
    }
    roles.set(m.entry.name, [...(roles.get(m.entry.name) ?? []), role]);
  }
  // NHS Direct in a story about Wales is NHS Direct Wales: a provider that works only in England is not named there.
  const elsewhere = devolvedOnly(named);
  return named.map((m) => {
    if (m.kind !== 'provider' || !m.entry) return m;
    const rs = roles.get(m.entry.name) ?? [];
    const noRole = k.needsRole.has(m.entry.name) ? !rs.includes('delivery') : rs.every((x) => x === 'other');
    const demote = (elsewhere && k.englandOnly.has(m.entry.name)) || noRole;
    return demote ? { ...m, kind: 'organisation' as const, entry: { ...m.entry, category: 'organisation' as const } } : m;
  });
}

// A capitalised name: words, "of"/"and"/"&"/"for" inside it, hyphens, apostrophes.
const NAME = /^(?:the\s+)?((?:[A-Z][\w'’.&-]*)(?:\s+(?:(?:of|and|for|&|the)\s+)?[A-Z0-9][\w'’.&-]*)*)/;

/**
 * Organisations no list knows, found by their role in a sentence about a service ("a service run by
 * the Bridgeford Doctors' Co-operative", "Meadow Health Ltd has won the contract") or by how their
 * name ends ("… University Hospitals Group", "… Ambulance Service"). Names already known (places,
 * bodies, people, services) are left alone.
 */
export function providersByRole(
  body: string, tokens: Token[], sentences: Sentence[], taken: Array<{ start: number; end: number }>, factual: boolean[], k: Knowledge,
): Mention[] {
  const out: Mention[] = [];
  // Words that open a capitalised run without naming an organisation (provider-roles.json notNameOpeners).
  const notOpener = (w: string) => k.providerRoles.notNameOpeners.has(w);
  // Spans already named, sorted, so a candidate is checked by binary search, not against every mention.
  const spans = [...taken].sort((x, y) => x.start - y.start);
  const longest = spans.reduce((n, t) => Math.max(n, t.end - t.start), 0);
  const overlapsTaken = (a: number, b: number) => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (spans[mid].start < a - longest) lo = mid + 1; else hi = mid; }
    for (let i = lo; i < spans.length && spans[i].start < b; i++) if (spans[i].end > a) return true;
    return false;
  };
  const free = (a: number, b: number) => !overlapsTaken(a, b) && !out.some((t) => t.start < b && t.end > a);
  const add = (a: number, name: string) => {
    const clean = name.replace(/['’]s$/, '').replace(/[.,]$/, '');
    const b = a + clean.length;
    const words = clean.split(/[\s-]+/);
    if (clean.length < 3 || notOpener(words[0]) || k.providerRoles.notNameEnds.has(words[words.length - 1]) || !free(a, b) || /\n/.test(clean)) return;
    const entry: NameEntry = { category: 'provider', kind: 'provider', name: clean, code: null, from: null, to: null, national: false };
    out.push({ kind: 'provider', name: clean, surface: clean, code: null, start: a, end: b, entry });
  };
  sentences.forEach((s, si) => {
    if (!factual[si]) return;
    for (const cue of s.text.matchAll(k.providerRoles.deliveryBeforeAll)) {
      const at = (cue.index ?? 0) + cue[0].length;
      const n = s.text.slice(at).match(NAME);
      if (n) add(s.start + at + n[0].length - n[1].length, n[1]);
    }
  });
  // "… Hospitals Group", "… Ambulance Service": a provider's own name ends that way.
  for (let i = 0; i < tokens.length; i++) {
    const m = k.providerRoles.shapes.longestAt(tokens, i);
    if (!m || !/^[A-Z]/.test(body.slice(tokens[i].start, tokens[i].end))) continue;
    const s = sentenceAt(sentences, tokens[i].start);
    if (!factual[s] || i === 0) continue;
    let a = i;
    const word = (j: number) => body.slice(tokens[j].start, tokens[j].end);
    const joins = (j: number) => /^ $/.test(body.slice(tokens[j].end, tokens[j + 1].start));
    for (;;) {
      if (a > 0 && tokens[a - 1].capital && joins(a - 1) && !notOpener(word(a - 1))) a--;
      // "Westshire and Dale …": a small word between two capitalised ones.
      else if (a > 1 && /^(?:and|of|&)$/.test(word(a - 1)) && tokens[a - 2].capital && joins(a - 1) && joins(a - 2) && !notOpener(word(a - 2))) a -= 2;
      else break;
    }
    if (a < i) add(tokens[a].start, body.slice(tokens[a].start, tokens[m.last - 1].end));
    i = m.last - 1;
  }
  return out;
}
