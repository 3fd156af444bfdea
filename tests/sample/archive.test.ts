// The fixture web archive answers as the Wayback Machine and pywb do, over captures of the
// archived-only sample site taken at three times: one article changed, one removed, one URL
// captured as a redirect and one as a server error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARCHIVED_SITE, buildSampleArchive, timestamp14 } from '../../pipeline/sample/archive.ts';
import { startSampleArchive, type RunningSampleArchive } from '../../pipeline/sample/archive-server.ts';

const T1 = timestamp14('2012-04-16T10:12:31Z');
const T2 = timestamp14('2012-11-20T14:03:09Z');
const T3 = timestamp14('2013-03-20T09:41:55Z');
const article = (slug: string) => `${ARCHIVED_SITE}/news/${slug}`;

let archive: RunningSampleArchive;
beforeAll(async () => {
  archive = await startSampleArchive();
});
afterAll(() => archive.close());

async function cdx(params: Record<string, string | string[]>): Promise<string[][]> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const one of [v].flat()) q.append(k, one);
  const res = await fetch(`${archive.cdx}?${q}`);
  expect(res.status).toBe(200);
  return (await res.json()) as string[][];
}

const standard = { url: `${ARCHIVED_SITE}/news/`, matchType: 'prefix', output: 'json', filter: 'statuscode:200', collapse: 'digest' };

describe('fixture archive holdings', () => {
  it('captured the site three times, with the changes between captures that the schedule lists', () => {
    const held = buildSampleArchive();
    const at = (slug: string) => held.filter((m) => m.original === article(slug)).map((m) => [m.timestamp, m.status]);
    expect([...new Set(held.map((m) => m.timestamp))]).toEqual([T1, T2, T3]);
    expect(at('board-meetings-in-public-2012')).toEqual([[T1, 200], [T2, 200]]);
    expect(at('nhs-111-first-year-report')).toEqual([[T1, 200], [T2, 503], [T3, 200]]);
    expect(at('nhs-111-pilot-to-start-in-august')).toEqual([[T1, 200], [T2, 200], [T3, 301]]);
    const changed = held.filter((m) => m.original === article('nhs-111-across-the-north-east')).map((m) => m.body.toString());
    expect(changed[0]).not.toContain('put back to March 2013');
    expect(changed[1]).toContain('put back to March 2013');
    expect(changed[2]).toBe(changed[1]);
  });
});

describe('CDX server', () => {
  it('lists each distinct 200 capture under a prefix once, the changed article twice, with a header row', async () => {
    const rows = await cdx(standard);
    expect(rows[0]).toEqual(['urlkey', 'timestamp', 'original', 'mimetype', 'statuscode', 'digest', 'length']);
    const of = (slug: string) => rows.filter((r) => r[2] === article(slug)).map((r) => r[1]);
    expect(of('nhs-111-across-the-north-east')).toEqual([T1, T2]);
    expect(of('nhs-111-pilot-to-start-in-august')).toEqual([T1]);
    expect(of('nhs-111-first-year-report')).toEqual([T1]); // the 503 between two equal captures is filtered out first
    expect(rows.slice(1).every((r) => r[4] === '200' && r[0]!.startsWith('example,cdd-pct)/news/'))).toBe(true);
  });

  it('without the filter and collapse it lists every capture, errors and redirects included', async () => {
    const rows = await cdx({ url: `${ARCHIVED_SITE}/news/nhs-111-first-year-report`, output: 'json' });
    expect(rows.slice(1).map((r) => [r[1], r[4]])).toEqual([[T1, '200'], [T2, '503'], [T3, '200']]);
  });

  it('keeps to the from/to period, a short year meaning the whole year', async () => {
    const rows = await cdx({ ...standard, from: '2012', to: '2012' });
    expect(new Set(rows.slice(1).map((r) => r[1]))).toEqual(new Set([T1, T2]));
  });

  it('pages a long answer with resume keys, and the pages add up to the whole answer', async () => {
    const whole = (await cdx(standard)).slice(1);
    const seen: string[][] = [];
    let key: string | null = null;
    for (let page = 0; page < 20; page++) {
      const rows = await cdx({ ...standard, limit: '3', showResumeKey: 'true', ...(key ? { resumeKey: key } : {}) });
      const blank = rows.findIndex((r) => r.length === 0);
      seen.push(...rows.slice(1, blank < 0 ? undefined : blank));
      key = blank < 0 ? null : rows[blank + 1]![0]!;
      if (!key) break;
    }
    expect(seen).toEqual(whole);
  });
});

describe('Memento TimeMap and captures', () => {
  it('a prefix TimeMap in link format lists every memento with its datetime', async () => {
    const res = await fetch(`${archive.timemap}${ARCHIVED_SITE}/news/*`);
    expect(res.headers.get('content-type')).toBe('application/link-format');
    const text = await res.text();
    const mementos = [...text.matchAll(/<([^>]+)>; rel="[^"]*memento[^"]*"; datetime="([^"]+)"/g)];
    expect(mementos.length).toBe(buildSampleArchive().filter((m) => m.original.startsWith(`${ARCHIVED_SITE}/news/`)).length);
    expect(text).toContain(`<${archive.origin}/web/${T3}/${article('nhs-111-pilot-to-start-in-august')}>; rel="`);
    expect(mementos[0]![2]).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
  });

  it('a one-URL TimeMap names the original and the timegate, as RFC 7089 shows', async () => {
    const text = await (await fetch(`${archive.timemap}${article('nhs-111-pilot-now-live')}`)).text();
    expect(text.split(',\n')[0]).toBe(`<${article('nhs-111-pilot-now-live')}>; rel="original"`);
    expect(text).toContain('rel="timegate"');
    expect(text).toContain('rel="first memento"');
  });

  it('serves the raw capture at id_, without the banner a reader sees', async () => {
    const url = article('nhs-111-pilot-now-live');
    const raw = await fetch(`${archive.origin}/web/${T1}id_/${url}`);
    expect(raw.status).toBe(200);
    expect(raw.headers.get('memento-datetime')).toBe('Mon, 16 Apr 2012 10:12:31 GMT');
    const held = buildSampleArchive().find((m) => m.original === url && m.timestamp === T1)!;
    expect(Buffer.from(await raw.arrayBuffer()).equals(held.body)).toBe(true);
    const wrapped = await (await fetch(`${archive.origin}/web/${T1}/${url}`)).text();
    expect(wrapped).toContain('id="wm-banner"');
  });

  it('replays a redirect capture as a redirect into the archive, and an error capture with its status', async () => {
    const moved = await fetch(`${archive.origin}/web/${T3}id_/${article('nhs-111-pilot-to-start-in-august')}`, { redirect: 'manual' });
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe(`${archive.origin}/web/${T3}id_/http://www.durham-ccgs.example/news/nhs-111-in-county-durham`);
    const failed = await fetch(`${archive.origin}/web/${T2}id_/${article('nhs-111-first-year-report')}`);
    expect(failed.status).toBe(503);
    expect(failed.headers.get('memento-datetime')).toBeTruthy();
  });

  it('sends an inexact time to the nearest capture, and says 404 for a URL it never captured', async () => {
    const near = await fetch(`${archive.origin}/web/2012/${article('nhs-111-pilot-now-live')}`, { redirect: 'manual' });
    expect(near.status).toBe(302);
    expect(near.headers.get('location')).toBe(`${archive.origin}/web/${T1}/${article('nhs-111-pilot-now-live')}`);
    expect((await fetch(`${archive.origin}/web/${T1}id_/${ARCHIVED_SITE}/news/never`)).status).toBe(404);
  });

  it('enforces its own rate limit with 429 and Retry-After when asked to', async () => {
    const strict = await startSampleArchive({ rateLimit: { requests: 2, windowMs: 60_000, retryAfterSeconds: 7 } });
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${strict.cdx}?url=${ARCHIVED_SITE}/news/&matchType=prefix&output=json`);
        statuses.push(res.status);
        if (res.status === 429) retryAfter = res.headers.get('retry-after');
      }
      expect(statuses).toEqual([200, 200, 429]);
      expect(retryAfter).toBe('7');
    } finally {
      await strict.close();
    }
  });
});
