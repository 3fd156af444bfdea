// One colour per rollout status, shared by the report and the browse page.
// Okabe-Ito based, so the main statuses stay apart for colour-blind readers.
import { ROLLOUT_STATUSES, type RolloutStatus } from '../types.ts';

export const STATUS_COLOURS: Record<RolloutStatus, string> = {
  planned: '#56B4E9',
  live: '#009E73',
  delayed: '#E69F00',
  paused: '#D55E00',
  resumed: '#0072B2',
  cancelled: '#333333',
  under_review: '#CC79A7',
  provider_appointed: '#8E6CC0',
  provider_withdrawn: '#8C564B',
};

const UNKNOWN = '#AAAAAA';

export function statusColour(status: string): string {
  return (ROLLOUT_STATUSES as readonly string[]).includes(status) ? STATUS_COLOURS[status as RolloutStatus] : UNKNOWN;
}

/** "provider_appointed" → "provider appointed". */
export function statusLabel(status: string): string {
  return status.replace(/_/g, ' ');
}
