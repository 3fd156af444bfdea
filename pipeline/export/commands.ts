// The output commands as the CLI calls them: commander's parsed options in,
// exit code out (the codes of pipeline/cli/exit.ts).
import { existsSync } from 'node:fs';
import { EXIT } from '../cli/exit.ts';
import { openDatabase, type Database } from '../load/db.ts';
import { installAnalystLayer } from '../load/views.ts';
import { startServer } from '../serve/server.ts';
import { exportRows, type ExportFormat } from './export.ts';
import { FilterError, type FactFilters } from './filters.ts';
import { parsePartition, writeParquetDataset } from './parquet-dataset.ts';
import { writeReport } from './report.ts';
import { renderRunSummary } from './run-summary.ts';
import { writeSchemaDoc } from './schema-doc.ts';

export interface CommandIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
}

const processIO: CommandIO = { stdout: process.stdout, stderr: process.stderr };

async function withReadOnlyDb(dbPath: string, io: CommandIO, work: (db: Database) => Promise<number>): Promise<number> {
  if (!existsSync(dbPath)) {
    io.stderr.write(`rollwatch: no database at ${dbPath}; run \`rollwatch run\` first or pass --db FILE\n`);
    return EXIT.usage;
  }
  const db = await openDatabase(dbPath, { readOnly: true });
  try {
    return await work(db);
  } catch (err) {
    if (err instanceof FilterError) {
      io.stderr.write(`rollwatch: ${err.message}\n`);
      return EXIT.usage;
    }
    throw err;
  } finally {
    db.close();
  }
}

export interface ExportCommandOptions extends FactFilters {
  db: string;
  /** File to write; '-' or absent: standard output. */
  output?: string;
  excel?: boolean;
}

const FORMATS: readonly ExportFormat[] = ['csv', 'json', 'parquet'];
const FILTER_KEYS = ['service', 'region', 'provider', 'status', 'source', 'since', 'until'] as const;

/** Accepts commander's option bag as it comes (`Record<string, string | boolean | undefined>`). */
export async function exportCommand(
  format: string,
  options: ExportCommandOptions | Record<string, string | boolean | undefined>,
  io: CommandIO = processIO,
): Promise<number> {
  if (!(FORMATS as readonly string[]).includes(format)) {
    io.stderr.write(`rollwatch: export format "${format}" is not one of ${FORMATS.join(', ')}\n`);
    return EXIT.usage;
  }
  const opts = options as Record<string, unknown>;
  const filters: FactFilters = {};
  for (const key of FILTER_KEYS) {
    const v = opts[key];
    if (typeof v === 'string' || Array.isArray(v)) (filters as Record<string, unknown>)[key] = v;
  }
  const dbPath = typeof opts.db === 'string' ? opts.db : 'output/rollwatch.duckdb';
  const output = typeof opts.output === 'string' ? opts.output : undefined;
  const toStdout = !output || output === '-';
  if (typeof opts.partition === 'string') {
    if (format !== 'parquet' || toStdout) {
      io.stderr.write('rollwatch: --partition writes a Parquet dataset into a folder: export parquet --partition source,year -o DIR\n');
      return EXIT.usage;
    }
    const keys = parsePartition(opts.partition);
    return withReadOnlyDb(dbPath, io, async (db) => {
      const rows = await writeParquetDataset(db, filters, output as string, keys);
      io.stderr.write(`rollwatch: ${rows} facts written to ${output}/ (Hive-partitioned by ${keys.join(', ')})\n`);
      return EXIT.ok;
    });
  }
  if (format === 'parquet' && toStdout && io.stdout.isTTY) {
    io.stderr.write('rollwatch: Parquet is binary; pass -o FILE.parquet or redirect standard output\n');
    return EXIT.usage;
  }
  return withReadOnlyDb(dbPath, io, async (db) => {
    const result = await exportRows(db, filters, {
      format: format as ExportFormat,
      excel: opts.excel === true,
      output: toStdout ? io.stdout : (output as string),
    });
    if (!toStdout) io.stderr.write(`rollwatch: ${result.rows} facts written to ${output}\n`);
    return EXIT.ok;
  });
}

export async function reportCommand(options: FactFilters & { db: string; output: string }, io: CommandIO = processIO): Promise<number> {
  const { db: dbPath, output, ...filters } = options;
  return withReadOnlyDb(dbPath, io, async (db) => {
    await writeReport(db, output, filters);
    io.stderr.write(`rollwatch: report written to ${output}\n`);
    return EXIT.ok;
  });
}

/**
 * Brings the schema and the analyst layer of `db` up to date (read-write), then
 * documents them. Without `db`, documents a fresh in-memory database: that is
 * how docs/schema.md is generated (`rollwatch schema-doc`).
 */
export async function schemaDocCommand(options: { db?: string; output: string }, io: CommandIO = processIO): Promise<number> {
  const db = await openDatabase(options.db ?? ':memory:');
  try {
    await installAnalystLayer(db);
    await writeSchemaDoc(db, options.output);
    io.stderr.write(`rollwatch: schema${options.db ? ` of ${options.db}` : ''} written to ${options.output}\n`);
    return EXIT.ok;
  } finally {
    db.close();
  }
}

/** Markdown per-source table of a run on stdout (for $GITHUB_STEP_SUMMARY); exit 3 when a source broke or the run never finished. */
export async function summaryCommand(options: { db: string; run?: string }, io: CommandIO = processIO): Promise<number> {
  return withReadOnlyDb(options.db, io, async (db) => {
    const summary = await renderRunSummary(db, options.run);
    io.stdout.write(summary.markdown);
    if (summary.interrupted) {
      io.stderr.write(`rollwatch: run ${summary.runId} was interrupted before it finished\n`);
      return EXIT.sourceFailed;
    }
    if (summary.broken.length) {
      io.stderr.write(`rollwatch: broken source(s): ${summary.broken.join(', ')}\n`);
      return EXIT.sourceFailed;
    }
    return EXIT.ok;
  });
}

/** Serves until SIGINT/SIGTERM, then closes cleanly. */
export async function serveCommand(options: { db: string; port?: number | string }, io: CommandIO = processIO): Promise<number> {
  if (!existsSync(options.db)) {
    io.stderr.write(`rollwatch: no database at ${options.db}; run \`rollwatch run\` first or pass --db FILE\n`);
    return EXIT.usage;
  }
  const port = Number(options.port ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr.write(`rollwatch: --port takes a number from 0 to 65535 (0 = any free port), not "${options.port}"\n`);
    return EXIT.usage;
  }
  const server = await startServer(options.db, { port, host: '127.0.0.1' });
  io.stdout.write(`rollwatch: browsing ${options.db} at ${server.url} (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  return EXIT.ok;
}
