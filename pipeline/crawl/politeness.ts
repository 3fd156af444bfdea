// Per-host politeness: a cap on parallel requests, a minimum gap between request starts,
// and a pause the host can impose (Retry-After) that holds every request to it. One gate per
// host for the whole run, shared by every source on that host: two declarations for one site
// must not double the rate it sees.

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

export class HostGate {
  private active = 0;
  private nextStart = 0;
  private readonly waiters: (() => void)[] = [];

  constructor(
    /** Parallel requests allowed to this host. */
    public concurrency: number,
    /** Minimum gap, in ms, between two request starts and between a response and the next request. */
    public delayMs: number,
  ) {}

  /** Waits for a slot; resolves false when the signal aborted the wait. */
  async acquire(signal?: AbortSignal): Promise<boolean> {
    for (;;) {
      if (signal?.aborted) return false;
      if (this.active < this.concurrency) {
        const wait = this.nextStart - Date.now();
        if (wait <= 0) {
          this.active += 1;
          this.nextStart = Date.now() + this.delayMs;
          return true;
        }
        await sleep(wait, signal);
        continue;
      }
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        signal?.addEventListener('abort', () => resolve(), { once: true });
      });
    }
  }

  release(): void {
    this.active -= 1;
    // Counting the pause from the end of a response too keeps a slow host from being hit
    // back-to-back: the delay is time the server gets to itself.
    if (this.delayMs > 0) this.nextStart = Math.max(this.nextStart, Date.now() + this.delayMs);
    this.waiters.shift()?.();
  }

  /** The host asked us to come back later (Retry-After): no request starts before `time`. */
  pauseUntil(time: number): void {
    this.nextStart = Math.max(this.nextStart, time);
  }
}

export interface HostLimits {
  /** Parallel requests to the host. */
  maxConcurrency: number;
  /** Gap between two requests to the host, in ms. */
  delayMs: number;
}

/** The run's gates, one per host (host:port of the URL actually fetched). */
export class HostGates {
  private readonly gates = new Map<string, HostGate>();

  /** The host's gate; when several sources share a host the strictest of their limits holds. */
  gate(host: string, limits: HostLimits): HostGate {
    const gate = this.gates.get(host);
    if (!gate) {
      const created = new HostGate(limits.maxConcurrency, limits.delayMs);
      this.gates.set(host, created);
      return created;
    }
    gate.concurrency = Math.min(gate.concurrency, limits.maxConcurrency);
    gate.delayMs = Math.max(gate.delayMs, limits.delayMs);
    return gate;
  }
}

/**
 * Retry-After as milliseconds from `now`: delta-seconds or an HTTP-date (RFC 9110 §10.2.3).
 * Null when absent or unparseable.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const date = Date.parse(v);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

/** Exponential backoff: base, 2×base, 4×base…, with ±20 % jitter so parallel retries spread out. */
export function backoffMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const exact = baseMs * 2 ** attempt;
  return Math.round(exact * (0.8 + 0.4 * random()));
}
