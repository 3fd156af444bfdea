// Shared plumbing for the real-page benchmark evals: argument parsing, page
// loading (decompressed up front so timings measure extraction only) and output.
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface EvalArgs {
  folder: string;
  peers: boolean;
  json: boolean;
  /** Print one line per page that is not fully right (for error analysis). */
  verbose: boolean;
  /** Also score the two halves of the folder (alternate pages) to see whether a change generalises. */
  halves: boolean;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function parseEvalArgs(argv: string[], benchmark: string): EvalArgs {
  const positional = argv.filter((a) => !a.startsWith('--'));
  return {
    folder: resolve(positional[0] ?? join(repoRoot, '..', 'shared', 'benchmarks', benchmark)),
    peers: argv.includes('--peers'),
    json: argv.includes('--json'),
    verbose: argv.includes('--verbose'),
    halves: argv.includes('--halves'),
  };
}

/** Reads a page, gunzipping when needed; pages are UTF-8 in both benchmarks. */
export function readPage(path: string): string {
  const raw = readFileSync(path);
  const bytes = path.endsWith('.gz') ? gunzipSync(raw) : raw;
  return bytes.toString('utf8');
}

export function listFiles(folder: string): string[] {
  return readdirSync(folder).sort();
}

export interface ScoreRow {
  tool: string;
  precision: number;
  recall: number;
  f1: number;
  pagesPerSecond: number;
  pages: number;
  extra?: Record<string, number>;
}

export function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

export function printRows(title: string, rows: ScoreRow[], json: boolean): void {
  if (json) {
    process.stdout.write(JSON.stringify({ benchmark: title, results: rows }) + '\n');
    return;
  }
  const header = ['tool', 'precision', 'recall', 'F1', 'pages/s', 'pages'];
  const lines = rows.map((r) => [
    r.tool,
    r.precision.toFixed(3),
    r.recall.toFixed(3),
    r.f1.toFixed(3),
    r.pagesPerSecond.toFixed(1),
    String(r.pages),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(title);
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmt(l));
  const ours = rows[0];
  console.log(
    `summary: ${ours.tool} F1 ${ours.f1.toFixed(3)} (P ${ours.precision.toFixed(3)}, R ${ours.recall.toFixed(3)}) ` +
      `on ${ours.pages} pages at ${ours.pagesPerSecond.toFixed(0)} pages/s`,
  );
}

/** Mozilla Readability on a linkedom DOM, the peer both evals compare against. */
export async function loadReadability(): Promise<(html: string) => { text: string | null; published: string | null }> {
  const { Readability } = await import('@mozilla/readability');
  const { parseHTML } = await import('linkedom');
  return (html: string) => {
    try {
      const { document } = parseHTML(html);
      // Readability's types expect a lib.dom Document; linkedom's is structurally close enough for its use.
      const result = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
      return { text: result?.textContent ?? null, published: result?.publishedTime ?? null };
    } catch {
      return { text: null, published: null };
    }
  };
}
