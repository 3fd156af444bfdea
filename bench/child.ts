// Runs one stage in its own process, so its peak RSS (and its CPU profile, when asked via
// BENCH_CPU_PROFILE=FILE) belongs to that stage alone. Prints one result line for the harness.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { measured, NotAvailable, RESULT_MARKER, type StageArgs, type StageResult } from './common.ts';
import * as baselines from './stages/baselines.ts';
import { analyseReal } from './stages/analyse-real.ts';
import { markupRepair } from './stages/markup.ts';
import * as browser from './stages/browser.ts';
import * as rollwatch from './stages/rollwatch.ts';

const STAGES: Record<string, (args: StageArgs) => Promise<StageResult>> = {
  raw: baselines.raw,
  crawlee: baselines.crawlee,
  'crawlee-http': baselines.crawleeHttp,
  browser: browser.browser,
  'browser-sample': browser.browserSample,
  'nlp-baseline': baselines.nlpBaseline,
  'load-baseline': baselines.loadBaseline,
  crawl: rollwatch.crawl,
  'crawl-second': rollwatch.crawlSecond,
  'reprocess-archive': rollwatch.reprocessArchive,
  article: rollwatch.article,
  'markup-repair': markupRepair,
  analyse: rollwatch.analyse,
  'analyse-real': analyseReal,
  load: rollwatch.load,
  'load-bare': rollwatch.loadBare,
  pipeline: rollwatch.pipeline,
  'pipeline-second': rollwatch.pipelineSecond,
  reprocess: rollwatch.reprocess,
};

async function main(): Promise<void> {
  const [stage, json] = process.argv.slice(2);
  const run = STAGES[stage];
  let out: Record<string, unknown>;
  if (!run) out = { error: `unknown stage ${stage}` };
  else {
    try {
      // Profile the stage only, not process start-up: module loading under tsx happens on a
      // loader thread and would show up as a main thread mostly "(idle)".
      // A stage that marks its timed part (measured.begin/end) is profiled over that part only.
      const profilePath = process.env.BENCH_CPU_PROFILE;
      const session = profilePath ? new Session() : null;
      let running = false;
      let saved = false;
      const start = async () => {
        if (!session || running) return;
        await session.post('Profiler.start');
        running = true;
      };
      const stop = async () => {
        if (!session || !running || !profilePath) return;
        const { profile } = await session.post('Profiler.stop');
        writeFileSync(profilePath, JSON.stringify(profile));
        running = false;
        saved = true;
      };
      if (session) {
        session.connect();
        await session.post('Profiler.enable');
        measured.begin = async () => {
          if (running) await session.post('Profiler.stop'); // drop the setup samples
          running = false;
          await start();
        };
        measured.end = stop;
        await start();
      }
      const result = await run(JSON.parse(json) as StageArgs);
      if (session) {
        if (!saved) await stop();
        session.disconnect();
      }
      result.maxRssMiB = process.resourceUsage().maxRSS / 1024;
      out = { result };
    } catch (err) {
      out = err instanceof NotAvailable ? { notAvailable: err.message } : { error: (err as Error).stack ?? String(err) };
    }
  }
  process.stdout.write(`\n${RESULT_MARKER}${JSON.stringify(out)}\n`);
  // Crawlers and DB handles may keep timers alive; the measurement is over.
  process.exit(0);
}

await main();
