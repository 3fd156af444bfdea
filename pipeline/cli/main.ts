// The `rollwatch` command line. Exit codes (pipeline/cli/exit.ts): 0 ok; 1 unexpected error; 2 bad
// usage or config; 3 a source failed or yielded no articles (so a silently broken source fails a
// scheduled run), or an imported WARC file was damaged; 4 the DuckDB file or the serve port is in
// use by another process; 5 a file could not be written (full disk).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { ConfigError, loadConfig } from '../sources/load.ts';
import { parseShard } from '../run/shard.ts';
import { EXIT, EXIT_CODES_HELP, UsageError } from './exit.ts';
import { explainFailure } from './failures.ts';

const DEFAULT_DB = 'output/rollwatch.duckdb';
const DEFAULT_CONFIG = 'sources/live.config.json';
const FACT_STATUSES = ['planned', 'live', 'delayed', 'paused', 'resumed', 'cancelled', 'under_review', 'provider_appointed', 'provider_withdrawn'];

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
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride();

  program
    .command('run')
    .description('discover, crawl, extract and load every source in a config (incremental and resumable)')
    .option('--config <file>', 'run config naming the sources and output paths', DEFAULT_CONFIG)
    .option('--db <file>', `DuckDB file (default: the config's "db", usually ${DEFAULT_DB})`)
    .option('--archive <dir>', 'raw WARC archive folder (default: the config\'s "archive")')
    .option('--shard <k/n>', "crawl only slice K of N of the config's sites (by host), each slice into its own --db; see `rollwatch merge`")
    .option('--quiet', 'no progress output')
    .action(async (opts: { config: string; db?: string; archive?: string; shard?: string; quiet?: boolean }) => {
      const loaded = loadRunConfig(opts); // validate the config before loading the heavy stages
      const shard = opts.shard === undefined ? undefined : parseShard(opts.shard);
      const { runPipeline } = await import('../run/run.ts');
      const { printRunTable } = await import('./summary.ts');
      const { createProgress } = await import('../run/progress.ts');
      const report = await runPipeline(loaded, { command: 'run', shard, progress: createProgress(process.stderr, opts.quiet) });
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
    .option('--all-dates', 'list every date mention, each with its milestone flag (default: only dates that time a rollout milestone)')
    .action(async (files: string[], opts: { url?: string; json?: boolean; source?: string; allDates?: boolean }) => {
      const { extractFiles } = await import('./extract-command.ts');
      const failed = await extractFiles(files, opts, process.stdout, process.stderr);
      // A file that cannot be read or is not a web page is the user's input: named on stderr, exit 2, the others still extracted.
      setExit(failed ? EXIT.usage : EXIT.ok);
    });

  program
    .command('reprocess')
    .description('rebuild every derived table from the raw archive, without the network')
    .option('--config <file>', "extract with this config's source declarations (default: those each run recorded in the database)")
    .option('--db <file>', `DuckDB file (default: the config's "db", else ${DEFAULT_DB})`)
    .option('--archive <dir>', 'raw WARC archive folder (default: the one each run recorded)')
    .option('--from <file>', 'rebuild into a new --db from this database, which is only read')
    .option('--shard <k/n>', 'with --from: only slice K of N of its documents, each slice into its own --db; see `rollwatch merge`')
    .option('--quiet', 'no progress output')
    .action(async (opts: { config?: string; db?: string; archive?: string; from?: string; shard?: string; quiet?: boolean }) => {
      const { reprocess, recordedConfig } = await import('../run/reprocess.ts');
      // Without --config, every page is extracted with the declarations its run recorded, from the archive it wrote.
      const loaded = opts.config ? loadRunConfig({ ...opts, config: opts.config }) : recordedConfig(resolve(opts.db ?? DEFAULT_DB));
      if (!opts.config && !opts.from && !existsSync(loaded.paths.db)) {
        throw new UsageError(`no database at ${loaded.paths.db}; pass --db FILE (the demo's is output/demo.duckdb)`);
      }
      const shard = opts.shard === undefined ? undefined : parseShard(opts.shard);
      if (shard && !opts.from) throw new UsageError('reprocess --shard needs --from FILE (the database to read) and --db FILE (the shard\'s own new file)');
      if (opts.from && !existsSync(opts.from)) throw new UsageError(`cannot read ${opts.from}: no such file`);
      if (opts.from && resolve(opts.from) === loaded.paths.db) throw new UsageError('--from and --db must be different files');
      const { createProgress } = await import('../run/progress.ts');
      const report = await reprocess(loaded, {
        from: opts.from,
        shard,
        declarations: opts.config ? 'config' : 'recorded',
        archive: opts.archive ? resolve(opts.archive) : undefined,
        progress: createProgress(process.stderr, opts.quiet),
      });
      process.stdout.write(
        `reprocessed ${report.reprocessed} of ${report.documents} documents from ${report.archives.join(', ') || 'no archive'}; ${report.events} events\n`,
      );
      for (const url of report.missing) process.stderr.write(`not in the archive: ${url}\n`);
      setExit(report.missing.length ? EXIT.sourceFailed : EXIT.ok);
    });

  program
    .command('import')
    .description('load WARC files made elsewhere (Common Crawl news, wget, browsertrix) into the archive and the database')
    .argument('<files...>', 'WARC files (.warc or .warc.gz)')
    .option('--config <file>', "run config: only records on its sources' hosts and article patterns are kept", DEFAULT_CONFIG)
    .option('--db <file>', 'DuckDB file')
    .option('--archive <dir>', 'raw WARC archive folder the records are copied into')
    .option('--shard <k/n>', 'import only slice K of N (by document), each slice into its own --db; see `rollwatch merge`')
    .option('--quiet', 'no progress output')
    .action(async (files: string[], opts: { config: string; db?: string; archive?: string; shard?: string; quiet?: boolean }) => {
      const loaded = loadRunConfig(opts);
      const shard = opts.shard === undefined ? undefined : parseShard(opts.shard);
      for (const file of files) {
        if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`cannot read ${file}: no such file`);
      }
      const { importWarcFiles } = await import('../run/import.ts');
      const { printImportTable } = await import('./import-summary.ts');
      const { createProgress } = await import('../run/progress.ts');
      const report = await importWarcFiles(loaded, files, { shard, progress: createProgress(process.stderr, opts.quiet) });
      printImportTable(report, process.stdout);
      setExit(report.status === 'ok' ? EXIT.ok : EXIT.sourceFailed);
    });

  program
    .command('merge')
    .description('combine shard files (or any rollwatch databases) into one, with the same ids; merging again changes nothing')
    .argument('<files...>', 'DuckDB files to merge (each is only read)')
    .requiredOption('--db <file>', 'the merged DuckDB file (created if missing, else merged into)')
    .action(async (files: string[], opts: { db: string }) => {
      const { mergeDatabases } = await import('../load/merge.ts');
      const { formatTable } = await import('./summary.ts');
      const report = await mergeDatabases(files, opts.db);
      process.stdout.write(
        formatTable(
          ['file', 'documents taken', 'earlier versions', 'log rows'],
          report.inputs.map((i) => [i.file, i.documentsTaken, i.earlierVersions, i.logRows]),
        ),
      );
      process.stdout.write(`${opts.db}: ${report.documents} documents, ${report.events} rollout events\n`);
      setExit(EXIT.ok);
    });

  program
    .command('demo')
    .description('serve the bundled sample sites on 127.0.0.1 and run the whole pipeline on them')
    // The demo's own file and archive, so demo and live facts never mix.
    .option('--db <file>', 'DuckDB file', 'output/demo.duckdb')
    .option('--archive <dir>', 'raw WARC archive folder', 'output/demo-archive')
    .option('--shard <k/n>', 'crawl only slice K of N of the sample sites (by host), as a backfill shard would')
    .option('--quiet', 'no progress output')
    .action(async (opts: { db: string; archive: string; shard?: string; quiet?: boolean }) => {
      const shard = opts.shard === undefined ? undefined : parseShard(opts.shard);
      const { runDemo } = await import('../run/demo.ts');
      const { printDemoSummary, printRunTable } = await import('./summary.ts');
      const { createProgress } = await import('../run/progress.ts');
      const db = resolve(opts.db);
      const { report } = await runDemo({
        db,
        archive: resolve(opts.archive),
        shard,
        progress: createProgress(process.stderr, opts.quiet),
      });
      printRunTable(report, process.stdout);
      await printDemoSummary(db, process.stdout);
      process.stdout.write(`\nNext: rollwatch report --db ${opts.db} · rollwatch serve --db ${opts.db} · rollwatch reprocess --db ${opts.db}\n`);
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
    .option('--partition <columns>', 'parquet only: a Hive-partitioned dataset in the -o folder, by any of source, year, month, service, status (e.g. source,year)')
    .addOption(new Option('--status <status>', 'only this status').choices(FACT_STATUSES))
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
    .addOption(new Option('--status <status>', 'only this status').choices(FACT_STATUSES))
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
    const explained = explainFailure(err);
    if (explained) {
      process.stderr.write(`rollwatch: ${explained.message}\n`);
      return explained.code;
    }
    process.stderr.write(`rollwatch: ${(err as Error).stack ?? String(err)}\n`);
    return EXIT.error;
  }
}
