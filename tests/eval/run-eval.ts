// `npm run eval [DIR] [--verbose] [--json FILE]`: runs the pure extractor on every labelled
// page in DIR (default tests/devset) and prints per-field precision / recall / F1.
// It measures and does not judge: exit 0 whatever the scores; exit 2 on unreadable gold.
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { GoldFileError, loadGoldDir } from './gold.ts';
import { FIELDS, comparableFromFindings, comparableFromGold, pool, scoreItem, type ItemResult } from './score.ts';

const USAGE = 'usage: npm run eval -- [DIR] [--verbose] [--json FILE]';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: { verbose: { type: 'boolean', short: 'v' }, json: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 1;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const dir = args.positionals[0] ?? 'tests/devset';

  let files;
  try {
    files = await loadGoldDir(dir);
  } catch (err) {
    if (err instanceof GoldFileError) {
      console.error(`eval: unreadable gold file: ${err.message}`);
      return 2;
    }
    console.error(`eval: cannot read ${dir}: ${(err as Error).message}`);
    return 2;
  }
  if (files.length === 0) {
    console.error(`eval: no *.gold.json files in ${dir}`);
    return 2;
  }

  // The extractor (and its reference data) is loaded only once the labels are known to be
  // good, so a labelling mistake is reported at once. loadKnowledge may become async.
  const { loadKnowledge } = await import('../../pipeline/analyse/index.ts');
  const { extractPage } = await import('../../pipeline/extract.ts');
  const knowledge = await loadKnowledge();
  const perItem: { id: string; genre: string; result: ItemResult }[] = [];
  const started = performance.now();
  for (const file of files) {
    const html = await readFile(file.htmlPath, 'utf8');
    const { findings } = extractPage(html, file.gold.url, knowledge);
    perItem.push({ id: file.id, genre: file.gold.genre, result: scoreItem(comparableFromGold(file.gold), comparableFromFindings(findings)) });
  }
  const elapsedMs = performance.now() - started;

  if (args.values.verbose) {
    for (const { id, result } of perItem) {
      const lines: string[] = [];
      for (const field of FIELDS) {
        for (const m of result[field].missed) lines.push(`  ${field} missed:   ${m}`);
        for (const s of result[field].spurious) lines.push(`  ${field} spurious: ${s}`);
      }
      if (lines.length > 0) console.log(`${id}\n${lines.join('\n')}`);
    }
    console.log('');
  }

  const order = ['events', 'quotes', 'dates', 'services', 'regions', 'providers', 'people'] as const;
  // Per genre, so a weakness on one kind of page (board papers, letters) is visible.
  const genres = [...new Set(perItem.map((p) => p.genre))].sort();
  const byGenre = Object.fromEntries(
    genres.map((g) => {
      const items = perItem.filter((p) => p.genre === g);
      return [g, { items: items.length, fields: pool(items.map((p) => p.result)) }];
    }),
  );
  if (args.values.verbose) {
    console.log('F1 by genre (1.00 where nothing was expected and nothing predicted):');
    for (const g of genres) {
      const t = byGenre[g].fields;
      console.log(`  ${g.padEnd(22)} ${String(byGenre[g].items).padStart(3)} items, ${order.map((f) => `${f} ${t[f].f1.toFixed(2)}`).join(', ')}`);
    }
    console.log('');
  }

  const totals = pool(perItem.map((p) => p.result));
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  console.log(`${'field'.padEnd(10)}${pad('gold', 6)}${pad('pred', 6)}${pad('match', 7)}${pad('P', 7)}${pad('R', 7)}${pad('F1', 7)}`);
  for (const field of FIELDS) {
    const t = totals[field];
    console.log(
      `${field.padEnd(10)}${pad(t.gold, 6)}${pad(t.predicted, 6)}${pad(t.matched, 7)}` +
        `${pad(t.precision.toFixed(2), 7)}${pad(t.recall.toFixed(2), 7)}${pad(t.f1.toFixed(2), 7)}`,
    );
  }
  console.log(
    `eval: ${files.length} items, ${order.map((f) => `${f} F1 ${totals[f].f1.toFixed(2)}`).join(', ')} ` +
      `(${(elapsedMs / files.length).toFixed(1)} ms/item)`,
  );

  if (args.values.json) {
    const report = {
      dir,
      items: files.length,
      fields: totals,
      byGenre,
      perItem: perItem.map(({ id, genre, result }) => ({ id, genre, ...result })),
    };
    await writeFile(args.values.json, `${JSON.stringify(report, null, 2)}\n`);
  }
  return 0;
}

process.exitCode = await main();
