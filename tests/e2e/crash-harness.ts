// Kills `rollwatch run` with SIGKILL at chosen instants of its life, again and again on one
// DuckDB file, and checks after every kill that the file opens and holds whole batches only.
// Used by tests/e2e/crash.test.ts (a short series) and `npm run crash` (as many kills as asked).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { openDatabase, schemaVersion } from '../../pipeline/load/db.ts';

const BIN = join(import.meta.dirname, '../../bin/rollwatch.js');
const REGIONS = ['Cornwall', 'Devon', 'Somerset', 'Dorset', 'Wiltshire', 'Gloucestershire', 'Kent', 'Surrey'];

/**
 * The instants a kill lands at:
 * - `first-wal-write`: the run's `n`th write to the `.wal` file from its start (1: the first);
 * - `mid-batch`: after the site has served `n` article pages to the run;
 * - `mid-commit`: at the `n`th write to the `.wal` file (batches being committed);
 * - `final-checkpoint`: the first write to the database file itself once articles were fetched.
 */
export type Instant = 'first-wal-write' | 'mid-batch' | 'mid-commit' | 'final-checkpoint';

export interface Kill {
  instant: Instant;
  n: number;
  /** Let a run finish first, so this one starts from a checkpointed file with no WAL (else from the last kill's WAL). */
  afterFinishedRun?: boolean;
}

export interface KillOutcome extends Kill {
  /** The run ended before the instant came (nothing to kill). */
  missed: boolean;
  /** Bytes in the .wal file just after the kill: work committed but not yet checkpointed. */
  walBytes: number;
  /** Article pages the site sent to the killed run with a 200 and that the run did not commit. */
  lost: number;
  /** Documents in the file after the kill. */
  documents: number;
}

/** A news site whose pages change edition when asked, so every run has new and changed pages to load. */
export class CrashSite {
  readonly editions: number[];
  /** 200 responses to article pages since the last reset. */
  served = 0;
  /** Requests for article pages since the last reset. */
  requested = 0;
  origin = '';
  private server: Server | null = null;

  constructor(readonly articles: number, private readonly delayMs: number) {
    this.editions = Array.from({ length: articles }, () => 0);
  }

  page(i: number): string {
    const region = REGIONS[i % REGIONS.length]!;
    const edition = this.editions[i]!;
    const day = String((i % 28) + 1).padStart(2, '0');
    const status = edition % 2 ? 'has been put on hold' : 'went live on 1 April 2013';
    const filler = Array.from(
      { length: 6 },
      (_, k) =>
        `<p>Paragraph ${k} of update ${i} (edition ${edition}): the clinical commissioning group for ${region} ` +
        'said call handling figures, staffing and the number of calls passed to ambulance crews would be reviewed ' +
        'each week by the local programme board before any change to the service was agreed.</p>',
    ).join('\n');
    return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Update ${i}.${edition}</title>
<meta property="article:published_time" content="2013-04-${day}T09:00:00+01:00"></head>
<body><nav><a href="/">Home</a></nav><article><h1>NHS 111 update ${i} for ${region}</h1>
<p>The NHS 111 service in ${region} ${status}, commissioners confirmed in update ${i}.</p>
${filler}
</article></body></html>`;
  }

  /** Changes the content of `count` pages, picked from `seed`. */
  change(seed: number, count: number): void {
    for (let k = 0; k < count; k++) this.editions[(seed * 7 + k * 13) % this.articles]!++;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const path = req.url ?? '/';
      if (path === '/robots.txt') return res.end('User-agent: *\nAllow: /\n');
      if (path === '/sitemap.xml') {
        const urls = this.editions.map((_, i) => `<url><loc>${this.origin}/news/${i}</loc></url>`).join('');
        res.setHeader('content-type', 'application/xml');
        return res.end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`);
      }
      const m = /^\/news\/(\d+)$/.exec(path);
      if (!m || Number(m[1]) >= this.articles) {
        res.statusCode = 404;
        return res.end('not found');
      }
      const i = Number(m[1]);
      this.requested++;
      setTimeout(() => {
        const etag = `"p${i}e${this.editions[i]}"`;
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.setHeader('etag', etag);
        if (req.headers['if-none-match'] === etag) {
          res.statusCode = 304;
          return res.end();
        }
        this.served++;
        res.end(this.page(i));
      }, this.delayMs);
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  resetCounts(): void {
    this.served = 0;
    this.requested = 0;
  }

  close(): Promise<void> {
    const server = this.server;
    if (!server) return Promise.resolve();
    return new Promise((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  }
}

export interface CrashConfig {
  batchSize: number;
  batchSeconds: number;
  /** Extraction threads (0: on the main thread, which saves each short run a worker's start-up). */
  workers?: number;
}

/** Writes a source and a run config for `site` into `dir`; returns the config's path. */
export function writeCrashConfig(dir: string, site: CrashSite, name: string, batch: CrashConfig): string {
  const host = new URL(site.origin).host;
  writeFileSync(
    join(dir, 'crash-site.json'),
    JSON.stringify({
      id: 'crash-site',
      name: 'Crash test site',
      site: site.origin,
      hosts: [host],
      discover: [{ sitemap: `${site.origin}/sitemap.xml` }],
      articles: { include: ['^/news/\\d+$'] },
      rateLimit: { maxConcurrency: 2, delayMs: 0 },
    }),
  );
  const cfg = join(dir, `${name}.config.json`);
  writeFileSync(cfg, JSON.stringify({ sources: ['crash-site.json'], db: join(dir, `${name}.duckdb`), archive: join(dir, `${name}-archive`), ...batch, fast: true }));
  return cfg;
}

/** Runs `rollwatch run`; with a kill, SIGKILLs it at that instant. Resolves with the exit status (null when killed). */
export function runUntil(config: string, db: string, site: CrashSite, kill?: Kill): Promise<{ status: number | null; killed: boolean; stderr: string }> {
  const walName = `${basename(db)}.wal`;
  const dbName = basename(db);
  return new Promise((resolve) => {
    let killed = false;
    let walWrites = 0;
    const child = spawn(process.execPath, [BIN, 'run', '--config', config, '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const stop = (): void => {
      if (killed) return;
      killed = true;
      child.kill('SIGKILL');
    };
    // Directory events come for both files: the .wal appearing or growing, and the database file written by a checkpoint.
    const watcher = kill && kill.instant !== 'mid-batch'
      ? watch(dirname(db), (_event, file) => {
          if (killed || !file) return;
          if (file === walName && existsSync(db + '.wal')) {
            if (kill.instant === 'first-wal-write' && ++walWrites >= Math.max(1, kill.n)) return stop();
            // Counted once pages are being fetched, so the nth write belongs to a batch, not to start-up.
            if (kill.instant === 'mid-commit' && site.requested > 0 && ++walWrites >= kill.n) stop();
          } else if (file === dbName && kill.instant === 'final-checkpoint' && site.requested > 0) {
            stop();
          }
        })
      : null;
    const poll = kill?.instant === 'mid-batch'
      ? setInterval(() => {
          if (site.served >= kill.n) stop();
        }, 1)
      : null;
    child.on('exit', (status) => {
      watcher?.close();
      if (poll) clearInterval(poll);
      resolve({ status, killed, stderr });
    });
  });
}

export interface FileState {
  documents: number;
  distinctUrls: number;
  orphanRows: number;
  documentsWithoutCapture: number;
  running: number;
  newestRun: string | null;
  /** 200 captures committed by the newest run. */
  newestRunCaptures: number;
}

/** Opens the file as an analyst would (read-only) and reads what must hold after any kill. */
export async function inspect(db: string): Promise<FileState> {
  const handle = await openDatabase(db, { readOnly: true });
  try {
    // Killed inside its first migration, a new file is empty: that is a file that opens too.
    if ((await schemaVersion(handle)) === 0) {
      return { documents: 0, distinctUrls: 0, orphanRows: 0, documentsWithoutCapture: 0, running: 0, newestRun: null, newestRunCaptures: 0 };
    }
    const [row] = await handle.query<FileState>(
      `SELECT (SELECT count(*) FROM documents) AS documents,
              (SELECT count(DISTINCT url) FROM documents) AS "distinctUrls",
              (SELECT count(*) FROM rollout_events e ANTI JOIN documents d USING (doc_id))
                + (SELECT count(*) FROM entities e ANTI JOIN documents d USING (doc_id)) AS "orphanRows",
              (SELECT count(*) FROM documents d ANTI JOIN captures c USING (doc_id)) AS "documentsWithoutCapture",
              (SELECT count(*) FROM runs WHERE status = 'running') AS running,
              (SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1) AS "newestRun",
              (SELECT count(*) FROM captures WHERE status = 200 AND run_id =
                 (SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1)) AS "newestRunCaptures"`,
    );
    return row!;
  } finally {
    handle.close();
  }
}

/** Every document, event and entity, for comparing two files. */
export async function contents(db: string) {
  const handle = await openDatabase(db, { readOnly: true });
  try {
    return {
      documents: await handle.query('SELECT doc_id, url, title, body, content_hash FROM documents ORDER BY doc_id'),
      events: await handle.query('SELECT event_id, doc_id, service, region, status FROM rollout_events ORDER BY event_id'),
      entities: await handle.query('SELECT doc_id, kind, name, char_start FROM entities ORDER BY ALL'),
    };
  } finally {
    handle.close();
  }
}

/** Spreads `count` kills over the four instants, with page and write counts that vary from kill to kill. */
export function killPlan(count: number, articles: number, batchSize: number): Kill[] {
  const instants: Instant[] = ['first-wal-write', 'mid-batch', 'mid-commit', 'final-checkpoint'];
  return Array.from({ length: count }, (_, i) => {
    const instant = instants[i % instants.length]!;
    // A run after a kill has about a quarter of the site to fetch (see crashSeries): the counts stay below that.
    const quarter = Math.max(2, Math.floor(articles / 4));
    const round = Math.floor(i / instants.length);
    if (instant === 'first-wal-write') return { instant, n: 1 + (round % 3), afterFinishedRun: round % 2 === 1 };
    const n = instant === 'mid-batch' ? 1 + ((round * 3) % quarter) : instant === 'mid-commit' ? 1 + ((round * 2) % quarter) : 0;
    return { instant, n };
  });
}

export interface CrashReport {
  outcomes: KillOutcome[];
  final: FileState;
}

/**
 * Runs the kill plan on one file, then lets a run finish and a second run pick up what the
 * resumed one skipped. Calls `check` after every kill with the state the file opened in.
 */
export async function crashSeries(
  site: CrashSite,
  dir: string,
  batch: CrashConfig,
  plan: Kill[],
  check: (state: FileState, outcome: KillOutcome, stderr: string) => void,
): Promise<CrashReport> {
  const cfg = writeCrashConfig(dir, site, 'crashed', batch);
  const db = join(dir, 'crashed.duckdb');
  const outcomes: KillOutcome[] = [];
  for (const [i, kill] of plan.entries()) {
    if (kill.afterFinishedRun) {
      const finished = await runUntil(cfg, db, site);
      if (finished.status !== 0) throw new Error(`a run between kills exited ${finished.status}: ${finished.stderr}`);
    }
    site.resetCounts();
    const before = existsSync(db) ? await inspect(db) : null;
    const { killed, stderr } = await runUntil(cfg, db, site, kill);
    const walBytes = existsSync(db + '.wal') ? statSync(db + '.wal').size : 0;
    const state = await inspect(db);
    // The killed run's own row is there once it committed its start: its captures are what it kept.
    const runStarted = state.newestRun !== null && state.newestRun !== before?.newestRun;
    const outcome: KillOutcome = {
      ...kill,
      missed: !killed,
      walBytes,
      lost: runStarted ? Math.max(0, site.served - state.newestRunCaptures) : site.served,
      documents: state.documents,
    };
    outcomes.push(outcome);
    check(state, outcome, stderr);
    site.change(i, Math.ceil(site.articles / 4));
  }
  site.resetCounts();
  const last = await runUntil(cfg, db, site);
  if (last.status !== 0) throw new Error(`the run after the kills exited ${last.status}: ${last.stderr}`);
  const again = await runUntil(cfg, db, site);
  if (again.status !== 0) throw new Error(`the second run after the kills exited ${again.status}: ${again.stderr}`);
  return { outcomes, final: await inspect(db) };
}

export function scratchDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'rollwatch-crash-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
