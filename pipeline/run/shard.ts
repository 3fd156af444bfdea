// `--shard K/N`: a deterministic slice of the work, so N machines can split a backfill and
// `rollwatch merge` can put their files back together. Crawls are split by host (one host's
// politeness is one machine's business); imports and reprocessing by document, so every
// capture of one article lands in the same shard and its versions stay together.
import { createHash } from 'node:crypto';
import { UsageError } from '../cli/exit.ts';
import type { Source } from '../sources/schema.ts';

export interface Shard {
  /** 1-based: shard K of N. */
  index: number;
  count: number;
}

/** Parses `K/N` (1 ≤ K ≤ N ≤ 1000), as the command line writes it. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || count > 1000 || index < 1 || index > count) {
    throw new UsageError(`--shard takes K/N with 1 <= K <= N <= 1000, such as 2/3 (not "${text}")`);
  }
  return { index, count };
}

/** The shard (1-based) a key belongs to: a hash, so neighbouring ids spread over every shard. */
export function shardOf(key: string, count: number): number {
  const h = createHash('sha256').update(key).digest();
  return (h.readUInt32BE(0) % count) + 1;
}

/** True when `key` is this shard's work; with no shard, everything is. */
export function inShard(key: string, shard: Shard | undefined): boolean {
  return !shard || shard.count === 1 || shardOf(key, shard.count) === shard.index;
}

/**
 * The sources a crawl shard runs. A source goes with its site's host; hosts are dealt round-robin
 * in name order, so N shards over N hosts get one each, and sources sharing a host share a shard.
 */
export function sourcesInShard(sources: Source[], shard: Shard | undefined): Source[] {
  if (!shard || shard.count === 1) return sources;
  const hostOf = (s: Source) => new URL(s.site).host.toLowerCase();
  const hosts = [...new Set(sources.map(hostOf))].sort();
  const slot = new Map(hosts.map((h, i) => [h, (i % shard.count) + 1]));
  return sources.filter((s) => slot.get(hostOf(s)) === shard.index);
}
