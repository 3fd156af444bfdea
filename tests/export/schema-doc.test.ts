import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderSchemaDoc } from '../../pipeline/export/schema-doc.ts';
import { EXAMPLE_QUERIES } from '../../pipeline/export/schema-examples.ts';
import { installAnalystLayer } from '../../pipeline/load/views.ts';
import { createTestDb, type TestDb } from './test-db.ts';
import { seedRollouts } from './fixture.ts';

const SCHEMA_MD = fileURLToPath(new URL('../../docs/schema.md', import.meta.url));

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await installAnalystLayer(t.db);
});
afterAll(() => t.cleanup());

describe('docs/schema.md', () => {
  it('is what `rollwatch schema-doc` generates from a fresh database (regenerate it if this fails)', async () => {
    expect(readFileSync(SCHEMA_MD, 'utf8')).toBe(await renderSchemaDoc(t.db));
  });

  it('documents every column, with nothing left undocumented', async () => {
    const doc = await renderSchemaDoc(t.db);
    expect(doc).not.toContain('(undocumented)');
    for (const name of ['v_rollout_current', 'v_timeline', 'v_quotes', 'status_on', 'documents', 'rollout_events']) {
      expect(doc).toContain(`## ${name}`);
    }
  });

  it('shows a table that has no comment yet as undocumented rather than hiding it', async () => {
    await t.db.run('CREATE TABLE scratch_counts (n INTEGER)');
    try {
      const doc = await renderSchemaDoc(t.db);
      expect(doc).toMatch(/## scratch_counts\n\n\*table\* — \*\(undocumented\)\*/);
    } finally {
      await t.db.run('DROP TABLE scratch_counts');
    }
  });

  it('every worked example runs and answers from the sample data', async () => {
    await seedRollouts(t.db);
    for (const example of EXAMPLE_QUERIES) {
      const rows = await t.db.query(example.sql);
      if (!example.sql.includes('source_runs')) expect(rows.length, example.question).toBeGreaterThan(0);
    }
  });
});
