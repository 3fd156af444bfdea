// `npm run crash [-- --kills N --articles N --batch N]`: the crash test at any length, with a
// line per kill (instant, whether it landed, WAL bytes pending, pages lost, documents kept).
import { parseArgs } from 'node:util';
import { contents, crashSeries, CrashSite, killPlan, runUntil, scratchDir, writeCrashConfig } from './crash-harness.ts';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '24' },
    articles: { type: 'string', default: '40' },
    batch: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '0.3' },
    keep: { type: 'boolean', default: false },
  },
});
const articles = Number(values.articles);
const batch = { batchSize: Number(values.batch), batchSeconds: Number(values.seconds) };
const site = new CrashSite(articles, 8);
await site.start();
const scratch = scratchDir();
const problems: string[] = [];
const started = Date.now();
try {
  const plan = killPlan(Number(values.kills), articles, batch.batchSize);
  const report = await crashSeries(site, scratch.dir, batch, plan, (state, o, stderr) => {
    const bad: string[] = [];
    if (state.distinctUrls !== state.documents) bad.push(`${state.documents - state.distinctUrls} pages stored twice`);
    if (state.orphanRows) bad.push(`${state.orphanRows} orphan rows`);
    if (state.documentsWithoutCapture) bad.push(`${state.documentsWithoutCapture} documents without a capture`);
    if (/Error/.test(stderr)) bad.push(`stderr: ${stderr.trim().split('\n')[0]}`);
    if (bad.length) problems.push(`${o.instant} ${o.n}: ${bad.join('; ')}`);
    const t = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `${t.padStart(7)}s  ${o.instant.padEnd(16)} n=${String(o.n).padEnd(3)} ${o.missed ? 'missed' : 'killed'}  ` +
        `wal ${String(o.walBytes).padStart(8)} B  lost ${String(o.lost).padStart(3)}  documents ${o.documents}${bad.length ? `  PROBLEM: ${bad.join('; ')}` : ''}`,
    );
  });
  const landed = report.outcomes.filter((o) => !o.missed);
  const maxLost = Math.max(0, ...landed.map((o) => o.lost));
  console.log(`\n${landed.length} of ${report.outcomes.length} kills landed; most pages lost to one kill: ${maxLost} (batch ${batch.batchSize})`);
  if (report.final.documents !== articles || report.final.distinctUrls !== articles) {
    problems.push(`final: ${report.final.documents} documents, ${report.final.distinctUrls} distinct URLs, ${articles} pages`);
  }
  const cleanCfg = writeCrashConfig(scratch.dir, site, 'clean', batch);
  const clean = await runUntil(cleanCfg, join(scratch.dir, 'clean.duckdb'), site);
  if (clean.status !== 0) problems.push(`clean run exited ${clean.status}`);
  else if (!isDeepStrictEqual(await contents(join(scratch.dir, 'crashed.duckdb')), await contents(join(scratch.dir, 'clean.duckdb')))) {
    problems.push('the killed file differs from an uninterrupted run');
  }
} finally {
  await site.close();
  if (values.keep) console.log(`kept ${scratch.dir}`);
  else scratch.remove();
}
console.log(problems.length ? `\nPROBLEMS:\n${problems.join('\n')}` : '\nevery kill left a file that opens; the final file matches an uninterrupted run');
process.exitCode = problems.length ? 1 : 0;
