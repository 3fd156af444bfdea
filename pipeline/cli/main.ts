// The `rollwatch` command line. Exit codes: 0 ok; 1 unexpected error; 2 bad usage or config;
// 3 a source failed or yielded no articles (so a silently broken source fails a scheduled run).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { ConfigError, loadConfig } from '../sources/load.ts';
import { EXIT, UsageError } from './exit.ts';

const DEFAULT_DB = 'output/rollwatch.duckdb';
const DEFAULT_CONFIG = 'sources/live.config.json';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function loadRunConfig(opts: { config: string; db?: string; archive?: string }) {
  const loaded = loadConfig(opts.config);
  if (opts.db) loaded.paths.db = resolve(opts.db);
  if (opts.archive) loaded.paths.archive = resolve(opts.archive);
  return loaded;
}

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('rollwatch')
    .description('Watches NHS and health trade-press sites and loads sourced facts about NHS service rollouts into DuckDB.')
    .version(version())
    .showHelpAfterError()
    .exitOverride();

  program
    .command('run')
    .description('discover, crawl, extract and load every source in a config (incremental and resumable)')
    .option('--config <file>', 'run config naming the sources and output paths', DEFAULT_CONFIG)
    .option('--db <file>', `DuckDB file (default: the config's "db", usually ${DEFAULT_DB})`)
    .option('--archive <dir>', 'raw WARC archive folder (default: the config\'s "archive")')
    .option('--quiet', 'no progress output')
    .action(async (opts: { config: string; db?: string; archive?: string; quiet?: boolean }) => {
      const loaded = loadRunConfig(opts); // validate the config before loading the heavy stages
      const { runPipeline } = await import('../run/run.ts');
      const { printRunTable } = await import('./summary.ts');
      const { createProgress } = await import('../run/progress.ts');
      const report = await runPipeline(loaded, { command: 'run', progress: createProgress(process.stderr, opts.quiet) });
      printRunTable(report, process.stdout);
      setExit(report.status === 'ok' ? EXIT.ok : EXIT.sourceFailed);
    });

  program
    .command('extract')
    .description('run the pure extractor on saved HTML pages; one JSON object per page on stdout')
    .argument('<files...>', 'HTML files')
    .option('--url <url>', "the page's URL (default: its rel=canonical, else og:url, else the file path)")
    .option('--json', 'one JSON line per page, as in DESIGN.md (the default when stdout is not a terminal)')
    .option('--source <file>', 'a source declaration whose selectors and date order apply')
    .action(async (files: string[], opts: { url?: string; json?: boolean; source?: string }) => {
      const { extractFiles } = await import('./extract-command.ts');
      const failed = await extractFiles(files, opts, process.stdout, process.stderr);
      setExit(failed ? EXIT.error : EXIT.ok);
    });

  program
    .command('reprocess')
    .description('rebuild every derived table from the raw archive, without the network')
    .option('--config <file>', 'run config (for per-source selectors and the archive folder)', DEFAULT_CONFIG)
    .option('--db <file>', 'DuckDB file')
    .option('--archive <dir>', 'raw WARC archive folder')
    .option('--quiet', 'no progress output')
    .action(async (opts: { config: string; db?: string; archive?: string; quiet?: boolean }) => {
      const loaded = loadRunConfig(opts);
      const { reprocess } = await import('../run/reprocess.ts');
      const { createProgress } = await import('../run/progress.ts');
      const report = await reprocess(loaded, { progress: createProgress(process.stderr, opts.quiet) });
      process.stdout.write(
        `reprocessed ${report.reprocessed} of ${report.documents} documents from the archive; ${report.events} events\n`,
      );
      for (const url of report.missing) process.stderr.write(`not in the archive: ${url}\n`);
      setExit(report.missing.length ? EXIT.sourceFailed : EXIT.ok);
    });

  program
    .command('demo')
    .description('serve the bundled sample sites on 127.0.0.1 and run the whole pipeline on them')
    .option('--db <file>', 'DuckDB file', DEFAULT_DB)
    .option('--archive <dir>', 'raw WARC archive folder', 'output/archive')
    .option('--quiet', 'no progress output')
    .action(async (opts: { db: string; archive: string; quiet?: boolean }) => {
      const { runDemo } = await import('../run/demo.ts');
      const { printDemoSummary, printRunTable } = await import('./summary.ts');
      const { createProgress } = await import('../run/progress.ts');
      const db = resolve(opts.db);
      const { report } = await runDemo({
        db,
        archive: resolve(opts.archive),
        progress: createProgress(process.stderr, opts.quiet),
      });
      printRunTable(report, process.stdout);
      await printDemoSummary(db, process.stdout);
      setExit(report.status === 'ok' ? EXIT.ok : EXIT.sourceFailed);
    });

  registerOutputCommands(program, setExit);
  return program;
}

function registerOutputCommands(program: Command, setExit: (code: number) => void): void {
  const exportCmd = program
    .command('export')
    .description('write facts for people: CSV (formula-safe; --excel adds a BOM), JSON or Parquet')
    .argument('[format]', 'csv, json or parquet', 'csv')
    .option('--db <file>', 'DuckDB file', DEFAULT_DB)
    .option('-o, --output <file>', 'output file (default: stdout; parquet needs a file)')
    .option('--service <name>', 'only this service (e.g. "NHS 111")')
    .option('--region <name>', 'only this area (name or code), the areas inside it and those containing it (stderr says which)')
    .option('--provider <name>', 'only this provider')
    .option('--source <id>', 'only this source id')
    .option('--since <date>', 'reported on or after this day (YYYY-MM-DD; 2013 or 2013-06 mean their first day)')
    .option('--until <date>', 'reported on or before this day (YYYY-MM-DD; 2013 or 2013-06 mean their last day)')
    .option('--excel', 'start the CSV with a UTF-8 BOM so Excel reads accents and £ right (CSV lines always end CRLF)')
    .addOption(new Option('--status <status>', 'only this status').choices([
      'planned', 'live', 'delayed', 'paused', 'resumed', 'cancelled', 'under_review', 'provider_appointed', 'provider_withdrawn',
    ]))
    .addOption(new Option('--format <format>', 'same as the positional format').choices(['csv', 'json', 'parquet']));
  exportCmd.action(async (format: string, opts: Record<string, string | boolean | undefined>) => {
    const { exportCommand } = await import('../export/commands.ts');
    setExit(await exportCommand(String(opts.format ?? format), opts));
  });

  program
    .command('report')
    .description('write one self-contained HTML report: timelines, current status, quotes, evidence')
    .option('--db <file>', 'DuckDB file', DEFAULT_DB)
    .option('-o, --output <file>', 'HTML file', 'output/report.html')
    .option('--service <name>', 'only this service')
    .option('--region <name>', 'only this area (name or code), the areas inside it and those containing it')
    .option('--provider <name>', 'only this provider')
    .option('--source <id>', 'only this source id')
    .option('--since <date>', 'reported on or after this day')
    .option('--until <date>', 'reported on or before this day')
    .action(async (opts: { db: string; output: string }) => {
      const { reportCommand } = await import('../export/commands.ts');
      setExit(await reportCommand(opts));
    });

  program
    .command('serve')
    .description('browse and filter facts in a local web page (127.0.0.1 only)')
    .option('--db <file>', 'DuckDB file', DEFAULT_DB)
    .option('--port <port>', 'port (0 = any free port)', '8754')
    .action(async (opts: { db: string; port: string }) => {
      const { serveCommand } = await import('../export/commands.ts');
      setExit(await serveCommand(opts));
    });

  program
    .command('summary')
    .description("a Markdown table of a run's per-source outcomes (for CI step summaries); exit 3 when a source broke")
    .option('--db <file>', 'DuckDB file', DEFAULT_DB)
    .option('--run <id>', 'run id (default: the latest run)')
    .action(async (opts: { db: string; run?: string }) => {
      const { summaryCommand } = await import('../export/commands.ts');
      setExit(await summaryCommand(opts));
    });

  program
    .command('schema-doc')
    .description('write docs/schema.md from the database itself (tables, views, comments, examples)')
    .option('--db <file>', 'DuckDB file (default: a fresh in-memory database with the current schema)')
    .option('-o, --output <file>', 'Markdown file', 'docs/schema.md')
    .action(async (opts: { db?: string; output: string }) => {
      const { schemaDocCommand } = await import('../export/commands.ts');
      setExit(await schemaDocCommand(opts));
    });
}

export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram((c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit 0; every other commander error is bad usage.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof ConfigError || err instanceof UsageError) {
      process.stderr.write(`rollwatch: ${err.message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`rollwatch: ${(err as Error).stack ?? String(err)}\n`);
    return EXIT.error;
  }
}
