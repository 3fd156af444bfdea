// "What is the status of X in Y": per service and area, the latest lifecycle status beside the
// current provider and any open review (the rules of STATUS_RULES in load/views.ts), for the
// service and area pairs the filtered facts are about. Shared by the report and the browse page.
import type { Database } from '../load/db.ts';
import { CURRENT_SQL, FACTS_SQL } from '../load/views.ts';
import { queryFacts, type FactRow } from './facts.ts';
import type { FactFilters } from './filters.ts';

export interface CurrentRow {
  service: string;
  region: string;
  /** Latest lifecycle status; null when only provider events or reviews are known. */
  status: string | null;
  effective: string | null;
  reported_on: string | null;
  target: string | null;
  evidence: string | null;
  event_id: string | null;
  title: string | null;
  url: string | null;
  provider: string | null;
  /** appointed, withdrawn (no current provider) or named (beside a lifecycle fact); null: none known. */
  provider_status: string | null;
  provider_named: string | null;
  provider_effective: string | null;
  provider_evidence: string | null;
  provider_event_id: string | null;
  provider_url: string | null;
  review_open: boolean;
  review_effective: string | null;
  review_evidence: string | null;
  review_event_id: string | null;
  review_url: string | null;
  reports: number;
}

// Built on FACTS_SQL, as the exports are, so it also reads files opened read-only.
const SQL = `WITH v_events AS (${FACTS_SQL})
SELECT * EXCLUDE (effective, reported_on, provider_effective, review_effective),
       CAST(effective AS VARCHAR) AS effective, CAST(reported_on AS VARCHAR) AS reported_on,
       CAST(provider_effective AS VARCHAR) AS provider_effective, CAST(review_effective AS VARCHAR) AS review_effective
FROM (${CURRENT_SQL}) ORDER BY service, region`;

/** The status table for the pairs in `facts` (the filtered facts; all facts when omitted). */
export async function queryCurrent(db: Database, filters: FactFilters = {}, facts?: FactRow[]): Promise<CurrentRow[]> {
  const shown = facts ?? (await queryFacts(db, filters));
  const pairs = new Set(shown.map((f) => `${f.service}\u0000${f.region}`));
  const rows = await db.query<CurrentRow>(SQL);
  return rows.filter((r) => pairs.has(`${r.service}\u0000${r.region}`));
}
