// What a person reads at the end of a run: the per-source table, and for the demo a short tour of the data.
import { openDatabase } from '../load/db.ts';
import type { RunReport } from '../run/run.ts';

export function formatTable(headers: string[], rows: (string | number | null)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === null ? '' : String(c))))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (typeof rows[0]?.[i] === 'number' ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n') + '\n';
}

export function printRunTable(report: RunReport, out: NodeJS.WritableStream): void {
  out.write(`\nrun ${report.runId}${report.resumedFrom ? ` (resumed ${report.resumedFrom})` : ''}: ${report.status}\n`);
  out.write(
    formatTable(
      ['source', 'status', 'discovered', 'fetched', 'not modified', 'skipped (lastmod)', 'failed', 'articles', 'events', 'note'],
      report.sources.map((s) => [s.sourceId, s.status, s.discovered, s.fetched, s.notModified, s.skippedLastmod, s.failed, s.articles, s.events, s.message]),
    ),
  );
  const c = report.counts;
  out.write(
    `pages fetched ${c.pagesFetched}, not modified ${c.pagesNotModified}, skipped by sitemap lastmod ${c.pagesSkippedLastmod}, failed ${c.pagesFailed}; ` +
      `documents new ${c.documentsNew}, changed ${c.documentsChanged}; events added ${c.eventsAdded}\n`,
  );
}

export async function printDemoSummary(dbPath: string, out: NodeJS.WritableStream): Promise<void> {
  const db = await openDatabase(dbPath, { readOnly: true });
  try {
    const [docs] = await db.query<{ n: number; dups: number }>(
      'SELECT count(*) AS n, count(duplicate_of) AS dups FROM documents',
    );
    out.write(`\n${dbPath}\ndocuments: ${docs?.n ?? 0} (${docs?.dups ?? 0} syndicated copies)\n\nevents by status:\n`);
    const byStatus = await db.query<{ status: string; n: number }>(
      'SELECT status, count(*) AS n FROM v_events GROUP BY status ORDER BY n DESC, status',
    );
    out.write(formatTable(['status', 'events'], byStatus.map((r) => [r.status, r.n])));
    out.write('\nstatus per service and region (latest lifecycle status; provider and open review beside it):\n');
    const latest = await db.query<{ service: string; region: string; status: string | null; since: string | null; provider: string | null; review: string | null }>(
      `SELECT service, region, status, effective AS since,
              CASE provider_status WHEN 'withdrawn' THEN 'none (' || provider_named || ' withdrew)' ELSE provider END AS provider,
              CASE WHEN review_open THEN 'open since ' || review_effective END AS review
         FROM v_rollout_current ORDER BY service, region`,
    );
    out.write(
      formatTable(
        ['service', 'region', 'status', 'since', 'provider', 'review'],
        latest.map((r) => [r.service, r.region, r.status ?? '(none reported)', r.since, r.provider, r.review]),
      ),
    );
  } finally {
    db.close();
  }
}
