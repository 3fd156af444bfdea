// rollout_events.provider_code: the ODS code of the provider an extracted fact names, stored as the analysis gives it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyse } from '../../pipeline/analyse/index.ts';
import { openDatabase } from '../../pipeline/load/db.ts';
import { minhashSignature } from '../../pipeline/load/near-duplicates.ts';
import { Store, type PageRecord } from '../../pipeline/load/store.ts';
import { article, knowledge } from '../analyse/helpers.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('provider codes in the database', () => {
  it('a fact whose provider is a known trust stores its ODS code; a fact with no provider stores null', async () => {
    const a = article(['South Central Ambulance Service will take over the NHS 111 service in Buckinghamshire from October.', 'NHS 111 went live in Cornwall in April.'], '2013-09-01');
    const findings = analyse(a, knowledge());
    const url = 'https://news.example/scas';
    const record: PageRecord = {
      capture: { url, sourceId: 'test', fetchedAt: '2013-09-02T08:00:00.000Z', status: 200, contentType: 'text/html', etag: null, lastModified: null, contentHash: 'h' },
      docUrl: url,
      article: { url, title: null, published: a.published, publishedRaw: a.published, publishedSource: 'meta', updated: null, author: null, body: a.body },
      signature: minhashSignature(a.body),
      findings,
    };
    const dir = mkdtempSync(join(tmpdir(), 'rollwatch-provider-code-'));
    dirs.push(dir);
    const db = await openDatabase(join(dir, 'db.duckdb'));
    try {
      await new Store(db).savePages('run1', [record]);
      const rows = await db.query<{ region: string; provider: string | null; provider_code: string | null }>('SELECT region, provider, provider_code FROM rollout_events ORDER BY region');
      expect(rows).toContainEqual({ region: 'Buckinghamshire', provider: 'South Central Ambulance Service', provider_code: 'RYE' });
      for (const r of rows) if (r.provider === null) expect(r.provider_code).toBeNull();
    } finally {
      db.close();
    }
  });
});
