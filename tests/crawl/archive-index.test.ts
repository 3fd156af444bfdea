// Listing a web archive's captures through its CDX server and its TimeMaps, checked against the
// fixture archive: both indexes name the same captures, and the raw capture URL has no banner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureTime, cdxQueryUrl, parseCdxJson, parseTimeMap, rawCaptureUrl, timeMapUrl, type ArchivedCapture } from '../../pipeline/crawl/archive-index.ts';
import { ARCHIVED_SITE, buildSampleArchive } from '../../pipeline/sample/archive.ts';
import { startSampleArchive, type RunningSampleArchive } from '../../pipeline/sample/archive-server.ts';

let archive: RunningSampleArchive;
beforeAll(async () => {
  archive = await startSampleArchive();
});
afterAll(() => archive.close());

const prefix = `${ARCHIVED_SITE}/news/`;
const key = (c: ArchivedCapture) => `${c.original} ${c.timestamp}`;

async function allCdx(limit: number): Promise<{ captures: ArchivedCapture[]; requests: number }> {
  const captures: ArchivedCapture[] = [];
  let resumeKey: string | null = null;
  let requests = 0;
  do {
    const page = parseCdxJson(await (await fetch(cdxQueryUrl({ cdx: archive.cdx, urlPrefix: prefix, limit, resumeKey }))).text());
    requests++;
    captures.push(...page.captures);
    resumeKey = page.resumeKey;
  } while (resumeKey && requests < 50);
  return { captures, requests };
}

describe('web archive index', () => {
  it('the CDX query lists each distinct 200 capture under the prefix, page by page', async () => {
    const one = await allCdx(1000);
    const paged = await allCdx(2);
    expect(one.requests).toBe(1);
    expect(paged.requests).toBeGreaterThan(3);
    expect(paged.captures).toEqual(one.captures);
    expect(one.captures.every((c) => c.status === 200 && c.original.startsWith(prefix))).toBe(true);
    const changed = one.captures.filter((c) => c.original.endsWith('/nhs-111-across-the-north-east'));
    expect(changed).toHaveLength(2);
    expect(new Set(changed.map((c) => c.digest)).size).toBe(2);
  });

  it('a prefix TimeMap lists every capture the archive holds, errors and redirects included', async () => {
    const { captures, next } = parseTimeMap(await (await fetch(timeMapUrl(archive.timemap, prefix))).text());
    expect(next).toBeNull();
    const held = buildSampleArchive().filter((m) => m.original.startsWith(prefix));
    expect(captures.map(key).sort()).toEqual(held.map((m) => `${m.original} ${m.timestamp}`).sort());
  });

  it('reads a one-URL TimeMap written as RFC 7089 shows it, with the original named once', () => {
    const text = `<http://a.example/page>;rel="original",
<http://arc.example/timemap/link/http://a.example/page>; rel="self";type="application/link-format"; from="Tue, 20 Jun 2000 18:02:59 GMT",
<http://arc.example/timegate/http://a.example/page>; rel="timegate",
<http://arc.example/m/1>; rel="first memento";datetime="Tue, 20 Jun 2000 18:02:59 GMT",
<http://arc.example/m/2>; rel="last memento";datetime="Wed, 09 Apr 2008 20:30:51 GMT",
<http://arc.example/timemap/link/2/http://a.example/page>; rel="next"; type="application/link-format"`;
    const { captures, next } = parseTimeMap(text);
    expect(captures.map(key)).toEqual(['http://a.example/page 20000620180259', 'http://a.example/page 20080409203051']);
    expect(next).toBe('http://arc.example/timemap/link/2/http://a.example/page');
  });

  it('names a CDX answer that is not one, rather than returning nothing', () => {
    expect(() => parseCdxJson('<html>rate limited</html>')).toThrow(/not JSON/);
    expect(parseCdxJson('[]')).toEqual({ captures: [], resumeKey: null });
  });

  it('fetches a capture raw, at its exact time, with no archive banner', async () => {
    const [c] = parseCdxJson(await (await fetch(cdxQueryUrl({ cdx: archive.cdx, urlPrefix: `${prefix}nhs-111-pilot-now-live` }))).text()).captures;
    const res = await fetch(rawCaptureUrl(`${archive.origin}/web/`, c!));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('NHS 111 pilot now taking calls');
    expect(html).not.toContain('wm-banner');
    expect(captureTime(c!.timestamp)).toBe('2012-04-16T10:12:31.000Z');
  });
});
