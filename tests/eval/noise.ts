// `npm run eval:noise [BENCHMARKS_DIR] [--verbose] [--json]`: runs the real extractor over
// the real-page benchmarks in ../shared/benchmarks (news, blogs, institutions; almost
// none about NHS rollouts) and counts what it finds. On this noise set nearly every
// event, service, provider or attributed quote is a false positive, so the counts are a
// precision check the hand-written dev set cannot give. The pages are read at run time
// and never copied into the project; --verbose prints findings for a human to judge.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { analyse, loadKnowledge } from '../../pipeline/analyse/index.ts';
import { looksEnglish } from '../../pipeline/analyse/text.ts';
import { extractPage } from '../../pipeline/extract.ts';
import type { Findings } from '../../pipeline/types.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Page {
  /** Benchmark and file, e.g. `article-body/abc.html.gz`. */
  id: string;
  path: string;
  url: string;
}

/** Every benchmark page with the URL its labels give (so canonical/og:url fallbacks behave as in a crawl). */
function listPages(root: string): Page[] {
  const pages: Page[] = [];
  const body = join(root, 'article-body');
  if (existsSync(body)) {
    const truth = JSON.parse(readFileSync(join(body, 'ground-truth.json'), 'utf8')) as Record<string, { url?: string }>;
    for (const f of readdirSync(join(body, 'html')).sort()) {
      const key = f.replace(/\.html(?:\.gz)?$/, '');
      pages.push({ id: `article-body/${f}`, path: join(body, 'html', f), url: truth[key]?.url ?? `file://${f}` });
    }
  }
  const date = join(root, 'publication-date');
  if (existsSync(date)) {
    const urls = new Map<string, string>();
    for (const j of readdirSync(date).filter((f) => f.endsWith('.json'))) {
      const labels = JSON.parse(readFileSync(join(date, j), 'utf8')) as Record<string, { file: string }>;
      for (const [url, v] of Object.entries(labels)) urls.set(v.file, url);
    }
    for (const f of readdirSync(join(date, 'html')).sort()) {
      pages.push({ id: `publication-date/${f}`, path: join(date, 'html', f), url: urls.get(f.replace(/\.gz$/, '')) ?? `file://${f}` });
    }
  }
  return pages;
}

function readPage(path: string): string {
  const raw = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
}

interface Counts {
  pages: number;
  /** Pages the analyser reads as English (the others get no findings by design). */
  english: number;
  pagesWithEvents: number;
  events: number;
  services: number;
  providers: number;
  regions: number;
  organisations: number;
  people: number;
  quotes: number;
  quotesWithSpeaker: number;
  errors: number;
}

function main(): number {
  const argv = process.argv.slice(2);
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  const json = argv.includes('--json');
  const root = resolve(argv.find((a) => !a.startsWith('-')) ?? join(repoRoot, '..', 'shared', 'benchmarks'));
  const pages = listPages(root);
  if (!pages.length) {
    console.error(`eval:noise: no benchmark pages under ${root}`);
    return 2;
  }
  const knowledge = loadKnowledge();
  const zero = (): Counts => ({ pages: 0, english: 0, pagesWithEvents: 0, events: 0, services: 0, providers: 0, regions: 0, organisations: 0, people: 0, quotes: 0, quotesWithSpeaker: 0, errors: 0 });
  const c = zero();
  const en = zero();
  let extractMs = 0;
  let analyseMs = 0;
  let slowest = { id: '', ms: 0 };
  const byKind = new Map<string, Map<string, number>>();
  const tally = (kind: string, name: string) => {
    const m = byKind.get(kind) ?? new Map<string, number>();
    m.set(name, (m.get(name) ?? 0) + 1);
    byKind.set(kind, m);
  };

  for (const page of pages) {
    c.pages++;
    let findings: Findings;
    let body = '';
    try {
      const html = readPage(page.path);
      const t0 = performance.now();
      const { article } = extractPage(html, page.url, knowledge);
      const t1 = performance.now();
      // Analysis alone, timed apart from HTML parsing: the figure the ~10 ms/page budget is about.
      findings = analyse(article, knowledge);
      const t2 = performance.now();
      body = article.body;
      extractMs += t1 - t0;
      analyseMs += t2 - t1;
      if (t2 - t1 > slowest.ms) slowest = { id: page.id, ms: t2 - t1 };
    } catch (err) {
      c.errors++;
      console.error(`THREW on ${page.id}: ${(err as Error).stack ?? String(err)}`);
      continue;
    }
    const ents = findings.entities;
    const n = (kind: string) => ents.filter((e) => e.kind === kind);
    for (const kind of ['service', 'provider', 'region', 'organisation', 'person']) for (const e of n(kind)) tally(kind, e.name);
    // English pages counted apart: the analyser gives other languages no findings by design, so
    // these are the figures that say how its rules behave on ordinary English news.
    const english = looksEnglish(body);
    for (const t of english ? [c, en] : [c]) {
      t.pages += t === en ? 1 : 0;
      t.english += english ? 1 : 0;
      t.services += n('service').length;
      t.providers += n('provider').length;
      t.regions += n('region').length;
      t.organisations += n('organisation').length;
      t.people += n('person').length;
      t.quotes += findings.quotes.length;
      t.quotesWithSpeaker += findings.quotes.filter((q) => q.speaker).length;
      t.events += findings.events.length;
      if (findings.events.length) t.pagesWithEvents++;
    }

    if (verbose) {
      const lines: string[] = [];
      for (const e of findings.events) lines.push(`  EVENT ${e.service} | ${e.region} | ${e.provider ?? '-'} | ${e.status} | ${e.target ?? '-'}\n        « ${e.evidence.slice(0, 300)} »`);
      for (const kind of ['service', 'provider', 'region', 'person']) for (const e of n(kind)) lines.push(`  ${kind.toUpperCase()} ${e.name} ← "${e.surface}"  …${context(body, e.start, e.end)}…`);
      // The words before and after a quote are where its attribution is: shown so the speaker can be checked.
      for (const q of findings.quotes.filter((x) => x.speaker)) lines.push(`  QUOTE [${q.speaker}${q.speakerRole ? ` | ${q.speakerRole}` : ''}] ${oneLine(body.slice(Math.max(0, q.start - 120), q.start))}«${oneLine(span(body.slice(q.start, q.end)))}»${oneLine(body.slice(q.end, q.end + 100))}`);
      if (lines.length) console.log(`${page.id}\n${lines.join('\n')}`);
    }
  }

  const ok = c.pages - c.errors;
  const summary = {
    ...c,
    englishPages: en,
    meanExtractMs: Math.round((extractMs / Math.max(1, ok)) * 10) / 10,
    meanAnalyseMs: Math.round((analyseMs / Math.max(1, ok)) * 10) / 10,
    slowestAnalyse: { page: slowest.id, ms: Math.round(slowest.ms) },
  };
  if (json) {
    process.stdout.write(JSON.stringify(summary) + '\n');
    return c.errors ? 1 : 0;
  }
  if (verbose) {
    console.log('\nmost frequent names per kind:');
    for (const [kind, m] of byKind) console.log(`  ${kind}: ${[...m].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${k} ×${v}`).join(', ')}`);
    console.log('');
  }
  console.log(`noise set: ${c.pages} real pages from ${basename(root)} (not about NHS rollouts: every event is a false positive)`);
  const rows: Array<[string, number, number]> = [
    ['pages', c.pages, en.pages],
    ['pages with ≥1 event', c.pagesWithEvents, en.pagesWithEvents],
    ['events', c.events, en.events],
    ['services', c.services, en.services],
    ['providers', c.providers, en.providers],
    ['regions', c.regions, en.regions],
    ['organisations', c.organisations, en.organisations],
    ['people', c.people, en.people],
    ['quotes', c.quotes, en.quotes],
    ['quotes with a speaker', c.quotesWithSpeaker, en.quotesWithSpeaker],
  ];
  console.log(`  ${''.padEnd(24)} ${'all'.padStart(6)} ${'English'.padStart(8)}`);
  for (const [k, v, w] of rows) console.log(`  ${k.padEnd(24)} ${String(v).padStart(6)} ${String(w).padStart(8)}`);
  console.log(`  ${'pages that threw'.padEnd(24)} ${String(c.errors).padStart(6)}`);
  console.log(`  mean extractPage ms     ${summary.meanExtractMs.toFixed(1).padStart(6)}`);
  console.log(`  mean analyse ms         ${summary.meanAnalyseMs.toFixed(1).padStart(6)}  (slowest ${summary.slowestAnalyse.ms} ms: ${summary.slowestAnalyse.page})`);
  return c.errors ? 1 : 0;
}

// A long quote keeps its ends and any attribution inside it ("…,” she said. “…").
const span = (t: string) => (t.length <= 240 ? t : `${t.slice(0, 100)} … ${t.slice(-100)}`);
const oneLine = (t: string) => t.replace(/\s+/g, ' ');

/** The words around a finding, on one line, so a reader can judge the match. */
function context(body: string, a: number, b: number): string {
  return `${body.slice(Math.max(0, a - 60), a)}[${body.slice(a, b)}]${body.slice(b, b + 60)}`.replace(/\s+/g, ' ');
}

process.exitCode = main();
