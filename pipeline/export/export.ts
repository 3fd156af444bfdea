// `rollwatch export csv|json|parquet`: filtered facts to a file or a stream.
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { once } from 'node:events';
import type { Database } from '../load/db.ts';
import { csvHeader, csvRecord } from './csv.ts';
import { EXPORT_COLUMNS, factsQuery, queryFacts, type FactRow } from './facts.ts';
import type { FactFilters } from './filters.ts';

export type ExportFormat = 'csv' | 'json' | 'parquet';

export interface ExportOptions {
  format: ExportFormat;
  /** CSV only: UTF-8 BOM for Excel. Formula-like text is neutralised in every CSV. */
  excel?: boolean;
  /** A file path, or a stream such as process.stdout (left open). */
  output: string | NodeJS.WritableStream;
}

export interface ExportResult {
  rows: number;
}

async function write(stream: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream as unknown as NodeJS.EventEmitter, 'drain');
}

async function writeText(rows: FactRow[], options: ExportOptions, stream: NodeJS.WritableStream): Promise<void> {
  if (options.format === 'csv') {
    await write(stream, csvHeader(EXPORT_COLUMNS, { excel: options.excel }));
    for (const row of rows) await write(stream, csvRecord(row as unknown as Record<string, unknown>, EXPORT_COLUMNS));
    return;
  }
  // A JSON array with one fact per line: valid JSON for tools, readable in a diff.
  await write(stream, '[');
  for (let i = 0; i < rows.length; i++) {
    const picked: Record<string, unknown> = {};
    for (const c of EXPORT_COLUMNS) picked[c] = rows[i][c];
    await write(stream, `${i ? ',' : ''}\n${JSON.stringify(picked)}`);
  }
  await write(stream, rows.length ? '\n]\n' : ']\n');
}

function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

async function writeParquet(db: Database, filters: FactFilters, path: string): Promise<number> {
  const { sql, params } = factsQuery(filters);
  const columns = EXPORT_COLUMNS.map((c) => `"${c}"`).join(', ');
  // The path is ours (a temp file), the filter values stay bound parameters.
  const rows = await db.query<{ Count: number }>(
    `COPY (SELECT ${columns} FROM (${sql})) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION zstd)`,
    params,
  );
  return Number(rows[0]?.Count ?? 0);
}

export async function exportRows(db: Database, filters: FactFilters, options: ExportOptions): Promise<ExportResult> {
  const { output } = options;
  if (options.format === 'parquet') {
    const scratch = mkdtempSync(join(tmpdir(), 'rollwatch-parquet-'));
    try {
      const file = join(scratch, 'facts.parquet');
      const rows = await writeParquet(db, filters, file);
      if (typeof output === 'string') {
        mkdirSync(dirname(output), { recursive: true });
        await pipeline(createReadStream(file), createWriteStream(output));
      } else {
        await pipeline(createReadStream(file), output as NodeJS.WritableStream, { end: false });
      }
      return { rows };
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  const rows = await queryFacts(db, filters);
  if (typeof output !== 'string') {
    await writeText(rows, options, output);
    return { rows: rows.length };
  }
  // Write beside the target and rename, so a reader never opens half a file.
  mkdirSync(dirname(output), { recursive: true });
  const partial = `${output}.partial`;
  const stream = createWriteStream(partial);
  try {
    await writeText(rows, options, stream);
    stream.end();
    await once(stream, 'close');
    renameSync(partial, output);
  } catch (err) {
    stream.destroy();
    rmSync(partial, { force: true });
    throw err;
  }
  return { rows: rows.length };
}
