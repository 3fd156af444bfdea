// Runs extractPage on worker threads. Extraction is pure and CPU-bound while crawling and
// loading mostly wait, so on 2 cores one worker nearly doubles a run's throughput.
// Any worker failure falls back to extracting on the main thread: a run never stops for it.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Knowledge } from '../analyse/index.ts';
import type { ArchiveRef } from '../archive/index.ts';
import type { Source } from '../sources/schema.ts';
import type { Capture } from '../types.ts';
import { toPageRecord } from './page-record.ts';

type Extracted = ReturnType<typeof toPageRecord>;

export interface ExtractJob {
  id: number;
  source: Source;
  capture: Capture;
  warc?: ArchiveRef;
}

export type ExtractReply = { id: number; ok: true; result: Extracted } | { id: number; ok: false; error: string };

/** Workers a run uses unless its config says: one fewer than the cores (the main thread crawls and loads), at most 4. */
export function workerCount(configured: number | undefined): number {
  return configured ?? Math.min(Math.max(availableParallelism() - 1, 0), 4);
}

const WORKER_ENTRY = new URL('../../bin/extract-worker.js', import.meta.url);
const WORKER_OLD_SPACE_MB = 160;

/** A worker died (out of memory on a huge page, a crash): the page is not at fault. */
class WorkerDied extends Error {}

/** Deaths after which a run stops restarting workers and extracts on the main thread. */
const MAX_WORKER_DEATHS = 3;

export class ExtractPool {
  private workers: Worker[] = [];
  private readonly pending = new Map<number, { resolve(r: Extracted): void; reject(e: Error): void }>();
  private load: number[] = [];
  private nextId = 0;
  private deaths = 0;
  private broken = false;
  /** Pages extracted off the main thread (for the run log and tests). */
  extractedOnWorkers = 0;

  constructor(
    private readonly size: number,
    private readonly knowledge: Knowledge,
    private readonly workerHeapMb = WORKER_OLD_SPACE_MB,
  ) {}

  /** Workers start on the first page to extract: a run that finds nothing new pays nothing. */
  private start(): void {
    const workers: Worker[] = [];
    const load: number[] = [];
    for (let i = 0; i < this.size; i++) {
      // V8 sizes a heap by how fast it allocates, not by what it keeps: an extraction worker
      // keeps ~60 MB (reference data) yet grew to ~200 MB. The cap makes it collect sooner. A
      // page too big for it (~10 MB of HTML) kills the worker: that page is extracted on the
      // main thread and the workers restart.
      const worker = new Worker(WORKER_ENTRY, { resourceLimits: { maxOldGenerationSizeMb: this.workerHeapMb } });
      worker.on('message', (reply: ExtractReply) => {
        const waiter = this.pending.get(reply.id);
        if (!waiter) return;
        this.pending.delete(reply.id);
        load[i]!--;
        if (reply.ok) {
          this.extractedOnWorkers++;
          waiter.resolve(reply.result);
        } else waiter.reject(new Error(reply.error));
      });
      worker.on('error', (err) => this.fail(workers, err));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(workers, new Error(`extraction worker exited with code ${code}`));
      });
      workers.push(worker);
      load.push(0);
    }
    this.workers = workers;
    this.load = load;
  }

  /** Drops a generation of workers (once, however many events it sends); their jobs go to the main thread. */
  private fail(generation: Worker[], err: Error): void {
    if (this.workers !== generation) return;
    this.deaths++;
    if (this.deaths >= MAX_WORKER_DEATHS) this.broken = true;
    this.workers = [];
    this.load = [];
    for (const w of generation) void w.terminate();
    for (const [id, waiter] of this.pending) {
      this.pending.delete(id);
      waiter.reject(new WorkerDied(err.message));
    }
  }

  /** Extracts on the least busy worker; on the main thread when there are none or they broke. */
  async extract(source: Source, capture: Capture, warc?: ArchiveRef): Promise<Extracted> {
    if (!this.workers.length && this.size > 0 && !this.broken) this.start();
    if (this.broken || !this.workers.length) return toPageRecord(source, capture, this.knowledge, warc);
    let index = 0;
    for (let i = 1; i < this.load.length; i++) if (this.load[i]! < this.load[index]!) index = i;
    const id = this.nextId++;
    const job: ExtractJob = { id, source, capture, warc };
    try {
      return await new Promise<Extracted>((resolve, reject) => {
        this.pending.set(id, { resolve, reject });
        this.load[index]!++;
        this.workers[index]!.postMessage(job);
      });
    } catch (err) {
      if (err instanceof WorkerDied) return toPageRecord(source, capture, this.knowledge, warc);
      throw err;
    }
  }

  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    this.broken = true; // anything extracted after closing runs on the main thread
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
