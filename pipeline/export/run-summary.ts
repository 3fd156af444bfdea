// The per-source table of one run, as Markdown for the CI job summary
// ($GITHUB_STEP_SUMMARY), and which sources broke, so the job can fail on them.
import type { Database } from '../load/db.ts';

/**
 * source_runs.status values that mean the source worked. The loader writes ok,
 * failed or empty (no articles: a moved sitemap or redesigned listing), the same
 * rule by which `rollwatch run` exits 3.
 */
export const WORKING_SOURCE_STATUSES = ['ok'] as const;

export interface SourceRunRow {
  source_id: string;
  status: string;
  discovered: number;
  fetched: number;
  not_modified: number;
  failed: number;
  articles: number;
  events: number;
  message: string | null;
}

export interface RunSummary {
  runId: string | null;
  markdown: string;
  /** Sources that broke: any status but ok. */
  broken: string[];
  /** The run never finished (killed, or stopped by an error): its counts are what it committed. */
  interrupted: boolean;
}

function md(text: unknown): string {
  return String(text ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function isBroken(row: SourceRunRow): boolean {
  return !(WORKING_SOURCE_STATUSES as readonly string[]).includes(row.status.toLowerCase());
}

/** Summary of `runId`, or of the latest run when none is given. */
export async function renderRunSummary(db: Database, runId?: string): Promise<RunSummary> {
  const [run] = await db.query<{
    run_id: string;
    started_at: string;
    finished_at: string | null;
    status: string;
    pages_fetched: number;
    pages_failed: number;
    pages_not_modified: number;
    documents_new: number;
    documents_changed: number;
    events_added: number;
  }>(
    runId
      ? 'SELECT * FROM runs WHERE run_id = ?'
      : 'SELECT * FROM runs ORDER BY started_at DESC, run_id DESC LIMIT 1',
    runId ? [runId] : [],
  );
  if (!run) {
    return { runId: null, markdown: '## rollwatch run\n\nNo run recorded in the database.\n', broken: [], interrupted: false };
  }
  const sources = await db.query<SourceRunRow>('SELECT * FROM source_runs WHERE run_id = ? ORDER BY source_id', [run.run_id]);
  const broken = sources.filter(isBroken).map((s) => s.source_id);
  const [totals] = await db.query<{ documents: number; facts: number }>(
    'SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM rollout_events) AS facts',
  );
  // A reader cannot open the file while a run writes it, so a run without an end was stopped.
  const interrupted = run.finished_at === null;
  const lines = [
    `## rollwatch run ${md(run.run_id)}`,
    '',
    ...(interrupted
      ? ['**Interrupted: this run never finished** (killed, or stopped by an error). Its counts are what it committed; the next run resumes it.', '']
      : []),
    `${broken.length ? `**${broken.length} source(s) broken: ${broken.map(md).join(', ')}.**` : 'All sources worked.'} Run status: ${md(run.status)}; started ${md(run.started_at)}, finished ${md(run.finished_at ?? 'not finished')}.`,
    '',
    `Pages fetched ${run.pages_fetched}, not modified ${run.pages_not_modified}, failed ${run.pages_failed}; articles new ${run.documents_new}, changed ${run.documents_changed}; facts added ${run.events_added}. The database now holds ${totals.documents} articles and ${totals.facts} facts.`,
    '',
    '| source | status | discovered | fetched | not modified | failed | articles | facts | message |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const s of sources) {
    const mark = isBroken(s) ? '❌ ' : '';
    lines.push(
      `| ${md(s.source_id)} | ${mark}${md(s.status)} | ${s.discovered} | ${s.fetched} | ${s.not_modified} | ${s.failed} | ${s.articles} | ${s.events} | ${md(s.message)} |`,
    );
  }
  if (sources.length === 0) lines.push('| *(no sources recorded)* | | | | | | | | |');
  return { runId: run.run_id, markdown: `${lines.join('\n')}\n`, broken, interrupted };
}
