// `rollwatch import`: WARC files written elsewhere load like crawled pages, only what belongs to a
// configured source is kept, a second import adds nothing, and a damaged file still gives up the
// records before the damage.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArchive } from '../../pipeline/archive/index.ts';
import { openDatabase, type Database } from '../../pipeline/load/db.ts';
import { mergeDatabases } from '../../pipeline/load/merge.ts';
import { docIdFor } from '../../pipeline/load/store.ts';
import { importWarcFiles, type ImportReport } from '../../pipeline/run/import.ts';
import { createProgress } from '../../pipeline/run/progress.ts';
import { reprocess } from '../../pipeline/run/reprocess.ts';
import { loadConfig, type LoadedConfig } from '../../pipeline/sources/load.ts';
import { writeWarc, type TestRecord } from '../archive/warc-writer.ts';

const quiet = createProgress(process.stderr, true);
const SITE = 'https://www.cluster-news.example';

/** A news page in our own words: the trust's NHS 111 line, in the state `status` says. */
function article(slug: string, day: string, status: string): string {
  return `<!DOCTYPE html><html><head><title>${slug}</title><meta property="article:published_time" content="${day}T09:00:00Z"></head>
<body><article><h1>NHS 111 update for the county</h1>
<p>The NHS 111 telephone service for the county ${status}, the primary care trust confirmed at its board meeting this week.</p>
<p>Callers who need urgent care but not an ambulance should ring the free number, which is answered by trained advisers around the clock.</p>
<p>The trust said it would publish call figures each month so that local GPs and patients can see how the service is working.</p>
</article></body></html>`;
}

const at = (day: string) => `${day}T12:00:00Z`;
const page = (path: string, day: string, status: string, captured = day): TestRecord => ({ url: `${SITE}${path}`, date: at(captured), body: article(path, day, status) });

export function newsWarc(): TestRecord[] {
  return [
    { type: 'warcinfo' },
    { type: 'request', url: `${SITE}/news/111-pilot` },
    page('/news/111-pilot', '2012-01-10', 'will start as a pilot in the spring'),
    page('/news/111-live', '2012-04-02', 'went live on Monday'),
    // The same article captured twice: the later capture carries an update.
    page('/news/111-review', '2012-06-01', 'is being reviewed after a difficult first weekend', '2012-06-01'),
    page('/news/111-review', '2012-06-01', 'has been paused while a review takes place', '2012-06-20'),
    { url: 'https://elsewhere.example/news/111-pilot', date: at('2012-01-10'), body: article('x', '2012-01-10', 'is elsewhere') },
    page('/about-us', '2012-01-01', 'is described here'),
    { url: `${SITE}/news/gone`, date: at('2012-02-01'), status: 404, body: '<h1>Not found</h1>' },
    { url: `${SITE}/news/chart.png`, date: at('2012-02-01'), contentType: 'image/png', body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]) },
  ];
}

describe('rollwatch import', () => {
  let dir: string;
  let loaded: LoadedConfig;
  let news: string;
  let cut: string;
  let first: ImportReport;
  let second: ImportReport;
  let db: Database;
  let countsAfterFirst: Record<string, number>;

  const counts = async (d: Database) => {
    const out: Record<string, number> = {};
    for (const t of ['documents', 'earlier_versions', 'rollout_events', 'captures', 'entities']) {
      out[t] = (await d.query<{ n: number }>(`SELECT count(*) AS n FROM ${t}`))[0]!.n;
    }
    return out;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rollwatch-import-'));
    writeFileSync(
      join(dir, 'cluster.json'),
      JSON.stringify({ id: 'cluster-news', name: 'Cluster news', site: SITE, hosts: ['www.cluster-news.example'], discover: [{ urls: [`${SITE}/news/`] }], articles: { include: ['^/news/'] } }),
    );
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ sources: ['cluster.json'], db: join(dir, 'db.duckdb'), archive: join(dir, 'archive'), workers: 0 }));
    loaded = loadConfig(join(dir, 'config.json'));
    news = join(dir, 'news.warc.gz');
    await writeWarc(news, newsWarc());
    // A download cut off inside its last record.
    const whole = join(dir, 'whole.warc.gz');
    const ranges = await writeWarc(whole, [page('/news/a', '2012-09-01', 'is running well'), page('/news/b', '2012-10-01', 'is busier than expected'), page('/news/c', '2012-11-01', 'has new advisers')]);
    cut = join(dir, 'cut.warc.gz');
    writeFileSync(cut, readFileSync(whole).subarray(0, ranges[2]!.start + 40));
    first = await importWarcFiles(loaded, [news, cut], { progress: quiet });
    db = await openDatabase(loaded.paths.db);
    countsAfterFirst = await counts(db);
    db.close();
    second = await importWarcFiles(loaded, [news, cut], { progress: quiet });
    db = await openDatabase(loaded.paths.db);
  }, 120_000);

  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps only the 2xx HTML responses on a source's hosts and article pattern, and says why it passed over the rest", () => {
    expect(first.files[0]).toMatchObject({
      records: 10, responses: 8, articles: 4, documentsNew: 3, earlierVersions: 1, notArticles: 2, notPages: 2, failed: 0, damage: null,
    });
  });

  it('loads each capture at the time it was captured, with the file and record it came from', async () => {
    const rows = await db.query<{ url: string; at: string; origin: string; run_id: string }>(
      "SELECT url, strftime(fetched_at, '%Y-%m-%d') AS at, origin, run_id FROM captures ORDER BY fetched_at, url",
    );
    expect(rows[0]).toMatchObject({ url: `${SITE}/news/111-pilot`, at: '2012-01-10', run_id: first.runId });
    expect(rows.every((r) => /^(news|cut)\.warc\.gz#<urn:uuid:[0-9a-f-]+>$/.test(r.origin))).toBe(true);
  });

  it('two different captures of one article are one document whose facts come from the later one', async () => {
    const id = docIdFor(`${SITE}/news/111-review`);
    const events = await db.query<{ status: string }>('SELECT status FROM rollout_events WHERE doc_id = ?', [id]);
    expect(events.map((e) => e.status)).toContain('paused');
    const [version] = await db.query<{ body: string }>('SELECT body FROM earlier_versions WHERE doc_id = ?', [id]);
    expect(version?.body).toContain('is being reviewed after a difficult first weekend');
  });

  it('imports the records before the damage in a truncated file and reports where it is damaged', async () => {
    expect(first.status).toBe('input_damaged');
    expect(first.files[1]).toMatchObject({ articles: 2, documentsNew: 2 });
    expect(first.files[1]!.damage).toMatch(/unreadable from byte \d+/);
  });

  it('a second import of the same files adds nothing', async () => {
    expect(second.files.map((f) => f.alreadyImported)).toEqual([4, 2]);
    expect(second.counts).toMatchObject({ pagesFetched: 0, documentsNew: 0, documentsChanged: 0, eventsAdded: 0 });
    expect(await counts(db)).toEqual(countsAfterFirst);
  });

  it('copies what it keeps into the archive, so reprocess rebuilds the facts offline', async () => {
    const archived: string[] = [];
    for await (const r of readArchive(loaded.paths.archive)) archived.push(r.url);
    expect(archived).toHaveLength(6);
    const before = await db.query('SELECT * FROM rollout_events ORDER BY ALL');
    db.close();
    const report = await reprocess(loaded, { progress: quiet });
    db = await openDatabase(loaded.paths.db);
    expect(report.missing).toEqual([]);
    expect(await db.query('SELECT * FROM rollout_events ORDER BY ALL')).toEqual(before);
  });

  it('reprocess --shard: two slices rebuilt into their own files and merged give back the same database', async () => {
    const tables = ['documents', 'earlier_versions', 'rollout_events', 'entities', 'captures', 'runs'];
    const dump = async (d: Database) => Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await d.query(`SELECT * FROM ${t} ORDER BY ALL`)])));
    const whole = await dump(db);
    db.close();
    const slices: string[] = [];
    let rebuilt = 0;
    for (const index of [1, 2]) {
      const out = { ...loaded, paths: { ...loaded.paths, db: join(dir, `reprocessed-${index}.duckdb`) } };
      const report = await reprocess(out, { progress: quiet, from: loaded.paths.db, shard: { index, count: 2 } });
      expect(report.missing).toEqual([]);
      rebuilt += report.reprocessed;
      slices.push(out.paths.db);
    }
    expect(rebuilt).toBe(whole.documents.length);
    const merged = join(dir, 'reprocessed.duckdb');
    await mergeDatabases(slices, merged);
    const m = await openDatabase(merged, { readOnly: true });
    expect(await dump(m)).toEqual(whole);
    m.close();
    db = await openDatabase(loaded.paths.db);
  });

  it('with --shard, each document lands in exactly one shard', async () => {
    const docs: string[][] = [];
    for (const index of [1, 2]) {
      const shardConfig = { ...loaded, paths: { db: join(dir, `shard${index}.duckdb`), archive: join(dir, `archive${index}`) } };
      const report = await importWarcFiles(shardConfig, [news], { progress: quiet, shard: { index, count: 2 } });
      expect(report.files[0]!.articles + report.files[0]!.otherShards).toBe(4);
      const s = await openDatabase(shardConfig.paths.db);
      docs.push((await s.query<{ url: string }>('SELECT url FROM documents ORDER BY url')).map((r) => r.url));
      s.close();
    }
    const all = (await db.query<{ url: string }>("SELECT url FROM documents WHERE url NOT LIKE '%/news/_' ORDER BY url")).map((r) => r.url);
    expect([...docs[0]!, ...docs[1]!].sort()).toEqual(all);
    expect(docs[0]!.filter((u) => docs[1]!.includes(u))).toEqual([]);
  });
});
