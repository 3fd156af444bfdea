// The DESIGN.md split of the status vocabulary: a service's lifecycle in an area, the events of
// the providers running it, and reviews. "The status of X in Y" is the latest lifecycle fact,
// shown beside the current provider and any open review, never replaced by them.
import type { RolloutStatus } from '../types.ts';

export type StatusAxis = 'lifecycle' | 'provider' | 'review';

export const STATUS_AXES: Record<StatusAxis, readonly RolloutStatus[]> = {
  lifecycle: ['planned', 'live', 'delayed', 'paused', 'resumed', 'cancelled'],
  provider: ['provider_appointed', 'provider_withdrawn'],
  review: ['under_review'],
};

export function axisOf(status: string): StatusAxis | null {
  for (const [axis, statuses] of Object.entries(STATUS_AXES) as [StatusAxis, readonly string[]][]) {
    if (statuses.includes(status)) return axis;
  }
  return null;
}

/** `CASE` expression giving the axis of a status column, for the views. */
export function axisSql(column: string): string {
  const arms = (Object.entries(STATUS_AXES) as [StatusAxis, readonly string[]][]).map(
    ([axis, statuses]) => `WHEN ${column} IN (${statuses.map((s) => `'${s}'`).join(', ')}) THEN '${axis}'`,
  );
  return `CASE ${arms.join(' ')} END`;
}
