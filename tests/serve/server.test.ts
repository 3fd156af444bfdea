import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import type { RunningServer } from '../../pipeline/serve/server.ts';
import type { TestDb } from '../export/test-db.ts';
import { parseCsv } from '../export/parse-csv.ts';
import { LLR_QUOTE, S } from '../export/fixture.ts';
import { seededServer } from './seeded-server.ts';

let server: RunningServer;
let t: TestDb;
beforeAll(async () => {
  ({ server, t } = await seededServer());
});
afterAll(async () => {
  await server.close();
  t.cleanup();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await request(new URL(path, server.url), { headers });
  // Decode by hand: body.text() would drop the BOM we want to see.
  const bytes = Buffer.from(await res.body.arrayBuffer());
  return { status: res.statusCode, headers: res.headers, bytes, text: bytes.toString('utf8') };
}

describe('serve (HTTP)', () => {
  it('listens on 127.0.0.1 with a random port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('lists facets and filtered facts', async () => {
    const facets = JSON.parse((await get('/api/facets')).text);
    expect(facets.services).toEqual(['NHS 111', 'NHS App']);
    expect(facets.statuses).toContain('provider_withdrawn');
    const somerset = JSON.parse((await get('/api/facts?region=Somerset')).text);
    expect(somerset.total).toBe(2);
  });

  it('gives a fact its paragraph and the quotes of its article', async () => {
    const ctx = JSON.parse((await get('/api/facts/e6')).text);
    expect(ctx.paragraph).toEqual({ before: '', evidence: S.llrPaused, after: '' });
    expect(ctx.quotes.map((q: { speaker: string }) => q.speaker)).toEqual(['Dr Priya Shah']);
    const xss = JSON.parse((await get('/api/facts/x1')).text);
    expect(xss.paragraph.evidence).toContain('<img');
    expect((await get('/api/facts/nope')).status).toBe(404);
  });

  it('downloads the filtered CSV for Excel', async () => {
    const res = await get('/export.csv?region=Leicester%2C+Leicestershire+and+Rutland&status=paused');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(res.bytes.subarray(3).toString('utf8'));
    const col = (name: string) => rows[0]!.indexOf(name);
    expect(rows.slice(1).map((r) => r[col('status')])).toEqual(['paused', 'paused']);
    expect(rows.some((r) => r[col('quote')] === LLR_QUOTE)).toBe(true);
  });

  it('answers a bad filter with 400 and the reason', async () => {
    const res = await get('/api/facts?status=on+hold');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).error).toMatch(/use one of/);
    expect((await get('/export.csv?since=yesterday')).status).toBe(400);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    expect((await get('/api/facets', { host: 'evil.example' })).status).toBe(421);
  });

  it('sends a content security policy that forbids inline and remote script', async () => {
    const res = await get('/');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.text).toContain('<script type="module" src="/app.js">');
  });
});
