// Progress for long runs: a live bar (pages, rate, ETA) on a TTY, structured JSON log lines otherwise,
// so a scheduled job's log stays greppable and a person at a terminal sees movement.
import cliProgress from 'cli-progress';

export interface Progress {
  /** A source's crawl moved on. */
  update(sourceId: string, p: { fetched: number; queued: number; failed: number }): void;
  /** Something worth a line in a CI log. */
  log(event: string, fields?: Record<string, unknown>): void;
  stop(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr, quiet = false): Progress {
  if (quiet) return { update() {}, log() {}, stop() {} };
  if (stream.isTTY && !process.env.CI) return new BarProgress(stream);
  return new LogProgress(stream);
}

class BarProgress implements Progress {
  private readonly multibar: cliProgress.MultiBar;
  private readonly bars = new Map<string, { bar: cliProgress.SingleBar; started: number }>();

  constructor(stream: NodeJS.WriteStream) {
    this.multibar = new cliProgress.MultiBar(
      {
        stream,
        clearOnComplete: false,
        hideCursor: true,
        format: ' {source} [{bar}] {value}/{total} pages | {rate}/s | failed {failed} | ETA {eta_formatted}',
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
  }

  update(sourceId: string, p: { fetched: number; queued: number; failed: number }): void {
    const total = Math.max(p.fetched + p.queued, 1);
    let entry = this.bars.get(sourceId);
    if (!entry) {
      const bar = this.multibar.create(total, 0, { source: sourceId.padEnd(14), failed: 0, rate: '0.0' });
      entry = { bar, started: Date.now() };
      this.bars.set(sourceId, entry);
    }
    entry.bar.setTotal(total);
    const secs = Math.max((Date.now() - entry.started) / 1000, 0.001);
    entry.bar.update(p.fetched, { failed: p.failed, rate: (p.fetched / secs).toFixed(1) });
  }

  log(event: string, fields: Record<string, unknown> = {}): void {
    const detail = Object.entries(fields)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    this.multibar.log(`${event} ${detail}\n`);
  }

  stop(): void {
    this.multibar.stop();
  }
}

class LogProgress implements Progress {
  private readonly lastLogged = new Map<string, number>();

  constructor(private readonly stream: NodeJS.WriteStream) {}

  update(sourceId: string, p: { fetched: number; queued: number; failed: number }): void {
    const last = this.lastLogged.get(sourceId) ?? -Infinity;
    if (p.fetched - last < 100 && p.queued > 0) return; // one line per 100 pages keeps CI logs short
    if (p.queued === 0 && p.fetched === last) return;
    this.lastLogged.set(sourceId, p.fetched);
    this.log('progress', { source: sourceId, fetched: p.fetched, queued: p.queued, failed: p.failed });
  }

  log(event: string, fields: Record<string, unknown> = {}): void {
    this.stream.write(`${JSON.stringify({ time: new Date().toISOString(), event, ...fields })}\n`);
  }

  stop(): void {}
}
