// `npm run eval:date [FOLDER] [--peers] [--json] [--verbose]`: scores the
// publication-date extraction on htmldate's evaluation pages, as htmldate does:
// HTML only (no URL), answer reduced to a day, right = TP, wrong = FP, none = FN,
// pooled over pages. A "NaN" label means the page has no date: an answer there is a FP.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractArticle } from '../../pipeline/article/extract.ts';
import { f1, loadReadability, parseEvalArgs, printRows, readPage, type ScoreRow } from './bench-common.ts';

interface Labelled {
  url: string;
  file: string;
  date: string | null;
}

/** A URL no date pattern can match: the metric gives the tool the HTML only. */
const NEUTRAL_URL = 'https://page.invalid/';

function score(
  tool: string,
  pages: (Labelled & { html: string })[],
  run: (html: string) => string | null,
  verbose: boolean,
  halves = false,
): ScoreRow {
  const answers: (string | null)[] = [];
  const t0 = performance.now();
  for (const p of pages) {
    try {
      answers.push(run(p.html));
    } catch (err) {
      console.error(`${tool} threw on ${p.file}: ${(err as Error).message}`);
      answers.push(null);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  pages.forEach((p, i) => {
    const day = answers[i]?.slice(0, 10) ?? null;
    if (day === null) {
      if (p.date === null) tn++;
      else fn++;
    } else if (day === p.date) tp++;
    else fp++;
    if (verbose && day !== p.date) console.error(`${p.file}\texpected ${p.date}\tgot ${day}`);
  });
  if (halves) {
    // Alternate pages, as eval:article does: a change that helps only one half is likely fitted to its pages.
    for (const half of [0, 1]) {
      const c = { tp: 0, fp: 0, fn: 0 };
      pages.forEach((p, i) => {
        if (i % 2 !== half) return;
        const day = answers[i]?.slice(0, 10) ?? null;
        if (day === null) {
          if (p.date !== null) c.fn++;
        } else if (day === p.date) c.tp++;
        else c.fp++;
      });
      console.error(`half ${half}: F1 ${((2 * c.tp) / Math.max(1, 2 * c.tp + c.fp + c.fn)).toFixed(3)} ${JSON.stringify(c)}`);
    }
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  return {
    tool,
    precision,
    recall,
    f1: (2 * tp) / Math.max(1, 2 * tp + fp + fn),
    pagesPerSecond: pages.length / seconds,
    pages: pages.length,
    extra: { tp, fp, fn, tn },
  };
}

/** Readability reports a full timestamp (or whatever the page wrote); keep an ISO day if there is one. */
function isoDay(value: string | null): string | null {
  if (!value) return null;
  const m = /(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

async function main(): Promise<void> {
  const args = parseEvalArgs(process.argv.slice(2), 'publication-date');
  const pages: (Labelled & { html: string })[] = [];
  for (const set of ['eval_default.json', 'eval_mediacloud_2020.json']) {
    const labels = JSON.parse(readFileSync(join(args.folder, set), 'utf8')) as Record<string, { file: string; date: string }>;
    for (const [url, { file, date }] of Object.entries(labels)) {
      pages.push({ url, file, date: date === 'NaN' ? null : date, html: readPage(join(args.folder, 'html', `${file}.gz`)) });
    }
  }
  const rows = [score('rollwatch', pages, (html) => extractArticle(html, NEUTRAL_URL).published, args.verbose, args.halves)];
  if (args.peers) {
    const readability = await loadReadability();
    rows.push(score('readability.js', pages, (html) => isoDay(readability(html).published), false));
  }
  printRows('publication-date benchmark', rows, args.json);
  if (!args.json) for (const r of rows) console.log(`${r.tool}: ${JSON.stringify(r.extra)}`);
}

await main();
