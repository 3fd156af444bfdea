// The output commands as the CLI calls them: options in, exit code out. The lead's
// commander setup only maps flags onto these (see the report for the flags).
import { existsSync } from 'node:fs';
import { openDatabase, type Database } from '../load/db.ts';
import { installAnalystLayer } from '../load/views.ts';
import { startServer } from '../serve/server.ts';
import { exportRows, type ExportFormat } from './export.ts';
import { FilterError, type FactFilters } from './filters.ts';
import { writeReport } from './report.ts';
import { renderRunSummary } from './run-summary.ts';
import { writeSchemaDoc } from './schema-doc.ts';

export interface CommandIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
}

const processIO: CommandIO = { stdout: process.stdout, stderr: process.stderr };

/** Exit codes: 0 done, 1 failed (or a source broke, for summary), 2 a usage error the user can fix. */
async function withReadOnlyDb(dbPath: string, io: CommandIO, work: (db: Database) => Promise<number>): Promise<number> {
  if (!existsSync(dbPath)) {
    io.stderr.write(`rollwatch: no database at ${dbPath}; run \`rollwatch run\` first or pass --db FILE\n`);
    return 2;
  }
  const db = await openDatabase(dbPath, { readOnly: true });
  try {
    return await work(db);
  } catch (err) {
    if (err instanceof FilterError) {
      io.stderr.write(`rollwatch: ${err.message}\n`);
      return 2;
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

export async function exportCommand(format: ExportFormat, options: ExportCommandOptions, io: CommandIO = processIO): Promise<number> {
  const toStdout = !options.output || options.output === '-';
  if (format === 'parquet' && toStdout && io.stdout.isTTY) {
    io.stderr.write('rollwatch: Parquet is binary; pass -o FILE.parquet or redirect standard output\n');
    return 2;
  }
  const { db: dbPath, output, excel, ...filters } = options;
  return withReadOnlyDb(dbPath, io, async (db) => {
    const result = await exportRows(db, filters, { format, excel, output: toStdout ? io.stdout : (output as string) });
    if (!toStdout) io.stderr.write(`rollwatch: ${result.rows} facts written to ${output}\n`);
    return 0;
  });
}

export async function reportCommand(options: FactFilters & { db: string; output: string }, io: CommandIO = processIO): Promise<number> {
  const { db: dbPath, output, ...filters } = options;
  return withReadOnlyDb(dbPath, io, async (db) => {
    await writeReport(db, output, filters);
    io.stderr.write(`rollwatch: report written to ${output}\n`);
    return 0;
  });
}

/** Opens read-write: brings the schema and the analyst layer up to date, then documents them. */
export async function schemaDocCommand(options: { db: string; output: string }, io: CommandIO = processIO): Promise<number> {
  const db = await openDatabase(options.db);
  try {
    await installAnalystLayer(db);
    await writeSchemaDoc(db, options.output);
    io.stderr.write(`rollwatch: schema of ${options.db} written to ${options.output}\n`);
    return 0;
  } finally {
    db.close();
  }
}

/** Markdown per-source table of a run on stdout; exit 1 when a source broke. */
export async function summaryCommand(options: { db: string; run?: string }, io: CommandIO = processIO): Promise<number> {
  return withReadOnlyDb(options.db, io, async (db) => {
    const summary = await renderRunSummary(db, options.run);
    io.stdout.write(summary.markdown);
    if (summary.broken.length) {
      io.stderr.write(`rollwatch: broken source(s): ${summary.broken.join(', ')}\n`);
      return 1;
    }
    return 0;
  });
}

/** Serves until SIGINT/SIGTERM, then closes cleanly. */
export async function serveCommand(options: { db: string; port?: number }, io: CommandIO = processIO): Promise<number> {
  if (!existsSync(options.db)) {
    io.stderr.write(`rollwatch: no database at ${options.db}; run \`rollwatch run\` first or pass --db FILE\n`);
    return 2;
  }
  const server = await startServer(options.db, { port: options.port ?? 0, host: '127.0.0.1' });
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
  return 0;
}
