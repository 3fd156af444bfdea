// What a person can filter facts by, turned into a SQL WHERE clause whose every
// value is a bound parameter: filter text never becomes SQL.
import type { DuckDBValue } from '@duckdb/node-api';
import { boundAreaMatch } from '../load/views.ts';
import { ROLLOUT_STATUSES } from '../types.ts';

export interface FactFilters {
  /** Service name(s), case-insensitive exact match (e.g. "NHS 111"). */
  service?: string | string[];
  /**
   * Region name(s) or code(s), any case: facts about the area, the areas inside it and the areas
   * that contain it below the national level (load/views.ts areaMatchSql).
   */
  region?: string | string[];
  /** Provider name(s), case-insensitive exact match. */
  provider?: string | string[];
  /** Status(es) from the DESIGN.md vocabulary (planned, live, delayed, …). */
  status?: string | string[];
  /** Source declaration id(s) (documents.source_id). */
  source?: string | string[];
  /** Reported on or after this day: YYYY, YYYY-MM or YYYY-MM-DD. */
  since?: string;
  /** Reported on or before this day: YYYY, YYYY-MM or YYYY-MM-DD (a year or month counts to its end). */
  until?: string;
}

/** A filter a person typed that cannot mean anything; the message says how to fix it. */
export class FilterError extends Error {
  override name = 'FilterError';
}

export const FILTER_NAMES = ['service', 'region', 'provider', 'status', 'source', 'since', 'until'] as const;

function values(v: string | string[] | undefined): string[] {
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter((s) => s !== '');
}

function isoDay(input: string, end: boolean, flag: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(input.trim());
  if (!m) throw new FilterError(`--${flag} takes a date such as 2013, 2013-06 or 2013-06-30 (got "${input}")`);
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : end ? 12 : 1;
  if (month < 1 || month > 12) throw new FilterError(`--${flag}: month must be 01 to 12 (got "${input}")`);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = m[3] ? Number(m[3]) : end ? lastDay : 1;
  if (day < 1 || day > lastDay) throw new FilterError(`--${flag}: ${input} is not a day of the calendar`);
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * WHERE clause over a relation aliased `f` with columns service, region,
 * provider, status, source_id and reported_on (regions are matched through area_within).
 */
export function whereClause(filters: FactFilters): { sql: string; params: DuckDBValue[] } {
  const parts: string[] = [];
  const params: DuckDBValue[] = [];
  const anyOf = (columns: string[], wanted: string[]) => {
    if (wanted.length === 0) return;
    const marks = wanted.map(() => 'lower(?)').join(', ');
    parts.push(`(${columns.map((c) => `lower(${c}) IN (${marks})`).join(' OR ')})`);
    for (let i = 0; i < columns.length; i++) params.push(...wanted);
  };
  anyOf(['f.service'], values(filters.service));
  const regions = values(filters.region);
  if (regions.length) {
    const matches = regions.map(boundAreaMatch);
    parts.push(`(${matches.map((m) => `lower(f.region) IN (SELECT lower(region) FROM (${m.sql}))`).join(' OR ')})`);
    for (const m of matches) params.push(...m.params);
  }
  anyOf(['f.provider'], values(filters.provider));
  anyOf(['f.source_id'], values(filters.source));
  const statuses = values(filters.status).map((s) => s.toLowerCase().replace(/[\s-]+/g, '_'));
  for (const s of statuses) {
    if (!(ROLLOUT_STATUSES as readonly string[]).includes(s)) {
      throw new FilterError(`--status "${s}" is not a status; use one of: ${ROLLOUT_STATUSES.join(', ')}`);
    }
  }
  anyOf(['f.status'], statuses);
  const since = filters.since?.trim() ? isoDay(filters.since, false, 'since') : null;
  const until = filters.until?.trim() ? isoDay(filters.until, true, 'until') : null;
  if (since && until && since > until) throw new FilterError(`--since ${since} is after --until ${until}`);
  if (since) {
    parts.push('f.reported_on >= CAST(? AS DATE)');
    params.push(since);
  }
  if (until) {
    parts.push('f.reported_on <= CAST(? AS DATE)');
    params.push(until);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** Filters from URL search parameters (the browse page and its CSV link use the same names). */
export function filtersFromSearchParams(params: URLSearchParams): FactFilters {
  const filters: FactFilters = {};
  for (const name of ['service', 'region', 'provider', 'status', 'source'] as const) {
    const all = params.getAll(name).filter((v) => v !== '');
    if (all.length) filters[name] = all;
  }
  for (const name of ['since', 'until'] as const) {
    const v = params.get(name);
    if (v) filters[name] = v;
  }
  return filters;
}
