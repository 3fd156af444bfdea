// The sample-site server behaves like a real web server towards a polite crawler.
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSampleSite, SAMPLE_SITE_IDS } from '../../pipeline/sample/catalog.ts';
import { startSampleSites, type RunningSampleSites } from '../../pipeline/sample/server.ts';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Plain node:http GET, so nothing decodes or caches behind the test's back. */
function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

let sites: RunningSampleSites;
beforeAll(async () => {
  sites = await startSampleSites();
});
afterAll(async () => {
  await sites.close();
});

describe('startSampleSites', () => {
  it('listens on 127.0.0.1 with one random port per site', () => {
    expect(Object.keys(sites.origins).sort()).toEqual([...SAMPLE_SITE_IDS].sort());
    const ports = new Set<string>();
    for (const origin of Object.values(sites.origins)) {
      expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      ports.add(new URL(origin).port);
    }
    expect(ports.size).toBe(SAMPLE_SITE_IDS.length);
  });

  it('starts only the sites asked for, and rejects unknown ids', async () => {
    const one = await startSampleSites({ sites: ['local-ccg'] });
    try {
      expect(Object.keys(one.origins)).toEqual(['local-ccg']);
    } finally {
      await one.close();
    }
    await expect(startSampleSites({ sites: ['no-such-site'] })).rejects.toThrow(/unknown sample site/);
  });
});

describe.each([...SAMPLE_SITE_IDS])('%s pages', (id) => {
  it('serves every page with its status, content type and exact bytes', async () => {
    const site = buildSampleSite(id);
    for (const page of site.pages.values()) {
      const res = await get(sites.origins[id] + page.path);
      expect(res.status, page.path).toBe(200);
      expect(res.headers['content-type'], page.path).toBe(page.contentType);
      expect(res.body.equals(page.body), page.path).toBe(true);
      expect(res.headers['etag'], page.path).toMatch(/^"[^"]+"$/);
      expect(res.headers['last-modified'], page.path).toBe(page.lastModified.toUTCString());
    }
  });

  it('answers 404 for unknown paths', async () => {
    const res = await get(`${sites.origins[id]}/no/such/page.html`);
    expect(res.status).toBe(404);
  });
});

describe('charsets', () => {
  it('declares UTF-8 in the header on the modern sites', async () => {
    const nn = await get(`${sites.origins['nhs-news']}/news/`);
    const tp = await get(`${sites.origins['trade-press']}/news`);
    expect(nn.headers['content-type']).toMatch(/charset=utf-8/i);
    expect(tp.headers['content-type']).toMatch(/charset=utf-8/i);
  });

  it('sends windows-1252 bytes from the local site with no charset in the header', async () => {
    const site = buildSampleSite('local-ccg');
    const cafe = site.articles.find((a) => a.article.slug === 'new-cafe-opens-at-health-centre')!;
    const res = await get(sites.origins['local-ccg'] + cafe.path);
    expect(res.headers['content-type']).toBe('text/html');
    const latin = res.body.toString('latin1');
    expect(latin).toContain('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">');
    // cp1252 bytes: é = E9, ’ = 92; and not their UTF-8 forms.
    expect(res.body.includes(Buffer.from([0x63, 0x61, 0x66, 0xe9]))).toBe(true);
    expect(res.body.includes(Buffer.from('é', 'utf8'))).toBe(false);
    expect(res.body.includes(0x92)).toBe(true);
    const text = iconv.decode(res.body, 'win1252');
    expect(text).toContain('New café opens at Oakham health centre');
    expect(text).toContain('charity’s work');
    expect(text).toContain('80p');
  });

  it('has curly quotes and pound signs as cp1252 bytes in local articles', async () => {
    const site = buildSampleSite('local-ccg');
    const dhu = site.articles.find((a) => a.article.slug === 'dhu-preferred-provider-for-nhs-111')!;
    const res = await get(sites.origins['local-ccg'] + dhu.path);
    expect(res.body.includes(Buffer.from([0xa3, 0x33, 0x2e, 0x36]))).toBe(true); // £3.6
    expect(res.body.includes(0x93)).toBe(true); // “
    expect(res.body.includes(0x94)).toBe(true); // ”
    expect(iconv.decode(res.body, 'win1252')).toContain('worth about £3.6 million a year');
  });
});

describe('conditional GET', () => {
  const path = '/2013/05/more-time-for-areas-to-launch-nhs-111/';

  it('answers 304 to a matching If-None-Match, with no body', async () => {
    const origin = sites.origins['nhs-news'];
    const first = await get(origin + path);
    const etag = String(first.headers['etag']);
    const again = await get(origin + path, { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers['etag']).toBe(etag);
    const other = await get(origin + path, { 'If-None-Match': '"something-else"' });
    expect(other.status).toBe(200);
  });

  it('answers 304 to If-Modified-Since at or after Last-Modified, 200 before it', async () => {
    const origin = sites.origins['trade-press'];
    const feedPath = '/feeds/news.rss';
    const first = await get(origin + feedPath);
    const lastModified = String(first.headers['last-modified']);
    expect((await get(origin + feedPath, { 'If-Modified-Since': lastModified })).status).toBe(304);
    const earlier = new Date(Date.parse(lastModified) - 86_400_000).toUTCString();
    expect((await get(origin + feedPath, { 'If-Modified-Since': earlier })).status).toBe(200);
  });

  it('lets If-None-Match win over If-Modified-Since', async () => {
    const origin = sites.origins['nhs-news'];
    const first = await get(origin + path);
    const res = await get(origin + path, { 'If-None-Match': '"stale"', 'If-Modified-Since': String(first.headers['last-modified']) });
    expect(res.status).toBe(200);
  });
});

describe('gzip', () => {
  it('compresses when the client accepts gzip, with its own strong ETag', async () => {
    const origin = sites.origins['local-ccg'];
    const plain = await get(`${origin}/news/default.asp`);
    const zipped = await get(`${origin}/news/default.asp`, { 'Accept-Encoding': 'gzip, deflate' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['vary']).toMatch(/Accept-Encoding/);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(zipped.body.length).toBeLessThan(plain.body.length);
    expect(zipped.headers['etag']).not.toBe(plain.headers['etag']);
    const revalidated = await get(`${origin}/news/default.asp`, { 'Accept-Encoding': 'gzip', 'If-None-Match': String(zipped.headers['etag']) });
    expect(revalidated.status).toBe(304);
  });

  it('does not compress when gzip is refused with q=0', async () => {
    const res = await get(`${sites.origins['local-ccg']}/news/default.asp`, { 'Accept-Encoding': 'gzip;q=0, identity' });
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});

describe('URLs as real sites treat them', () => {
  it('ignores tracking parameters', async () => {
    const origin = sites.origins['trade-press'];
    const path = '/news/commissioning/nhs-111-launch-put-on-hold-indefinitely-in-leicester/20003117.article';
    const clean = await get(origin + path);
    const tracked = await get(`${origin}${path}?utm_source=rss&utm_medium=feed&utm_campaign=news`);
    expect(tracked.status).toBe(200);
    expect(tracked.body.equals(clean.body)).toBe(true);
    const local = await get(`${sites.origins['local-ccg']}/news/newsitem.asp?id=478&utm_source=homepage&utm_medium=sidebar`);
    expect(local.status).toBe(200);
    expect(iconv.decode(local.body, 'win1252')).toContain('Statement on the local NHS 111 launch');
  });

  it('serves different pages for different query values', async () => {
    const origin = sites.origins['trade-press'];
    const one = await get(`${origin}/news`);
    const two = await get(`${origin}/news?page=2`);
    expect(two.status).toBe(200);
    expect(two.body.equals(one.body)).toBe(false);
  });

  it('redirects WordPress addresses without the trailing slash', async () => {
    const res = await get(`${sites.origins['nhs-news']}/2013/05/more-time-for-areas-to-launch-nhs-111`);
    expect(res.status).toBe(301);
    expect(res.headers['location']).toBe('/2013/05/more-time-for-areas-to-launch-nhs-111/');
  });

  it('answers HEAD with headers only', async () => {
    const res = await get(`${sites.origins['nhs-news']}/robots.txt`, {}, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(0);
    expect(Number(res.headers['content-length'])).toBeGreaterThan(0);
  });
});
