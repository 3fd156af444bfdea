// What `reprocess` will rebuild, and with what: each document's last good capture, the source
// declaration to extract it with (the one its run recorded, or the given config's), and the
// archive folder its raw record is in. A document it cannot place is a refusal, never a guess:
// extracting with another source's settings (selectors, defaultRegion) changes facts quietly.
import type { Database } from '../load/db.ts';
import { ConfigError, parseSource, type LoadedConfig } from '../sources/load.ts';
import { configSchema, type Source } from '../sources/schema.ts';

export interface WantedCapture {
  docId: string;
  url: string;
  sourceId: string;
  contentHash: string;
  fetchedAt: string;
  status: number;
  etag: string | null;
  lastModified: string | null;
  source: Source;
  /** The archive folder holding its raw record. */
  archive: string;
}

export interface ReprocessPlan {
  /** By WARC record id. */
  wanted: Map<string, WantedCapture>;
  /** Archive folders to read, in the order first needed. */
  archives: string[];
}

/**
 * `recorded` (the default): each page is extracted with the declaration the run that captured
 * it recorded (run_sources). `config`: with the given config's declarations, refusing pages of
 * sources it does not declare.
 */
export type DeclarationChoice = 'recorded' | 'config';

interface CaptureRow {
  doc_id: string;
  url: string;
  source_id: string;
  content_hash: string;
  fetched_at: string;
  status: number;
  etag: string | null;
  last_modified: string | null;
  warc_record_id: string;
  run_id: string | null;
  declaration: string | null;
  archive_dir: string | null;
}

/** A run config for reprocessing with what the database recorded: defaults for every setting, no sources of its own. */
export function recordedConfig(db: string, archive = ''): LoadedConfig {
  return { config: configSchema.parse({ sources: ['(recorded in the database)'] }), sources: [], paths: { db, archive } };
}

async function lastGoodCaptures(db: Database): Promise<CaptureRow[]> {
  return db.query<CaptureRow>(
    `SELECT d.doc_id, d.url, d.source_id, d.content_hash, strftime(d.fetched_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS fetched_at,
            c.status, c.etag, c.last_modified, c.warc_record_id, c.run_id, s.declaration, r.archive_dir
       FROM documents d
       JOIN captures c ON c.doc_id = d.doc_id AND c.content_hash = d.content_hash AND c.warc_record_id IS NOT NULL
       LEFT JOIN run_sources s ON s.run_id = c.run_id AND s.source_id = d.source_id
       LEFT JOIN runs r ON r.run_id = c.run_id
      QUALIFY row_number() OVER (PARTITION BY d.doc_id ORDER BY c.fetched_at DESC) = 1`,
  );
}

/** Names what could not be placed, per source, with how many documents: the refusal's message. */
function tally(problems: Map<string, number>): string {
  return [...problems].map(([id, n]) => `${id} (${n} document${n === 1 ? '' : 's'})`).join(', ');
}

export async function planReprocess(
  db: Database,
  loaded: LoadedConfig,
  choice: DeclarationChoice,
  archiveOverride?: string,
): Promise<ReprocessPlan> {
  const configured = new Map(loaded.sources.map((s) => [s.id, s]));
  const recorded = new Map<string, Source>();
  const undeclared = new Map<string, number>();
  const unrecorded = new Map<string, number>();
  const wanted = new Map<string, WantedCapture>();
  const archives: string[] = [];
  for (const r of await lastGoodCaptures(db)) {
    let source: Source | undefined;
    if (choice === 'config') source = configured.get(r.source_id);
    else if (r.declaration !== null) {
      const key = `${r.run_id}\u0000${r.source_id}`;
      source = recorded.get(key) ?? parseSource(JSON.parse(r.declaration), `${db.path} (run ${r.run_id}, source ${r.source_id})`);
      recorded.set(key, source);
    }
    if (!source) {
      const problems = choice === 'config' ? undeclared : unrecorded;
      problems.set(r.source_id, (problems.get(r.source_id) ?? 0) + 1);
      continue;
    }
    const archive = archiveOverride ?? r.archive_dir ?? loaded.paths.archive;
    if (!archives.includes(archive)) archives.push(archive);
    wanted.set(r.warc_record_id, {
      docId: r.doc_id, url: r.url, sourceId: r.source_id, contentHash: r.content_hash, fetchedAt: r.fetched_at,
      status: r.status, etag: r.etag, lastModified: r.last_modified, source, archive,
    });
  }
  if (undeclared.size) {
    throw new ConfigError(
      `${db.path} holds pages of sources ${loaded.file ?? 'the config'} does not declare: ${tally(undeclared)}. ` +
        'Reprocess without --config to extract every page with the declaration its run recorded, or add those sources to the config.',
    );
  }
  if (unrecorded.size) {
    throw new ConfigError(
      `${db.path} holds pages captured before rollwatch recorded runs' source declarations: ${tally(unrecorded)}. ` +
        'Pass --config FILE naming those sources (for the demo, sources/sample/demo.config.json).',
    );
  }
  return { wanted, archives };
}
