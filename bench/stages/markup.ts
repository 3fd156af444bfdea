// What repairing broken markup costs: extractArticle over the real pages of ../shared/benchmarks
// (the synthetic site's pages are well formed, so the repair never runs there), with the parse
// times that explain it: htmlparser2 on every page, the open-heading check, and parse5 on the
// pages the check (or an empty body) sends to it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { hasOpenHeading, parseHtml, parseHtmlStandard } from '../../pipeline/article/dom.ts';
import { extractArticle } from '../../pipeline/article/extract.ts';
import { measured, NotAvailable, type StageArgs, type StageResult } from '../common.ts';

const BENCHMARKS = join(import.meta.dirname, '../../../shared/benchmarks');

function realPages(): string[] {
  if (!existsSync(BENCHMARKS)) throw new NotAvailable(`no real pages at ${BENCHMARKS}`);
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.html?(\.gz)?$/.test(name)) files.push(path);
    }
  };
  walk(BENCHMARKS);
  return files.map((f) => {
    const raw = readFileSync(f);
    return (f.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  });
}

const seconds = (work: () => void): number => {
  const t = performance.now();
  work();
  return (performance.now() - t) / 1000;
};

export async function markupRepair(_args: StageArgs): Promise<StageResult> {
  const pages = realPages();
  const url = 'https://bench.example/page';
  await measured.begin();
  let empty = 0;
  const extraction = seconds(() => {
    for (const html of pages) if (!extractArticle(html, url).body) empty++;
  });
  await measured.end();
  const flagged: string[] = [];
  let fastParse = 0;
  let check = 0;
  for (const html of pages) {
    let tree: ReturnType<typeof parseHtml> | null = null;
    fastParse += seconds(() => (tree = parseHtml(html)));
    check += seconds(() => {
      if (hasOpenHeading(html, tree!)) flagged.push(html);
    });
  }
  const reparse = seconds(() => {
    for (const html of flagged) parseHtmlStandard(html);
  });
  const standardEverywhere = seconds(() => {
    for (const html of pages) parseHtmlStandard(html);
  });
  return {
    units: pages.length,
    unit: 'docs',
    seconds: extraction,
    extra: {
      'pages with an open heading': flagged.length,
      'pages with no body': empty,
      'htmlparser2 parse s': Number(fastParse.toFixed(2)),
      'open-heading check s': Number(check.toFixed(2)),
      'parse5 re-parse of flagged pages s': Number(reparse.toFixed(2)),
      'repair / extraction': Number(((check + reparse) / extraction).toFixed(3)),
      'parse5 everywhere / htmlparser2': Number((standardEverywhere / fastParse).toFixed(2)),
    },
  };
}
