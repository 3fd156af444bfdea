// Runs one stage in its own process, so its peak RSS (and its CPU profile, when asked)
// belongs to that stage alone. Prints one result line for the harness.
import { NotAvailable, RESULT_MARKER, type StageArgs, type StageResult } from './common.ts';
import * as baselines from './stages/baselines.ts';
import * as rollwatch from './stages/rollwatch.ts';

const STAGES: Record<string, (args: StageArgs) => Promise<StageResult>> = {
  raw: baselines.raw,
  crawlee: baselines.crawlee,
  'nlp-baseline': baselines.nlpBaseline,
  'load-baseline': baselines.loadBaseline,
  crawl: rollwatch.crawl,
  'crawl-second': rollwatch.crawlSecond,
  'reprocess-archive': rollwatch.reprocessArchive,
  article: rollwatch.article,
  analyse: rollwatch.analyse,
  load: rollwatch.load,
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
      const result = await run(JSON.parse(json) as StageArgs);
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
