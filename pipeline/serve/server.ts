// `rollwatch serve`: a local web page to browse and filter facts, read the
// evidence and quotes beside each, and download the filtered CSV.
// Listens on 127.0.0.1 only and opens the database read-only, so it can run
// beside an analyst's session and never changes the file.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase, type Database } from '../load/db.ts';
import { exportRows } from '../export/export.ts';
import { FilterError, filtersFromSearchParams } from '../export/filters.ts';
import { currentStatus, factContext, facets, facts } from './facts-api.ts';
import { PAGE_CSS, PAGE_HTML, PAGE_JS } from './page.ts';

export interface ServeOptions {
  /** @default 0 (a free port; the URL says which) */
  port?: number;
  /** Only loopback: the page has no login. @default '127.0.0.1' */
  host?: '127.0.0.1';
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

/** Serialises queries: one DuckDB connection, one statement at a time. */
function queue(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>) => {
    const result = tail.then(work, work);
    tail = result.catch(() => undefined);
    return result;
  };
}

export async function startServer(dbPath: string, options: ServeOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const db: Database = await openDatabase(dbPath, { readOnly: true });
  const serial = queue();
  let port = 0;

  // A page on another site could reach 127.0.0.1 through DNS rebinding; only
  // answer requests addressed to this machine by a loopback name.
  const hostAllowed = (header: string | undefined) =>
    header === `${host}:${port}` || header === `localhost:${port}` || header === `[::1]:${port}`;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host)) return send(res, 421, 'text/plain; charset=utf-8', 'unexpected Host header\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'GET only\n');
    const url = new URL(req.url ?? '/', `http://${host}:${port}`);
    const path = url.pathname;
    if (path === '/') return send(res, 200, 'text/html; charset=utf-8', PAGE_HTML);
    if (path === '/app.js') return send(res, 200, 'text/javascript; charset=utf-8', PAGE_JS);
    if (path === '/app.css') return send(res, 200, 'text/css; charset=utf-8', PAGE_CSS);
    if (path === '/api/facets') return sendJson(res, 200, await serial(() => facets(db)));
    if (path === '/api/facts') {
      const filters = filtersFromSearchParams(url.searchParams);
      return sendJson(res, 200, await serial(() => facts(db, filters)));
    }
    if (path === '/api/current') {
      const filters = filtersFromSearchParams(url.searchParams);
      return sendJson(res, 200, await serial(() => currentStatus(db, filters)));
    }
    if (path.startsWith('/api/facts/')) {
      const eventId = decodeURIComponent(path.slice('/api/facts/'.length));
      const context = await serial(() => factContext(db, eventId));
      return context ? sendJson(res, 200, context) : sendJson(res, 404, { error: `no fact ${eventId}` });
    }
    if (path === '/export.csv') {
      const filters = filtersFromSearchParams(url.searchParams);
      // Validate before the headers go out, so a bad filter is a 400, not half a file.
      const chunks: string[] = [];
      const sink = {
        write(chunk: string) {
          chunks.push(chunk);
          return true;
        },
      } as unknown as NodeJS.WritableStream; // only write() is used for text formats
      await serial(() => exportRows(db, filters, { format: 'csv', excel: true, output: sink }));
      res.writeHead(200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="rollwatch-facts.csv"',
        'Cache-Control': 'no-store',
        ...SECURITY_HEADERS,
      });
      res.end(chunks.join(''));
      return;
    }
    send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) return res.destroy();
      if (err instanceof FilterError) return sendJson(res, 400, { error: err.message });
      sendJson(res, 500, { error: err instanceof Error ? err.message : String(err) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}/`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
    },
  };
}
