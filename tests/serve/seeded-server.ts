// A seeded database file served by startServer, for the serve tests.
import { installAnalystLayer } from '../../pipeline/load/views.ts';
import { startServer, type RunningServer } from '../../pipeline/serve/server.ts';
import { createTestDb, type TestDb } from '../export/test-db.ts';
import { insertDocument, insertEvent, seedRollouts } from '../export/fixture.ts';

export const XSS_EVIDENCE = 'Staff in Kent <img src=x onerror="window.pwned=1"> said the service is under review.';

export async function seededServer(): Promise<{ server: RunningServer; t: TestDb }> {
  const t = await createTestDb();
  await seedRollouts(t.db);
  await insertDocument(t.db, {
    doc_id: 'd-xss',
    url: 'javascript:window.pwned=2',
    source_id: 'health-news',
    title: '<b>Kent</b> review',
    published_at: '2014-03-03',
    paragraphs: ['An opening paragraph.', XSS_EVIDENCE],
  });
  await insertEvent(t.db, { event_id: 'x1', doc_id: 'd-xss', service: 'NHS 111', region: 'Kent', status: 'under_review', evidence: XSS_EVIDENCE });
  await installAnalystLayer(t.db);
  // The server opens the file read-only; DuckDB wants no writer open beside it.
  t.db.close();
  const server = await startServer(t.path, { port: 0, host: '127.0.0.1' });
  return { server, t };
}
