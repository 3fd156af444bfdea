// A small news site on 127.0.0.1 for the run tests: robots.txt, a sitemap of `articles` pages at /news/N,
// and each page after `delayMs` (a slow site), counting the pages it has served.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SitemapSite {
  origin: string;
  /** Article pages sent so far. */
  served(): number;
  close(): Promise<void>;
}

export async function sitemapSite(articles: number, page: (i: number) => string, delayMs = 0): Promise<SitemapSite> {
  let served = 0;
  let origin = '';
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/robots.txt') return res.end('User-agent: *\nAllow: /\n');
    if (path === '/sitemap.xml') {
      const urls = Array.from({ length: articles }, (_, i) => `<url><loc>${origin}/news/${i}</loc></url>`).join('');
      res.setHeader('content-type', 'application/xml');
      return res.end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`);
    }
    const m = /^\/news\/(\d+)$/.exec(path);
    if (!m) {
      res.statusCode = 404;
      return res.end();
    }
    const send = () => {
      served++;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(page(Number(m[1])));
    };
    if (delayMs > 0) setTimeout(send, delayMs);
    else send();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    served: () => served,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
