// A source read through a web archive: every capture of an article listed by the archive's CDX
// server or TimeMap is fetched raw, politely, and loaded as a version of the document named by
// its original URL, captured when the archive captured it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../pipeline/load/db.ts';
import { docIdFor } from '../../pipeline/load/store.ts';
import { createProgress } from '../../pipeline/run/progress.ts';
import { runPipeline } from '../../pipeline/run/run.ts';
import { ARCHIVED_SITE } from '../../pipeline/sample/archive.ts';
import { startSampleArchive, type RunningSampleArchive, type SampleArchiveOptions } from '../../pipeline/sample/archive-server.ts';
import { SAMPLE_ROOT } from '../../pipeline/sample/catalog.ts';
import { loadConfig, loadSource } from '../../pipeline/sources/load.ts';

const quiet = createProgress(process.stderr, true);
const dirs: string[] = [];
const servers: RunningSampleArchive[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const CHANGED = `${ARCHIVED_SITE}/news/nhs-111-across-the-north-east`;

/** A config whose one source is the archived sample site, read through a fresh fixture archive. */
async function setup(index: 'cdx' | 'timemap', options: SampleArchiveOptions = {}) {
  const archive = await startSampleArchive(options);
  servers.push(archive);
  const dir = mkdtempSync(join(tmpdir(), `rollwatch-archive-${index}-`));
  dirs.push(dir);
  const source = loadSource(join(SAMPLE_ROOT, 'pct-news.json'));
  const entry = { ...(source.discover[0] as { archive: Record<string, string> }).archive };
  delete entry.cdx;
  entry[index] = index === 'cdx' ? archive.cdx : archive.timemap;
  writeFileSync(join(dir, 'pct.json'), JSON.stringify({ ...source, discover: [{ archive: entry }] }));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ sources: ['pct.json'], db: join(dir, 'db.duckdb'), archive: join(dir, 'warc'), fast: true, workers: 0 }));
  return { archive, loaded: loadConfig(join(dir, 'config.json')), db: join(dir, 'db.duckdb') };
}

describe('a source read through a web archive (CDX)', () => {
  let env: Awaited<ReturnType<typeof setup>>;
  let firstRequests: string[];
  let secondRequests: string[];
  beforeAll(async () => {
    env = await setup('cdx');
    const report = await runPipeline(env.loaded, { progress: quiet });
    expect(report.status).toBe('ok');
    firstRequests = [...env.archive.requests];
    await runPipeline(env.loaded, { progress: quiet });
    secondRequests = env.archive.requests.slice(firstRequests.length);
  }, 120_000);

  it('fetches every listed capture raw (id_), one document per original URL', async () => {
    const raw = firstRequests.filter((r) => r.startsWith('/web/'));
    expect(raw.length).toBe(6); // five articles, one of them changed between captures
    expect(raw.every((r) => /^\/web\/\d{14}id_\//.test(r))).toBe(true);
    const db = await openDatabase(env.db, { readOnly: true });
    const docs = await db.query<{ url: string; body: string }>('SELECT url, body FROM documents ORDER BY url');
    db.close();
    expect(docs.map((d) => d.url)).toHaveLength(5);
    expect(docs.every((d) => d.url.startsWith(`${ARCHIVED_SITE}/news/`))).toBe(true);
    expect(docs.some((d) => d.body.includes('Archived page'))).toBe(false);
  });

  it('the changed article is one document with the newest capture as its facts and the older one as an earlier version', async () => {
    const db = await openDatabase(env.db, { readOnly: true });
    const id = docIdFor(CHANGED);
    const [doc] = await db.query<{ published: string; body: string }>('SELECT CAST(published_at AS VARCHAR) AS published, body FROM documents WHERE doc_id = ?', [id]);
    const events = await db.query<{ status: string }>('SELECT status FROM rollout_events WHERE doc_id = ?', [id]);
    const earlier = await db.query<{ body: string; at: string }>("SELECT body, strftime(fetched_at, '%Y-%m-%d') AS at FROM earlier_versions WHERE doc_id = ?", [id]);
    const captures = await db.query<{ at: string; origin: string }>(
      "SELECT strftime(fetched_at, '%Y-%m-%dT%H:%M:%S') AS at, origin FROM captures WHERE doc_id = ? ORDER BY fetched_at",
      [id],
    );
    db.close();
    expect(doc?.published).toBe('2012-02-14'); // from the page, not the capture
    expect(doc?.body).toContain('put back to March 2013');
    expect(events.map((e) => e.status)).toContain('delayed');
    expect(earlier).toHaveLength(1);
    expect(earlier[0]!.body).not.toContain('put back');
    expect(earlier[0]!.at).toBe('2012-04-16');
    expect(captures.map((c) => c.at)).toEqual(['2012-04-16T10:12:31', '2012-11-20T14:03:09']);
    expect(captures[1]!.origin).toMatch(/\/web\/20121120140309id_\/http:\/\/www\.cdd-pct\.example\/news\/nhs-111-across-the-north-east$/);
  });

  it('a second run reads the index again but fetches no capture it already has', () => {
    expect(secondRequests.some((r) => r.startsWith('/cdx'))).toBe(true);
    expect(secondRequests.filter((r) => r.startsWith('/web/'))).toEqual([]);
  });
});

describe('a source read through a TimeMap, from an archive that rate-limits', () => {
  it('meets the redirect and error captures, waits out Retry-After, and still loads every article', async () => {
    const env = await setup('timemap', { rateLimit: { requests: 4, windowMs: 1000, retryAfterSeconds: 1 } });
    const report = await runPipeline(env.loaded, { progress: quiet });
    expect(report.sources[0]!.articles).toBeGreaterThanOrEqual(5);
    const db = await openDatabase(env.db, { readOnly: true });
    const docs = await db.query<{ n: number }>('SELECT count(*) AS n FROM documents');
    const errors = await db.query<{ reason: string }>('SELECT DISTINCT reason FROM fetch_errors ORDER BY reason');
    db.close();
    expect(docs[0]!.n).toBe(5);
    expect(errors.map((e) => e.reason)).toEqual(['archived_http_503', 'archived_redirect']);
  }, 120_000);
});
