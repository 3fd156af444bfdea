// How a long writer (`run`, `reprocess`) opens the DuckDB file: heaps kept near their live
// size, DuckDB's buffers capped, the analyst views installed and checkpointed.
import { setFlagsFromString } from 'node:v8';
import { openDatabase, type Database } from '../load/db.ts';
import { installAnalystLayer } from '../load/views.ts';
import type { LoadedConfig } from '../sources/load.ts';

// A long run keeps a modest live heap (60–120 MB at 100k pages) but allocates fast: every
// page's bytes, HTML, archive record and extracted record. V8 then lets a heap grow to 3–4×
// its live size between full collections, so most of a backfill's peak memory was garbage
// waiting to be collected. Growing by a quarter after each full collection keeps the peak
// near the live size: the bench's 30k-page whole run went from 696–785 to 586–594 MiB peak
// RSS at the same speed (extraction on the workers, not the main thread's GC, sets the pace).
const GROWING_PERCENT = 25;
let applied = false;

/** Tells V8 (process-wide, workers included) to grow heaps by a quarter, unless node was started with its own setting. */
function keepHeapsNearLiveSize(): void {
  if (applied) return;
  applied = true;
  if (process.execArgv.some((a) => a.startsWith('--heap-growing-percent'))) return;
  setFlagsFromString(`--heap-growing-percent=${GROWING_PERCENT}`);
}

/** Opens the configured DuckDB file for a run or a reprocess; closes it again if setting it up fails. */
export async function openWriter(loaded: LoadedConfig): Promise<Database> {
  keepHeapsNearLiveSize();
  const db = await openDatabase(loaded.paths.db, { memoryLimit: loaded.config.dbMemoryLimit });
  try {
    await installAnalystLayer(db);
    // Checkpointed at once, so the layer lives in the file itself and a killed run's WAL holds
    // only its batches. (What made such a WAL unreplayable was a computed column default:
    // openDatabase drops those, tests/load/wal-replay.test.ts pins the DuckDB bug.)
    await db.run('CHECKPOINT');
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
