// A fixture HTTP server on 127.0.0.1 (random port) whose routes misbehave on purpose:
// errors, throttling, slowness, resets, broken gzip, loops, huge and non-HTML bodies.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

export interface Hit {
  path: string;
  at: number;
  headers: IncomingMessage['headers'];
}

export type Route = (req: IncomingMessage, res: ServerResponse, hit: number) => void | Promise<void>;

export interface FaultServer {
  origin: string;
  hits: Hit[];
  /** Requests seen for one path (path + query). */
  count(path: string): number;
  /** Highest number of requests in flight at once. */
  maxInFlight: number;
  /** Bytes written per request by streaming routes (the huge page), to prove the client stopped early. */
  bytesSent: number[];
  close(): Promise<void>;
}

export async function startFaultServer(routes: Record<string, Route>): Promise<FaultServer> {
  const hits: Hit[] = [];
  const sockets = new Set<Socket>();
  let inFlight = 0;
  const state: FaultServer = {
    origin: '',
    hits,
    count: (path) => hits.filter((h) => h.path === path).length,
    maxInFlight: 0,
    bytesSent: [],
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer(async (req, res) => {
    const path = req.url ?? '/';
    hits.push({ path, at: Date.now(), headers: req.headers });
    inFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    res.on('close', () => {
      inFlight -= 1;
    });
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<p>no such page</p>');
      return;
    }
    try {
      await route(req, res, hits.filter((h) => h.path === path).length);
    } catch {
      res.destroy();
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

// ---- route builders

export function html(body: string, headers: Record<string, string> = {}): Route {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);
  };
}

export function bytes(body: Buffer, headers: Record<string, string>, status = 200): Route {
  return (_req, res) => {
    res.writeHead(status, headers).end(body);
  };
}

/** An article page written for the tests. */
export function articlePage(title: string, text = 'The trust said the new service would go live in the spring.'): string {
  return `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${text}</p></article></body></html>`;
}

/** 500 for the first `failures` hits, then the page. */
export function flaky(failures: number, page: string, status = 500): Route {
  return (_req, res, hit) => {
    if (hit <= failures) res.writeHead(status, { 'content-type': 'text/html' }).end('<p>server error</p>');
    else res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  };
}

/** 429 with the given Retry-After on the first hit, then the page. */
export function throttled(retryAfter: string, page: string): Route {
  return (_req, res, hit) => {
    if (hit === 1) res.writeHead(429, { 'retry-after': retryAfter, 'content-type': 'text/plain' }).end('slow down');
    else res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  };
}

/** Sends headers and half the body, then waits `ms` before finishing. */
export function slow(ms: number, page: string): Route {
  return async (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write(page.slice(0, page.length / 2));
    await new Promise((r) => setTimeout(r, ms));
    if (!res.destroyed) res.end(page.slice(page.length / 2));
  };
}

/** Promises a long body, sends part of it, then destroys the socket. */
export function resetMidBody(page: string): Route {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(page.length * 4) });
    res.write(page, () => res.socket?.destroy());
  };
}

/** A gzip body cut before its end, with a Content-Length that matches what is sent. */
export function truncatedGzip(page: string): Route {
  const full = gzipSync(Buffer.from(page.repeat(20)));
  const cut = full.subarray(0, Math.floor(full.length * 0.6));
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': String(cut.length) }).end(cut);
  };
}

export function gzipped(page: string): Route {
  const body = gzipSync(Buffer.from(page));
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' }).end(body);
  };
}

export function redirect(to: string, status = 302): Route {
  return (_req, res) => {
    res.writeHead(status, { location: to }).end();
  };
}

/**
 * Streams `totalBytes` of HTML in 64 KB chunks without a Content-Length, so the client can
 * only find out it is too large by counting; stops writing once the client goes away.
 */
export function hugePage(totalBytes: number, sent: number[]): Route {
  const chunk = Buffer.from('<p>' + 'padding text for a very long page. '.repeat(1872) + '</p>\n');
  return async (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    let written = 0;
    const slot = sent.push(0) - 1;
    while (written < totalBytes && !res.destroyed) {
      const ok = res.write(chunk);
      written += chunk.length;
      sent[slot] += chunk.length;
      if (!ok) {
        await new Promise<void>((resolve) => {
          const done = (): void => {
            res.off('drain', done);
            res.off('close', done);
            resolve();
          };
          res.on('drain', done);
          res.on('close', done);
        });
      }
    }
    if (!res.destroyed) res.end();
  };
}

export function notFound(): Route {
  return (_req, res) => {
    res.writeHead(404, { 'content-type': 'text/html' }).end('<p>gone</p>');
  };
}
