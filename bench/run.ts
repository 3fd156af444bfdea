// `npm run bench [-- --pages N --repeats R --only a,b --memory --profile [stage]]`
// Serves a synthetic site on 127.0.0.1, runs every stage in a child process (so peak RSS
// and CPU profiles belong to one stage), and reports medians and ratios against the
// baselines measured in the same run. Writes bench/results.json.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { RESULT_MARKER, type StageArgs, type StageResult } from './common.ts';
import { summariseProfile, type ProfileSummary } from './profile.ts';
import { BenchSite, serveSite, type RunningSite } from './site.ts';
import { fmt, median, table } from './stats.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(HERE);

/** Stages in run order; a stage after another in the same repeat may use its workDir. */
const STAGE_ORDER = [
  'raw',
  'crawl',
  'crawl-second',
  'crawlee',
  'crawlee-http',
  'browser',
  'browser-sample',
  'reprocess-archive',
  'pipeline',
  'pipeline-second',
  'reprocess',
  'article',
  'markup-repair',
  'analyse',
  'analyse-real',
  'nlp-baseline',
  'load-baseline',
  'load-bare',
  'load',
] as const;
type StageName = (typeof STAGE_ORDER)[number];

/** Reference baselines whose rate barely varies: measured in the first repeat only, to keep the default run short. */
const ONCE: ReadonlySet<StageName> = new Set<StageName>(['crawlee', 'crawlee-http', 'browser', 'browser-sample', 'nlp-baseline', 'markup-repair']);

/** What a stage needs to have run before it in the same workDir. */
const PREREQUISITES: Partial<Record<StageName, StageName[]>> = {
  'crawl-second': ['crawl'],
  'reprocess-archive': ['crawl'],
  'pipeline-second': ['pipeline'],
  reprocess: ['pipeline'],
};

const DESCRIPTIONS: Record<StageName, string> = {
  raw: 'baseline: undici + cheerio.load, p-queue 10',
  crawlee: 'baseline: crawlee CheerioCrawler, memory storage',
  'crawlee-http': 'baseline: crawlee HttpCrawler (got-scraping), memory',
  browser: 'rollwatch crawl, render: browser, 100 pages',
  'browser-sample': 'rollwatch crawl, render: browser, app-news sample',
  crawl: 'rollwatch crawl (archive + resumable state)',
  'crawl-second': 'rollwatch crawl, unchanged site again',
  'reprocess-archive': 'archive read + extract + analyse',
  pipeline: 'rollwatch run (crawl+extract+load)',
  'pipeline-second': 'rollwatch run, unchanged site again',
  reprocess: 'rollwatch reprocess',
  article: 'extractArticle, one core',
  'markup-repair': 'extractArticle on the real benchmark pages (broken-markup repair included)',
  analyse: 'analyse, one core',
  'analyse-real': 'analyse on real-like articles (realset + dev set), each once, one core',
  'nlp-baseline': 'baseline: compromise + dates, one core',
  'load-baseline': 'baseline: DuckDB appender, narrow rows',
  'load-bare': 'bare appender, the loader\'s rows',
  load: 'rollwatch loader',
};

/** Baselines measured on this machine when it was quiet (shared/notes/dependencies-and-baselines.md §3). */
const QUIET_MACHINE = { nlpBaselineDocsPerSecond: 31.5, appenderRowsPerSecond: 1_320_000 };

interface Outcome {
  result?: StageResult;
  notAvailable?: string;
  error?: string;
}

function runChild(stage: string, args: StageArgs, profileFile?: string): Promise<Outcome> {
  // Absolute, because the child runs in its scratch directory (crawlers may write to the cwd).
  const nodeArgs = ['--import', import.meta.resolve('tsx'), join(HERE, 'child.ts'), stage, JSON.stringify(args)];
  const env = profileFile ? { ...process.env, BENCH_CPU_PROFILE: profileFile } : process.env;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, nodeArgs, { cwd: args.workDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(RESULT_MARKER));
      if (line) resolve(JSON.parse(line.slice(RESULT_MARKER.length)) as Outcome);
      else resolve({ error: `exit ${code}: ${(err || out).trim().split('\n').slice(-5).join(' | ')}` });
    });
  });
}

function rate(r: StageResult): number {
  return r.units / r.seconds;
}

interface StageSummary {
  description: string;
  status: 'ok' | 'not available' | 'error';
  message?: string;
  unit?: string;
  units?: number;
  medianSeconds?: number;
  medianRate?: number;
  medianMaxRssMiB?: number;
  runs: StageResult[];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      pages: { type: 'string', default: '2000' },
      repeats: { type: 'string', default: '3' },
      only: { type: 'string' },
      memory: { type: 'boolean', default: false },
      profile: { type: 'string' },
      seed: { type: 'string', default: '7' },
      'doc-limit': { type: 'string', default: '300' },
      rows: { type: 'string', default: '500000' },
      'load-rows': { type: 'string', default: '200000' },
      'load-batch': { type: 'string', default: '500' }, // the run's default batchSize
      'memory-stage': { type: 'string', default: 'crawl' },
      out: { type: 'string', default: join(HERE, 'results.json') },
    },
    allowPositionals: false,
  });
  // `--profile` without a stage name means "the slowest rollwatch stage".
  const profileArg = values.profile === undefined ? undefined : values.profile || 'slowest';
  const pages = Number(values.pages);
  const repeats = Number(values.repeats);
  const seed = Number(values.seed);
  const only = values.only ? new Set(values.only.split(',').map((s) => s.trim())) : null;
  for (const s of only ?? []) {
    if (!(STAGE_ORDER as readonly string[]).includes(s) && s !== 'memory') {
      throw new Error(`--only: unknown stage "${s}"; stages are ${STAGE_ORDER.join(', ')}, memory`);
    }
  }
  const stages = STAGE_ORDER.filter((s) => !only || only.has(s));
  const memoryPoints = !only || only.has('memory') ? (values.memory || pages >= 100_000 ? [10_000, 100_000] : [10_000]) : [];
  // The crawl by default (a 10k-page whole run would take minutes); `--memory-stage pipeline` for a backfill.
  const memoryStages = [values['memory-stage'], 'crawl', 'raw'] as StageName[];
  for (const m of memoryStages) if (!(STAGE_ORDER as readonly string[]).includes(m)) throw new Error(`--memory-stage: unknown stage "${m}"`);

  const scratch = mkdtempSync(join(tmpdir(), 'rollwatch-bench-'));
  const servers = new Map<number, RunningSite>();
  const serverFor = async (n: number) => {
    let s = servers.get(n);
    if (!s) {
      s = await serveSite(new BenchSite({ pages: n, seed }));
      servers.set(n, s);
    }
    return s;
  };
  const argsFor = (n: number, workDir: string, origin: string): StageArgs => ({
    origin,
    pages: n,
    seed,
    workDir,
    docLimit: Number(values['doc-limit']),
    rows: Number(values.rows),
    loadRows: Number(values['load-rows']),
    loadBatch: Number(values['load-batch']),
  });

  const summaries = new Map<StageName, StageSummary>();
  for (const s of stages) summaries.set(s, { description: DESCRIPTIONS[s], status: 'ok', runs: [] });
  const server = await serverFor(pages);
  console.error(`bench: ${pages} pages, ${repeats} repeats, site at ${server.origin}, scratch ${scratch}`);
  const started = performance.now();

  try {
    for (let r = 0; r < repeats; r++) {
      const workDir = join(scratch, `repeat-${r}`);
      mkdirSync(workDir, { recursive: true });
      const ranHere = new Set<StageName>();
      for (const stage of stages) {
        const summary = summaries.get(stage)!;
        if (summary.status !== 'ok') continue;
        if (r > 0 && ONCE.has(stage) && !only) continue;
        for (const pre of PREREQUISITES[stage] ?? []) {
          if (!ranHere.has(pre)) {
            await runChild(pre, argsFor(pages, workDir, server.origin));
            ranHere.add(pre);
          }
        }
        server.resetStats();
        const outcome = await runChild(stage, argsFor(pages, workDir, server.origin));
        ranHere.add(stage);
        if (outcome.result) {
          outcome.result.extra = {
            ...outcome.result.extra,
            'server.requests': server.stats.requests,
            'server.notModified': server.stats.notModified,
          };
          summary.runs.push(outcome.result);
          console.error(`  [${r + 1}/${repeats}] ${stage}: ${fmt(rate(outcome.result))} ${outcome.result.unit}/s, ${fmt(outcome.result.seconds)} s, ${fmt(outcome.result.maxRssMiB)} MiB`);
        } else {
          summary.status = outcome.notAvailable ? 'not available' : 'error';
          summary.message = outcome.notAvailable ?? outcome.error;
          console.error(`  ${stage}: ${summary.status}: ${summary.message}`);
        }
      }
    }

    for (const s of summaries.values()) {
      if (!s.runs.length) continue;
      s.unit = s.runs[0].unit;
      s.units = s.runs[0].units;
      s.medianSeconds = median(s.runs.map((x) => x.seconds));
      s.medianRate = median(s.runs.map(rate));
      s.medianMaxRssMiB = median(s.runs.map((x) => x.maxRssMiB ?? Number.NaN));
    }

    // Peak RSS at 10k (and 100k) pages: the first of the memory stages that is available.
    const memory: { pages: number; stage: string; maxRssMiB: number; seconds: number; pagesPerSecond: number }[] = [];
    for (const n of memoryPoints) {
      const site = await serverFor(n);
      const workDir = join(scratch, `memory-${n}`);
      mkdirSync(workDir, { recursive: true });
      for (const stage of memoryStages) {
        const outcome = await runChild(stage, argsFor(n, workDir, site.origin));
        if (outcome.result) {
          const res = outcome.result;
          memory.push({ pages: n, stage, maxRssMiB: res.maxRssMiB ?? Number.NaN, seconds: res.seconds, pagesPerSecond: rate(res) });
          console.error(`  memory ${n} pages (${stage}): ${fmt(res.maxRssMiB)} MiB peak, ${fmt(rate(res))} pages/s`);
          break;
        }
      }
    }

    // Profile the requested (or slowest rollwatch) stage in its own child (V8 sampling profiler).
    let profile: (ProfileSummary & { stage: string }) | null = null;
    if (profileArg) {
      const rollwatchStages: StageName[] = ['crawl', 'pipeline', 'analyse', 'analyse-real', 'article', 'reprocess', 'reprocess-archive', 'load'];
      const stage =
        profileArg === 'slowest'
          ? rollwatchStages
              .map((s) => summaries.get(s))
              .filter((s): s is StageSummary => !!s && s.status === 'ok' && s.medianSeconds !== undefined)
              .sort((a, b) => b.medianSeconds! - a.medianSeconds!)
              .map((s) => [...summaries.entries()].find(([, v]) => v === s)![0])[0]
          : (profileArg as StageName);
      if (!stage) console.error('profile: no rollwatch stage ran; name one with --profile STAGE');
      else {
        const workDir = join(scratch, 'profile');
        mkdirSync(workDir, { recursive: true });
        for (const pre of PREREQUISITES[stage] ?? []) await runChild(pre, argsFor(pages, workDir, server.origin));
        const profileDir = join(HERE, 'profiles');
        mkdirSync(profileDir, { recursive: true });
        const file = join(profileDir, `${stage}-${new Date().toISOString().replace(/[:.]/g, '')}.cpuprofile`);
        const outcome = await runChild(stage, argsFor(pages, workDir, server.origin), file);
        if (!outcome.result || !existsSync(file)) console.error(`profile ${stage}: ${outcome.notAvailable ?? outcome.error ?? 'no profile written'}`);
        else {
          profile = { stage, ...summariseProfile(file) };
          console.log(`\nCPU profile of ${stage} (${file}), self time:`);
          console.log(table(['package', 'ms', 'share'], profile.byPackage.map((p) => [p.name, fmt(p.ms), `${(p.share * 100).toFixed(1)} %`])));
          console.log('');
          console.log(table(['function', 'ms', 'share'], profile.byFunction.map((p) => [p.name.slice(0, 90), fmt(p.ms), `${(p.share * 100).toFixed(1)} %`])));
        }
      }
    }

    const get = (s: StageName) => {
      const sum = summaries.get(s);
      return sum && sum.status === 'ok' && sum.runs.length ? sum : undefined;
    };
    const pairedShare = (second: StageName, first: StageName) => {
      const a = get(first)?.runs;
      const b = get(second)?.runs;
      if (!a || !b) return undefined;
      return median(b.map((x, i) => x.seconds / (a[i]?.seconds ?? Number.NaN)));
    };
    // Ratios pair runs from the same repeat, which ran minutes apart at most: the machine's
    // load drifts (other jobs share the cores) far more within a run than between neighbours.
    const ratioOf = (a: StageName, b: StageName) => {
      const x = get(a)?.runs;
      const y = get(b)?.runs;
      if (!x || !y) return undefined;
      const paired = x.flatMap((run, i) => (y[i] ? [rate(run) / rate(y[i])] : []));
      return paired.length ? median(paired) : undefined;
    };
    // Absolute targets assume a quiet 2-core machine; when other jobs share the cores, the
    // same-run ratio times the baseline's quiet-machine figure is the fairer estimate.
    const scaled = (a: StageName, b: StageName, quiet: number) => {
      const r = ratioOf(a, b);
      return r === undefined ? undefined : r * quiet;
    };
    const cpuRate = (r: StageResult) => (typeof r.extra?.cpuSeconds === 'number' ? r.units / r.extra.cpuSeconds : undefined);
    const cpuRatioOf = (a: StageName, b: StageName) => {
      const x = get(a)?.runs;
      const y = get(b)?.runs;
      if (!x || !y) return undefined;
      const paired = x.flatMap((run, i) => {
        const [p, q] = [cpuRate(run), y[i] && cpuRate(y[i])];
        return p && q ? [p / q] : [];
      });
      return paired.length ? median(paired) : undefined;
    };
    const cpuScaled = (a: StageName) => {
      const r = cpuRatioOf(a, 'nlp-baseline');
      return r === undefined ? undefined : r * QUIET_MACHINE.nlpBaselineDocsPerSecond;
    };
    const mem10 = memory.find((m) => m.pages === 10_000);
    const mem100 = memory.find((m) => m.pages === 100_000);
    const loadRate = get('load')?.medianRate;
    // One analysis stage against the compromise + dates baseline: measured, as a ratio, and scaled to a quiet machine,
    // by wall-clock and by CPU seconds (waiting for a core shared with other jobs does not count).
    const analysisChecks = (stage: StageName, rateTarget: string, ratioTarget: string) => [
      { name: `${stage} docs/s (one core)`, value: get(stage)?.medianRate, target: rateTarget, pass: undefined },
      { name: `${stage} / compromise+dates`, value: ratioOf(stage, 'nlp-baseline'), target: ratioTarget, pass: undefined },
      {
        name: `${stage} docs/s, quiet-machine estimate`, value: scaled(stage, 'nlp-baseline', QUIET_MACHINE.nlpBaselineDocsPerSecond),
        target: '>= 200', pass: undefined,
      },
      { name: `${stage} / compromise+dates, CPU time`, value: cpuRatioOf(stage, 'nlp-baseline'), target: 'info', pass: undefined },
      { name: `${stage} docs/s, quiet est. from CPU time`, value: cpuScaled(stage), target: 'info', pass: undefined },
    ];
    const checks: { name: string; value: number | undefined; target: string; pass: boolean | undefined }[] = [
      { name: 'crawl (crawlee BasicCrawler) / raw baseline (pages/s)', value: ratioOf('crawl', 'raw'), target: '>= 0.60', pass: undefined },
      { name: 'rollwatch run / raw baseline (pages/s)', value: ratioOf('pipeline', 'raw'), target: 'info', pass: undefined },
      { name: 'crawlee CheerioCrawler / raw baseline (pages/s)', value: ratioOf('crawlee', 'raw'), target: 'info', pass: undefined },
      { name: 'crawlee HttpCrawler / raw baseline (pages/s)', value: ratioOf('crawlee-http', 'raw'), target: 'info', pass: undefined },
      { name: 'browser crawl pages/s (bench site, 100 pages)', value: get('browser')?.medianRate, target: 'info', pass: undefined },
      { name: 'browser crawl pages/s (app-news sample site)', value: get('browser-sample')?.medianRate, target: 'info', pass: undefined },
      ...analysisChecks('analyse', '>= 200', '>= 7'),
      // Real-like articles: no sentence repeats from page to page, so the compromise memo barely helps.
      ...analysisChecks('analyse-real', 'info', 'info'),
      { name: 'load rows/s', value: loadRate, target: '>= 500,000', pass: undefined },
      // Machine speed comes from the narrow-row appender (the shape its quiet figure was measured with).
      {
        name: 'load rows/s, quiet-machine estimate',
        value: scaled('load', 'load-baseline', QUIET_MACHINE.appenderRowsPerSecond),
        target: '>= 500,000',
        pass: undefined,
      },
      {
        name: "bare appender, loader's rows, quiet-machine est.",
        value: scaled('load-bare', 'load-baseline', QUIET_MACHINE.appenderRowsPerSecond),
        target: 'info',
        pass: undefined,
      },
      // The target in its own terms: 500k of the appender's 1.32M, for the same rows.
      { name: "load / bare appender, loader's rows", value: ratioOf('load', 'load-bare'), target: '>= 0.38', pass: undefined },
      // The target is about a run; the crawl alone finishes its first pass in ~2-3 s, so the second
      // pass's fixed part (robots.txt, the sitemaps, the resume journal) weighs more here.
      { name: 'crawl alone, 2nd pass time / 1st', value: pairedShare('crawl-second', 'crawl'), target: 'info', pass: undefined },
      { name: 'rollwatch run, 2nd run time / 1st', value: pairedShare('pipeline-second', 'pipeline'), target: '<= 0.10', pass: undefined },
      { name: 'reprocess docs/s', value: get('reprocess')?.medianRate ?? get('reprocess-archive')?.medianRate, target: 'info', pass: undefined },
      { name: `peak RSS MiB, 10k pages (${mem10?.stage ?? '—'})`, value: mem10?.maxRssMiB, target: 'info', pass: undefined },
      { name: `peak RSS MiB, 100k pages (${mem100?.stage ?? '—'})`, value: mem100?.maxRssMiB, target: '<= 1024', pass: undefined },
      { name: 'RSS growth 10k→100k (x for 10x pages)', value: mem10 && mem100 ? mem100.maxRssMiB / mem10.maxRssMiB : undefined, target: '< 10', pass: undefined },
    ];
    for (const c of checks) {
      if (c.value === undefined || c.target === 'info') continue;
      const [, op, num] = /^(>=|<=|<) ([\d.,]+)$/.exec(c.target)!;
      const t = Number(num.replace(/,/g, ''));
      c.pass = op === '>=' ? c.value >= t : op === '<=' ? c.value <= t : c.value < t;
    }

    const rows = [...summaries.entries()].map(([name, s]) => [
      name,
      s.description,
      s.status === 'ok' ? fmt(s.units) : s.status,
      fmt(s.medianSeconds),
      s.medianRate !== undefined ? `${fmt(s.medianRate)} ${s.unit}/s` : '—',
      fmt(s.medianMaxRssMiB),
      s.runs.find((x) => x.note)?.note ?? '',
    ]);
    console.log(`\nrollwatch bench: ${pages} pages, ${repeats} repeats (medians), ${cpus().length} cores, node ${process.version}`);
    console.log(table(['stage', 'what', 'units', 'median s', 'median rate', 'peak RSS MiB', 'note'], rows));
    console.log('');
    console.log(
      table(
        ['ratio / figure', 'value', 'target', 'met'],
        checks.map((c) => [c.name, fmt(c.value), c.target, c.pass === undefined ? '' : c.pass ? 'yes' : 'NO']),
      ),
    );
    for (const [name, s] of summaries) if (s.status !== 'ok') console.log(`  ${name}: ${s.status}: ${(s.message ?? '').split('\n')[0]}`);

    const results = {
      at: new Date().toISOString(),
      machine: { cores: cpus().length, cpu: cpus()[0]?.model, memGiB: totalmem() / 2 ** 30, node: process.version },
      options: {
        pages,
        repeats,
        seed,
        docLimit: Number(values['doc-limit']),
        rows: Number(values.rows),
        loadRows: Number(values['load-rows']),
        loadBatch: Number(values['load-batch']),
        memoryStage: values['memory-stage'],
        only: only ? [...only] : null,
      },
      wallSeconds: (performance.now() - started) / 1000,
      stages: Object.fromEntries(summaries),
      memory,
      checks,
      profile,
    };
    writeFileSync(values.out, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nwrote ${values.out} (${fmt(results.wallSeconds)} s)`);
  } finally {
    for (const s of servers.values()) await s.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
