// `npm run eval:article [FOLDER] [--peers] [--json] [--verbose]`: scores the
// generic article extractor on the article-body benchmark with its own metric
// (4-token shingle precision/recall, precision averaged over pages with output).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractArticle } from '../../pipeline/article/extract.ts';
import { f1, listFiles, loadReadability, parseEvalArgs, printRows, readPage, type ScoreRow } from './bench-common.ts';

interface Truth {
  articleBody: string;
  url: string;
}

const SHINGLE = 4;

export function shingles(text: string): Map<string, number> {
  const tokens = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const counts = new Map<string, number>();
  if (tokens.length === 0) return counts;
  const add = (s: string) => counts.set(s, (counts.get(s) ?? 0) + 1);
  if (tokens.length < SHINGLE) add(tokens.join(' '));
  else for (let i = 0; i + SHINGLE <= tokens.length; i++) add(tokens.slice(i, i + SHINGLE).join(' '));
  return counts;
}

function overlap(a: Map<string, number>, b: Map<string, number>): number {
  let n = 0;
  for (const [k, v] of a) n += Math.min(v, b.get(k) ?? 0);
  return n;
}

const size = (m: Map<string, number>) => [...m.values()].reduce((s, v) => s + v, 0);

interface PageScore {
  id: string;
  precision: number | null;
  recall: number;
}

function score(tool: string, pages: { id: string; html: string; truth: string }[], run: (html: string) => string | null): {
  row: ScoreRow;
  perPage: PageScore[];
} {
  const outputs: (string | null)[] = [];
  const t0 = performance.now();
  for (const p of pages) {
    try {
      outputs.push(run(p.html));
    } catch (err) {
      console.error(`${tool} threw on ${p.id}: ${(err as Error).message}`);
      outputs.push(null);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const perPage: PageScore[] = pages.map((p, i) => {
    const expected = shingles(p.truth);
    const got = shingles(outputs[i] ?? '');
    const tp = overlap(got, expected);
    const gotSize = size(got);
    const expSize = size(expected);
    return {
      id: p.id,
      precision: gotSize === 0 ? null : tp / gotSize,
      recall: expSize === 0 ? (gotSize === 0 ? 1 : 0) : tp / expSize,
    };
  });
  const withOutput = perPage.filter((s) => s.precision !== null);
  const precision = withOutput.reduce((s, p) => s + (p.precision ?? 0), 0) / Math.max(1, withOutput.length);
  const recall = perPage.reduce((s, p) => s + p.recall, 0) / Math.max(1, perPage.length);
  return {
    row: { tool, precision, recall, f1: f1(precision, recall), pagesPerSecond: pages.length / seconds, pages: pages.length },
    perPage,
  };
}

async function main(): Promise<void> {
  const args = parseEvalArgs(process.argv.slice(2), 'article-body');
  const truth = JSON.parse(readFileSync(join(args.folder, 'ground-truth.json'), 'utf8')) as Record<string, Truth>;
  const files = listFiles(join(args.folder, 'html'));
  const pages = files.map((f) => {
    const id = f.replace(/\.html(\.gz)?$/, '');
    return { id, html: readPage(join(args.folder, 'html', f)), truth: truth[id]?.articleBody ?? '' };
  });
  // The benchmark gives each page's URL; the extractor only needs it for the canonical link.
  const urlOf = (id: string) => truth[id]?.url ?? 'https://example.invalid/';
  const byHtml = new Map(pages.map((p) => [p.html, p.id]));
  const ours = score('rollwatch', pages, (html) => extractArticle(html, urlOf(byHtml.get(html) ?? '')).body);
  const rows = [ours.row];
  if (args.peers) {
    const readability = await loadReadability();
    rows.push(score('readability.js', pages, (html) => readability(html).text).row);
  }
  if (args.verbose) {
    for (const p of [...ours.perPage].sort((a, b) => f1(a.precision ?? 0, a.recall) - f1(b.precision ?? 0, b.recall))) {
      if (f1(p.precision ?? 0, p.recall) < 0.95)
        console.error(`${p.id.slice(0, 16)} P=${(p.precision ?? 0).toFixed(2)} R=${p.recall.toFixed(2)}`);
    }
  }
  if (args.halves) {
    for (const half of [0, 1]) {
      const part = ours.perPage.filter((_, i) => i % 2 === half);
      const withOut = part.filter((p) => p.precision !== null);
      const p = withOut.reduce((s, x) => s + (x.precision ?? 0), 0) / Math.max(1, withOut.length);
      const r = part.reduce((s, x) => s + x.recall, 0) / Math.max(1, part.length);
      console.error(`half ${half}: F1 ${f1(p, r).toFixed(3)} (P ${p.toFixed(3)}, R ${r.toFixed(3)}) on ${part.length} pages`);
    }
  }
  printRows('article-body benchmark', rows, args.json);
}

await main();
