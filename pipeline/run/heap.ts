// A long run keeps a modest live heap (60–120 MB at 100k pages) but allocates fast: every
// page's bytes, HTML, archive record and extracted record. V8 then lets a heap grow to 3–4×
// its live size between full collections, so most of a backfill's peak memory was garbage
// waiting to be collected. Growing by a quarter after each full collection keeps the peak
// near the live size: the bench's 30k-page whole run went from 696–785 to 586–594 MiB peak
// RSS at the same speed (extraction on the workers, not the main thread's GC, sets the pace).
import { setFlagsFromString } from 'node:v8';

const GROWING_PERCENT = 25;
let applied = false;

/** Tells V8 (process-wide, workers included) to grow heaps by a quarter, unless node was started with its own setting. */
export function keepHeapsNearLiveSize(): void {
  if (applied) return;
  applied = true;
  if (process.execArgv.some((a) => a.startsWith('--heap-growing-percent'))) return;
  setFlagsFromString(`--heap-growing-percent=${GROWING_PERCENT}`);
}
