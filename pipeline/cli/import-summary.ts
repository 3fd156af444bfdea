// What a person reads at the end of `rollwatch import`: one row per file, then the totals.
import type { ImportReport } from '../run/import.ts';
import { formatTable } from './summary.ts';

export function printImportTable(report: ImportReport, out: NodeJS.WritableStream): void {
  out.write(`\nimport ${report.runId}: ${report.status}\n`);
  out.write(
    formatTable(
      ['file', 'records', 'responses', 'articles', 'new', 'changed', 'earlier', 'already', 'not articles', 'not pages', 'other shards', 'failed', 'events', 'damage'],
      report.files.map((f) => [
        f.file, f.records, f.responses, f.articles, f.documentsNew, f.documentsChanged, f.earlierVersions, f.alreadyImported,
        f.notArticles, f.notPages, f.otherShards, f.failed, f.eventsAdded, f.damage,
      ]),
    ),
  );
  const c = report.counts;
  out.write(
    `articles loaded ${c.pagesFetched}, already imported ${c.pagesNotModified}, failed ${c.pagesFailed}; ` +
      `documents new ${c.documentsNew}, changed ${c.documentsChanged}; events added ${c.eventsAdded}\n`,
  );
  out.write(
    '(articles: responses on a source\'s hosts and article pattern; earlier: older than the stored version, kept as an earlier version; ' +
      'not pages: not 2xx or not HTML)\n',
  );
}
