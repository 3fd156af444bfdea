// The compiled reference record shipped in sources/reference/organisations.json.

export type OrgKind =
  | 'ccg' | 'pct' | 'sha' | 'area_team' | 'nhse_region' | 'stp' | 'icb'
  | 'trust' | 'independent_provider' | 'local_authority'
  /** Welsh local health boards (they commission and run services for their area). */
  | 'health_board';

export interface ReferenceOrg {
  kind: OrgKind;
  /** ODS code for NHS bodies; GSS code for councils and counties. */
  code: string;
  gss: string | null;
  /** Display name without "NHS"/"CCG"-style decoration (trusts keep their full name). */
  name: string;
  /** Every name the sources give, as written there. */
  aliases: string[];
  /** ISO days; null when the sources do not say. */
  from: string | null;
  to: string | null;
  parent: string | null;
}

/** Kinds that stand for an area (regions); the rest run services (providers). */
export const REGION_KINDS: ReadonlySet<OrgKind> = new Set<OrgKind>([
  'ccg', 'pct', 'sha', 'area_team', 'nhse_region', 'stp', 'icb', 'local_authority', 'health_board',
]);
