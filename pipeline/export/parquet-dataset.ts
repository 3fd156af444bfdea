// `rollwatch export parquet --partition source,year -o DIR`: the facts as a Hive-partitioned
// Parquet dataset (DIR/source=…/year=…/data_0.parquet) for readers at scale. DuckDB, Polars,
// pandas and Spark read it as one table, from local disk or object storage, and skip the
// partitions a query filters out.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../cli/exit.ts';
import type { Database } from '../load/db.ts';
import { EXPORT_COLUMNS, factsQuery } from './facts.ts';
import type { FactFilters } from './filters.ts';

/** Columns a dataset can be partitioned by; year and month are those of the report day. */
export const PARTITION_KEYS = ['source', 'year', 'month', 'service', 'status'] as const;
export type PartitionKey = (typeof PARTITION_KEYS)[number];

/** Parses `source,year`; a user's mistake names the key and the ones that exist. */
export function parsePartition(text: string): PartitionKey[] {
  const keys = text.split(',').map((k) => k.trim()).filter(Boolean);
  if (!keys.length) throw new UsageError(`--partition takes a comma-separated list of ${PARTITION_KEYS.join(', ')}`);
  for (const k of keys) {
    if (!(PARTITION_KEYS as readonly string[]).includes(k)) {
      throw new UsageError(`--partition: "${k}" is not one of ${PARTITION_KEYS.join(', ')}`);
    }
  }
  if (new Set(keys).size !== keys.length) throw new UsageError(`--partition names a column twice: ${text}`);
  return keys as PartitionKey[];
}

/** A folder we may replace: absent, empty, or an earlier dataset (only key=value folders). */
function replaceable(dir: string): boolean {
  if (!existsSync(dir)) return true;
  return readdirSync(dir).every((name) => /^[a-z_]+=/.test(name));
}

function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * Writes the filtered facts under `dir`, replacing an earlier dataset there. The dataset is built
 * beside it and swapped in, so a reader never sees half of one.
 */
export async function writeParquetDataset(db: Database, filters: FactFilters, dir: string, keys: PartitionKey[]): Promise<number> {
  const target = resolve(dir);
  if (!replaceable(target)) {
    throw new UsageError(`${dir} holds files that are not a Parquet dataset; choose an empty or new folder for -o`);
  }
  mkdirSync(dirname(target), { recursive: true });
  const partial = join(dirname(target), `.${basename(target)}.partial-${process.pid}`);
  const old = join(dirname(target), `.${basename(target)}.old-${process.pid}`);
  rmSync(partial, { recursive: true, force: true });
  const { sql, params } = factsQuery(filters);
  const columns = EXPORT_COLUMNS.filter((c) => c !== 'date').map((c) => `"${c}"`).join(', ');
  try {
    const rows = await db.query<{ Count: number }>(
      `COPY (
         SELECT event_id, doc_id, CAST(date AS DATE) AS date, ${columns},
                year(CAST(date AS DATE)) AS year, month(CAST(date AS DATE)) AS month
           FROM (${sql})
       ) TO ${sqlString(partial)} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (${keys.join(', ')}))`,
      params,
    );
    if (existsSync(target)) renameSync(target, old);
    renameSync(partial, target);
    rmSync(old, { recursive: true, force: true });
    return Number(rows[0]?.Count ?? 0);
  } catch (err) {
    rmSync(partial, { recursive: true, force: true });
    throw err;
  }
}
